/**
 * The languages the Code tab offers. `library` names the httpsnippet target
 * used for requests without files; `null` means a generator of our own does
 * the whole job (see generate-hand-written.ts for why, per language).
 */
export const snippetLanguageIds = ['curl', 'node-fetch', 'node-mailgun', 'python', 'go', 'php', 'ruby', 'java', 'csharp'] as const;
export type SnippetLanguage = (typeof snippetLanguageIds)[number];

export interface SnippetLanguageInfo {
  readonly id: SnippetLanguage;
  readonly label: string;
  /** For the code viewer and file names. */
  readonly extension: string;
  readonly library: { readonly target: string; readonly client: string } | null;
}

export const snippetLanguages: readonly SnippetLanguageInfo[] = [
  { id: 'curl', label: 'cURL', extension: 'sh', library: { target: 'shell', client: 'curl' } },
  { id: 'node-fetch', label: 'Node.js (fetch)', extension: 'mjs', library: null },
  { id: 'node-mailgun', label: 'Node.js (mailgun.js)', extension: 'mjs', library: null },
  { id: 'python', label: 'Python (requests)', extension: 'py', library: null },
  { id: 'go', label: 'Go (net/http)', extension: 'go', library: { target: 'go', client: 'native' } },
  { id: 'php', label: 'PHP', extension: 'php', library: { target: 'php', client: 'curl' } },
  { id: 'ruby', label: 'Ruby (net/http)', extension: 'rb', library: { target: 'ruby', client: 'native' } },
  { id: 'java', label: 'Java (OkHttp)', extension: 'java', library: { target: 'java', client: 'okhttp' } },
  { id: 'csharp', label: 'C# (HttpClient)', extension: 'cs', library: null },
];

export function languageInfo(id: SnippetLanguage): SnippetLanguageInfo {
  const info = snippetLanguages.find((language) => language.id === id);
  if (!info) throw new Error(`Unknown snippet language ${id}`);
  return info;
}

/** Name of the environment variable every snippet reads the key from. */
export const apiKeyEnvVar = 'MAILGUN_API_KEY';
/** Mailgun's Basic auth user name; the key is the password. */
export const basicAuthUser = 'api';
