import { hasMod, isMac, useGlobalShortcut } from '../../ui';

export interface EnvironmentShortcuts {
  /** Ctrl/Cmd+E. */
  readonly onOpen: () => void;
  /** Ctrl/Cmd+1..9, with the zero-based position. */
  readonly onSwitchTo: (index: number) => void;
}

/** How the modifier is written in hints on this platform. */
export const modifierLabel = isMac ? '⌘' : 'Ctrl+';

export function useEnvironmentShortcuts(shortcuts: EnvironmentShortcuts): void {
  useGlobalShortcut((event) => {
    if (event.shiftKey || !hasMod(event)) return;
    if (event.key === 'e' || event.key === 'E') {
      event.preventDefault();
      shortcuts.onOpen();
    } else if (/^[1-9]$/.test(event.key)) {
      event.preventDefault();
      shortcuts.onSwitchTo(Number(event.key) - 1);
    }
  });
}
