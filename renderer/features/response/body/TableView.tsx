import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { InvestigateMenu, investigateMenuItems, isContextMenuKey, type MenuPoint, pointBelow } from '../../investigate';
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

interface Cell {
  readonly row: number;
  readonly column: number;
}

/**
 * List items as rows, one column per key seen in the first items. A grid with
 * one active cell: arrows move it, and a right-click, the Menu key or
 * Shift+F10 on a cell holding an address, Message-ID, domain… opens the
 * investigations for it.
 */
export function TableView({ client, table, query, matchIndex, onMatches }: TableViewProps) {
  const scrollRef = useRef<HTMLTableElement>(null);
  const cache = useRef(new Map<number, readonly string[]>());
  const fetching = useRef('');
  const [, setRevision] = useState(0);
  const [currentRow, setCurrentRow] = useState<number | null>(null);
  const [active, setActive] = useState<Cell>({ row: 0, column: 0 });
  const [menu, setMenu] = useState<{ readonly cell: Cell; readonly at: MenuPoint } | null>(null);
  const idPrefix = useId();
  const cellId = (cell: Cell) => `${idPrefix}-cell-${cell.row}-${cell.column}`;
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

  const columnCount = Math.max(1, table.columns.length);
  const moveTo = (row: number, column: number) => {
    const next = { row: Math.max(0, Math.min(table.rowCount - 1, row)), column: Math.max(0, Math.min(columnCount - 1, column)) };
    setActive(next);
    virtualizer.scrollToIndex(next.row, { align: 'auto' });
    // Keeps the active column in view when the table is wider than its pane.
    const scroller = scrollRef.current;
    if (scroller) {
      const left = INDEX_COLUMN_PX + next.column * COLUMN_PX;
      if (left < scroller.scrollLeft + INDEX_COLUMN_PX) scroller.scrollLeft = left - INDEX_COLUMN_PX;
      else if (left + COLUMN_PX > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = left + COLUMN_PX - scroller.clientWidth;
    }
  };

  const menuItems = (cell: Cell) => {
    const text = cache.current.get(cell.row)?.[cell.column];
    return text === undefined ? [] : investigateMenuItems(text, table.columns[cell.column]);
  };
  const openMenu = (cell: Cell, at: MenuPoint) => {
    setActive(cell);
    setMenu({ cell, at });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return;
    if (isContextMenuKey(event)) {
      event.preventDefault();
      if (menuItems(active).length > 0) openMenu(active, pointBelow(document.getElementById(cellId(active))));
      return;
    }
    const page = Math.max(1, items.length - 2);
    const ctrl = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active.row + 1, active.column);
        break;
      case 'ArrowUp':
        moveTo(active.row - 1, active.column);
        break;
      case 'ArrowRight':
        moveTo(active.row, active.column + 1);
        break;
      case 'ArrowLeft':
        moveTo(active.row, active.column - 1);
        break;
      case 'PageDown':
        moveTo(active.row + page, active.column);
        break;
      case 'PageUp':
        moveTo(active.row - page, active.column);
        break;
      case 'Home':
        moveTo(ctrl ? 0 : active.row, 0);
        break;
      case 'End':
        moveTo(ctrl ? table.rowCount - 1 : active.row, columnCount - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const menuText = menu ? (cache.current.get(menu.cell.row)?.[menu.cell.column] ?? '') : '';
  const openItems = menu ? menuItems(menu.cell) : [];

  return (
    <table
      ref={scrollRef}
      className="virtual-scroll table-view"
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table whose cells are chosen with the arrows is a grid; the table elements keep its rows and cells named.
      role="grid"
      aria-label={`${table.path || 'List'} as a table, ${table.rowCount} rows`}
      aria-rowcount={table.rowCount + 1}
      aria-colcount={table.columns.length + 1}
      aria-readonly="true"
      aria-activedescendant={table.rowCount > 0 ? cellId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="table-view"
    >
      <thead className="tv-head">
        <tr className="tv-header" aria-rowindex={1} style={{ width }}>
          <th className="tv-cell tv-index" scope="col">
            #
          </th>
          {table.columns.map((column) => (
            <th key={column} className="tv-cell" scope="col" title={column} data-testid="table-column">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="virtual-space" style={{ height: virtualizer.getTotalSize(), width }}>
        {items.map((item) => {
          const cells = cache.current.get(item.index);
          return (
            <tr
              key={item.key}
              aria-rowindex={item.index + 2}
              className={`tv-row${item.index === currentRow ? ' current-match' : ''}${item.index % 2 === 1 ? ' odd' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, width }}
              data-testid="table-row"
            >
              <th className="tv-cell tv-index" scope="row">
                {item.index}
              </th>
              {cells?.map((cell, column) => {
                const here = { row: item.index, column };
                const isActive = active.row === item.index && active.column === column;
                return (
                  // biome-ignore lint/a11y: a cell of the grid; the grid holds focus and points at its active cell through aria-activedescendant, and the arrows move it.
                  <td
                    key={table.columns[column] ?? column}
                    id={cellId(here)}
                    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a td of a grid is its gridcell, said outright for aria-selected.
                    role="gridcell"
                    aria-selected={isActive}
                    className={`tv-cell${isActive ? ' active' : ''}`}
                    title={cell}
                    onClick={() => setActive(here)}
                    onContextMenu={(event) => {
                      if (menuItems(here).length === 0) return;
                      event.preventDefault();
                      openMenu(here, { x: event.clientX, y: event.clientY });
                    }}
                    data-testid="table-cell"
                  >
                    {highlight(cell, query)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
      {menu && openItems.length > 0 ? (
        <InvestigateMenu subject={menuText} items={openItems} at={menu.at} onClose={() => setMenu(null)} />
      ) : null}
    </table>
  );
}
