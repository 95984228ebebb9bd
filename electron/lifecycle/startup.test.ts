import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureWritableFolder, runStartup, StartupFailure } from './startup';

describe('start-up', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) {
      await chmod(dir, 0o700).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a writable data folder, creating it when missing, and leaves nothing behind', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-startup-'));
    const target = path.join(dir, 'profile', 'nested');
    await ensureWritableFolder(target);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(target)).toEqual([]);
  });

  it('names the folder when the data folder cannot be written (a first launch there showed no window and no message)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-startup-'));
    // A file where the folder should be fails for root too, unlike a permission bit.
    const blocked = path.join(dir, 'not-a-folder');
    await writeFile(blocked, 'x');
    const target = path.join(blocked, 'Mailgun Explorer');
    const failure = await ensureWritableFolder(target).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupFailure);
    expect((failure as StartupFailure).detail).toContain(target);

    const showErrorBox = vi.fn();
    const exit = vi.fn();
    const logError = vi.fn();
    const started = await runStartup({ start: () => ensureWritableFolder(target), showErrorBox, exit, logError });
    expect(started).toBe(false);
    expect(showErrorBox).toHaveBeenCalledWith('Mailgun Explorer cannot write its data folder', expect.stringContaining(target));
    expect(exit).toHaveBeenCalledWith(1);
    expect(logError).toHaveBeenCalledWith('start-up failed', expect.any(StartupFailure));
  });

  it('reports a folder the file system refuses, with the error code', async () => {
    const refused = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const fs = { mkdir: vi.fn(async () => undefined), writeFile: vi.fn(async () => Promise.reject(refused)), unlink: vi.fn() };
    const failure = (await ensureWritableFolder('/data/Mailgun Explorer', fs).catch((error: unknown) => error)) as StartupFailure;
    expect(failure.detail).toContain('/data/Mailgun Explorer');
    expect(failure.detail).toContain('(EACCES)');
  });

  it('shows any other start-up failure in a dialog and exits non-zero', async () => {
    const showErrorBox = vi.fn();
    const exit = vi.fn();
    await runStartup({ start: () => Promise.reject(new Error('keychain module missing')), showErrorBox, exit, logError: vi.fn() });
    expect(showErrorBox).toHaveBeenCalledWith('Mailgun Explorer could not start', expect.stringContaining('keychain module missing'));
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('neither shows a dialog nor exits when start-up works', async () => {
    const showErrorBox = vi.fn();
    const exit = vi.fn();
    expect(await runStartup({ start: async () => undefined, showErrorBox, exit, logError: vi.fn() })).toBe(true);
    expect(showErrorBox).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });
});
