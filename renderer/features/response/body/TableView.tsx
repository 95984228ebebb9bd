import { useEffect, useRef, useState } from 'react';
import { highlight } from './highlight';
import type { SearchableViewProps } from './search-types';
import type { TreeClient } from './tree-client';
import type { TableInfo } from './tree-protocol';
import { useFixedRows } from './use-fixed-rows';
import { useWorkerSearch } from './use-worker-search';

const ROW_HEIGHT = 24;
const FETCH_MARGIN = 60;
const INDEX_COLUMN_PX = 64;
const COLUMN_PX = 180;

export interface TableViewProps extends SearchableViewProps {
  readonly client: TreeClient;
  readonly table: TableInfo;
}

/** List items as rows, one column per key seen in the first items. */
export function TableView({ client, table, query, matchIndex, onMatches }: TableViewProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const cache = useRef(new Map<number, readonly string[]>());
  const fetching = useRef('');
  const [, setRevision] = useState(0);
  const [currentRow, setCurrentRow] = useState<number | null>(null);
  const virtualizer = useFixedRows(table.rowCount, ROW_HEIGHT, scrollRef);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const width = INDEX_COLUMN_PX + table.columns.length * COLUMN_PX;

  useEffect(() => {
    let missing = false;
    for (let index = first; index <= last && index < table.rowCount; index++) {
      if (!cache.current.has(index)) {
        missing = true;
        break;
      }
    }
    if (!missing) return;
    const window = { start: Math.max(0, first - FETCH_MARGIN), end: last + FETCH_MARGIN + 1 };
    const key = `${window.start}:${window.end}`;
    if (fetching.current === key) return;
    fetching.current = key;
    client.request({ type: 'table-rows', window }).then(
      (reply) => {
        fetching.current = '';
        if (cache.current.size > 3_000) cache.current = new Map();
        for (const [offset, row] of reply.rows.entries()) cache.current.set(reply.start + offset, row);
        setRevision((value) => value + 1);
      },
      () => {
        fetching.current = '';
      },
    );
  });

  const matchCount = useWorkerSearch(client, query, 'table', onMatches);
  // A new search starts from no current match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reset is keyed on the search, not read from it.
  useEffect(() => {
    setCurrentRow(null);
  }, [client, query]);

  const hasMatches = matchCount > 0;
  useEffect(() => {
    if (query === '' || !hasMatches) return;
    client.request({ type: 'reveal', match: matchIndex, scope: 'table', window: { start: 0, end: 0 } }).then(
      (reply) => {
        setCurrentRow(reply.row);
        virtualizer.scrollToIndex(reply.row, { align: 'center' });
      },
      () => undefined,
    );
  }, [client, query, matchIndex, hasMatches, virtualizer]);

  return (
    <section
      ref={scrollRef}
      className="virtual-scroll table-view"
      aria-label={`${table.path || 'List'} as a table, ${table.rowCount} rows`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
      tabIndex={0}
      data-testid="table-view"
    >
      <div className="tv-header" style={{ width }}>
        <span className="tv-cell tv-index">#</span>
        {table.columns.map((column) => (
          <span key={column} className="tv-cell" title={column} data-testid="table-column">
            {column}
          </span>
        ))}
      </div>
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize(), width }}>
        {items.map((item) => {
          const cells = cache.current.get(item.index);
          return (
            <div
              key={item.key}
              className={`tv-row${item.index === currentRow ? ' current-match' : ''}${item.index % 2 === 1 ? ' odd' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, width }}
              data-testid="table-row"
            >
              <span className="tv-cell tv-index">{item.index}</span>
              {cells?.map((cell, column) => (
                <span key={table.columns[column] ?? column} className="tv-cell" title={cell}>
                  {highlight(cell, query)}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </section>
  );
}
