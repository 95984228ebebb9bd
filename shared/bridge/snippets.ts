import { z } from 'zod';
import { type SnippetLanguage, snippetLanguageIds } from '../snippets/languages';
import { method } from './define';
import { requestValuesSchema } from './requests';

/**
 * Code snippets for the request being edited. Generated in main (the snippet
 * library is a Node package); every snippet reads the key from an
 * environment variable. The one with the real key never crosses the bridge:
 * main asks the user in a native dialog, puts it on the clipboard itself and
 * clears it again.
 */

export interface SnippetResult {
  readonly language: SnippetLanguage;
  readonly label: string;
  readonly code: string;
}

export type CopyWithKeyResult = { readonly copied: true; readonly clearAfterSeconds: number } | { readonly copied: false };

const snippetRequestSchema = {
  environmentId: z.string().min(1).max(128),
  endpointId: z.string().min(1).max(200),
  values: requestValuesSchema,
};

export const snippetMethods = {
  /** All languages (or one); the SDK snippet is left out for endpoints it has no call for. */
  generateSnippets: method<SnippetResult[]>()(
    z.object({ ...snippetRequestSchema, language: z.enum(snippetLanguageIds).optional() }).strict(),
  ),
  /**
   * Main asks in a native dialog, then copies the snippet with the real key to
   * the clipboard and clears it after `clearAfterSeconds` if it is still there.
   * The snippet itself is never returned.
   */
  copySnippetWithKey: method<CopyWithKeyResult>()(z.object({ ...snippetRequestSchema, language: z.enum(snippetLanguageIds) }).strict()),
};
