import { useEffect, useRef, useState } from 'react';
import { AppInfoBadge } from '../features/app-info';
import { CommandPalette } from '../features/catalog';
import { CustomRequestView, SaveRequestButton } from '../features/collections';
import { CopyAsCurlButton, ImportCurlButton, ImportNotices } from '../features/curl-import';
import { EnvironmentSwitcher, RecoveryBanner } from '../features/environments';
import { useInvestigateState } from '../features/investigate';
import { SandboxBanner } from '../features/sandbox';
import { SandboxToolsPanel } from '../features/sandbox-tools';
import { SettingsButton } from '../features/settings';
import { CodeTab } from '../features/snippets';
import { SupportPanel } from '../features/support';
import { TabStrip, useTabScroll } from '../features/tabs';
import { Workbench } from '../features/workbench';
import { Button, hasMod, IconButton, modKey, SplitPane, StoreRecoveryNotice, Toaster, useGlobalShortcut } from '../ui';
import { type AppView, useAppCommands } from './app-commands';
import { type ResponsePlacement, useLayoutPrefs } from './layout-prefs';
import { retainTabResponses } from './response-retention';
import { Sidebar } from './Sidebar';
import { WorkbenchResponse } from './WorkbenchResponse';
import { activeTab, openEndpoint, useWorkbenchState, useWorkbenchStore, workbenchStore } from './workbench-store';
import { useWorkspaceSync } from './workspace-sync';

const views: readonly { id: AppView; label: string }[] = [
  { id: 'workbench', label: 'Workbench' },
  { id: 'support', label: 'Support tools' },
  { id: 'sandbox', label: 'Sandbox' },
];

const placements: readonly { id: ResponsePlacement; label: string; icon: string }[] = [
  { id: 'below', label: 'Response below the request', icon: '⬓' },
  { id: 'beside', label: 'Response beside the request', icon: '◨' },
];

