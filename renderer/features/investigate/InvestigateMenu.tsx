import type { KeyboardEvent } from 'react';
import { Menu, type MenuItem } from '../../ui';

export interface MenuPoint {
  readonly x: number;
  readonly y: number;
}

/** The context-menu keys: the Menu key, and Shift+F10 where a keyboard has none. */
export function isContextMenuKey(event: KeyboardEvent): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey);
}

/** Where a menu opened from the keyboard appears: under the element it is for, as a native one would. */
export function pointBelow(element: Element | null | undefined): MenuPoint {
  const box = element?.getBoundingClientRect();
  return box ? { x: box.left + Math.min(24, box.width / 2), y: box.bottom } : { x: 24, y: 24 };
}

export interface InvestigateMenuProps {
  /** What the menu is for, which names it for screen readers. */
  readonly subject: string;
  readonly items: readonly MenuItem[];
  readonly at: MenuPoint;
  readonly onClose: () => void;
}

/** The one menu of investigations, wherever a value (or a row of them) is investigated from. */
export function InvestigateMenu({ subject, items, at, onClose }: InvestigateMenuProps) {
  return <Menu label={`Investigate ${subject}`} testId="investigate-menu" at={at} onClose={onClose} items={items} />;
}
