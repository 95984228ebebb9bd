import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../../ui';
import { reportError } from './report-error';
import './app-error-boundary.css';

interface State {
  readonly error: Error | null;
}

/**
 * The last line of defence for render errors: the error goes to main's log
 * and the user gets a way out instead of a blank window.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode; onReload?: () => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    reportError('render', error, info.componentStack ?? undefined);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    return (
      <main className="app-error" role="alert" data-testid="app-error-boundary">
        <h1>Something in this window went wrong</h1>
        <p>
          {error.message || 'An unexpected error stopped the window from drawing.'} It was written to the log file (Help &gt; Show logs).
          Your environments, history and saved requests are safe.
        </p>
        <Button variant="primary" onClick={reload} data-testid="app-error-reload">
          Reload
        </Button>
      </main>
    );
  }
}
