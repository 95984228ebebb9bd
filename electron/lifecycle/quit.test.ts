import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATE_FILE_NAME } from '../../sandbox/state';
import { createServices } from '../services';
import { createPendingWork } from './pending-work';
import { type QuittableApp, waitBeforeQuit } from './quit';

/** Electron's app as far as quitting goes: `quit()` emits before-quit and quits unless a listener prevents it. */
function fakeApp(onExit: () => void = () => undefined) {
  const events = new EventEmitter();
  let quitCount = 0;
  const app: QuittableApp & { quitted: () => number; requestQuit: () => boolean } = {
    on: (event, listener) => {
      events.on(event, listener);
    },
    quit: () => {
      if (app.requestQuit()) return;
      quitCount += 1;
      onExit();
    },
    requestQuit: () => {
      let prevented = false;
      events.emit('before-quit', { preventDefault: () => (prevented = true) });
      return prevented;
    },
    quitted: () => quitCount,
  };
  return app;
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('quitting', () => {
  it('waits for a slow write and then for dispose before it quits', async () => {
    const app = fakeApp();
    const pending = createPendingWork();
    const order: string[] = [];
    const write = deferred();
    waitBeforeQuit({
      app,
      steps: [
        { name: 'pending writes', run: () => pending.settled() },
        { name: 'dispose', run: async () => void order.push('dispose') },
      ],
      logError: vi.fn(),
    });
    void pending.track(write.promise.then(() => order.push('write')));

    app.quit();
    await tick();
    expect(app.quitted()).toBe(0);
    expect(order).toEqual([]);

    app.quit(); // pressing quit again while waiting does not skip the wait
    await tick();
    expect(app.quitted()).toBe(0);

    write.resolve();
    await tick();
    expect(order).toEqual(['write', 'dispose']);
    expect(app.quitted()).toBe(1);
  });

  it('still quits when a step fails or hangs, and logs why', async () => {
    const app = fakeApp();
    const logError = vi.fn();
    waitBeforeQuit({
      app,
      steps: [
        { name: 'broken', run: () => Promise.reject(new Error('disk gone')) },
        { name: 'hung', run: () => new Promise(() => undefined) },
      ],
      timeoutMs: 30,
      logError,
    });
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(app.quitted()).toBe(1);
    expect(logError).toHaveBeenCalledWith('quit: broken failed', expect.any(Error));
    expect(logError.mock.calls.some(([, error]) => String(error).includes('did not finish within 30 ms'))).toBe(true);
  });
});

describe('quitting with the real services', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the last sandbox change (it was lost 3 times out of 3 when quit did not wait for dispose)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-quit-'));
    const secrets = new Map<string, string>();
    // An in-memory keychain: this test is about the data folder, not the keychain.
    const keytar = {
      getPassword: async (service: string, account: string) => secrets.get(`${service}/${account}`) ?? null,
      setPassword: async (service: string, account: string, password: string) => void secrets.set(`${service}/${account}`, password),
      deletePassword: async (service: string, account: string) => secrets.delete(`${service}/${account}`),
    };
    const services = await createServices({
      dataDir: dir,
      appVersion: '0.0.0-test',
      shell: 'electron',
      platform: process.platform,
      versions: { node: process.versions.node },
      keytar,
      dialogs: {} as never,
      openExternal: async () => undefined,
    });
    await services.sandbox.start();
    // A change the sandbox saves a moment later (debounced), as every sandbox write is.
    await services.sandbox.admin.seedMany('bounces', 7);

    // The process ends when the app really quits: what is on disk at that moment is all that survives.
    const stateFile = path.join(dir, STATE_FILE_NAME);
    let onDiskAtExit = '';
    const app = fakeApp(() => {
      onDiskAtExit = existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : '';
    });
    const pending = createPendingWork();
    waitBeforeQuit({
      app,
      steps: [
        { name: 'pending writes', run: () => pending.settled() },
        { name: 'dispose', run: () => services.dispose() },
      ],
      logError: vi.fn(),
    });
    app.quit();
    await vi.waitFor(() => expect(app.quitted()).toBe(1));

    const live = await services.sandbox.admin.state();
    const saved = JSON.parse(onDiskAtExit || 'null');
    expect(saved).toEqual(JSON.parse(JSON.stringify(live)));
    expect(JSON.stringify(saved)).toContain('bounce-000006');
  });
});