export function App() {
  const [view, setView] = useState<AppView>('workbench');
  const prefs = useLayoutPrefs();
  const commands = useAppCommands(setView, prefs);
  // Opening an endpoint from anywhere (the sidebar, the palette, a support tool) shows it in the workbench.
  const opened = useWorkbenchState((state) => state.openCount);
  const tab = useWorkbenchState(activeTab);
  const store = useWorkbenchStore();
  const workspaceRecovery = useWorkspaceSync(store);
  useEffect(() => retainTabResponses(store), [store]);
  const panelRef = useRef<HTMLDivElement>(null);
  useTabScroll(panelRef, view === 'workbench' ? (tab?.id ?? null) : null);
  useEffect(() => {
    if (opened > 0) setView('workbench');
  }, [opened]);
  // "Investigate recipient" and the like, from any value in the app, show the support tools.
  const investigations = useInvestigateState().seq;
  useEffect(() => {
    if (investigations > 0) setView('support');
  }, [investigations]);
  useGlobalShortcut((event) => {
    if (hasMod(event) && !event.shiftKey && event.key === '\\') {
      event.preventDefault();
      prefs.toggleSidebar();
    }
  });

  const main = (
    <main
      className="workbench"
      aria-label={view === 'workbench' ? 'Request workbench' : view === 'support' ? 'Support tools' : 'Sandbox tools'}
    >
      {view === 'workbench' ? (
        <>
          <TabStrip />
          <div
            ref={panelRef}
            className="workbench-tabpanel"
            id="workbench-tabpanel"
            {...(tab ? { role: 'tabpanel', 'aria-labelledby': `workbench-tab-${tab.id}` } : {})}
          >
            {tab?.target.kind === 'custom' ? (
              <CustomRequestView
                key={tab.id}
                tabId={tab.id}
                title={tab.title ?? `${tab.target.request.method} ${tab.target.request.path}`}
                request={tab.target.request}
                {...(tab.saved ? { saved: tab.saved } : {})}
                {...(tab.missingFiles ? { missingFiles: tab.missingFiles } : {})}
                onSaved={(saved) => workbenchStore.linkSaved(tab.id, { id: saved.id, collectionId: saved.collectionId, name: saved.name })}
                responsePlacement={prefs.responsePlacement}
                renderResponse={(state) => <WorkbenchResponse {...state} />}
              />
            ) : (
              <Workbench
                responsePlacement={prefs.responsePlacement}
                renderResponse={(state) => <WorkbenchResponse {...state} />}
                renderCode={(request) => (
                  <CodeTab environmentId={request.environmentId} endpointId={request.endpoint.id} values={request.values} />
                )}
                renderActions={(request) => (
                  <>
                    <SaveRequestButton
                      endpointId={request.endpoint.id}
                      values={request.values}
                      environmentId={request.environmentId}
                      defaultName={tab?.saved?.name ?? request.endpoint.summary}
                      {...(tab?.saved ? { saved: tab.saved } : {})}
                      onSaved={(saved) => {
                        if (!tab) return;
                        const values = saved.target.kind === 'catalog' ? saved.target.values : request.values;
                        workbenchStore.linkSaved(tab.id, { id: saved.id, collectionId: saved.collectionId, name: saved.name, values });
                      }}
                    />
                    <CopyAsCurlButton environmentId={request.environmentId} endpointId={request.endpoint.id} values={request.values} />
                  </>
                )}
              />
            )}
          </div>
        </>
      ) : view === 'support' ? (
        <SupportPanel onOpenRequest={(endpointId, values) => openEndpoint(endpointId, values)} />
      ) : (
        <SandboxToolsPanel />
      )}
    </main>
  );

  return (
    <div className="app-shell" data-testid="app-ready">
      <header className="top-bar">
        <IconButton
          label={`${prefs.sidebarCollapsed ? 'Show' : 'Hide'} the sidebar (${modKey}+\\)`}
          aria-pressed={!prefs.sidebarCollapsed}
          aria-controls="app-sidebar"
          onClick={prefs.toggleSidebar}
          data-testid="sidebar-toggle"
        >
          <span aria-hidden="true">☰</span>
        </IconButton>
        <span className="brand">Mailgun Explorer</span>
        <EnvironmentSwitcher showRecoveryBanner={false} />
        <div className="top-bar-end">
          <ImportCurlButton />
          {view === 'workbench' ? (
            <fieldset className="placement-switch" aria-label="Where the response goes">
              {placements.map((item) => (
                <IconButton
                  key={item.id}
                  label={item.label}
                  aria-pressed={prefs.responsePlacement === item.id}
                  data-testid={`placement-${item.id}`}
                  onClick={() => prefs.setResponsePlacement(item.id)}
                >
                  <span aria-hidden="true">{item.icon}</span>
                </IconButton>
              ))}
            </fieldset>
          ) : null}
          <nav className="view-switch" aria-label="View">
            {views.map((item) => (
              <Button key={item.id} pressed={view === item.id} data-testid={`view-switch-${item.id}`} onClick={() => setView(item.id)}>
                {item.label}
              </Button>
            ))}
          </nav>
          <SettingsButton />
        </div>
      </header>
      <div className="banner-slot">
        <RecoveryBanner />
        <SandboxBanner />
        <StoreRecoveryNotice notice={workspaceRecovery} title="The open tabs had to be recovered." testId="workspace-recovery" />
        {view === 'workbench' ? <ImportNotices /> : null}
      </div>
      <SplitPane
        direction="row"
        className="app-body"
        storageKey="sidebar-width"
        unit="px"
        defaultSize={300}
        minFirst={200}
        minSecond={560}
        label="Resize the sidebar"
        collapsed={prefs.sidebarCollapsed}
        testId="sidebar-split"
        first={
          <aside id="app-sidebar" className="sidebar" aria-label="Endpoints, saved requests and history">
            <Sidebar />
          </aside>
        }
        second={main}
      />
      <footer className="status-bar">
        <AppInfoBadge />
      </footer>
      <CommandPalette commands={commands} />
      <Toaster />
    </div>
  );
}
