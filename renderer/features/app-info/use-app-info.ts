import { useQuery } from '@tanstack/react-query';
import { call } from '../../bridge/client';

export function useAppInfo() {
  return useQuery({ queryKey: ['app-info'], queryFn: () => call('getAppInfo'), staleTime: Number.POSITIVE_INFINITY });
}
