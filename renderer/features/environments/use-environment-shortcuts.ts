import { hasMod, isMac, useGlobalShortcut } from '../../ui';

export interface EnvironmentShortcuts {
  /** Ctrl/Cmd+E. */
  readonly onOpen: () => void;
  /** Ctrl/Cmd+Alt+1..9, with the zero-based position (Ctrl/Cmd+1..9 select workbench tabs). */
  readonly onSwitchTo: (index: number) => void;
}

/** How the modifier is written in hints on this platform. */
export const modifierLabel = isMac ? '⌘' : 'Ctrl+';

/** How the environment chord is written in hints: Ctrl+Alt+1 (⌘⌥1 on a Mac). */
export const switchChordLabel = isMac ? '⌘⌥' : 'Ctrl+Alt+';

export function useEnvironmentShortcuts(shortcuts: EnvironmentShortcuts): void {
  useGlobalShortcut((event) => {
    if (event.shiftKey) return;
    if (hasMod(event) && (event.key === 'e' || event.key === 'E')) {
      event.preventDefault();
      shortcuts.onOpen();
      return;
    }
    // By key position: with Alt held, a Mac keyboard types another character for the digit.
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    if (digit && (event.ctrlKey || event.metaKey) && event.altKey) {
      event.preventDefault();
      shortcuts.onSwitchTo(Number(digit) - 1);
    }
  });
}
