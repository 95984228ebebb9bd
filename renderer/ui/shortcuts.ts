import { useEffect, useRef } from 'react';
import { isModalOpen } from './modal-stack';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** How the modifier is written in hints on this platform ("⌘K", "Ctrl+K"). */
export const modKey = isMac ? '⌘' : 'Ctrl';

/** Ctrl on Windows and Linux, Cmd on macOS; never with Alt. */
export function hasMod(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey;
}

/**
 * A document-level key handler for app-wide shortcuts. It stays quiet while a
 * dialog or menu is open and when something already handled the key, so one
 * rule covers every shortcut.
 */
export function useGlobalShortcut(handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return;
      latest.current(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
