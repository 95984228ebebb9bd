import type { WindowBounds } from '../window-options';
import { createJsonStore } from './json-store';

interface WindowStateFile {
  readonly bounds: WindowBounds | null;
}

/** The part of a BrowserWindow that has to be watched to remember where it was. */
export interface TrackableWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): void;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
}

function isBounds(value: unknown): value is WindowBounds {
  if (typeof value !== 'object' || value === null) return false;
  const { width, height, x, y } = value as Record<string, unknown>;
  const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  return (
    finite(width) &&
    finite(height) &&
    (x === undefined || finite(x)) &&
    (y === undefined || finite(y)) &&
    (width as number) >= 400 &&
    (height as number) >= 300
  );
}

export function createWindowStateStore({
  dir,
  clock = Date.now,
  saveDelayMs = 500,
}: {
  dir: string;
  clock?: () => number;
  saveDelayMs?: number;
}) {
  const store = createJsonStore<WindowStateFile>({
    dir,
    fileName: 'window-state.json',
    version: 1,
    clock,
    empty: () => ({ bounds: null }),
    parse: (raw) => {
      // Without the field at all this is not a window-state file: keep it aside rather than overwrite it.
      if (typeof raw !== 'object' || raw === null || !('bounds' in raw)) throw new Error('No bounds field');
      const bounds = (raw as { bounds?: unknown }).bounds;
      return isBounds(bounds)
        ? { value: { bounds }, dropped: 0 }
        : { value: { bounds: null }, dropped: bounds === undefined || bounds === null ? 0 : 1 };
    },
  });

  return {
    async load(): Promise<WindowBounds | null> {
      return (await store.load()).value.bounds;
    },
    /** Saves the window's normal bounds a moment after it stops moving, and once more when it closes. */
    track(window: TrackableWindow): void {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const save = () => {
        const maximized = window.isMaximized();
        void store.write({ bounds: { ...window.getNormalBounds(), maximized } }).catch(() => undefined);
      };
      const later = () => {
        clearTimeout(timer);
        timer = setTimeout(save, saveDelayMs);
      };
      window.on('resize', later);
      window.on('move', later);
      window.on('close', () => {
        clearTimeout(timer);
        save();
      });
    },
  };
}
