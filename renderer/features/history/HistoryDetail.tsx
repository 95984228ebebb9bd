import type { HistoryEntry } from '../../../shared/requests/types';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { ValueMenu } from '../investigate';
import {
  type BodySource,
  bodyShape,
  formatBytes,
  formatMs,
  formatTime,
  ResponseBody,
  SendErrorPanel,
  StatusSummary,
  useJsonDocument,
} from '../response';
import { historyTargets } from './history-targets';
import { useDeleteHistoryEntry, useHistoryEntry } from './use-history';

export interface HistoryDetailProps {
  readonly id: string;
  readonly onOpen: (entry: HistoryEntry) => void;
  readonly onResend?: (entry: HistoryEntry) => void;
  readonly onDeleted: () => void;
}

/** One history entry: what was sent, what came back (as stored), and actions on it. */
export function HistoryDetail({ id, onOpen, onResend, onDeleted }: HistoryDetailProps) {
  const entry = useHistoryEntry(id);
  const remove = useDeleteHistoryEntry();
  if (entry.isPending) return <p className="history-detail muted">Loading the entry…</p>;
  if (entry.isError) return <ErrorNotice error={toAppError(entry.error)} testId="history-entry-error" />;
  const value = entry.data;
  return (
    <section className="history-detail" aria-label="History entry" data-testid="history-detail">
      <header className="history-detail-head">
        <div className="history-detail-line">
          {value.response ? <StatusSummary status={value.response.status} statusText={value.response.statusText} /> : null}
          <span className="summary-url muted" title={value.request.url}>
            {value.request.method} {value.request.url}
          </span>
        </div>
        <div className="history-detail-line muted">
          <span>{value.environment.name}</span>
          <span>{formatTime(value.createdAt)}</span>
          {value.response ? <span>{formatMs(value.response.timings.totalMs)}</span> : null}
          {value.response ? <span>{formatBytes(value.response.sizeBytes)}</span> : null}
        </div>
        <div className="history-actions">
          <Button variant="primary" onClick={() => onOpen(value)} data-testid="history-open">
            Open in workbench
          </Button>
          {onResend ? (
            <Button size="small" onClick={() => onResend(value)} data-testid="history-resend">
              Resend
            </Button>
          ) : null}
          <Button
            size="small"
            onClick={() => remove.mutate(id, { onSuccess: onDeleted })}
            disabled={remove.isPending}
            data-testid="history-delete"
          >
            Delete
          </Button>
        </div>
        <SentTargets entry={value} />
        {value.valuesTruncated ? (
          <p className="muted history-warning">Some long values were shortened in history; fill them in again before resending.</p>
        ) : null}
        {remove.isError ? <ErrorNotice error={toAppError(remove.error)} testId="history-delete-error" /> : null}
      </header>
      {value.error ? <SendErrorPanel error={value.error} /> : null}
      {value.response ? <StoredBody key={value.id} entry={value} /> : null}
    </section>
  );
}

/** The request's domain, addresses and Message-IDs, each with the investigate menu (right-click, Menu key, Shift+F10). */
function SentTargets({ entry }: { entry: HistoryEntry }) {
  const targets = historyTargets(entry);
  if (targets.length === 0) return null;
  return (
    <p className="history-targets" data-testid="history-targets">
      <span className="muted">Sent with</span>
      {targets.map((target) => (
        <ValueMenu
          key={`${target.field}:${target.value}`}
          value={target.value}
          field={target.field}
          className="history-target"
          testId="history-target"
          focusable
        >
          <span className="history-target-field">{target.field}</span> {target.value}
        </ValueMenu>
      ))}
    </p>
  );
}

function StoredBody({ entry }: { entry: HistoryEntry }) {
  const response = entry.response as NonNullable<HistoryEntry['response']>;
  const body = entry.storedBody;
  const shape = bodyShape(body, response.contentType);
  // A cut-short body would only fail to parse.
  const document = useJsonDocument(shape === 'json' && body.kind === 'text' && !entry.body.truncated ? body.text : undefined);
  const source: BodySource = {
    body,
    contentType: response.contentType,
    sizeBytes: response.sizeBytes,
    status: response.status,
    headers: response.headers,
    truncated: entry.body.truncated,
    evicted: entry.body.evicted,
    saveTarget: body.kind === 'none' ? null : { historyId: entry.id },
    fileBase: entry.endpoint.id,
  };
  return <ResponseBody source={source} document={document} />;
}
