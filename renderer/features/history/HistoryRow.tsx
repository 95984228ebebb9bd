import type { HistorySummary } from '../../../shared/requests/types';
import { formatBytes, formatMs, statusClass } from '../response';

function timeAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(epochMs).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

function pathOf(url: string): string {
  return URL.canParse(url) ? `${new URL(url).pathname}${new URL(url).search}` : url;
}

/** One sent request in the list: method, path, status, environment, when, how long, how big. */
export function HistoryRow({ entry, selected, onSelect }: { entry: HistorySummary; selected: boolean; onSelect: () => void }) {
  const method = entry.request.method.toUpperCase();
  return (
    <button
      type="button"
      role="option"
      aria-selected={selected}
      className={`history-row${selected ? ' selected' : ''}`}
      onClick={onSelect}
      title={entry.request.url}
      data-testid="history-row"
      data-history-id={entry.id}
    >
      <span className={`history-method method-${method.toLowerCase()}`}>{method}</span>
      <span className="history-path">{pathOf(entry.request.url)}</span>
      {entry.response ? (
        <span className={`history-status ${statusClass(entry.response.status)}`} data-testid="history-status">
          {entry.response.status}
        </span>
      ) : (
        <span className="history-status failed" data-testid="history-status">
          {entry.error?.code === 'cancelled' ? 'cancelled' : 'failed'}
        </span>
      )}
      <span className="history-meta muted">
        <span>{entry.environment.name}</span>
        <span>{entry.endpoint.id}</span>
        <span>{timeAgo(entry.createdAt, Date.now())}</span>
        {entry.response ? <span>{formatMs(entry.response.timings.totalMs)}</span> : null}
        {entry.response ? <span>{formatBytes(entry.response.sizeBytes)}</span> : null}
      </span>
    </button>
  );
}
