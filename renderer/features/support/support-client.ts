import { useCallback, useRef } from 'react';
import type { supportMethods } from '../../../shared/bridge/support';
import { callerFor } from '../../bridge/caller-for';
import { call } from '../../bridge/client';

export const callSupport = callerFor<typeof supportMethods>();

/**
 * Names each run of a report so it can be stopped: `next()` gives the id to
 * send as `operationId`, `cancel()` asks main to stop every call of the run
 * in flight. The report then comes back with those calls marked cancelled.
 */
export function useSupportOperation() {
  const current = useRef<string | null>(null);
  const next = useCallback(() => {
    current.current = crypto.randomUUID();
    return current.current;
  }, []);
  const cancel = useCallback(() => {
    if (current.current) call('cancelRequest', { requestId: current.current }).catch(() => undefined);
  }, []);
  return { next, cancel };
}
