import type { z } from 'zod';
import type { MethodSpec } from '../../../shared/bridge/define';
import type { liveTailMethods } from '../../../shared/bridge/live-tail';
import { call } from '../../bridge/client';

type Methods = typeof liveTailMethods;
type Method = keyof Methods;
type Args<M extends Method> = z.input<Methods[M]['args']>;
type Result<M extends Method> = Methods[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

/** `call` typed against the live tail methods themselves, so the feature type-checks on its own. */
export function callLiveTail<M extends Method>(method: M, arg: Args<M>): Promise<Result<M>> {
  const untyped = call as unknown as (name: string, value: unknown) => Promise<Result<M>>;
  return untyped(method, arg);
}
