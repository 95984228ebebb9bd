import { AppInfoBadge } from '../features/app-info/AppInfoBadge';
import { CatalogSidebar } from '../features/catalog/CatalogSidebar';
import { EnvironmentSwitcher } from '../features/environments/EnvironmentSwitcher';
import { RecoveryBanner } from '../features/environments/RecoveryBanner';
import { SandboxBanner } from '../features/sandbox/SandboxBanner';
import { Workbench } from '../features/workbench/Workbench';

export function App() {
  return (
    <div className="app-shell" data-testid="app-ready">
      <header className="top-bar">
        <span className="brand">Mailgun Explorer</span>
        <EnvironmentSwitcher showRecoveryBanner={false} />
      </header>
      <div className="banner-slot">
        <RecoveryBanner />
        <SandboxBanner />
      </div>
      <aside className="sidebar" aria-label="Endpoint catalog">
        <CatalogSidebar />
      </aside>
      <main className="workbench" aria-label="Request workbench">
        <Workbench />
      </main>
      <footer className="status-bar">
        <AppInfoBadge />
      </footer>
    </div>
  );
}
