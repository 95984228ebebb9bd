import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';

/** The active environment, read from the same query the switcher fills. */
export function useActiveEnvironmentOf() {
  const query = useQuery({ queryKey: queryKeys.environments(), queryFn: () => call('listEnvironments') });
  const list = query.data;
  return list ? (list.environments.find((e) => e.id === list.activeId) ?? null) : null;
}

/** Main takes the key out of the command and keeps it in the keychain; only its last four come back. */
export function useStoreKeyFromCurl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (arg: { environmentId: string; command: string }) => call('storeKeyFromCurl', arg),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.environments() }),
  });
}
