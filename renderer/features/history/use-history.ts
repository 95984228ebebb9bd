import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';

/** Newest first; older entries are reached by searching. */
export const HISTORY_PAGE_SIZE = 200;

export function useHistoryList(query: string) {
  return useQuery({
    queryKey: queryKeys.historyList(query),
    queryFn: () => call('listHistory', { ...(query === '' ? {} : { query }), limit: HISTORY_PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
}

export function useHistoryEntry(id: string | null) {
  return useQuery({
    queryKey: queryKeys.historyEntry(id),
    queryFn: () => call('getHistoryEntry', { id: id as string }),
    enabled: id !== null,
    // Bodies can be large: drop them soon after the entry is closed.
    gcTime: 10_000,
  });
}

/** Call after anything that adds to or removes from history, e.g. a send. */
export function useInvalidateHistory(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: queryKeys.history() }), [queryClient]);
}

export function useDeleteHistoryEntry() {
  const invalidate = useInvalidateHistory();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('deleteHistoryEntry', { id }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.historyEntry(id) });
      return invalidate();
    },
  });
}

export function useClearHistory() {
  const invalidate = useInvalidateHistory();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('clearHistory'),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.historyEntries() });
      return invalidate();
    },
  });
}
