import { type KeyboardEvent, type ReactNode, type RefObject, type SyntheticEvent, useId, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { focusablesIn } from './focusables';
import { pushModal, removeModal } from './modal-stack';

export interface DialogProps {
  /** The visible heading that labels the dialog; without one, `label` names it. */
  readonly title?: ReactNode;
  readonly label?: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the foot, in the order Tab should reach them. */
  readonly actions?: ReactNode;
  readonly headerActions?: ReactNode;
  readonly testId: string;
  /** `alertdialog` for questions that need an answer. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly describedBy?: string;
  /** Where focus starts; else an element marked `data-autofocus`, else the first focusable one. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly size?: 'small' | 'medium' | 'large';
  readonly className?: string;
  /** A click on the dimmed page behind closes it (the palette); forms keep their input instead. */
  readonly closeOnBackdrop?: boolean;
}

/**
 * The app's one modal: a native `<dialog>` opened with showModal(), so the page
 * behind is inert and the dialog sits in the top layer. It joins the modal stack
 * that every global shortcut consults, traps Tab, closes on Escape (only the
 * innermost one), and gives focus back to where it was.
 */
export function Dialog({
  title,
  label,
  onClose,
  children,
  actions,
  headerActions,
  testId,
  role = 'dialog',
  describedBy,
  initialFocus,
  size = 'medium',
  className,
  closeOnBackdrop = false,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  // Focus moves once, when the dialog opens.
  const firstFocus = useRef(initialFocus);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    pushModal(dialog);
    const target =
      firstFocus.current?.current ?? dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusablesIn(dialog)[0] ?? dialog;
    target.focus();
    return () => {
      removeModal(dialog);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // Handled here rather than by the native cancel, so the owner decides when it unmounts.
      event.preventDefault();
      event.stopPropagation();
      latestClose.current();
      return;
    }
    if (event.key !== 'Tab') return;
    event.stopPropagation();
    const items = focusablesIn(ref.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !ref.current?.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !ref.current?.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  // The browser's own cancel (Escape not seen as a keydown, e.g. a close request) also goes through the owner.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    latestClose.current();
  };

  return createPortal(
    <dialog
      ref={ref}
      className={`ui-dialog ui-dialog-${size}${className ? ` ${className}` : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={title !== undefined ? titleId : undefined}
      aria-label={title === undefined ? label : undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) latestClose.current();
      }}
    >
      <div className="ui-dialog-frame">
        {title !== undefined || headerActions ? (
          <div className="ui-dialog-header">
            {title !== undefined ? (
              <h2 id={titleId} className="ui-dialog-title" data-testid={`${testId}-title`}>
                {title}
              </h2>
            ) : null}
            {headerActions}
          </div>
        ) : null}
        <div className="ui-dialog-body">{children}</div>
        {actions ? <div className="ui-dialog-actions">{actions}</div> : null}
      </div>
    </dialog>,
    document.body,
  );
}
