export { type GeneratedSnippet, generateAll, generateSnippet, type RunLibrary } from './generate';
export { authMarker, type HarRequest, toHar } from './har';
export {
  apiKeyEnvVar,
  basicAuthUser,
  languageInfo,
  type SnippetLanguage,
  type SnippetLanguageInfo,
  snippetLanguageIds,
  snippetLanguages,
} from './languages';
export { supportsMailgunJs } from './mailgun-js';
export { type KeySource, type SnippetBody, type SnippetField, type SnippetRequest, snippetRequestFrom } from './model';
