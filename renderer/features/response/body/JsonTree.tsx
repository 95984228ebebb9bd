import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button, Menu, showToast } from '../../../ui';
import { investigateMenuItems } from '../../investigate';
import { formatCount } from '../format';
import type { TreeRow } from '../json-tree-model';
import type { TreeView } from './document-cache';
import { highlight } from './highlight';
import type { SearchableViewProps } from './search-types';
import type { TreeClient } from './tree-client';
import type { RowsReply, RowWindow, TreeRequest } from './tree-protocol';
import { useFixedRows } from './use-fixed-rows';
import { useWorkerSearch } from './use-worker-search';

export const TREE_ROW_HEIGHT = 22;

/** Rows fetched beyond the visible ones, so short scrolls need no round trip. */
const FETCH_MARGIN = 60;
const MAX_CACHED_ROWS = 3_000;
const INDENT_PX = 16;

export interface JsonTreeProps extends SearchableViewProps {
  readonly client: TreeClient;
  /** Rows that came with the parsed body (around `view` for a body shown again). */
  readonly initialRows: RowsReply;
  /** Where the tree was left, noted here as it changes, so a document shown again opens there. */
  readonly view: TreeView;
  readonly canExpandAll: boolean;
  /** The body is still being indexed: rows keep arriving. */
  readonly reading: boolean;
  /** Copies text to the clipboard and says so. */
  readonly onCopy: (text: string, what: string) => void;
}

type StructuralRequest = Extract<TreeRequest, { type: 'toggle' | 'expand-all' | 'collapse-all' }>;

function countLabel(row: TreeRow): string {
  const n = formatCount(row.childCount);
  return row.kind === 'array' ? `${n} ${row.childCount === 1 ? 'item' : 'items'}` : `${n} ${row.childCount === 1 ? 'key' : 'keys'}`;
}

