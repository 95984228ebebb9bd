import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { pushModal, removeModal } from './modal-stack';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  readonly danger?: boolean;
}

export interface MenuProps {
  readonly items: readonly MenuItem[];
  /** Where the menu opens, in viewport pixels (a context menu's pointer, or below its button). */
  readonly at: { readonly x: number; readonly y: number };
  readonly onClose: () => void;
  readonly label: string;
  readonly testId?: string;
}

/**
 * A menu or context menu: arrows, Home/End and first letters move, Enter
 * chooses, Escape or a click elsewhere closes and focus goes back. It joins the
 * modal stack while open, so global shortcuts wait.
 */
export function Menu({ items, at, onClose, label, testId }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  const enabled = items.filter((item) => !item.disabled);

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const previous = document.activeElement;
    pushModal(menu);
    // Kept inside the window, like a native menu.
    const box = menu.getBoundingClientRect();
    setPosition({
      x: Math.max(4, Math.min(at.x, window.innerWidth - box.width - 4)),
      y: Math.max(4, Math.min(at.y, window.innerHeight - box.height - 4)),
    });
    menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.contains(event.target as Node)) latestClose.current();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      removeModal(menu);
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, [at]);

  const focusItem = (index: number) => {
    const target = enabled[(index + enabled.length) % enabled.length];
    if (target) ref.current?.querySelector<HTMLElement>(`[data-menu-id="${CSS.escape(target.id)}"]`)?.focus();
  };
  const current = () => enabled.findIndex((item) => item.id === (document.activeElement as HTMLElement | null)?.dataset.menuId);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      latestClose.current();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusItem(current() + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusItem(current() - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusItem(enabled.length - 1);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const from = current();
      const order = [...enabled.slice(from + 1), ...enabled.slice(0, from + 1)];
      const match = order.find((item) => item.label.toLowerCase().startsWith(letter));
      if (match) focusItem(enabled.indexOf(match));
    }
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    latestClose.current();
    item.onSelect();
  };

  return createPortal(
    <div
      ref={ref}
      className="ui-menu"
      role="menu"
      aria-label={label}
      data-testid={testId}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          data-menu-id={item.id}
          data-testid={testId ? `${testId}-${item.id}` : undefined}
          aria-disabled={item.disabled ? true : undefined}
          className={`ui-menu-item${item.danger ? ' ui-menu-item-danger' : ''}`}
          onClick={() => choose(item)}
        >
          {item.label}
        </button>
      ))}
    </div>,
    document.body,
  );
}
