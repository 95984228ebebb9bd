import { createJsonStore } from './services/json-store';
import type { WindowBounds } from './window-options';

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

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** At least this much of the saved window (its title bar included) must lie on a connected display. */
const minVisible = { width: 120, height: 60 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Keeps saved bounds only where a connected display can show them. A window
 * saved on a monitor that is gone would open off-screen, so it opens on the
 * primary display instead (centred, no larger than its work area).
 */
export function placeOnDisplays(bounds: WindowBounds, displays: readonly Rectangle[], primary: Rectangle): WindowBounds {
  const size = { width: Math.min(bounds.width, primary.width), height: Math.min(bounds.height, primary.height) };
  const fitted = { ...(bounds.maximized ? { maximized: true } : {}) };
  if (bounds.x === undefined || bounds.y === undefined) return { ...fitted, ...size };
  const saved = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
  const titleBar = { ...saved, height: Math.min(saved.height, minVisible.height) };
  const visible = displays.some((area) => {
    const shown = overlap(titleBar, area);
    return shown.width >= Math.min(titleBar.width, minVisible.width) && shown.height >= titleBar.height;
  });
  return visible ? bounds : { ...fitted, ...size };
}

export function createWindowStateStore({
  dir,
  clock = Date.now,
  saveDelayMs = 500,
  trackWrite = (write) => write,
}: {
  dir: string;
  clock?: () => number;
  saveDelayMs?: number;
  /** Lets quitting wait for the last save. */
  trackWrite?: (write: Promise<void>) => Promise<void>;
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
        void trackWrite(store.write({ bounds: { ...window.getNormalBounds(), maximized } })).catch(() => undefined);
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
