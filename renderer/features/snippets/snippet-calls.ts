import type { z } from 'zod';
import type { MethodSpec } from '../../../shared/bridge/define';
import { snippetMethods } from '../../../shared/bridge/snippets';
import { call } from '../../bridge/client';

type Methods = typeof snippetMethods;
type ResultOf<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

/** `call`, typed against this feature's own method declarations. */
export function callSnippets<M extends keyof Methods>(method: M, arg: z.input<Methods[M]['args']>): Promise<ResultOf<Methods[M]>> {
  return (call as unknown as (name: string, value: unknown) => Promise<ResultOf<Methods[M]>>)(method, arg);
}

export const snippetMethodNames = Object.keys(snippetMethods) as (keyof Methods)[];
