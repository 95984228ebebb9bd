import { useEffect, useRef } from 'react';
import { isModalOpen } from './Modal';

export interface EnvironmentShortcuts {
  /** Ctrl/Cmd+E. */
  readonly onOpen: () => void;
  /** Ctrl/Cmd+1..9, with the zero-based position. */
  readonly onSwitchTo: (index: number) => void;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** How the modifier is written in hints on this platform. */
export const modifierLabel = isMac ? '⌘' : 'Ctrl+';

export function useEnvironmentShortcuts(shortcuts: EnvironmentShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen() || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'e' || event.key === 'E') {
        event.preventDefault();
        latest.current.onOpen();
      } else if (/^[1-9]$/.test(event.key)) {
        event.preventDefault();
        latest.current.onSwitchTo(Number(event.key) - 1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
