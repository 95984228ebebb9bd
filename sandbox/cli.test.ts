import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, parseCommand } from './cli';
import { type SpawnedSandbox, spawnSandbox } from './command-support';

describe('mailgun-sandbox arguments', () => {
  it('takes a port and a data folder, with defaults', () => {
    expect(parseCommand(['--port', '8123', '--data', 'state'], '/home/me')).toEqual({
      kind: 'run',
      options: { port: 8123, dataDir: '/home/me/state' },
    });
    expect(parseCommand([], '/home/me')).toEqual({ kind: 'run', options: { port: DEFAULT_PORT, dataDir: `/home/me/${DEFAULT_DATA_DIR}` } });
    expect(parseCommand(['--help'], '/')).toEqual({ kind: 'help' });
  });

  it('says what is wrong with a bad argument', () => {
    expect(parseCommand(['--port', 'eighty'], '/')).toMatchObject({ kind: 'error', message: expect.stringContaining('--port') });
    expect(parseCommand(['--port', '70000'], '/')).toMatchObject({ kind: 'error' });
    expect(parseCommand(['--colour'], '/')).toMatchObject({ kind: 'error', message: expect.stringContaining('colour') });
  });
});

describe('mailgun-sandbox command', () => {
  let dataDir = '';
  let running: SpawnedSandbox | null = null;
  afterEach(async () => {
    await running?.stop('SIGKILL');
    running = null;
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('prints its URLs and key, answers, and on %s closes and saves its state', async (signal) => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
    running = await spawnSandbox(dataDir);
    expect(running.usBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/us$/);
    expect(running.euBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/eu$/);
    expect(running.output()).toContain(SANDBOX_API_KEY);

    const auth = `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}`;
    const form = new FormData();
    form.append('address', 'saved-on-exit@example.com');
    const created = await fetch(`${running.usBaseUrl}/v3/${SANDBOX_US_DOMAIN}/bounces`, {
      method: 'POST',
      body: form,
      headers: { Authorization: auth },
    });
    expect(created.status).toBe(200);

    expect(await running.stop(signal)).toBe(0);
    expect(running.output()).toContain('Sandbox stopped.');
    const saved = await readFile(join(dataDir, 'sandbox-state.json'), 'utf8');
    expect(saved).toContain('saved-on-exit@example.com');
    await expect(fetch(`${running.usBaseUrl}/v3/domains`, { headers: { Authorization: auth } })).rejects.toThrow();
  });
});
