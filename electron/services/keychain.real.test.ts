import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychain, type KeytarLike, keychainFailure } from './keychain';
import { secretServiceReachable } from './testing/real-keytar';

/**
 * The same keychain code against a real Secret Service (gnome-keyring), and
 * the real failure modes: a locked collection and a bus with no Secret
 * Service at all. Run with: bash scripts/with-keyring.sh npx vitest run electron/services/keychain.real.test.ts
 */

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(__dirname, '../..');
const keytarPath = require.resolve('keytar');

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function keytarLoads(): boolean {
  try {
    require(keytarPath);
    return true;
  } catch {
    return false;
  }
}

const canUseKeytar = process.platform === 'linux' && keytarLoads();
const reachable = canUseKeytar && secretServiceReachable();
const canStartDbus = canUseKeytar && hasCommand('dbus-run-session') && hasCommand('dbus-send');
const canStartKeyring = canStartDbus && hasCommand('gnome-keyring-daemon');

/** Runs keytar in a child process and returns the raw outcome of set, get and delete. */
const probeScript = `
const keytar = require(${JSON.stringify(keytarPath)});
const service = process.argv[1];
(async () => {
  const out = {};
  for (const [name, run] of [
    ['set', () => keytar.setPassword(service, 'probe', 'key-probe-0123456789')],
    ['get', () => keytar.getPassword(service, 'probe')],
    ['delete', () => keytar.deletePassword(service, 'probe')],
  ]) {
    try { out[name] = { value: await run() }; } catch (error) { out[name] = { error: error.message }; }
  }
  process.stdout.write('PROBE' + JSON.stringify(out));
})();
`;

type Probe = Record<'set' | 'get' | 'delete', { value?: unknown; error?: string }>;

/** The app's own keychain code (not raw keytar): what accessProblem says, and whether its probe entry is left behind. */
const accessScript = `
import { createRequire } from 'node:module';
import { createKeychain } from ${JSON.stringify(path.join(repoRoot, 'electron/services/keychain.ts'))};
const keytar = createRequire(import.meta.url)(${JSON.stringify(keytarPath)});
const service = process.argv.at(-1);
const keychain = createKeychain({ keytar, serviceName: service, platform: 'linux' });
const problem = await keychain.accessProblem();
const left = await keytar.getPassword(service, 'keychain-access-check').catch(() => null);
process.stdout.write('PROBE' + JSON.stringify({ code: problem?.code ?? null, left }));
`;

function runProbe(command: string, args: string[], env: NodeJS.ProcessEnv): Probe {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 30_000, cwd: repoRoot });
  const marker = result.stdout.indexOf('PROBE');
  if (marker === -1) throw new Error(`probe produced no result (status ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.slice(marker + 'PROBE'.length)) as Probe;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'keychain-real-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const realTitle = reachable
  ? 'keychain against the running Secret Service'
  : 'keychain against a real Secret Service: SKIPPED because no org.freedesktop.secrets owner is on the session bus (run under bash scripts/with-keyring.sh)';

describe.skipIf(!reachable)(realTitle, () => {
  const keytar = (canUseKeytar ? require(keytarPath) : {}) as KeytarLike;
  // A service name of its own per run, so nothing touches real app entries.
  const keychain = createKeychain({ keytar, serviceName: `Mailgun Explorer test ${randomUUID()}` });

  it('sets, reads, replaces and deletes a key', async () => {
    const id = randomUUID();
    expect(await keychain.hasKey(id)).toBe(false);
    await keychain.setKey(id, 'key-real-0123456789abcdef');
    expect(await keychain.getKey(id)).toBe('key-real-0123456789abcdef');
    await keychain.setKey(id, 'key-real-replaced-000000');
    expect(await keychain.getKey(id)).toBe('key-real-replaced-000000');
    expect(await keychain.hasKey(id)).toBe(true);
    expect(await keychain.deleteKey(id)).toBe(true);
    expect(await keychain.getKey(id)).toBeNull();
    expect(await keychain.deleteKey(id)).toBe(false);
  });

  it('keeps keys of different environments apart', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await keychain.setKey(a, 'key-a-000000000000');
    await keychain.setKey(b, 'key-b-000000000000');
    expect(await keychain.getKey(a)).toBe('key-a-000000000000');
    await keychain.deleteKey(a);
    expect(await keychain.getKey(b)).toBe('key-b-000000000000');
    await keychain.deleteKey(b);
  });
});

describe.skipIf(!canStartKeyring)('keychain with a locked keyring (private throw-away session)', () => {
  it('reports keychain-locked when storing, and reads nothing', () => {
    const script = path.join(scratch, 'probe.cjs');
    writeFileSync(script, probeScript);
    const lockThenProbe = [
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      `&& "${process.execPath}" "${script}" "Mailgun Explorer locked test"`,
    ].join(' ');
    const probe = runProbe('bash', [path.join(repoRoot, 'scripts/with-keyring.sh'), '--private', 'bash', '-c', lockThenProbe], process.env);
    expect(probe.set.error).toBeDefined();
    expect(keychainFailure(new Error(probe.set.error), 'linux').code).toBe('keychain-locked');
    // libsecret answers "nothing there" rather than failing while locked.
    expect(probe.get).toEqual({ value: null });
  });

  it('lets the app tell a locked keyring from a missing key', () => {
    const script = path.join(scratch, 'access.mts');
    writeFileSync(script, accessScript);
    const run = (lockFirst: boolean) => {
      const lock = lockFirst
        ? 'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null && '
        : '';
      const command = `${lock}"${process.execPath}" --import tsx "${script}" "Mailgun Explorer access test"`;
      return runProbe(
        'bash',
        [path.join(repoRoot, 'scripts/with-keyring.sh'), '--private', 'bash', '-c', command],
        process.env,
      ) as unknown as {
        code: string | null;
        left: string | null;
      };
    };
    expect(run(true).code).toBe('keychain-locked');
    expect(run(false)).toEqual({ code: null, left: null });
  });
});

describe.skipIf(!canStartDbus)('keychain without a Secret Service', () => {
  it('reports keychain-unavailable when the session bus has no Secret Service', () => {
    const config = path.join(scratch, 'bus-without-secrets.conf');
    // No <servicedir>: nothing can be auto-started on this bus, gnome-keyring included.
    writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${os.tmpdir()}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
    const script = path.join(scratch, 'probe.cjs');
    writeFileSync(script, probeScript);
    const probe = runProbe(
      'dbus-run-session',
      [`--config-file=${config}`, '--', process.execPath, script, 'Mailgun Explorer unavailable test'],
      process.env,
    );
    for (const step of [probe.set, probe.get, probe.delete]) {
      expect(step.error).toMatch(/org\.freedesktop\.secrets/);
      expect(keychainFailure(new Error(step.error), 'linux').code).toBe('keychain-unavailable');
    }
  });

  it('reports keychain-unavailable when there is no session bus at all', () => {
    const script = path.join(scratch, 'probe.cjs');
    writeFileSync(script, probeScript);
    const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...env } = process.env;
    const probe = runProbe(process.execPath, [script, 'Mailgun Explorer no-bus test'], { ...env, XDG_RUNTIME_DIR: scratch });
    expect(probe.set.error).toMatch(/D-Bus|DISPLAY|bus/i);
    expect(keychainFailure(new Error(probe.set.error), 'linux').code).toBe('keychain-unavailable');
  });
});
