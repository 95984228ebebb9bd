import { useSyncExternalStore } from 'react';

/** Whether the command palette is open, so a toolbar button anywhere can open it. */
let open = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}

export function openCommandPalette(): void {
  set(true);
}

export function closeCommandPalette(): void {
  set(false);
}

export function usePaletteOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}
