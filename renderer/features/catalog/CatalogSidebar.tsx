import { type KeyboardEvent, memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { EndpointDef, GroupId } from '../../../shared/catalog/types';
import { useWorkbenchState, useWorkbenchStore } from '../../app/workbench-store';
import { toAppError } from '../../bridge/client';
import { ErrorNotice, Menu, showToast } from '../../ui';
import './catalog.css';
import { browseRows, filteredRows, type SidebarRow } from './catalog-rows';
import { MethodBadge } from './MethodBadge';
import { useCatalog } from './use-catalog';
import { useFavourites } from './use-favourites';
import { useFirstScreenFirst } from './use-first-screen-first';
import { useSlashFocus } from './use-slash-focus';

/** The endpoint tree: pinned favourites, groups with method badges, and a filter box (`/` focuses it). */
export function CatalogSidebar() {
  const catalog = useCatalog();
  const store = useWorkbenchStore();
  const selectedId = useWorkbenchState((s) => s.selectedEndpointId);
  const favourites = useFavourites();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());
  const [expanded, setExpanded] = useState<ReadonlySet<GroupId>>(() => new Set<GroupId>(['messages']));
  const filterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ readonly endpoint: EndpointDef; readonly at: { x: number; y: number } } | null>(null);
  useSlashFocus(filterRef);

  const data = catalog.data;
  const selectedGroup = selectedId && data ? data.getEndpoint(selectedId)?.group : undefined;
  useEffect(() => {
    if (selectedGroup) setExpanded((current) => (current.has(selectedGroup) ? current : new Set([...current, selectedGroup])));
  }, [selectedGroup]);

  const rows = useMemo<SidebarRow[]>(() => {
    if (!data) return [];
    if (query !== '') return filteredRows(data.searchCatalog(query), data.groups);
    const pinned = favourites.ids.map((id) => data.getEndpoint(id)).filter((e): e is EndpointDef => e !== undefined);
    return browseRows(data.catalogTree, pinned, expanded);
  }, [data, query, favourites.ids, expanded]);
  const shownRows = useFirstScreenFirst(rows);

  useEffect(() => {
    if (!selectedId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-endpoint-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  // A click opens a preview tab, a double click keeps it.
  const open = useCallback(
    (id: string, keep?: boolean) => store.openEndpoint(id, undefined, keep ? { preview: false } : undefined),
    [store],
  );
  const toggleGroup = useCallback(
    (id: GroupId) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const focusables = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[data-nav-item]') ?? [])];
  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = focusables();
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) filterRef.current?.focus();
    else items[Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };
  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusables()[0]?.focus();
    } else if (event.key === 'Enter') {
      const first = rows.find((r) => r.kind === 'endpoint');
      if (first?.kind === 'endpoint') open(first.endpoint.id);
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      setFilter('');
    }
  };

  const endpointCount = rows.filter((r) => r.kind === 'endpoint').length;
  return (
    <div className="catalog-sidebar" data-testid="catalog-sidebar">
      <div className="catalog-filter">
        <label htmlFor="catalog-filter-input" className="visually-hidden">
          Filter endpoints
        </label>
        <input
          id="catalog-filter-input"
          ref={filterRef}
          data-testid="catalog-filter"
          className="control"
          type="search"
          placeholder="Filter endpoints  ( / )"
          autoComplete="off"
          spellCheck={false}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={onFilterKey}
          aria-controls="catalog-tree"
        />
      </div>
      {catalog.isPending ? (
        <p className="catalog-status muted" data-testid="catalog-loading" role="status">
          Loading endpoints…
        </p>
      ) : catalog.isError ? (
        <div className="catalog-status">
          <ErrorNotice error={toAppError(catalog.error)} testId="catalog-error" />
        </div>
      ) : (
        <>
          {query !== '' ? (
            <p className="catalog-status muted" role="status" data-testid="catalog-result-count">
              {endpointCount === 0 ? `No endpoint matches “${query}”.` : `${endpointCount} match${endpointCount === 1 ? '' : 'es'}`}
            </p>
          ) : null}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the buttons inside; each row is itself focusable. */}
          <div id="catalog-tree" className="catalog-tree" ref={listRef} onKeyDown={onListKey} data-testid="catalog-tree" data-query={query}>
            {shownRows.map((row) => (
              <Row
                key={row.key}
                row={row}
                selected={row.kind === 'endpoint' && row.endpoint.id === selectedId}
                isFavourite={favourites.isFavourite}
                onOpen={open}
                onToggleGroup={toggleGroup}
                onToggleFavourite={favourites.toggle}
                onMenu={setMenu}
              />
            ))}
          </div>
          {menu ? (
            <Menu
              label={`Actions for ${menu.endpoint.summary}`}
              testId="endpoint-menu"
              at={menu.at}
              onClose={() => setMenu(null)}
              items={[
                { id: 'open', label: 'Open', onSelect: () => open(menu.endpoint.id) },
                {
                  id: 'pin',
                  label: favourites.isFavourite(menu.endpoint.id) ? 'Unpin' : 'Pin to the top',
                  onSelect: () => favourites.toggle(menu.endpoint.id),
                },
                {
                  id: 'copy-path',
                  label: 'Copy path',
                  onSelect: () => {
                    navigator.clipboard?.writeText(`${menu.endpoint.method} ${menu.endpoint.path}`).then(
                      () => showToast('Path copied.', 'ok'),
                      () => showToast('The clipboard refused the path.', 'danger'),
                    );
                  },
                },
              ]}
            />
          ) : null}
        </>
      )}
    </div>
  );
}

