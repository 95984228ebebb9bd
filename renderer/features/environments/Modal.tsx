import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>(focusableSelector)].filter((element) => !element.closest('[hidden]'));
}

/** Open modals, innermost last: only that one answers keys that reach the document. */
const openModals: HTMLElement[] = [];

/** Global shortcuts stay quiet while a dialog has the user's attention. */
export function isModalOpen(): boolean {
  return openModals.length > 0;
}

export interface ModalProps {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId: string;
  readonly className?: string;
  /** `alertdialog` for questions that need an answer. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly describedBy?: string;
  /** Where focus starts; the first focusable element otherwise. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly headerActions?: ReactNode;
}

/**
 * A modal dialog: labelled by its title, Tab stays inside, Escape closes, and
 * focus goes back where it was. Keys it handles stop here, so a dialog opened
 * over another closes alone.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  className,
  role = 'dialog',
  describedBy,
  initialFocus,
  headerActions,
}: ModalProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  // Focus moves once, when the dialog opens.
  const firstFocus = useRef(initialFocus);

  useEffect(() => {
    const dialog = dialogRef.current;
    const previous = document.activeElement;
    const target = firstFocus.current?.current ?? focusables(dialog)[0] ?? dialog;
    target?.focus();
    if (dialog) openModals.push(dialog);
    // When a focused control disappears or becomes disabled, focus falls to
    // the body and keys no longer pass through the dialog; catch them here.
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || !dialog || openModals.at(-1) !== dialog || dialog.contains(event.target as Node)) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        latestClose.current();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        (focusables(dialog)[0] ?? dialog).focus();
      }
    };
    document.addEventListener('keydown', onDocumentKey, true);
    return () => {
      document.removeEventListener('keydown', onDocumentKey, true);
      const index = dialog ? openModals.indexOf(dialog) : -1;
      if (index !== -1) openModals.splice(index, 1);
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      latestClose.current();
      return;
    }
    if (event.key !== 'Tab') return;
    event.stopPropagation();
    const items = focusables(dialogRef.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialogRef.current?.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialogRef.current?.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="env-modal-backdrop">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the role is a dialog role, passed in as a prop. */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-modal is valid on dialog and alertdialog. */}
      <div
        ref={dialogRef}
        className={`env-modal ${className ?? ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="env-modal-header">
          <h2 id={titleId} className="env-modal-title">
            {title}
          </h2>
          {headerActions}
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}

export interface ConfirmProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
  readonly busy?: boolean;
  readonly tone?: 'danger' | 'warn';
}

/** Focus starts on Cancel, so a stray Enter never confirms. */
export function Confirm({ title, children, confirmLabel, onConfirm, onCancel, testId, busy = false, tone = 'danger' }: ConfirmProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId={testId}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      className="env-confirm"
    >
      <div id={bodyId} className="env-modal-body">
        {children}
      </div>
      <div className="env-modal-actions">
        <button ref={cancelRef} type="button" className="env-button" onClick={onCancel} data-testid={`${testId}-cancel`}>
          Cancel
        </button>
        <button
          type="button"
          className={`env-button ${tone === 'danger' ? 'env-button-danger' : 'env-button-warn'}`}
          onClick={onConfirm}
          disabled={busy}
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
