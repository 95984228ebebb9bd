import { useState } from 'react';
import type { RequestValues } from '../../shared/request';
import { CatalogSidebar } from '../features/catalog';
import { SavedRequestsPanel } from '../features/collections';
import { HistoryPanel } from '../features/history';
import { useActiveEnvironment } from '../features/workbench';
import { type TabItem, TabPanel, Tabs } from '../ui';
import { draftKey, openEndpoint, workbenchStore } from './workbench-store';

/** History stores what was sent; anything else (an entry from an older version) opens the endpoint empty. */
function asRequestValues(values: unknown): RequestValues | undefined {
  if (typeof values !== 'object' || values === null) return undefined;
  const params = (values as { params?: unknown }).params;
  return typeof params === 'object' && params !== null ? (values as RequestValues) : undefined;
}

type SidebarTab = 'catalog' | 'saved' | 'history';

const tabs: readonly TabItem<SidebarTab>[] = [
  { id: 'catalog', label: 'Endpoints', testId: 'sidebar-tab-catalog' },
  { id: 'saved', label: 'Saved', testId: 'sidebar-tab-saved' },
  { id: 'history', label: 'History', testId: 'sidebar-tab-history' },
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
      <Tabs items={tabs} selected={tab} onSelect={setTab} label="Sidebar" idPrefix="sidebar" className="sidebar-tabs" />
      <TabPanel idPrefix="sidebar" id={tab} className="sidebar-panel">
        {tab === 'catalog' ? <CatalogSidebar /> : null}
        {tab === 'saved' ? (
          <SavedRequestsPanel
            environmentId={environment?.id ?? null}
            onOpen={(request) => {
              workbenchStore.openSaved(request);
              setTab('catalog');
            }}
            onResponse={(response, request) => {
              // The run's answer goes to the request's own tab, with the request it came from open above it.
              workbenchStore.openSaved(request);
              const tabId = workbenchStore.getState().activeTabId;
              if (!tabId) return;
              const values = request.target.kind === 'catalog' ? asRequestValues(request.target.values) : undefined;
              workbenchStore.setOutcome(draftKey(environment?.id ?? null, tabId), { response, ...(values ? { values } : {}) });
            }}
          />
        ) : null}
        {tab === 'history' ? <HistoryPanel onOpen={(entry) => open(entry.endpoint.id, entry.values)} /> : null}
      </TabPanel>
    </>
  );
}
