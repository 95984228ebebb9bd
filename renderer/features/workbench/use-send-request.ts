import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RequestValues } from '../../../shared/request';
import { queryKeys } from '../../app/query-keys';
import { useWorkbenchStore } from '../../app/workbench-store';
import { call, toAppError } from '../../bridge/client';
import { limitsForSend, useRequestLimits, useRequestLimitsInMain } from './request-limits';

export interface SendInput {
  /** The draft key the outcome belongs to. */
  readonly key: string;
  readonly environmentId: string;
  readonly endpointId: string;
  readonly values: RequestValues;
  readonly confirmedDestructive?: boolean;
}

/**
 * Sends through main and records the outcome against the draft it came from,
 * so switching endpoints mid-flight shows each result in the right place.
 */
export function useSendRequest() {
  const store = useWorkbenchStore();
  const queryClient = useQueryClient();
  const limits = useRequestLimits();
  useRequestLimitsInMain();
  const mutation = useMutation({
    mutationFn: ({ input, requestId }: { input: SendInput; requestId: string }) =>
      call('sendRequest', {
        requestId,
        environmentId: input.environmentId,
        endpointId: input.endpointId,
        values: input.values,
        ...limitsForSend(limits),
        ...(input.confirmedDestructive ? { confirmedDestructive: true } : {}),
      }),
    onMutate: ({ input, requestId }) => store.beginRequest(input.key, requestId),
    onSuccess: (response, { input, requestId }) => store.finishRequest(input.key, requestId, { response, values: input.values }),
    onError: (error, { input, requestId }) => store.finishRequest(input.key, requestId, { error: toAppError(error), values: input.values }),
    // A sent request lands in history whatever happened to it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.history() }),
  });
  const { mutate } = mutation;

  const send = useCallback((input: SendInput) => mutate({ input, requestId: crypto.randomUUID() }), [mutate]);

  const cancel = useCallback(
    (key: string) => {
      const requestId = store.getState().pending.get(key);
      if (!requestId) return;
      // The send itself then fails with `cancelled`, which is what the response area shows.
      call('cancelRequest', { requestId }).catch(() => undefined);
    },
    [store],
  );

  return { send, cancel };
}
