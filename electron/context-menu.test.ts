import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { attachContextMenu, type ContextMenuSource, contextMenuTemplate } from './context-menu';

const allowed = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const roles = (template: MenuItemConstructorOptions[]) =>
  template.filter((item) => item.role).map((item) => [item.role, item.enabled ?? true]);

describe('right-click menu', () => {
  it('offers Cut, Copy, Paste and Select All in a text field, enabled as Chromium says', () => {
    expect(roles(contextMenuTemplate({ isEditable: true, selectionText: 'abc', editFlags: allowed }))).toEqual([
      ['cut', true],
      ['copy', true],
      ['paste', true],
      ['selectAll', true],
    ]);
    expect(
      roles(contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: { ...allowed, canCut: false, canCopy: false } })),
    ).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('offers Copy for selected text elsewhere, and Select All', () => {
    expect(roles(contextMenuTemplate({ isEditable: false, selectionText: '200 OK', editFlags: allowed }))).toEqual([
      ['copy', true],
      ['selectAll', true],
    ]);
    expect(roles(contextMenuTemplate({ isEditable: false, selectionText: '', editFlags: allowed }))).toEqual([
      ['copy', false],
      ['selectAll', true],
    ]);
  });

  it('pops up on the context-menu event', () => {
    const contents = new EventEmitter();
    const shown: MenuItemConstructorOptions[][] = [];
    attachContextMenu(contents as unknown as ContextMenuSource, (template) => shown.push(template));
    contents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags: allowed });
    expect(shown).toHaveLength(1);
  });
});
