import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvironmentsService, createEnvironmentsStore } from './environments';
import { createKeychain } from './keychain';
import { realKeytarIfReachable } from './testing/real-keytar';
import { createVariablesService } from './variables';
import { secretVariableAccount } from './variables-secrets';

/**
 * Secret variables through the real Secret Service (gnome-keyring). Run with:
 * bash scripts/with-keyring.sh --private npx vitest run electron/services/variables.keychain.test.ts
 */

const keytar = realKeytarIfReachable();
const SECRET = 'tok-REAL-KEYRING-SECRET-7e6d5c4b';
let dir: string | undefined;

afterEach(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe.skipIf(keytar === null)('secret variables in the real keychain (needs a Secret Service on the session bus)', () => {
  it('are stored under their own account beside the API key, read back only for resolution, and removed with the environment', async () => {
    if (keytar === null) return;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-variables-keyring-'));
    const serviceName = `Mailgun Explorer variables ${randomUUID()}`;
    const keychain = createKeychain({ keytar, serviceName });
    const clock = () => Date.parse('2026-12-01T23:00:00.000Z');
    const environments = createEnvironmentsService({ store: createEnvironmentsStore({ dir, clock }), keychain, clock, newId: randomUUID });
    const variables = createVariablesService({ environments, keychain });
    const environment = await environments.save({
      name: 'Keyring',
      region: 'us',
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'blue',
    });
    await environments.setApiKey(environment.id, 'key-REAL-KEYRING-API-KEY-0123');
    const saved = await variables.save(environment.id, [{ name: 'token', secret: true, value: SECRET }]);
    expect(saved.variables).toEqual([{ name: 'token', secret: true, isSet: true }]);
    expect(await keytar.getPassword(serviceName, secretVariableAccount(environment.id, 'token'))).toBe(SECRET);
    expect(await keytar.getPassword(serviceName, environment.id)).toBe('key-REAL-KEYRING-API-KEY-0123');
    expect(JSON.stringify(await variables.preview(environment.id))).not.toContain(SECRET);
    const resolved = await variables.resolveValues(
      environment.id,
      { id: 'domains.list' },
      { params: {}, headers: [{ name: 'X-T', value: '{{token}}' }] },
    );
    expect(resolved.headers).toEqual([{ name: 'X-T', value: SECRET }]);
    const files = await fs.readdir(dir, { recursive: true });
    for (const file of files) {
      const full = path.join(dir, String(file));
      if ((await fs.stat(full)).isFile()) expect(await fs.readFile(full, 'utf8')).not.toContain(SECRET);
    }
    await environments.remove(environment.id);
    expect(await keytar.getPassword(serviceName, secretVariableAccount(environment.id, 'token'))).toBeNull();
  });
});
