import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EnvironmentList } from '../../../shared/bridge/environments';
import type { Environment, EnvironmentInput } from '../../../shared/environments/types';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';

/** Every `listEnvironments` reader in the app shares this key, so one invalidation refreshes them all. */
export const environmentsKey = queryKeys.environments();

export function useEnvironmentList() {
  return useQuery({ queryKey: environmentsKey, queryFn: () => call('listEnvironments') });
}

export function activeEnvironmentOf(list: EnvironmentList | undefined): Environment | null {
  if (!list) return null;
  return list.environments.find((environment) => environment.id === list.activeId) ?? null;
}

export function invalidateEnvironments(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: environmentsKey });
}

/**
 * Asks the keychain whether the key is really there (a locked keyring can
 * hide it). Nested under the environments key so saves refresh it too; the
 * answer holds at most the last four characters, never the key.
 */
export function useKeyStatus(environment: Environment | null) {
  const id = environment?.id ?? '';
  return useQuery({
    queryKey: queryKeys.keyStatus(id),
    queryFn: () => call('hasApiKey', { environmentId: id }),
    enabled: environment?.hasKey === true,
  });
}

export function useSetActiveEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('setActiveEnvironment', { id }),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: environmentsKey, exact: true });
      const previous = client.getQueryData<EnvironmentList>(environmentsKey);
      if (previous) client.setQueryData<EnvironmentList>(environmentsKey, { ...previous, activeId: id });
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) client.setQueryData(environmentsKey, context.previous);
    },
    onSettled: () => invalidateEnvironments(client),
  });
}

export function useSaveEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnvironmentInput) => call('saveEnvironment', input),
    onSettled: () => invalidateEnvironments(client),
  });
}

export function useDuplicateEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('duplicateEnvironment', { id, copyKey: true }),
    onSettled: () => invalidateEnvironments(client),
  });
}

export function useDeleteEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (arg: { id: string; force?: boolean }) => call('deleteEnvironment', arg),
    onSettled: () => invalidateEnvironments(client),
  });
}

/** Shows the new order at once and puts the old one back if main refuses it. */
export function useReorderEnvironments() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) => call('reorderEnvironments', { ids: [...ids] }),
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: environmentsKey, exact: true });
      const previous = client.getQueryData<EnvironmentList>(environmentsKey);
      if (previous) {
        const byId = new Map(previous.environments.map((environment) => [environment.id, environment]));
        const environments = ids.flatMap((id) => byId.get(id) ?? []);
        client.setQueryData<EnvironmentList>(environmentsKey, { ...previous, environments });
      }
      return { previous };
    },
    onSuccess: (list) => client.setQueryData(environmentsKey, list),
    onError: (_error, _ids, context) => {
      if (context?.previous) client.setQueryData(environmentsKey, context.previous);
    },
    onSettled: () => invalidateEnvironments(client),
  });
}

export function useAcknowledgeRecovery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) => call('acknowledgeRecovery', { ids: [...ids] }),
    onSettled: () => invalidateEnvironments(client),
  });
}

/** Tries again to remove keys that deleted environments left in the keychain. */
export function useRetryKeyDeletion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('retryKeyDeletion'),
    onSettled: () => invalidateEnvironments(client),
  });
}

/** "Test connection" under its own id, so it can be cancelled while main waits for the server. */
export function useTestConnection() {
  const mutation = useMutation({
    mutationFn: ({ environmentId, requestId }: { environmentId: string; requestId: string }) =>
      call('testConnection', { environmentId, requestId }),
  });
  const { mutate } = mutation;
  const pendingId = mutation.isPending ? mutation.variables?.requestId : undefined;
  const start = useCallback((environmentId: string) => mutate({ environmentId, requestId: crypto.randomUUID() }), [mutate]);
  const cancel = useCallback(() => {
    // The test itself then fails with `cancelled`, which is shown as its error.
    if (pendingId) call('cancelRequest', { requestId: pendingId }).catch(() => undefined);
  }, [pendingId]);
  return { ...mutation, start, cancel };
}
