import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CustomRequest, SavedTarget } from '../../../shared/bridge/collections';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';
import { callCollections } from './collection-calls';

const LIST_KEY = queryKeys.savedRequests();

export function useSavedRequests() {
  return useQuery({ queryKey: LIST_KEY, queryFn: () => callCollections('listSavedRequests', undefined) });
}

/** Every change refreshes the list; imports may also have created an environment. */
function useListMutation<A, R>(fn: (arg: A) => Promise<R>, alsoEnvironments = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: LIST_KEY });
      if (alsoEnvironments) await queryClient.invalidateQueries({ queryKey: queryKeys.environments() });
    },
  });
}

export function useCreateCollection() {
  return useListMutation((name: string) => callCollections('createCollection', { name }));
}

export function useRenameCollection() {
  return useListMutation((arg: { id: string; name: string }) => callCollections('renameCollection', arg));
}

export function useDeleteCollection() {
  return useListMutation((id: string) => callCollections('deleteCollection', { id }));
}

export function useSaveRequest() {
  return useListMutation((arg: { collectionId: string; name: string; target: SavedTarget; environmentId?: string; id?: string }) =>
    callCollections('saveRequest', arg as never),
  );
}

export function useEditSavedRequest() {
  return useListMutation(async (arg: { id: string; name: string; collectionId: string; moved: boolean; renamed: boolean }) => {
    if (arg.renamed) await callCollections('renameSavedRequest', { id: arg.id, name: arg.name });
    if (arg.moved) await callCollections('moveSavedRequest', { id: arg.id, collectionId: arg.collectionId });
  });
}

export function useDeleteSavedRequest() {
  return useListMutation((id: string) => callCollections('deleteSavedRequest', { id }));
}

export function useImportCollection() {
  return useListMutation(
    (environmentId: string | null) => callCollections('importPostmanCollectionFromFile', environmentId ? { environmentId } : {}),
    true,
  );
}

/** The environments feature's own import, offered here for Postman environment files. */
export function useImportPostmanEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('importEnvironmentsFromFile', { format: 'postman' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.environments() }),
  });
}

export function useExportCollection() {
  return useMutation({
    mutationFn: (arg: { scope: 'catalog' | 'saved'; collectionId?: string; environmentId?: string; includeKeys: boolean }) =>
      callCollections('exportCollectionToFile', arg),
  });
}

/** A saved request runs as main keeps it; an unsaved custom one (a tab not saved yet) is sent as it stands. */
type RunArg = {
  readonly environmentId: string;
  readonly confirmedDestructive?: boolean;
} & ({ readonly savedId: string; readonly request?: undefined } | { readonly savedId?: undefined; readonly request: CustomRequest });

export function useRunSavedRequest() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ request, ...arg }: RunArg & { requestId: string }) =>
      request
        ? call('sendCustomRequest', {
            requestId: arg.requestId,
            environmentId: arg.environmentId,
            request,
            ...(arg.confirmedDestructive ? { confirmedDestructive: true } : {}),
          })
        : callCollections('sendSavedRequest', { ...arg, savedId: arg.savedId ?? '' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.history() }),
  });
  const pendingId = mutation.isPending ? mutation.variables?.requestId : undefined;
  const cancel = useCallback(() => {
    // The run itself then fails with `cancelled`, which the panel shows.
    if (pendingId) call('cancelRequest', { requestId: pendingId }).catch(() => undefined);
  }, [pendingId]);
  const run = (arg: RunArg) => mutation.mutateAsync({ ...arg, requestId: crypto.randomUUID() });
  return {
    run,
    cancel,
    isPending: mutation.isPending,
    error: mutation.error,
    runningId: mutation.isPending ? mutation.variables?.savedId : undefined,
  };
}
