import type { MenuItemConstructorOptions } from 'electron';

/** What the app's own menu items do; main passes them in so the template stays testable. */
export interface MenuActions {
  readonly showLogs: () => void;
  readonly copyDiagnostics: () => void;
  /** Absent when updates are off (development, the test harness). */
  readonly checkForUpdates?: () => void;
}

/** A standard menu; the Edit roles matter because without them copy and paste stop working on macOS. */
export function applicationMenuTemplate(platform: NodeJS.Platform, appName: string, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const updateItems: MenuItemConstructorOptions[] = actions.checkForUpdates
    ? [{ label: 'Check for Updates…', click: actions.checkForUpdates }]
    : [];
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            ...updateItems,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  // Ctrl/Cmd+W closes the workbench tab (the page handles it), so closing the window takes Shift as in a browser.
  const closeWindow: MenuItemConstructorOptions = { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' };
  return [
    ...appMenu,
    { label: 'File', submenu: [mac ? closeWindow : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, closeWindow],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Show Logs', click: actions.showLogs },
        { label: 'Copy Diagnostics', click: actions.copyDiagnostics },
        ...(mac ? [] : [{ type: 'separator' } as const, ...updateItems, { role: 'about' } as const]),
      ],
    },
  ];
}
