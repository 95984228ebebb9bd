/** The part of Electron's `app` that quitting needs. */
export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): void;
  quit(): void;
}

export interface QuitDeps {
  readonly app: QuittableApp;
  /** Run in order; each one's failure is logged and the next still runs. */
  readonly steps: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<void> }>;
  /** A hung write must not keep the app open for ever. */
  readonly timeoutMs?: number;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * Holds the first quit until pending writes and the services' disposal have
 * finished, then quits for real. Electron does not wait for promises in its
 * quit events, so without this the last change is lost.
 */
export function waitBeforeQuit({ app, steps, timeoutMs = 5000, logError }: QuitDeps): void {
  let phase: 'running' | 'finishing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase === 'finishing') return;
    phase = 'finishing';
    void finish().then(() => {
      phase = 'done';
      app.quit();
    });
  });

  async function finish(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const all = (async () => {
      for (const step of steps) {
        try {
          await step.run();
        } catch (error) {
          logError(`quit: ${step.name} failed`, error);
        }
      }
      return 'finished' as const;
    })();
    const outcome = await Promise.race([all, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') logError('quit', new Error(`pending work did not finish within ${timeoutMs} ms; quitting anyway`));
  }
}
