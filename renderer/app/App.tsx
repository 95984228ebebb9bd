import { useEffect, useState } from 'react';
import { AppInfoBadge } from '../features/app-info';
import { CommandPalette } from '../features/catalog';
import { CustomRequestView, SaveRequestButton } from '../features/collections';
import { CopyAsCurlButton, ImportCurlButton, ImportNotices } from '../features/curl-import';
import { EnvironmentSwitcher, RecoveryBanner } from '../features/environments';
import { SandboxBanner } from '../features/sandbox';
import { SettingsButton } from '../features/settings';
import { CodeTab } from '../features/snippets';
import { SupportPanel } from '../features/support';
import { Workbench } from '../features/workbench';
import { Button, hasMod, IconButton, modKey, SplitPane, Toaster, useGlobalShortcut } from '../ui';
import { type ResponsePlacement, useLayoutPrefs } from './layout-prefs';
import { Sidebar } from './Sidebar';
import { WorkbenchResponse } from './WorkbenchResponse';
import { openEndpoint, useWorkbenchState } from './workbench-store';

type View = 'workbench' | 'support';

const views: readonly { id: View; label: string }[] = [
  { id: 'workbench', label: 'Workbench' },
  { id: 'support', label: 'Support tools' },
];

const placements: readonly { id: ResponsePlacement; label: string; icon: string }[] = [
  { id: 'below', label: 'Response below the request', icon: '⬓' },
  { id: 'beside', label: 'Response beside the request', icon: '◨' },
];

export function App() {
  const [view, setView] = useState<View>('workbench');
  const prefs = useLayoutPrefs();
  // Opening an endpoint from anywhere (the sidebar, the palette, a support tool) shows it in the workbench.
  const opened = useWorkbenchState((state) => state.openCount);
  const openedSaved = useWorkbenchState((state) => state.openedSaved);
  useEffect(() => {
    if (opened > 0) setView('workbench');
  }, [opened]);
  useGlobalShortcut((event) => {
    if (hasMod(event) && !event.shiftKey && event.key === '\\') {
      event.preventDefault();
      prefs.toggleSidebar();
    }
  });

  const main = (
    <main className="workbench" aria-label={view === 'workbench' ? 'Request workbench' : 'Support tools'}>
      {view === 'workbench' && openedSaved?.target.kind === 'custom' ? (
        <CustomRequestView
          saved={{ ...openedSaved, target: openedSaved.target }}
          responsePlacement={prefs.responsePlacement}
          renderResponse={(state) => <WorkbenchResponse {...state} />}
        />
      ) : view === 'workbench' ? (
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
                defaultName={request.endpoint.summary}
              />
              <CopyAsCurlButton environmentId={request.environmentId} endpointId={request.endpoint.id} values={request.values} />
            </>
          )}
        />
      ) : (
        <SupportPanel onOpenRequest={(endpointId, values) => openEndpoint(endpointId, values)} />
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
      <CommandPalette />
      <Toaster />
    </div>
  );
}
