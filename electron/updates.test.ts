import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createUpdates, type UpdateNotices, type UpdaterLike } from './updates';

/** A scripted updater: each check answers with what the test queued. */
function scriptedUpdater(answer: 'none' | { version: string } | Error) {
  const events = new EventEmitter();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    on: (event: string, listener: (info: { version: string } & Error) => void) => events.on(event, listener),
    checkForUpdates: vi.fn(async () => {
      if (answer instanceof Error) throw answer;
      if (answer === 'none') events.emit('update-not-available', { version: '0.1.0' });
      else {
        events.emit('update-available', answer);
        events.emit('update-downloaded', answer);
      }
      return null;
    }),
    quitAndInstall: vi.fn(),
  };
  return updater as typeof updater & UpdaterLike;
}

function notices(restart = true) {
  return {
    ready: vi.fn(async () => restart),
    upToDate: vi.fn(),
    downloading: vi.fn(),
    failed: vi.fn(),
  } satisfies UpdateNotices;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('updates', () => {
  it('are neither created nor checked when off (development, the harness)', async () => {
    const makeUpdater = vi.fn(() => scriptedUpdater('none'));
    const updates = createUpdates({
      enabled: false,
      updater: makeUpdater,
      checkAtStart: async () => true,
      notices: notices(),
      logError: vi.fn(),
    });
    await updates.checkAtStartIfWanted();
    await updates.checkNow();
    expect(makeUpdater).not.toHaveBeenCalled();
  });

  it('check at start unless the user turned it off', async () => {
    const updater = scriptedUpdater('none');
    let wanted = false;
    const shown = notices();
    const updates = createUpdates({
      enabled: true,
      updater: () => updater,
      checkAtStart: async () => wanted,
      notices: shown,
      logError: vi.fn(),
    });
    await updates.checkAtStartIfWanted();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    wanted = true;
    await updates.checkAtStartIfWanted();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    // A check nobody asked for says nothing when there is nothing new.
    expect(shown.upToDate).not.toHaveBeenCalled();
  });

  it('show "update ready, restart" and install when the user agrees', async () => {
    const updater = scriptedUpdater({ version: '0.2.0' });
    const shown = notices(true);
    const updates = createUpdates({
      enabled: true,
      updater: () => updater,
      checkAtStart: async () => true,
      notices: shown,
      logError: vi.fn(),
    });
    await updates.checkAtStartIfWanted();
    await flush();
    expect(shown.ready).toHaveBeenCalledWith('0.2.0');
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(shown.downloading).not.toHaveBeenCalled();
  });

  it('install at the next quit when the user says later, and offer it again from the menu', async () => {
    const updater = scriptedUpdater({ version: '0.2.0' });
    const shown = notices(false);
    const updates = createUpdates({
      enabled: true,
      updater: () => updater,
      checkAtStart: async () => true,
      notices: shown,
      logError: vi.fn(),
    });
    await updates.checkAtStartIfWanted();
    await flush();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    shown.ready.mockResolvedValueOnce(true);
    await updates.checkNow();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('tell the user the result of a check they asked for', async () => {
    const upToDate = notices();
    await createUpdates({
      enabled: true,
      updater: () => scriptedUpdater('none'),
      checkAtStart: async () => false,
      notices: upToDate,
      logError: vi.fn(),
    }).checkNow();
    expect(upToDate.upToDate).toHaveBeenCalledTimes(1);

    const downloading = notices(false);
    await createUpdates({
      enabled: true,
      updater: () => scriptedUpdater({ version: '0.3.0' }),
      checkAtStart: async () => false,
      notices: downloading,
      logError: vi.fn(),
    }).checkNow();
    expect(downloading.downloading).toHaveBeenCalledWith('0.3.0');

    const failing = notices();
    const logError = vi.fn();
    await createUpdates({
      enabled: true,
      updater: () => scriptedUpdater(new Error('net::ERR_INTERNET_DISCONNECTED')),
      checkAtStart: async () => false,
      notices: failing,
      logError,
    }).checkNow();
    expect(failing.failed).toHaveBeenCalledWith('net::ERR_INTERNET_DISCONNECTED');
    expect(logError).toHaveBeenCalledWith('update check failed', expect.any(Error));
  });
});
