import { type ReactNode, useId, useRef } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
  readonly busy?: boolean;
  readonly tone?: 'danger' | 'warn';
}

/**
 * The question before something is changed or deleted. Focus starts on Cancel
 * so a stray Enter never confirms. Test ids: `<testId>`, `-title`, `-cancel`, `-confirm`.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
  busy = false,
  tone = 'danger',
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId={testId}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      size="small"
      actions={
        <>
          <Button ref={cancelRef} onClick={onCancel} data-testid={`${testId}-cancel`}>
            Cancel
          </Button>
          <Button variant={tone} onClick={onConfirm} disabled={busy} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div id={bodyId}>{children}</div>
    </Dialog>
  );
}
