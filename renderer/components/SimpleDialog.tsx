import { type ReactNode, useEffect, useId, useRef } from 'react';
import './simple-dialog.css';

export interface SimpleDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** Buttons, in the order they should be reached with Tab. */
  readonly actions: ReactNode;
  readonly onClose: () => void;
  readonly testId: string;
  readonly role?: 'dialog' | 'alertdialog';
}

function focusablesIn(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [
    ...root.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
    ),
  ];
}

/**
 * A small modal for questions and short forms: labelled by its title, Tab
 * stays inside, Escape closes, and focus returns where it was.
 */
export function SimpleDialog({ title, children, actions, onClose, testId, role = 'dialog' }: SimpleDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const previous = document.activeElement;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? focusablesIn(ref.current)[0];
    first?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="sd-backdrop">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the role is a dialog role, passed in as a prop. */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-modal is valid on dialog and alertdialog. */}
      <div
        ref={ref}
        className="sd-dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            close.current();
          } else if (event.key === 'Tab') {
            const items = focusablesIn(ref.current);
            const first = items[0];
            const last = items.at(-1);
            if (event.shiftKey && document.activeElement === first) {
              event.preventDefault();
              last?.focus();
            } else if (!event.shiftKey && document.activeElement === last) {
              event.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <h2 id={titleId} className="sd-title">
          {title}
        </h2>
        <div className="sd-body">{children}</div>
        <div className="sd-actions">{actions}</div>
      </div>
    </div>
  );
}
