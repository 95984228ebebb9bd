import { AppInfoBadge } from '../features/app-info/AppInfoBadge';

export function App() {
  return (
    <div className="app-shell" data-testid="app-ready">
      <header className="top-bar">
        <span className="brand">Mailgun Explorer</span>
      </header>
      <aside className="sidebar" aria-label="Endpoint catalog" />
      <main className="workbench" aria-label="Request workbench" />
      <footer className="status-bar">
        <AppInfoBadge />
      </footer>
    </div>
  );
}
