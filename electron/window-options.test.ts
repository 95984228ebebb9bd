import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, defaultBounds } from './window-options';

class RecordingWindow {
  static last: BrowserWindowConstructorOptions | undefined;
  constructor(options: BrowserWindowConstructorOptions) {
    RecordingWindow.last = options;
  }
}

function optionsFor(bounds = defaultBounds): BrowserWindowConstructorOptions {
  createMainWindow(RecordingWindow, '/app/preload.cjs', bounds, '#f6f7f9');
  if (!RecordingWindow.last) throw new Error('no window was created');
  return RecordingWindow.last;
}

describe('main window options', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(optionsFor().webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('restores a remembered position only when both coordinates are known', () => {
    expect(optionsFor({ width: 1000, height: 700, x: 10, y: 20 })).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    expect(optionsFor({ width: 1000, height: 700, x: 10 })).not.toHaveProperty('x');
  });
});
