import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWindowStateStore, type TrackableWindow } from './window-state';

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
});
