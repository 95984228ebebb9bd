import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { EnvironmentList } from '../../../shared/bridge/environments';
import type { Environment } from '../../../shared/environments/types';
import { createWorkbenchStore, type WorkbenchStore, WorkbenchStoreContext } from '../../app/workbench-store';

/** Shared by the workbench, catalog and editor component tests; never imported by the app. */
export function testEnvironment(overrides: Partial<Environment> = {}): Environment {
  return {
    id: 'env-1',
    name: 'Staging',
    region: 'us',
    domain: 'mg.example.com',
    keyKind: 'primary',
    readOnly: false,
    colour: 'blue',
    hasKey: true,
    keyLast4: '1234',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function environmentList(
  environments: readonly Environment[],
  activeId: string | null = environments[0]?.id ?? null,
): EnvironmentList {
  return { environments, activeId, recovery: [], leftoverKeys: [] };
}

export function renderWithProviders(ui: ReactElement, options: { store?: WorkbenchStore; queryClient?: QueryClient } = {}) {
  const store = options.store ?? createWorkbenchStore();
  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <WorkbenchStoreContext.Provider value={store}>{ui}</WorkbenchStoreContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, store, queryClient };
}
