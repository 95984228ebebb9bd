import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { followWindowVisibility } from './window-visibility';

describe('window visibility', () => {
  it('reports hide and minimise as hidden, show and restore as visible', () => {
    const window = new EventEmitter();
    const seen: boolean[] = [];
    followWindowVisibility(window as unknown as Pick<BrowserWindow, 'on'>, (visible) => seen.push(visible));
    for (const event of ['minimize', 'restore', 'hide', 'show']) window.emit(event);
    expect(seen).toEqual([false, true, false, true]);
  });
});
