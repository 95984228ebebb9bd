import { useState } from 'react';
import type { RequestValues } from '../../shared/request';
import { CatalogSidebar } from '../features/catalog/CatalogSidebar';
import { SavedRequestsPanel } from '../features/collections/SavedRequestsPanel';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { useActiveEnvironment } from '../features/workbench/use-active-environment';
import { openEndpoint } from '../features/workbench/workbench-store';

/** History stores what was sent; anything else (an entry from an older version) opens the endpoint empty. */
function asRequestValues(values: unknown): RequestValues | undefined {
  if (typeof values !== 'object' || values === null) return undefined;
  const params = (values as { params?: unknown }).params;
  return typeof params === 'object' && params !== null ? (values as RequestValues) : undefined;
}

type SidebarTab = 'catalog' | 'saved' | 'history';

const tabs: readonly { id: SidebarTab; label: string }[] = [
  { id: 'catalog', label: 'Endpoints' },
  { id: 'saved', label: 'Saved' },
  { id: 'history', label: 'History' },
];

/** Endpoints, saved requests and history share the sidebar; each hands requests to the workbench. */
export function Sidebar() {
  const [tab, setTab] = useState<SidebarTab>('catalog');
  const { environment } = useActiveEnvironment();
  const open = (endpointId: string, values: unknown) => {
    openEndpoint(endpointId, asRequestValues(values));
    setTab('catalog');
  };
  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar">
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`sidebar-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`sidebar-panel-${item.id}`}
            className="sidebar-tab"
            data-testid={`sidebar-tab-${item.id}`}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div className="sidebar-panel" role="tabpanel" id={`sidebar-panel-${tab}`} aria-labelledby={`sidebar-tab-${tab}`}>
        {tab === 'catalog' ? <CatalogSidebar /> : null}
        {tab === 'saved' ? (
          <SavedRequestsPanel
            environmentId={environment?.id ?? null}
            onOpen={(request) => {
              if (request.target.kind === 'catalog') open(request.target.endpointId, request.target.values);
            }}
          />
        ) : null}
        {tab === 'history' ? <HistoryPanel onOpen={(entry) => open(entry.endpoint.id, entry.values)} /> : null}
      </div>
    </>
  );
}
