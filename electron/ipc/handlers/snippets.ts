import type { snippetMethods } from '../../../shared/bridge/snippets';
import type { SnippetService } from '../../services/snippets';
import type { Handlers } from '../dispatcher';

export type SnippetHandlers = Pick<Handlers, keyof typeof snippetMethods>;

export function createSnippetHandlers({ snippets }: { readonly snippets: SnippetService }): SnippetHandlers {
  return {
    generateSnippets: (arg) => snippets.generate(arg),
    copySnippetWithKey: (arg) => snippets.copyWithKey(arg),
  };
}
