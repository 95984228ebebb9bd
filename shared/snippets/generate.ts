import { csharpSnippet } from './csharp';
import { type HarRequest, toHar } from './har';
import { languageInfo, type SnippetLanguage, snippetLanguages } from './languages';
import { fixLibraryOutput } from './library-fixes';
import { mailgunJsSnippet } from './mailgun-js';
import type { KeySource, SnippetRequest } from './model';
import { goMultipartSnippet, javaMultipartSnippet, phpMultipartSnippet, rubyMultipartSnippet } from './multipart';
import { nodeFetchSnippet } from './node-fetch';
import { pythonSnippet } from './python';

/** Runs httpsnippet; injected because the library is a Node package and only main may load it. */
export type RunLibrary = (har: HarRequest, target: string, client: string) => string;

export interface GeneratedSnippet {
  readonly language: SnippetLanguage;
  readonly label: string;
  readonly code: string;
}

/** One snippet, or null when the language has no equivalent for this endpoint (the SDK). */
export function generateSnippet(
  language: SnippetLanguage,
  request: SnippetRequest,
  key: KeySource,
  context: { readonly endpointId: string; readonly runLibrary: RunLibrary },
): string | null {
  switch (language) {
    case 'node-fetch':
      return nodeFetchSnippet(request, key);
    case 'node-mailgun':
      return mailgunJsSnippet(context.endpointId, request, key);
    case 'python':
      return pythonSnippet(request, key);
    case 'csharp':
      return csharpSnippet(request, key);
    default:
      break;
  }
  const { body } = request;
  if (body.kind === 'multipart') {
    if (language === 'go') return goMultipartSnippet(request, body.fields, key);
    if (language === 'ruby') return rubyMultipartSnippet(request, body.fields, key);
    if (language === 'java') return javaMultipartSnippet(request, body.fields, key);
    if (language === 'php') return phpMultipartSnippet(request, body.fields, key);
  }
  const library = languageInfo(language).library;
  if (!library) throw new Error(`No generator for ${language}.`);
  return fixLibraryOutput(language, context.runLibrary(toHar(request), library.target, library.client), request, key);
}

/** Every language that has a snippet for this request, in menu order. */
export function generateAll(
  request: SnippetRequest,
  key: KeySource,
  context: { readonly endpointId: string; readonly runLibrary: RunLibrary },
  only?: SnippetLanguage,
): GeneratedSnippet[] {
  const out: GeneratedSnippet[] = [];
  for (const info of snippetLanguages) {
    if (only !== undefined && info.id !== only) continue;
    const code = generateSnippet(info.id, request, key, context);
    if (code !== null) out.push({ language: info.id, label: info.label, code });
  }
  return out;
}
