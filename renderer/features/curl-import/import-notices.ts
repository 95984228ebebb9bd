import { useSyncExternalStore } from 'react';

/** What the last import changed or left out; shown until the user opens something else. */
export interface ImportNotice {
  /** The workbench's open count right after the import, so the notice belongs to that one request. */
  readonly openCount: number;
  readonly source: 'curl' | 'url';
  readonly lines: readonly string[];
}

let current: ImportNotice | null = null;
const listeners = new Set<() => void>();

export function setImportNotice(next: ImportNotice | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function useImportNotice(): ImportNotice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