interface RowProps {
  readonly row: SidebarRow;
  /** A flag rather than the selected id, so a new selection (a tab switch) redraws two rows, not the whole list. */
  readonly selected: boolean;
  readonly isFavourite: (id: string) => boolean;
  readonly onOpen: (id: string, keep?: boolean) => void;
  readonly onToggleGroup: (id: GroupId) => void;
  readonly onToggleFavourite: (id: string) => void;
  /** Opens the row's context menu (right click, Shift+F10 or the Menu key). */
  readonly onMenu: (menu: { readonly endpoint: EndpointDef; readonly at: { x: number; y: number } }) => void;
}

// Memoised so a keystroke in the filter only builds the rows that are new to the list.
const Row = memo(function Row({ row, selected, isFavourite, onOpen, onToggleGroup, onToggleFavourite, onMenu }: RowProps) {
  if (row.kind === 'heading') {
    return <div className="catalog-heading">{row.label}</div>;
  }
  if (row.kind === 'group') {
    const { group } = row;
    return (
      <button
        type="button"
        className={`catalog-group${group.deprecated ? ' is-deprecated' : ''}`}
        data-testid="catalog-group"
        data-group-id={group.id}
        data-nav-item=""
        aria-expanded={row.expanded}
        title={group.description}
        onClick={() => onToggleGroup(group.id)}
      >
        <span className="catalog-caret" aria-hidden="true">
          {row.expanded ? '▾' : '▸'}
        </span>
        <span className="catalog-group-title">{group.title}</span>
        {group.deprecated ? <span className="tag tag-deprecated">deprecated</span> : null}
        <span className="catalog-count muted">{row.count}</span>
      </button>
    );
  }
  const { endpoint } = row;
  const favourite = isFavourite(endpoint.id);
  return (
    <div
      className={`catalog-endpoint${selected ? ' is-selected' : ''}${endpoint.deprecated ? ' is-deprecated' : ''}`}
      data-testid={row.pinned ? 'catalog-pinned' : 'catalog-endpoint'}
      data-endpoint-id={row.pinned ? undefined : endpoint.id}
      data-pinned-id={row.pinned ? endpoint.id : undefined}
    >
      <button
        type="button"
        className="catalog-endpoint-open"
        data-nav-item=""
        aria-current={selected ? 'true' : undefined}
        title={`${endpoint.method} ${endpoint.path}${endpoint.deprecated ? ' (deprecated)' : ''}`}
        onClick={() => onOpen(endpoint.id)}
        onDoubleClick={() => onOpen(endpoint.id, true)}
        onContextMenu={(event) => {
          event.preventDefault();
          onMenu({ endpoint, at: { x: event.clientX, y: event.clientY } });
        }}
        onKeyDown={(event) => {
          if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
            event.preventDefault();
            const box = event.currentTarget.getBoundingClientRect();
            onMenu({ endpoint, at: { x: box.left + 24, y: box.bottom } });
          }
        }}
      >
        <MethodBadge method={endpoint.method} />
        <span className="catalog-endpoint-text">
          <span className="catalog-summary">{endpoint.summary}</span>
          <span className="catalog-path">
            {endpoint.deprecated ? (
              <span className="tag tag-deprecated" data-testid="deprecated-tag">
                deprecated
              </span>
            ) : null}
            {endpoint.path}
          </span>
        </span>
      </button>
      <button
        type="button"
        className={`catalog-star${favourite ? ' is-on' : ''}`}
        data-testid="favourite-toggle"
        aria-pressed={favourite}
        aria-label={favourite ? `Unpin ${endpoint.summary}` : `Pin ${endpoint.summary}`}
        title={favourite ? 'Unpin' : 'Pin to the top'}
        onClick={() => onToggleFavourite(endpoint.id)}
      >
        {favourite ? '★' : '☆'}
      </button>
    </div>
  );
});
