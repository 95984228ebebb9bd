import { hasMod, useGlobalShortcut } from '../../ui';

export interface WorkbenchShortcuts {
  /** Ctrl/Cmd+Enter. */
  readonly onSend: () => void;
  /** Escape, only while a request is in flight. */
  readonly onCancel: () => void;
  readonly pending: boolean;
}

/** Document-level keys, so they work from any field of the form; silent while a dialog is open. */
export function useWorkbenchShortcuts(shortcuts: WorkbenchShortcuts): void {
  useGlobalShortcut((event) => {
    if (event.key === 'Enter' && hasMod(event)) {
      event.preventDefault();
      shortcuts.onSend();
    } else if (event.key === 'Escape' && shortcuts.pending) {
      event.preventDefault();
      shortcuts.onCancel();
    }
  });
}
