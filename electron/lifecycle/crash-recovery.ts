/** What Electron reports when a renderer process ends. */
export interface RenderProcessGoneDetails {
  readonly reason: string;
  readonly exitCode: number;
}

/** The part of a window's webContents that crash recovery needs. */
export interface ReloadableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): void;
  isDestroyed(): boolean;
  reload(): void;
}

export interface CrashRecoveryDeps {
  readonly contents: ReloadableContents;
  readonly notify: (notice: { title: string; detail: string }) => void;
  readonly logError: (message: string, error: unknown) => void;
  readonly clock?: () => number;
  /** More crashes than this within the window means reloading will not help. */
  readonly maxReloads?: number;
  readonly windowMs?: number;
}

/**
 * Reloads a window whose renderer crashed, and says so. Stores live in main,
 * so nothing saved is lost. A renderer that keeps crashing is left alone
 * rather than reloaded in a loop.
 */
export function reloadAfterCrash({
  contents,
  notify,
  logError,
  clock = Date.now,
  maxReloads = 3,
  windowMs = 60_000,
}: CrashRecoveryDeps): void {
  let recent: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    logError('renderer process gone', new Error(`${details.reason} (exit code ${details.exitCode})`));
    if (contents.isDestroyed()) return;
    const now = clock();
    recent = [...recent.filter((at) => now - at < windowMs), now];
    if (recent.length > maxReloads) {
      notify({
        title: 'The window keeps stopping',
        detail: `The window stopped ${recent.length} times within a minute (${details.reason}), so it was not reloaded again. Quit and start the app again; the log file has the details.`,
      });
      return;
    }
    contents.reload();
    notify({
      title: 'The window stopped unexpectedly and was reloaded',
      detail: `Reason: ${details.reason}. Your environments, history and saved requests were not affected; a request that was being edited and not saved has to be entered again.`,
    });
  });
}
