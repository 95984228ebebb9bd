/**
 * Work that must finish before the app quits (bridge calls in flight, store
 * writes). Tracking is cheap: a set of promises that remove themselves.
 */
export interface PendingWork {
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once everything tracked so far, and anything started meanwhile, has settled. */
  settled(): Promise<void>;
}

export function createPendingWork(): PendingWork {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      const entry = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(entry);
      void entry.then(() => running.delete(entry));
      return work;
    },
    async settled() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
