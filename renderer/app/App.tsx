import { useState } from 'react';
import { AppInfoBadge } from '../features/app-info/AppInfoBadge';
import { SaveRequestButton } from '../features/collections/SaveRequestButton';
import { EnvironmentSwitcher } from '../features/environments/EnvironmentSwitcher';
import { RecoveryBanner } from '../features/environments/RecoveryBanner';
import { SandboxBanner } from '../features/sandbox/SandboxBanner';
import { CodeTab } from '../features/snippets/CodeTab';
import { SupportPanel } from '../features/support/SupportPanel';
import { Workbench } from '../features/workbench/Workbench';
import { openEndpoint } from '../features/workbench/workbench-store';
import { Button, Toaster } from '../ui';
import { Sidebar } from './Sidebar';
import { WorkbenchResponse } from './WorkbenchResponse';

type View = 'workbench' | 'support';

const views: readonly { id: View; label: string }[] = [
  { id: 'workbench', label: 'Workbench' },
  { id: 'support', label: 'Support tools' },
];

export function App() {
  const [view, setView] = useState<View>('workbench');
  return (
    <div className="app-shell" data-testid="app-ready">
      <header className="top-bar">
        <span className="brand">Mailgun Explorer</span>
        <EnvironmentSwitcher showRecoveryBanner={false} />
        <nav className="view-switch" aria-label="View">
          {views.map((item) => (
            <Button key={item.id} pressed={view === item.id} data-testid={`view-switch-${item.id}`} onClick={() => setView(item.id)}>
              {item.label}
            </Button>
          ))}
        </nav>
      </header>
      <div className="banner-slot">
        <RecoveryBanner />
        <SandboxBanner />
      </div>
      <aside className="sidebar" aria-label="Endpoints, saved requests and history">
        <Sidebar />
      </aside>
      <main className="workbench" aria-label={view === 'workbench' ? 'Request workbench' : 'Support tools'}>
        {view === 'workbench' ? (
          <Workbench
            renderResponse={(state) => <WorkbenchResponse {...state} />}
            renderCode={(request) => (
              <CodeTab environmentId={request.environmentId} endpointId={request.endpoint.id} values={request.values} />
            )}
            renderActions={(request) => (
              <SaveRequestButton
                endpointId={request.endpoint.id}
                values={request.values}
                environmentId={request.environmentId}
                defaultName={request.endpoint.summary}
              />
            )}
          />
        ) : (
          <SupportPanel
            onOpenRequest={(endpointId, values) => {
              openEndpoint(endpointId, values);
              setView('workbench');
            }}
          />
        )}
      </main>
      <footer className="status-bar">
        <AppInfoBadge />
      </footer>
      <Toaster />
    </div>
  );
}
