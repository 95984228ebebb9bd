import type { CatalogSection, SearchResult } from '../../../shared/catalog/index';
import type { EndpointDef, GroupDef, GroupId } from '../../../shared/catalog/types';

export type SidebarRow =
  | { readonly kind: 'heading'; readonly key: string; readonly label: string }
  | { readonly kind: 'group'; readonly key: string; readonly group: GroupDef; readonly count: number; readonly expanded: boolean }
  | { readonly kind: 'endpoint'; readonly key: string; readonly endpoint: EndpointDef; readonly pinned: boolean };

/** Favourites on top, then every group; only expanded groups list their endpoints, which keeps the DOM small. */
export function browseRows(
  tree: readonly CatalogSection[],
  favourites: readonly EndpointDef[],
  expanded: ReadonlySet<GroupId>,
): SidebarRow[] {
  const rows: SidebarRow[] = [];
  if (favourites.length > 0) {
    rows.push({ kind: 'heading', key: 'h-pinned', label: 'Pinned' });
    for (const endpoint of favourites) rows.push({ kind: 'endpoint', key: `pin-${endpoint.id}`, endpoint, pinned: true });
    rows.push({ kind: 'heading', key: 'h-all', label: 'All endpoints' });
  }
  for (const { group, endpoints } of tree) {
    if (endpoints.length === 0) continue;
    const isOpen = expanded.has(group.id);
    rows.push({ kind: 'group', key: `g-${group.id}`, group, count: endpoints.length, expanded: isOpen });
    if (isOpen) for (const endpoint of endpoints) rows.push({ kind: 'endpoint', key: endpoint.id, endpoint, pinned: false });
  }
  return rows;
}

/** Search results as a tree: groups ordered by their best match, endpoints by score within each group. */
export function filteredRows(results: readonly SearchResult[], groups: readonly GroupDef[]): SidebarRow[] {
  const byGroup = new Map<GroupId, EndpointDef[]>();
  for (const { endpoint } of results) {
    const list = byGroup.get(endpoint.group) ?? [];
    list.push(endpoint);
    byGroup.set(endpoint.group, list);
  }
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const rows: SidebarRow[] = [];
  for (const [id, endpoints] of byGroup) {
    const group = groupById.get(id);
    if (!group) continue;
    rows.push({ kind: 'group', key: `g-${id}`, group, count: endpoints.length, expanded: true });
    for (const endpoint of endpoints) rows.push({ kind: 'endpoint', key: endpoint.id, endpoint, pinned: false });
  }
  return rows;
}
