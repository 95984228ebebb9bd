import { useQuery } from '@tanstack/react-query';
import type { RegionBoundResource } from '../../../shared/status';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';

/** Asks both regions for a list or route a 404 named; once per environment, region and resource. */
export function useResourceRegion(environmentId: string, region: string, resource: RegionBoundResource) {
  return useQuery({
    queryKey: queryKeys.resourceRegion(environmentId, region, resource),
    queryFn: () => call('findResourceRegion', { environmentId, resource }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