/** The body as a collapsible tree; only the rows on screen exist, and the parsed value stays with the client's host. */
export function JsonTree({ client, initialRows, view, canExpandAll, reading, query, matchIndex, onMatches, onCopy }: JsonTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [rowCount, setRowCount] = useState(initialRows.rowCount);
  const cache = useRef(new Map<number, TreeRow>(initialRows.rows.map((row) => [row.index, row])));
  const [, setRevision] = useState(0);
  /** Bumped whenever the row list changes shape; answers to older row requests are dropped. */
  const shape = useRef(0);
  const fetching = useRef('');
  const [selected, setSelected] = useState(view.selected);
  const [currentMatch, setCurrentMatch] = useState<number | null>(null);
  const [scrollTarget, setScrollTarget] = useState<{ row: number; seq: number } | null>(null);

  const virtualizer = useFixedRows(rowCount, TREE_ROW_HEIGHT, scrollRef, undefined, view.scrollTop);
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    view.selected = selected;
    // Before the list's height is known no rows are laid out; the offset still says where it was.
    if (items.length > 0) view.firstRow = firstVisible;
  });

  const fetchWindow = useCallback(
    (): RowWindow => ({ start: Math.max(0, firstVisible - FETCH_MARGIN), end: lastVisible + FETCH_MARGIN + 1 }),
    [firstVisible, lastVisible],
  );

  const store = useCallback((reply: RowsReply, replace: boolean) => {
    const next = replace || cache.current.size > MAX_CACHED_ROWS ? new Map<number, TreeRow>() : cache.current;
    for (const row of reply.rows) next.set(row.index, row);
    cache.current = next;
    setRowCount(reply.rowCount);
    setRevision((value) => value + 1);
  }, []);

  const windowRef = useRef(fetchWindow);
  windowRef.current = fetchWindow;
  // While a big body is indexed, rows are added at the end of growing containers: repaint what is on screen.
  useEffect(
    () =>
      client.onUpdate((update) => {
        if (update.kind === 'invalid') return;
        const version = ++shape.current;
        client.request({ type: 'rows', window: windowRef.current() }).then(
          (reply) => {
            if (version === shape.current) store(reply, true);
          },
          () => undefined,
        );
      }),
    [client, store],
  );

  useEffect(() => {
    let missing = false;
    for (let index = firstVisible; index <= lastVisible && index < rowCount; index++) {
      if (!cache.current.has(index)) {
        missing = true;
        break;
      }
    }
    if (!missing) return;
    const window = fetchWindow();
    const key = `${shape.current}:${window.start}:${window.end}`;
    if (fetching.current === key) return;
    fetching.current = key;
    const version = shape.current;
    client.request({ type: 'rows', window }).then(
      (reply) => {
        if (fetching.current === key) fetching.current = '';
        if (version === shape.current) store(reply, false);
      },
      () => {
        fetching.current = '';
      },
    );
  });

  const change = useCallback(
    (request: StructuralRequest) => {
      const version = ++shape.current;
      client.request(request).then(
        (reply) => {
          if (version === shape.current) store(reply, true);
        },
        () => undefined,
      );
    },
    [client, store],
  );

  const toggle = useCallback(
    (row: number, expand?: boolean) => change({ type: 'toggle', row, window: fetchWindow(), ...(expand === undefined ? {} : { expand }) }),
    [change, fetchWindow],
  );

  const matchCount = useWorkerSearch(client, query, 'tree', onMatches);
  // A new search starts from no current match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reset is keyed on the search, not read from it.
  useEffect(() => {
    setCurrentMatch(null);
  }, [client, query]);

  const hasMatches = matchCount > 0;
  const windowHeight = lastVisible - firstVisible + 1;
  // Only sizes the reveal answer: a resize must not jump back to the match.
  const windowHeightRef = useRef(windowHeight);
  windowHeightRef.current = windowHeight;
  useEffect(() => {
    if (query === '' || !hasMatches) return;
    const version = ++shape.current;
    client
      .request({ type: 'reveal', match: matchIndex, scope: 'tree', window: { start: 0, end: windowHeightRef.current + 2 * FETCH_MARGIN } })
      .then(
        (reply) => {
          if (version !== shape.current) return;
          store(reply, true);
          setCurrentMatch(reply.row);
          setSelected(reply.row);
          setScrollTarget((previous) => ({ row: reply.row, seq: (previous?.seq ?? 0) + 1 }));
        },
        () => undefined,
      );
  }, [client, query, matchIndex, hasMatches, store]);

  useEffect(() => {
    if (scrollTarget) virtualizer.scrollToIndex(scrollTarget.row, { align: 'center' });
  }, [scrollTarget, virtualizer]);

  const moveTo = (row: number) => {
    const target = Math.max(0, Math.min(rowCount - 1, row));
    setSelected(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const copySelected = (what: 'value' | 'path') => {
    client.request({ type: 'copy-node', row: selected }).then(
      (reply) => onCopy(what === 'value' ? reply.text : reply.path, what === 'value' ? 'Value' : 'Path'),
      () => undefined,
    );
  };

  const [menu, setMenu] = useState<{ readonly row: number; readonly at: { x: number; y: number } } | null>(null);
  const openMenu = (row: number, at: { x: number; y: number }) => {
    setSelected(row);
    setMenu({ row, at });
  };
  /** The context menu reports with a toast: the row it was opened on may be far from the toolbar's note. */
  const copyFromMenu = (row: number, what: 'value' | 'path') => {
    const label = what === 'value' ? 'Value' : 'Path';
    client.request({ type: 'copy-node', row }).then(
      (reply) =>
        navigator.clipboard.writeText(what === 'value' ? reply.text : reply.path).then(
          () => showToast(`${label} copied.`, 'ok'),
          () => showToast(`The clipboard refused the ${label.toLowerCase()}; select it in Raw and copy it by hand.`, 'danger'),
        ),
      (error: unknown) =>
        showToast(`${label} not copied: ${error instanceof Error ? error.message : String(error)} Try again in a moment.`, 'danger'),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = cache.current.get(selected);
    const page = Math.max(1, windowHeight - 1);
    const container = row !== undefined && (row.kind === 'object' || row.kind === 'array');
    switch (event.key) {
      case 'ArrowDown':
        moveTo(selected + 1);
        break;
      case 'ArrowUp':
        moveTo(selected - 1);
        break;
      case 'PageDown':
        moveTo(selected + page);
        break;
      case 'PageUp':
        moveTo(selected - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rowCount - 1);
        break;
      case 'ArrowRight':
        if (container && !row.expanded) toggle(selected, true);
        else if (container) moveTo(selected + 1);
        break;
      case 'ArrowLeft':
        if (container && row.expanded) toggle(selected, false);
        else if (row) moveTo(parentRow(cache.current, row));
        break;
      case 'Enter':
      case ' ':
        if (container) toggle(selected);
        break;
      case 'c':
        if (!(event.ctrlKey || event.metaKey)) return;
        copySelected('value');
        break;
      case 'ContextMenu':
      case 'F10': {
        if (event.key === 'F10' && !event.shiftKey) return;
        const box = document.getElementById(`${idPrefix}-row-${selected}`)?.getBoundingClientRect();
        const tree = event.currentTarget.getBoundingClientRect();
        openMenu(selected, box ? { x: box.left + 24, y: box.bottom } : { x: tree.left + 24, y: tree.top + 24 });
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="json-tree-view">
      <div className="view-tools" role="toolbar" aria-label="Tree tools">
        <Button size="small" onClick={() => change({ type: 'collapse-all', window: fetchWindow() })} data-testid="tree-collapse-all">
          Collapse all
        </Button>
        <Button
          size="small"
          onClick={() => change({ type: 'expand-all', window: fetchWindow() })}
          disabled={!canExpandAll}
          title={canExpandAll ? undefined : 'Too big to expand everything at once; expand the parts you need.'}
          data-testid="tree-expand-all"
        >
          Expand all
        </Button>
        <Button
          size="small"
          onClick={() => copySelected('value')}
          title="Copy the selected value: JSON, or a string's own text (Ctrl+C)"
          data-testid="tree-copy-value"
        >
          Copy value
        </Button>
        <Button size="small" onClick={() => copySelected('path')} title="Copy the path of the selected value" data-testid="tree-copy-path">
          Copy path
        </Button>
        <span className="muted view-tools-note" data-testid="tree-row-count">
          {reading ? 'Reading the rest of the body… ' : ''}
          {formatCount(rowCount)} rows shown
        </span>
      </div>
      <div
        ref={scrollRef}
        className="virtual-scroll json-tree"
        role="tree"
        aria-label="Response body as a tree"
        tabIndex={0}
        aria-activedescendant={`${idPrefix}-row-${selected}`}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          view.scrollTop = event.currentTarget.scrollTop;
        }}
        data-testid="json-tree"
      >
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = cache.current.get(item.index);
            const isSelected = item.index === selected;
            const className = `jt-row${isSelected ? ' selected' : ''}${item.index === currentMatch ? ' current-match' : ''}`;
            if (!row) {
              return (
                <div key={item.key} className="jt-row loading" style={{ transform: `translateY(${item.start}px)` }} aria-hidden="true" />
              );
            }
            const container = row.kind === 'object' || row.kind === 'array';
            return (
              // biome-ignore lint/a11y/useFocusableInteractive: the tree itself holds focus and points at rows through aria-activedescendant.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the tree's own key handler moves the selection.
              <div
                key={item.key}
                id={`${idPrefix}-row-${item.index}`}
                role="treeitem"
                aria-level={row.depth + 1}
                aria-expanded={container ? row.expanded : undefined}
                aria-selected={isSelected}
                className={className}
                style={{ transform: `translateY(${item.start}px)`, paddingLeft: row.depth * INDENT_PX + 4 }}
                onClick={() => setSelected(item.index)}
                onContextMenu={(event) => {
                  event.preventDefault();
                  openMenu(item.index, { x: event.clientX, y: event.clientY });
                }}
                onDoubleClick={() => container && toggle(item.index)}
                data-testid="json-row"
              >
                {container ? (
                  <span
                    className="jt-caret"
                    aria-hidden="true"
                    onClick={(event) => {
                      event.stopPropagation();
                      setSelected(item.index);
                      toggle(item.index);
                    }}
                    data-testid="json-toggle"
                  >
                    {row.expanded ? '▾' : '▸'}
                  </span>
                ) : (
                  <span className="jt-caret" aria-hidden="true" />
                )}
                {row.key !== null ? (
                  <>
                    <span className={row.keyIsIndex ? 'jt-index' : 'jt-key'}>{highlight(row.key, query)}</span>
                    <span className="jt-colon">: </span>
                  </>
                ) : null}
                <ValueCell row={row} query={query} />
                {row.cut > 0 ? <span className="jt-cut">… {formatCount(row.cut)} more characters (see Raw)</span> : null}
              </div>
            );
          })}
        </div>
      </div>
      {menu ? (
        <Menu
          label="Actions for this value"
          testId="tree-menu"
          at={menu.at}
          onClose={() => setMenu(null)}
          items={[
            { id: 'copy-value', label: 'Copy value', onSelect: () => copyFromMenu(menu.row, 'value') },
            { id: 'copy-path', label: 'Copy path', onSelect: () => copyFromMenu(menu.row, 'path') },
            ...investigateRowItems(cache.current.get(menu.row)),
          ]}
        />
      ) : null}
    </div>
  );
}

