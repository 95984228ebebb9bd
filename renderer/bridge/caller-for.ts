import type { z } from 'zod';
import type { MethodSpec } from '../../shared/bridge/define';
import { call } from './client';

type SpecResult<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

/**
 * `call` typed against one feature's own method declarations, so the feature
 * type-checks on its own whether or not the contract already lists them.
 */
export function callerFor<Methods extends Record<string, MethodSpec<z.ZodType, unknown>>>() {
  const untyped = call as unknown as (name: string, value: unknown) => Promise<unknown>;
  return <M extends keyof Methods & string>(method: M, arg: z.input<Methods[M]['args']>): Promise<SpecResult<Methods[M]>> =>
    untyped(method, arg) as Promise<SpecResult<Methods[M]>>;
}
