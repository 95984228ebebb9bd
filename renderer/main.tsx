// The kit's tokens and styles come first, so feature styles can refine them.
import './ui/tokens.css';
import './ui/ui.css';
import './ui/controls.css';
import './styles/app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppErrorBoundary, reportUncaughtErrors } from './features/diagnostics';

const queryClient = new QueryClient({
  defaultOptions: {
    // Main answers locally; retrying a failed bridge call only hides the error.
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

reportUncaughtErrors();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </AppErrorBoundary>
  </StrictMode>,
);
