import type { z } from 'zod';
import { collectionMethods } from '../../../shared/bridge/collections';
import type { MethodSpec } from '../../../shared/bridge/define';
import { call } from '../../bridge/client';

type Methods = typeof collectionMethods;
type ResultOf<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

/** `call`, typed against this feature's own method declarations. */
export function callCollections<M extends keyof Methods>(method: M, arg: z.input<Methods[M]['args']>): Promise<ResultOf<Methods[M]>> {
  return (call as unknown as (name: string, value: unknown) => Promise<ResultOf<Methods[M]>>)(method, arg);
}

export const collectionMethodNames = Object.keys(collectionMethods) as (keyof Methods)[];
