import { type KeyboardEvent, type MouseEvent, type ReactNode, useState } from 'react';
import { InvestigateMenu, isContextMenuKey, type MenuPoint, pointBelow } from './InvestigateMenu';
import { investigateMenuItems } from './menu-items';

export interface ValueMenuProps {
  /** The value as shown: an address, a Message-ID, a domain… */
  readonly value: string;
  /** The field it sits under, which settles what a bare word is (a template name, a Message-ID). */
  readonly field?: string;
  readonly children: ReactNode;
  readonly className?: string;
  readonly testId?: string;
  /** Puts the value in the Tab order, so the Menu key or Shift+F10 opens its menu too. */
  readonly focusable?: boolean;
}

/**
 * Wraps a value shown in a table or a tool's result so a right-click (or the
 * context-menu key) offers the investigations that fit it. Anything the tools
 * do not know shows no menu and keeps the browser's own.
 */
export function ValueMenu({ value, field, children, className, testId, focusable = false }: ValueMenuProps) {
  const [at, setAt] = useState<MenuPoint | null>(null);
  const items = investigateMenuItems(value, field);
  if (items.length === 0) return <span className={className}>{children}</span>;
  const open = (event: MouseEvent<HTMLSpanElement>) => {
    event.preventDefault();
    setAt({ x: event.clientX, y: event.clientY });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (!isContextMenuKey(event)) return;
    event.preventDefault();
    setAt(pointBelow(event.currentTarget));
  };
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the same actions are reachable as buttons in each tool; this adds the pointer shortcut. */}
      <span
        className={className}
        onContextMenu={open}
        onKeyDown={onKeyDown}
        tabIndex={focusable ? 0 : undefined}
        title={focusable ? 'Right-click or Shift+F10 to investigate' : undefined}
        data-testid={testId}
        data-investigate={value}
      >
        {children}
      </span>
      {at ? <InvestigateMenu subject={value} at={at} onClose={() => setAt(null)} items={items} /> : null}
    </>
  );
}
