import { z } from 'zod';
import { type SnippetLanguage, snippetLanguageIds } from '../snippets/languages';
import { method } from './define';
import { requestValuesSchema } from './requests';

/**
 * Code snippets for the request being edited. Generated in main (the snippet
 * library is a Node package); every snippet reads the key from an
 * environment variable unless the user explicitly reveals it for one language.
 */

export interface SnippetResult {
  readonly language: SnippetLanguage;
  readonly label: string;
  readonly code: string;
}

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
  /** The one snippet with the real key in place of the variable; only after the user confirmed. */
  revealSnippetWithKey: method<{ code: string }>()(
    z.object({ ...snippetRequestSchema, language: z.enum(snippetLanguageIds), confirmed: z.literal(true) }).strict(),
  ),
};
