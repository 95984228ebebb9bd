import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { messagePreviewPolicy } from '../../electron/services/message-preview';
import { methodNames } from '../../shared/bridge/channels';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../harness/bundled-main.cjs', import.meta.url));

test('the bundled main process starts under a stand-in Electron and answers over its channels', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-bundle-'));
  try {
    const { stdout } = await run(process.execPath, [script], {
      env: { ...process.env, MAILGUN_EXPLORER_USER_DATA: userData },
      timeout: 30_000,
    });
    const report = JSON.parse(stdout);
    expect(report.channels).toBe(methodNames.length);
    expect(report.info).toMatchObject({ ok: true, value: { shell: 'electron', version: '0.0.0-smoke' } });
    expect(report.environments.value.environments.map((e: { name: string }) => e.name)).toEqual(['Sandbox (offline)']);
    expect(report.snippets.ok).toBe(true);
    expect(report.snippets.value.length).toBeGreaterThanOrEqual(8);
    expect(report.send).toMatchObject({ ok: true, value: { status: 200 } });
    // The request went through the session's net.fetch, not Node's fetch.
    expect(report.chromiumFetches).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/us\/v4\/domains/)]);
    expect(report.postman.ok).toBe(true);
    expect(report.foreignFrame).toMatchObject({ ok: false });
    // The saved network settings reach the session before the first request.
    expect(report.proxyConfigs).toEqual([{ mode: 'system' }]);
    expect(report.settings).toMatchObject({ ok: true, value: { proxy: { mode: 'system' }, theme: 'system', updatesSupported: false } });
    expect(report.resolvedProxy).toMatchObject({ ok: true, value: { rule: 'DIRECT' } });
    expect(report.rendererError).toEqual({ ok: true, value: { logged: true } });
    expect(report.log).toContain('starting');
    expect(report.log).toContain('renderer error');
    expect(report.log).not.toContain('key-0f0e0d0c0b0a09080706050403020100');
    expect(report.page.status).toBe(200);
    expect(report.page.csp).toContain("script-src 'self'");
    // The page may frame message previews, which the bundle serves from their own scheme under their own policy.
    expect(report.page.csp).toContain('frame-src mailgun-preview:;');
    expect(report.privilegedSchemes.map((s: { scheme: string }) => s.scheme)).toEqual(['app', 'mailgun-preview']);
    expect(report.preview).toEqual({ status: 200, csp: messagePreviewPolicy, isMessageHtml: true });
    expect(report.missingPreview).toEqual({ status: 404, csp: messagePreviewPolicy });
  } finally {
    await rm(userData, { recursive: true, force: true });
  }
});

test('an unwritable data folder stops the bundled app with a dialog naming the folder and exit code 1', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-bundle-'));
  try {
    const blocked = path.join(parent, 'a-file');
    await writeFile(blocked, '');
    const userData = path.join(blocked, 'Mailgun Explorer');
    const failure = await run(process.execPath, [script], {
      env: { ...process.env, MAILGUN_EXPLORER_USER_DATA: userData },
      timeout: 30_000,
    }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Mailgun Explorer cannot write its data folder');
    expect(failure?.stderr).toContain(userData);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});
