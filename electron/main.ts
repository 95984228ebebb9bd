import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import keytar from 'keytar';
import { appIndexUrl, appResponseHeaders, appScheme, resolveAppAsset } from './app-protocol';
import { electronDialogs } from './dialogs';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { registerBridgeHandlers } from './ipc/register';
import { applicationMenuTemplate } from './menu';
import { denyAllPermissions, hardenContents, isAppUrl, isSafeExternalUrl } from './security';
import { createServices, type Services } from './services';
import { createWindowStateStore } from './services/window-state';
import { createMainWindow, defaultBounds } from './window-options';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Tests and support sessions can point the app at a separate profile.
const userDataOverride = process.env.MAILGUN_EXPLORER_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true } }]);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

async function openExternal(url: string): Promise<void> {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
}

function serveRenderer(): void {
  protocol.handle(appScheme, async (request) => {
    const asset = resolveAppAsset(rendererDir, request.url);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(asset.filePath), { headers: appResponseHeaders(asset.contentType) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

async function openMainWindow(): Promise<void> {
  const windowState = createWindowStateStore({ dir: app.getPath('userData') });
  const bounds = (await windowState.load()) ?? defaultBounds;
  const window = createMainWindow(BrowserWindow, preloadPath, bounds);
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  windowState.track(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(appIndexUrl);
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveRenderer();
  services = await createServices({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    shell: 'electron',
    platform: process.platform,
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    keytar,
    dialogs: electronDialogs(dialog, () => mainWindow),
    openExternal,
    clipboard,
    logError: (message, error) => console.error(`[main] ${message}:`, error instanceof Error ? error.message : 'unknown error'),
  });
  const dispatch = createDispatcher(createHandlers(services), {
    logError: (method, error) => console.error(`[bridge] ${method} failed:`, error instanceof Error ? error.message : 'unknown error'),
  });
  registerBridgeHandlers(ipcMain, dispatch, (url) => isAppUrl(url, appIndexUrl));
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.getName())));
  await openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appIndexUrl, (url) => void openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && services) void openMainWindow();
  });
  app.on('will-quit', () => {
    void services?.dispose();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Mailgun Explorer failed to start:', error);
    app.exit(1);
  });
}
