import { useSyncExternalStore } from 'react';

export interface OpenFlag {
  open(): void;
  close(): void;
  useIsOpen(): boolean;
}

/** An open/closed flag outside React, so a dialog can be opened from anywhere (a button, the palette, a shortcut). */
export function createOpenFlag(): OpenFlag {
  let isOpen = false;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    if (isOpen === next) return;
    isOpen = next;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    open: () => set(true),
    close: () => set(false),
    useIsOpen: () => useSyncExternalStore(subscribe, () => isOpen),
  };
}
