import type { RecoveryNotice } from '../../../shared/bridge/environments';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { useAcknowledgeRecovery, useEnvironmentList } from './use-environments';

function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

function NoticeItem({ notice }: { notice: RecoveryNotice }) {
  const acknowledge = useAcknowledgeRecovery();
  return (
    <div className="env-recovery" role="status" data-testid="env-recovery-banner" data-reason={notice.reason}>
      <div className="env-recovery-text">
        <strong>Your saved environments had to be recovered.</strong>
        <p>{notice.message}</p>
        {notice.movedTo === null ? null : (
          <p className="env-recovery-where">
            Kept as <code data-testid="env-recovery-moved-to">{notice.movedTo}</code>
            {when(notice.at) === '' ? '' : ` · ${when(notice.at)}`}
          </p>
        )}
        {acknowledge.isError ? <ErrorNotice error={toAppError(acknowledge.error)} testId="env-recovery-error" /> : null}
      </div>
      <Button onClick={() => acknowledge.mutate([notice.id])} disabled={acknowledge.isPending} data-testid="env-recovery-dismiss">
        Dismiss
      </Button>
    </div>
  );
}

/** Says that environments.json could not be read as it was, and where the original went, until dismissed. */
export function RecoveryBanner() {
  const list = useEnvironmentList();
  const notices = list.data?.recovery ?? [];
  if (notices.length === 0) return null;
  return (
    <section className="env-recovery-list" aria-label="Storage recovery notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </section>
  );
}
