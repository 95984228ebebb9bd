import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
// The Node build: it writes files like the Electron one but opens no IPC channel of its own.
import log from 'electron-log/node';
import { autoUpdater } from 'electron-updater';
import keytar from 'keytar';
import { appId } from './app-identity';
import { appIndexUrl, appResponseHeaders, appScheme, resolveAppAsset } from './app-protocol';
import { attachContextMenu } from './context-menu';
import { electronDialogs } from './dialogs';
import { registerBodyStreamPort } from './ipc/body-stream-port';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { registerBridgeHandlers } from './ipc/register';
import { reloadAfterCrash } from './lifecycle/crash-recovery';
import { reportMainErrors } from './lifecycle/main-errors';
import { createPendingWork } from './lifecycle/pending-work';
import { waitBeforeQuit } from './lifecycle/quit';
import { ensureWritableFolder, runStartup } from './lifecycle/startup';
import { type AppLog, createAppLog } from './logging/app-log';
import { diagnosticsText } from './logging/diagnostics';
import { createLogRedactor } from './logging/redact-log';
import { rememberSecrets } from './logging/remember-secrets';
import { applicationMenuTemplate } from './menu';
import { previewSchemePrivileges, servePreviews } from './message-preview-protocol';
import { chromiumFetch } from './network/chromium-fetch';
import { answerProxyLogins, createElectronGlue } from './network/electron-glue';
import { createProxyLogin } from './network/proxy-settings';
import { hardenContents, isAppUrl, isSafeExternalUrl, restrictPermissions } from './security';
import { createServices, type Services } from './services';
import { updateNotices } from './update-notices';
import { createUpdates } from './updates';
import { followTheme, windowBackground } from './window-background';
import { createMainWindow, defaultBounds } from './window-options';
import { createWindowStateStore, placeOnDisplays } from './window-state';
import { followWindowVisibility } from './window-visibility';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Tests and support sessions can point the app at a separate profile.
const userDataOverride = process.env.MAILGUN_EXPLORER_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

if (process.platform === 'win32') app.setAppUserModelId(appId);
app.setAboutPanelOptions({
  applicationName: 'Mailgun Explorer',
  applicationVersion: app.getVersion(),
  copyright: 'Copyright © 2026 Mailgun Explorer contributors. MIT licence.',
  website: 'https://documentation.mailgun.com/',
});

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true } }, previewSchemePrivileges]);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
// Bridge calls in flight and store writes: quitting waits for them.
const pending = createPendingWork();

const redactor = createLogRedactor();
// Until the data folder is known to be writable, errors go to the console (still redacted).
let appLog: AppLog | null = null;

function logError(message: string, error: unknown): void {
  if (appLog) appLog.error(message, error);
  else console.error(`[main] ${message}:`, redactor.redactValue(error));
}

async function copyDiagnostics(): Promise<void> {
  const settings = (await services?.desktopSettings.summary().catch(() => undefined)) ?? {};
  clipboard.writeText(
    diagnosticsText(
      {
        appName: app.getName(),
        appVersion: app.getVersion(),
        versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
        platform: process.platform,
        arch: process.arch,
        osRelease: os.release(),
        locale: app.getLocale(),
        settings,
        recentProblems: appLog?.recentProblems() ?? [],
        logFile: appLog?.filePath ?? 'none',
      },
      redactor,
    ),
  );
}

const showErrorBox = (title: string, content: string) => dialog.showErrorBox(title, content);

// Only a packaged app has an update feed (electron-builder writes app-update.yml into it).
const updates = createUpdates({
  enabled: app.isPackaged,
  updater: () => autoUpdater,
  checkAtStart: async () => (await services?.desktopSettings.shouldCheckForUpdates()) ?? false,
  notices: updateNotices(dialog, () => mainWindow),
  logError,
});

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
  const windowState = createWindowStateStore({ dir: app.getPath('userData'), trackWrite: (write) => pending.track(write) });
  const primary = screen.getPrimaryDisplay().workArea;
  const saved = await windowState.load();
  const bounds = saved
    ? placeOnDisplays(
        saved,
        screen.getAllDisplays().map((display) => display.workArea),
        primary,
      )
    : defaultBounds;
  const window = createMainWindow(BrowserWindow, preloadPath, bounds, windowBackground(nativeTheme.shouldUseDarkColors));
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  windowState.track(window);
  window.once('ready-to-show', () => window.show());
  attachContextMenu(window.webContents, (template) => Menu.buildFromTemplate(template).popup({ window }));
  reloadAfterCrash({
    contents: window.webContents,
    logError,
    notify: ({ title, detail }) => void dialog.showMessageBox(window, { type: 'warning', message: title, detail }),
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  followWindowVisibility(window, (visible) => services?.liveTail.setVisible(visible));
  await window.loadURL(appIndexUrl);
}

async function start(): Promise<void> {
  await ensureWritableFolder(app.getPath('userData'));
  appLog = createAppLog({ logger: log, redactor, dir: app.getPath('userData'), consoleLevel: app.isPackaged ? false : 'warn' });
  appLog.info(`${app.getName()} ${app.getVersion()} starting`, { platform: process.platform, electron: process.versions.electron });
  restrictPermissions(session.defaultSession, appIndexUrl);
  serveRenderer();
  services = await createServices({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    shell: 'electron',
    platform: process.platform,
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    fetch: chromiumFetch(session.defaultSession),
    desktopGlue: createElectronGlue({ session: session.defaultSession, nativeTheme, updatesSupported: updates.enabled }),
    keytar: rememberSecrets(keytar, (secret) => redactor.remember(secret)),
    dialogs: electronDialogs(dialog, () => mainWindow),
    openExternal,
    clipboard,
    logError,
    logRendererError: (message, detail) => appLog?.error(message, detail),
  });
  const mail = services.sandboxMail;
  servePreviews(protocol, (ref) => mail.previewHtml(ref));
  const dispatch = createDispatcher(createHandlers(services), { logError: (method, error) => logError(`bridge ${method} failed`, error) });
  registerBridgeHandlers(
    ipcMain,
    (method, arg) => pending.track(dispatch(method, arg)),
    (url) => isAppUrl(url, appIndexUrl),
  );
  registerBodyStreamPort(ipcMain, services.bodyStreams, (url) => isAppUrl(url, appIndexUrl), logError);
  const settings = services.desktopSettings;
  answerProxyLogins(
    app,
    createProxyLogin(() => settings.proxyCredentials()),
  );
  followTheme(nativeTheme, () => mainWindow);
  const logFile = appLog.filePath;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate(process.platform, app.getName(), {
        showLogs: () => shell.showItemInFolder(logFile),
        copyDiagnostics: () => void copyDiagnostics(),
      }),
    ),
  );
  await openMainWindow();
  void updates.checkAtStartIfWanted();
}

reportMainErrors({ source: process, logError, showErrorBox });

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
  waitBeforeQuit({
    app,
    logError,
    steps: [
      { name: 'pending writes', run: () => pending.settled() },
      { name: 'services', run: async () => services?.dispose() },
    ],
  });
  void app.whenReady().then(() => runStartup({ start, showErrorBox, exit: (code) => app.exit(code), logError }));
}
