/** The part of electron-updater's autoUpdater the app uses, so tests can pass a scripted one. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateNotices {
  /** Resolves true when the user chooses to restart now. */
  ready(version: string): Promise<boolean>;
  /** Only for a check the user asked for: a check at start stays quiet unless an update is ready. */
  upToDate(): void;
  downloading(version: string): void;
  failed(message: string): void;
}

export interface UpdatesDeps {
  /** False in development (not packaged) and in the test harness: nothing is checked or downloaded. */
  readonly enabled: boolean;
  /** Created only when enabled, because electron-updater reads the packaged app's update config on creation. */
  readonly updater: () => UpdaterLike;
  readonly checkAtStart: () => Promise<boolean>;
  readonly notices: UpdateNotices;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * Updates from the GitHub releases named in electron-builder.yml: downloaded
 * in the background, installed when the user restarts (now, from the notice,
 * or at the next quit).
 */
export function createUpdates({ enabled, updater: makeUpdater, checkAtStart, notices, logError }: UpdatesDeps) {
  let updater: UpdaterLike | null = null;
  let manual = false;
  let readyVersion: string | null = null;

  function connect(): UpdaterLike {
    if (updater) return updater;
    const created = makeUpdater();
    created.autoDownload = true;
    created.autoInstallOnAppQuit = true;
    created.on('update-available', ({ version }) => {
      if (manual) notices.downloading(version);
    });
    created.on('update-not-available', () => {
      if (manual) notices.upToDate();
      manual = false;
    });
    created.on('update-downloaded', ({ version }) => {
      manual = false;
      readyVersion = version;
      void notices.ready(version).then((restart) => {
        if (restart) created.quitAndInstall();
      });
    });
    created.on('error', (error) => {
      logError('update check failed', error);
      if (manual) notices.failed(error.message);
      manual = false;
    });
    updater = created;
    return created;
  }

  async function check(): Promise<void> {
    try {
      await connect().checkForUpdates();
    } catch (error) {
      logError('update check failed', error);
      if (manual) notices.failed(error instanceof Error ? error.message : String(error));
      manual = false;
    }
  }

  return {
    enabled,
    async checkAtStartIfWanted(): Promise<void> {
      if (!enabled || !(await checkAtStart())) return;
      await check();
    },
    /** "Check for Updates…" in the menu. */
    async checkNow(): Promise<void> {
      if (!enabled) return;
      if (readyVersion) {
        const version = readyVersion;
        if (await notices.ready(version)) connect().quitAndInstall();
        return;
      }
      manual = true;
      await check();
    },
  };
}
