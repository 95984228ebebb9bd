import { type MatchOptions, matchParsedUrl, parsePastedUrl, type UrlMatch } from '../catalog/match-url';
import type { EndpointDef } from '../catalog/types';
import { parseCurl } from './parse-curl';

/** Said wherever a key was taken out of what the user pasted. */
export const KEY_NOT_IMPORTED = 'The key in the command was not imported; your environment’s key is used.';

export interface CurlImport {
  /** The catalog endpoint with its values, or a custom request. */
  readonly match: Exclude<UrlMatch, { kind: 'error' }>;
  /** A key was in the command; it is in nothing returned here. */
  readonly credentialsRemoved: boolean;
  /** Everything the user should know: what was ignored, files to pick, the key left behind. */
  readonly notices: readonly string[];
}

export type CurlImportResult = ({ readonly ok: true } & CurlImport) | { readonly ok: false; readonly message: string };

/** A curl command as the catalog endpoint it calls (values filled in), else as a custom request; never with its key. */
export function importCurl(text: string, endpoints?: readonly EndpointDef[]): CurlImportResult {
  const parsed = parseCurl(text);
  if (!parsed.ok) return parsed;
  const { command } = parsed;
  const url = parsePastedUrl(command.url);
  if (!url.ok) return { ok: false, message: `The URL could not be read: ${url.message}` };
  const match = matchParsedUrl(url.url, {
    method: command.method,
    methodIsFixed: true,
    fields: command.fields.map((f) => ({ ...f, from: command.fieldsIn })),
    headers: command.headers,
    ...(command.bodyKind === 'none' ? {} : { bodyKind: command.bodyKind }),
    ...(command.jsonText !== undefined ? { jsonText: command.jsonText } : {}),
    ...(endpoints ? { endpoints } : {}),
  });
  const credentialsRemoved = command.credentialsRemoved || url.url.credentialsRemoved;
  const files = match.missingFiles.map((f) => `${f.name} (for ${f.field})`);
  const notices = [
    ...(credentialsRemoved ? [KEY_NOT_IMPORTED] : []),
    ...(match.kind === 'endpoint' && files.length > 0
      ? [`Pick ${files.length === 1 ? 'the file' : 'the files'} ${files.join(', ')} again: only files you pick can be sent.`]
      : []),
    ...command.notices,
    ...match.notices,
  ];
  return { ok: true, match, credentialsRemoved, notices };
}

/** A pasted URL, by the same rules: its endpoint and values, else a custom request; a key in its user part is dropped. */
export function importUrl(text: string, options: Pick<MatchOptions, 'method' | 'endpoints' | 'environmentBaseUrl'> = {}): CurlImportResult {
  const url = parsePastedUrl(text);
  if (!url.ok) return url;
  const match = matchParsedUrl(url.url, options);
  const { credentialsRemoved } = url.url;
  return { ok: true, match, credentialsRemoved, notices: [...(credentialsRemoved ? [KEY_NOT_IMPORTED] : []), ...match.notices] };
}
