import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo(), queryFn: () => call('getAppInfo'), staleTime: Number.POSITIVE_INFINITY });
}
