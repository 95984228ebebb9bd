import type { BrowserWindow } from 'electron';

type WindowEvents = Pick<BrowserWindow, 'on'>;

/**
 * Tells a service when the main window is hidden or minimised and when it is
 * back, so polling (the live tail) stops when nobody can see it. The page's
 * own visibility says the same inside a browser; this covers the cases where
 * Chromium does not mark the page hidden (a window covered on some platforms).
 */
export function followWindowVisibility(window: WindowEvents, setVisible: (visible: boolean) => void): void {
  window.on('hide', () => setVisible(false));
  window.on('minimize', () => setVisible(false));
  window.on('show', () => setVisible(true));
  window.on('restore', () => setVisible(true));
}
