import { useCallback, useRef } from 'react';
import type { z } from 'zod';
import type { MethodSpec } from '../../../shared/bridge/define';
import type { supportMethods } from '../../../shared/bridge/support';
import { call } from '../../bridge/client';

type Methods = typeof supportMethods;
export type SupportMethod = keyof Methods;
export type SupportArgs<M extends SupportMethod> = z.input<Methods[M]['args']>;
export type SupportResult<M extends SupportMethod> = Methods[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

/**
 * `call` typed against the support methods themselves, so this feature
 * type-checks whether or not the contract already lists them.
 */
export function callSupport<M extends SupportMethod>(method: M, arg: SupportArgs<M>): Promise<SupportResult<M>> {
  const untyped = call as unknown as (name: string, value: unknown) => Promise<SupportResult<M>>;
  return untyped(method, arg);
}

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
