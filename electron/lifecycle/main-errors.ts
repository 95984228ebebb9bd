/** The part of `process` that reports errors nobody caught. */
export interface ErrorSource {
  on(event: 'uncaughtException', listener: (error: Error) => void): void;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): void;
}

export interface MainErrorDeps {
  readonly source: ErrorSource;
  readonly logError: (message: string, error: unknown) => void;
  readonly showErrorBox: (title: string, content: string) => void;
}

/**
 * Main-process errors nobody caught are logged, and an exception is shown
 * too: Electron's own dialog would be replaced by our listener, and the user
 * must know the app may now misbehave.
 */
export function reportMainErrors({ source, logError, showErrorBox }: MainErrorDeps): void {
  source.on('uncaughtException', (error) => {
    logError('uncaught exception in main', error);
    showErrorBox(
      'Mailgun Explorer hit an unexpected error',
      `${error.message}\n\nIt was written to the log file (Help > Show logs). If the app misbehaves from now on, quit and start it again.`,
    );
  });
  source.on('unhandledRejection', (reason) => logError('unhandled promise rejection in main', reason));
}
