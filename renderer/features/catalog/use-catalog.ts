import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../app/query-keys';

/** The catalog module's public surface; loaded on demand so the first screen does not wait for it. */
export type CatalogModule = typeof import('../../../shared/catalog/index');

export interface LoadedCatalog {
  readonly catalog: CatalogModule['catalog'];
  readonly catalogTree: CatalogModule['catalogTree'];
  readonly groups: CatalogModule['groups'];
  readonly getEndpoint: CatalogModule['getEndpoint'];
  readonly searchCatalog: CatalogModule['searchCatalog'];
  readonly findEndpointByRequest: CatalogModule['findEndpointByRequest'];
}

export async function loadCatalog(): Promise<LoadedCatalog> {
  const m = await import('../../../shared/catalog/index');
  // The search index is built on first use; building it while the app is idle keeps it off the first keystroke.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => m.searchCatalog('warm up'));
  return {
    catalog: m.catalog,
    catalogTree: m.catalogTree,
    groups: m.groups,
    getEndpoint: m.getEndpoint,
    searchCatalog: m.searchCatalog,
    findEndpointByRequest: m.findEndpointByRequest,
  };
}

export function useCatalog() {
  return useQuery({
    queryKey: queryKeys.catalog(),
    queryFn: loadCatalog,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    // Static data holding functions; comparing it deeply on every fetch would be wasted work.
    structuralSharing: false,
  });
}