/** "Investigate recipient" and the like, for a string value the support tools know (strings are shown as JSON literals). */
function investigateRowItems(row: TreeRow | undefined) {
  if (row === undefined || row.kind !== 'string' || row.cut > 0) return [];
  const value = JSON.parse(row.text) as string;
  return investigateMenuItems(value, row.keyIsIndex ? null : row.key);
}

/**
 * What a row shows after its key: a primitive's text in one element, or a
 * container's preview (while collapsed) and its count.
 */
function ValueCell({ row, query }: { readonly row: TreeRow; readonly query: string }) {
  if (row.kind === 'object' || row.kind === 'array') {
    return (
      <>
        {row.expanded ? null : <span className="jt-preview">{highlight(row.text, query)}</span>}
        <span className="jt-count">{countLabel(row)}</span>
      </>
    );
  }
  return (
    <span className={`jt-value jt-${row.kind}`} data-testid="json-value">
      {highlight(row.text, query)}
    </span>
  );
}

/** The nearest row above with a smaller depth, when it is loaded. */
function parentRow(cache: ReadonlyMap<number, TreeRow>, row: TreeRow): number {
  for (let index = row.index - 1; index >= 0; index--) {
    const candidate = cache.get(index);
    if (!candidate) return row.index;
    if (candidate.depth < row.depth) return index;
  }
  return row.index;
}
