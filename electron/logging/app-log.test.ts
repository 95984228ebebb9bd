import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLog } from './app-log';
import { createLogRedactor } from './redact-log';

// Shaped like a real Mailgun key, and unique so any leak is found by a plain search.
const canary = 'c4a9e1f0b2d34e5f6a7b8c9d0e1f2a3b-1a2b3c4d-5e6f7a8b';
const canaryBasic = Buffer.from(`api:${canary}`).toString('base64');
const proxyPassword = 'pr0xy-Secret-Canary';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function freshLog(options: { maxBytes?: number } = {}) {
  dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-log-'));
  const logger = log.create({ logId: `test-${path.basename(dir)}` });
  const redactor = createLogRedactor();
  const appLog = createAppLog({ logger, redactor, dir, consoleLevel: false, ...options });
  return { appLog, redactor, read: () => readFile(appLog.filePath, 'utf8') };
}

describe('the log file', () => {
  it('never contains a key or a Basic credential, whichever path it comes through', async () => {
    const { appLog, redactor, read } = await freshLog();
    redactor.remember(canary);
    redactor.remember(proxyPassword);
    const error = new Error(`request to https://api.mailgun.net failed with key ${canary}`);
    appLog.error('plain message', `key=${canary}`);
    appLog.error('error object', error);
    appLog.error('nested object', { request: { headers: { Authorization: `Basic ${canaryBasic}` }, key: canary, list: [canary] } });
    appLog.warn('echoed header', `authorization: Basic ${canaryBasic}`);
    appLog.warn('bearer', `Authorization=Bearer ${canary}`);
    appLog.info('basic only', canaryBasic);
    appLog.info('url-encoded', encodeURIComponent(canary));
    appLog.info('proxy url', `http://support:${proxyPassword}@proxy.corp.example:3128`);
    appLog.error(`message text itself ${canary}`);
    appLog.error('renderer error', { message: `Uncaught Error: ${canary}`, stack: `at x (app://mailgun-explorer/${canary}.js:1:1)` });

    const text = await read();
    expect(text).not.toContain(canary);
    expect(text).not.toContain(canaryBasic);
    expect(text).not.toContain(proxyPassword);
    expect(text).toContain('[redacted]');
    expect(text).toContain('plain message');
    expect(text).toContain('proxy.corp.example:3128');
    expect(appLog.recentProblems().join('\n')).not.toContain(canary);
    expect(appLog.recentProblems().length).toBeGreaterThan(0);
  });

  it('redacts key-shaped values it was never told about', async () => {
    const { appLog, read } = await freshLog();
    const unknownKey = 'key-0123456789abcdef0123456789abcdef';
    appLog.error('pasted', `the key was ${unknownKey} and the other 0123456789abcdef0123456789abcdef-01234567-89abcdef`);
    const text = await read();
    expect(text).not.toContain(unknownKey);
    expect(text).not.toContain('0123456789abcdef0123456789abcdef-01234567');
  });

  it('rotates to main.old.log past its size, keeping two files at most', async () => {
    const { appLog, read } = await freshLog({ maxBytes: 2000 });
    for (let i = 0; i < 60; i += 1) appLog.info(`line ${i}`, 'x'.repeat(60));
    const current = await read();
    const old = await readFile(path.join(path.dirname(appLog.filePath), 'main.old.log'), 'utf8');
    expect(current.length).toBeLessThan(2200);
    expect(old).toContain('line');
    expect(current).toContain('line 59');
  });

  it('keeps only the latest problems for diagnostics', async () => {
    const { appLog } = await freshLog();
    for (let i = 0; i < 30; i += 1) appLog.error(`problem ${i}`);
    appLog.info('not a problem');
    const recent = appLog.recentProblems();
    expect(recent).toHaveLength(20);
    expect(recent.at(-1)).toContain('problem 29');
  });
});
