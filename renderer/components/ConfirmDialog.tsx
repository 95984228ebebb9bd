import { type ReactNode, useEffect, useId, useRef } from 'react';
import './confirm-dialog.css';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId?: string;
}

/**
 * The app's one modal question before something is changed or deleted. Focus
 * starts on Cancel so a stray Enter never confirms; Tab stays inside; Escape
 * cancels. Test ids: `<testId>`, `-title`, `-cancel`, `-ok`.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, testId = 'confirm-dialog' }: ConfirmDialogProps) {
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
    <div className="confirm-backdrop">
      <div
        ref={dialogRef}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid={testId}
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
        <h2 id={titleId} className="confirm-title" data-testid={`${testId}-title`}>
          {title}
        </h2>
        <div id={bodyId} className="confirm-body">
          {children}
        </div>
        <div className="confirm-actions">
          <button ref={cancelRef} type="button" className="confirm-button" data-testid={`${testId}-cancel`} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="confirm-button confirm-button-danger" data-testid={`${testId}-ok`} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
