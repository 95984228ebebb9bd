import { useState } from 'react';
import type { HistoryEntry, HistorySummary } from '../../../shared/requests/types';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice, StoreRecoveryNotice } from '../../ui';
import { HistoryDetail } from './HistoryDetail';
import { HistoryRow } from './HistoryRow';
import { HistorySearch } from './HistorySearch';
import { HISTORY_PAGE_SIZE, useClearHistory, useHistoryList } from './use-history';
import './history.css';
import { useDebounced } from '../response';

export interface HistoryPanelProps {
  /** Opens the entry's endpoint in the workbench with the values it was sent with. */
  readonly onOpen: (entry: HistorySummary) => void;
  /** Sends the entry's request again. */
  readonly onResend?: (entry: HistorySummary) => void;
}

/** Every request sent, newest first: search, reopen, resend, inspect the stored response, delete. */
export function HistoryPanel({ onOpen, onResend }: HistoryPanelProps) {
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim());
  const list = useHistoryList(query);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const clear = useClearHistory();
  const entries = list.data?.entries ?? [];
  const total = list.data?.total ?? 0;

  const clearAll = () => {
    clear.mutate(undefined, {
      onSuccess: () => {
        setSelected(null);
        setConfirmingClear(false);
      },
    });
  };

  return (
    <section className="history-panel" aria-label="History" data-testid="history-panel">
      <div className="history-toolbar">
        <HistorySearch value={typed} onChange={setTyped} />
        {confirmingClear ? (
          <div className="history-confirm" role="alertdialog" aria-label="Clear history" data-testid="history-confirm">
            <span>Delete all {total.toLocaleString('en-GB')} entries?</span>
            <Button variant="danger" onClick={clearAll} disabled={clear.isPending} data-testid="history-confirm-clear">
              Delete all
            </Button>
            <Button size="small" onClick={() => setConfirmingClear(false)} data-testid="history-cancel-clear">
              Keep
            </Button>
          </div>
        ) : (
          <Button size="small" onClick={() => setConfirmingClear(true)} disabled={total === 0 && query === ''} data-testid="history-clear">
            Clear all…
          </Button>
        )}
      </div>
      {clear.isError ? <ErrorNotice error={toAppError(clear.error)} testId="history-clear-error" /> : null}
      <StoreRecoveryNotice notice={list.data?.recovery} title="History had to be recovered." testId="history-recovery" />
      <div className="history-list" role="listbox" aria-label="Sent requests" data-testid="history-list">
        {list.isPending ? <p className="history-empty muted">Loading history…</p> : null}
        {list.isError ? <ErrorNotice error={toAppError(list.error)} testId="history-error" /> : null}
        {list.isSuccess && entries.length === 0 ? (
          <p className="history-empty muted" data-testid="history-empty">
            {query === '' ? 'Nothing sent yet. Requests you send appear here.' : `No requests match “${query}”.`}
          </p>
        ) : null}
        {entries.map((entry) => (
          <HistoryRow
            key={entry.id}
            entry={entry}
            selected={entry.id === selected}
            onSelect={() => setSelected(entry.id === selected ? null : entry.id)}
          />
        ))}
        {total > entries.length ? (
          <p className="history-more muted">
            Showing the newest {Math.min(entries.length, HISTORY_PAGE_SIZE)} of {total.toLocaleString('en-GB')}; search to find older ones.
          </p>
        ) : null}
      </div>
      {selected !== null ? (
        <HistoryDetail
          id={selected}
          onOpen={(entry: HistoryEntry) => onOpen(entry)}
          {...(onResend ? { onResend: (entry: HistoryEntry) => onResend(entry) } : {})}
          onDeleted={() => setSelected(null)}
        />
      ) : null}
    </section>
  );
}
