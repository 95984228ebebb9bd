import { type KeyboardEvent, type MouseEvent, useState } from 'react';
import type { HistorySummary } from '../../../shared/requests/types';
import { InvestigateMenu, investigateEachMenuItems, isContextMenuKey, type MenuPoint, pointBelow } from '../investigate';
import { formatBytes, formatMs, statusClass } from '../response';
import { historyTargets } from './history-targets';

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

/**
 * One sent request in the list: method, path, status, environment, when, how
 * long, how big. Its context menu (right-click, Menu key, Shift+F10) investigates
 * the request's domain and the addresses or Message-IDs it was sent with.
 */
export function HistoryRow({ entry, selected, onSelect }: { entry: HistorySummary; selected: boolean; onSelect: () => void }) {
  const method = entry.request.method.toUpperCase();
  const [menuAt, setMenuAt] = useState<MenuPoint | null>(null);
  const items = investigateEachMenuItems(historyTargets(entry));
  const onContextMenu = (event: MouseEvent<HTMLButtonElement>) => {
    if (items.length === 0) return;
    event.preventDefault();
    setMenuAt({ x: event.clientX, y: event.clientY });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (items.length === 0 || !isContextMenuKey(event)) return;
    event.preventDefault();
    setMenuAt(pointBelow(event.currentTarget));
  };
  return (
    <>
      <button
        type="button"
        role="option"
        aria-selected={selected}
        className={`history-row${selected ? ' selected' : ''}`}
        onClick={onSelect}
        onContextMenu={onContextMenu}
        onKeyDown={onKeyDown}
        title={entry.request.url}
        data-testid="history-row"
        data-history-id={entry.id}
      >
        <span className={`history-method method-badge method-${method.toLowerCase()}`}>{method}</span>
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
      {menuAt ? (
        <InvestigateMenu
          subject={`this request (${pathOf(entry.request.url)})`}
          items={items}
          at={menuAt}
          onClose={() => setMenuAt(null)}
        />
      ) : null}
    </>
  );
}
