import { useState } from 'react';
import type { RecoveryNotice } from '../../shared/bridge/environments';
import { Button } from './Button';

// Dismissed notices stay hidden while the app runs, even when the panel is opened again.
const dismissed = new Set<string>();

/** Says that a data file had to be set aside, what the app kept, and where the original is. */
export function StoreRecoveryNotice({ notice, title, testId }: { notice: RecoveryNotice | undefined; title: string; testId: string }) {
  const [, setHidden] = useState(0);
  if (notice === undefined || dismissed.has(notice.id)) return null;
  return (
    <div className="store-recovery" role="status" data-testid={testId} data-reason={notice.reason}>
      <div className="store-recovery-text">
        <strong>{title}</strong>
        <p>{notice.message}</p>
      </div>
      <Button
        size="small"
        onClick={() => {
          dismissed.add(notice.id);
          setHidden((n) => n + 1);
        }}
        data-testid={`${testId}-dismiss`}
      >
        Dismiss
      </Button>
    </div>
  );
}
