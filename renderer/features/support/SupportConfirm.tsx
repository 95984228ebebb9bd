import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface SupportConfirmProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** A modal question for changes to Mailgun data; Cancel has focus so Enter never confirms by accident. */
export function SupportConfirm({ title, children, confirmLabel, onConfirm, onCancel }: SupportConfirmProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const previous = document.activeElement;
    cancelRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="support-backdrop">
      <div
        ref={dialogRef}
        className="support-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="support-confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          } else if (event.key === 'Tab') {
            const buttons = [...(dialogRef.current?.querySelectorAll<HTMLElement>('button') ?? [])];
            const first = buttons[0];
            const last = buttons[buttons.length - 1];
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
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{children}</div>
        <div className="support-dialog-actions">
          <button ref={cancelRef} type="button" className="support-button" data-testid="support-confirm-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="support-button support-button-danger" data-testid="support-confirm-ok" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
