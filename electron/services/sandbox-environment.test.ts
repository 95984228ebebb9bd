import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxServer } from '../../sandbox/server';
import { sandboxAuth } from '../../sandbox/test-support';
import { SANDBOX_API_KEY, SANDBOX_ENVIRONMENT_ID } from '../../shared/sandbox/constants';
import { createEnvironmentsService, createEnvironmentsStore, environmentsFileName } from './environments';
import { createKeychain } from './keychain';
import { createSandboxEnvironment, withSandboxClientHeader } from './sandbox-environment';
import { startLocalServer } from './testing/local-server';

let dir: string;
let keys: Map<string, string>;
let locked: boolean;
let ids = 0;
const clock = () => Date.UTC(2026, 0, 2);

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-env-'));
  keys = new Map();
  locked = false;
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** What main builds at each start, on the same data folder and keychain. */
function start(dataDir = dir) {
  const keychain = createKeychain({
    platform: 'linux',
    keytar: {
      // A locked gnome-keyring collection: reads and deletes find nothing, writes fail.
      getPassword: async (_s, account) => (locked ? null : (keys.get(account) ?? null)),
      setPassword: async (_s, account, password) => {
        if (locked) throw new Error('Cannot create an item in a locked collection');
        keys.set(account, password);
      },
      deletePassword: async (_s, account) => !locked && keys.delete(account),
    },
  });
  const environments = createEnvironmentsService({
    store: createEnvironmentsStore({ dir: dataDir, clock }),
    keychain,
    clock,
    newId: () => `id-${++ids}`,
  });
  const sandbox = { start: async () => ({ usBaseUrl: 'http://127.0.0.1:1/us', euBaseUrl: 'http://127.0.0.1:1/eu' }) };
  const errors: unknown[] = [];
  const built = createSandboxEnvironment({ sandbox, environments, keychain, logError: (_m, error) => errors.push(error) });
  return { ...built, raw: environments, errors };
}

const custom = { name: 'Mine', region: 'us', domain: 'mg.example.com', keyKind: 'primary', readOnly: false, colour: 'blue' } as const;

describe('the built-in sandbox environment', () => {
  it('is created and selected on first launch, with its key', async () => {
    const app = start();
    await app.ensure();
    const list = await app.environments.list();
    expect(list.environments.map((e) => e.id)).toEqual([SANDBOX_ENVIRONMENT_ID]);
    expect(list.activeId).toBe(SANDBOX_ENVIRONMENT_ID);
    expect(keys.get(SANDBOX_ENVIRONMENT_ID)).toBe(SANDBOX_API_KEY);
  });

  it('comes back after a corrupt environments.json, beside the recovery notice', async () => {
    await start().ensure();
    await fs.writeFile(path.join(dir, environmentsFileName), '{"version":1,"environments":[');
    const app = start();
    await app.ensure();
    const list = await app.environments.list();
    expect(list.environments.map((e) => e.id)).toEqual([SANDBOX_ENVIRONMENT_ID]);
    expect(list.environments[0]?.sandbox?.us).toBe('http://127.0.0.1:1/us');
    expect(list.recovery).toHaveLength(1);
    expect(list.recovery[0]?.reason).toBe('invalid-json');
  });

  it('is recreated at the next start whenever it is missing, leaving the active choice alone', async () => {
    const first = start();
    await first.ensure();
    const mine = await first.environments.save(custom);
    await first.environments.setActive(mine.id);
    await first.environments.remove(SANDBOX_ENVIRONMENT_ID);
    const again = start();
    await again.ensure();
    const list = await again.environments.list();
    expect(list.environments.map((e) => e.id).sort()).toEqual([mine.id, SANDBOX_ENVIRONMENT_ID].sort());
    expect(list.activeId).toBe(mine.id);
  });

  it('never stops the app from starting when it cannot be added', async () => {
    // A file where the data folder should be: nothing can be read or written there, even by root.
    const blocked = path.join(dir, 'not-a-folder');
    await fs.writeFile(blocked, '');
    const app = start(blocked);
    await expect(app.ensure()).resolves.toBeUndefined();
    expect(app.errors).toHaveLength(1);
    expect((await app.environments.list()).recovery[0]?.message).toMatch(/could not be moved aside/);
  });

  it('tells a sender that the keychain is locked, not that no key is saved', async () => {
    const app = start();
    await app.ensure();
    const mine = await app.environments.save(custom);
    await app.environments.setApiKey(mine.id, 'key-0123456789abcdef0123');
    locked = true;
    await expect(app.getKey(mine.id)).rejects.toMatchObject({ code: 'keychain-locked' });
    // An environment that never had a key still just has none.
    const bare = await app.environments.save({ ...custom, name: 'Bare' });
    expect(await app.getKey(bare.id)).toBeNull();
    // The sandbox's published key works whatever the keychain does.
    expect(await app.getKey(SANDBOX_ENVIRONMENT_ID)).toBe(SANDBOX_API_KEY);
  });

  it("main's fetch proves itself to the sandbox, and to no other host", async () => {
    const sandbox = createSandboxServer({ dataDir: dir });
    const other = await startLocalServer((_req, res) => res.end('ok'));
    try {
      const urls = await sandbox.start();
      const wrapped = withSandboxClientHeader(globalThis.fetch, sandbox);
      const domains = `${urls.usBaseUrl}/v4/domains`;
      // As Electron's net.fetch does, a browser-only header the caller cannot remove; the proof gets it through.
      const chromiumLike = { authorization: sandboxAuth, 'sec-fetch-site': 'none' };
      expect((await fetch(domains, { headers: chromiumLike })).status).toBe(403);
      expect((await wrapped(domains, { headers: chromiumLike })).status).toBe(200);
      expect((await wrapped(new Request(domains, { headers: { authorization: sandboxAuth } }))).status).toBe(200);
      await wrapped(`${other.origin}/x`, { headers: { 'x-test': '1' } });
      expect(other.requests[0]?.headers['x-test']).toBe('1');
      expect(other.requests[0]?.headers[sandbox.clientHeader.name]).toBeUndefined();
    } finally {
      await other.close();
      await sandbox.stop();
    }
  });
});
