import type { z } from 'zod';
import type { MethodSpec } from '../../../shared/bridge/define';
import type { snippetMethods } from '../../../shared/bridge/snippets';
import type { SnippetService } from '../../services/snippets';

type Methods = typeof snippetMethods;
type ResultOfSpec<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

/** Same shape as `Pick<Handlers, keyof typeof snippetMethods>` once the methods are in the contract. */
export type SnippetHandlers = {
  readonly [M in keyof Methods]: (arg: z.output<Methods[M]['args']>) => Promise<ResultOfSpec<Methods[M]>>;
};

export function createSnippetHandlers({ snippets }: { readonly snippets: SnippetService }): SnippetHandlers {
  return {
    generateSnippets: (arg) => snippets.generate(arg),
    revealSnippetWithKey: (arg) => snippets.reveal(arg),
  };
}
