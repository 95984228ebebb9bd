import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWindowStateStore, placeOnDisplays, type TrackableWindow } from './window-state';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'window-state-'));
  dirs.push(dir);
  return dir;
}

function fakeWindow(bounds: { x: number; y: number; width: number; height: number }) {
  const listeners = new Map<string, () => void>();
  const window: TrackableWindow = {
    on: (event, listener) => listeners.set(event, listener),
    getNormalBounds: () => bounds,
    isMaximized: () => false,
  };
  return { window, emit: (event: string) => listeners.get(event)?.() };
}

describe('window state', () => {
  it('remembers where the window was when it closed', async () => {
    const dir = await tempDir();
    const first = createWindowStateStore({ dir });
    expect(await first.load()).toBeNull();
    const { window, emit } = fakeWindow({ x: 40, y: 60, width: 1200, height: 800 });
    first.track(window);
    emit('close');
    await expect
      .poll(async () => createWindowStateStore({ dir }).load())
      .toEqual({ x: 40, y: 60, width: 1200, height: 800, maximized: false });
  });

  it('ignores nonsense sizes instead of opening an unusable window', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'window-state.json'), JSON.stringify({ version: 1, bounds: { width: 3, height: -1 } }));
    expect(await createWindowStateStore({ dir }).load()).toBeNull();
    const keptAside = (await readdir(dir)).filter((name) => name !== 'window-state.json');
    expect(keptAside).toHaveLength(1);
    expect(await readFile(path.join(dir, keptAside[0] ?? ''), 'utf8')).toContain('"width":3');
  });

  it('lets quitting wait for the save made when the window closes', async () => {
    const dir = await tempDir();
    const writes: Promise<void>[] = [];
    const store = createWindowStateStore({
      dir,
      trackWrite: (write) => {
        writes.push(write);
        return write;
      },
    });
    const { window, emit } = fakeWindow({ x: 1, y: 2, width: 1000, height: 700 });
    store.track(window);
    emit('close');
    expect(writes).toHaveLength(1);
    await writes[0];
    expect(await createWindowStateStore({ dir }).load()).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: false });
  });
});

describe('window placement', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('keeps bounds on a display that is still connected', () => {
    const onRight = { x: 2100, y: 100, width: 1360, height: 860 };
    expect(placeOnDisplays(onRight, [primary, right], primary)).toEqual(onRight);
    expect(placeOnDisplays({ x: 10, y: 10, width: 1200, height: 800, maximized: true }, [primary], primary)).toEqual({
      x: 10,
      y: 10,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('falls back to the primary display when the saved display is missing', () => {
    const onGone = { x: 2100, y: 100, width: 2400, height: 1300, maximized: true };
    expect(placeOnDisplays(onGone, [primary], primary)).toEqual({ width: 1920, height: 1040, maximized: true });
  });

  it('moves a window whose title bar would be off-screen', () => {
    expect(placeOnDisplays({ x: 100, y: -500, width: 1000, height: 700 }, [primary], primary)).toEqual({ width: 1000, height: 700 });
    expect(placeOnDisplays({ x: 1880, y: 20, width: 1000, height: 700 }, [primary], primary)).toEqual({ width: 1000, height: 700 });
  });
});
