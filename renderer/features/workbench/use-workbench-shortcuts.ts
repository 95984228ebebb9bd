import { useEffect, useRef } from 'react';

export interface WorkbenchShortcuts {
  /** Ctrl/Cmd+Enter. */
  readonly onSend: () => void;
  /** Escape, only while a request is in flight. */
  readonly onCancel: () => void;
  readonly pending: boolean;
}

/** Document-level keys, so they work from any field of the form. Dialogs stop Escape before it gets here. */
export function useWorkbenchShortcuts(shortcuts: WorkbenchShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        latest.current.onSend();
      } else if (event.key === 'Escape' && latest.current.pending) {
        event.preventDefault();
        latest.current.onCancel();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
