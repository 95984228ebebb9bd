import type { BrowserWindowConstructorOptions, BrowserWindow as ElectronBrowserWindow } from 'electron';

export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized?: boolean;
}

export const defaultBounds: WindowBounds = { width: 1360, height: 860 };

export type BrowserWindowConstructor<W = ElectronBrowserWindow> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * The only place the app window is created. Every renderer runs isolated and
 * sandboxed with no Node access; the options are written out literally so the
 * security scanner can read them, and tests pin them.
 */
export function createMainWindow<W>(
  BrowserWindow: BrowserWindowConstructor<W>,
  preloadPath: string,
  bounds: WindowBounds,
  backgroundColor: string,
): W {
  const position = bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {};
  return new BrowserWindow({
    ...position,
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Mailgun Explorer',
    backgroundColor,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
