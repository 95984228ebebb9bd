import type { MenuItemConstructorOptions } from 'electron';

/** What Electron's `context-menu` event says about the place that was right-clicked. */
export interface ContextMenuParams {
  readonly isEditable: boolean;
  readonly selectionText: string;
  readonly editFlags: { readonly canCut: boolean; readonly canCopy: boolean; readonly canPaste: boolean; readonly canSelectAll: boolean };
}

/**
 * Electron shows no menu on right-click at all. Text fields get the full set;
 * elsewhere only what applies (Copy for a selection, Select All).
 */
export function contextMenuTemplate(params: ContextMenuParams): MenuItemConstructorOptions[] {
  const { editFlags } = params;
  if (params.isEditable) {
    return [
      { role: 'cut', enabled: editFlags.canCut },
      { role: 'copy', enabled: editFlags.canCopy },
      { role: 'paste', enabled: editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: editFlags.canSelectAll },
    ];
  }
  return [{ role: 'copy', enabled: params.selectionText.trim() !== '' && editFlags.canCopy }, { type: 'separator' }, { role: 'selectAll' }];
}

export interface ContextMenuSource {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): void;
}

export function attachContextMenu(contents: ContextMenuSource, popup: (template: MenuItemConstructorOptions[]) => void): void {
  contents.on('context-menu', (_event, params) => popup(contextMenuTemplate(params)));
}
