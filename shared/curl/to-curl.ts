import type { CustomRequest } from '../bridge/collections';
import { apiKeyEnvVar, basicAuthUser } from '../snippets/languages';

/** One shell word, single-quoted when it needs to be: easier to read than shell-quote's backslash escapes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

export interface CurlTarget {
  readonly baseUrl: string;
  readonly domain?: string;
  readonly subaccountId?: string;
}

/**
 * A custom request as a curl command, for "Copy as cURL". The key is always the
 * `$MAILGUN_API_KEY` placeholder, as in every snippet; catalog requests get theirs from main's snippets.
 */
export function customRequestToCurl(request: CustomRequest, target: CurlTarget): string {
  const domain = target.domain?.trim() ?? '';
  const path = domain === '' ? request.path : request.path.replaceAll('{{domain}}', encodeURIComponent(domain));
  const query = new URLSearchParams(request.query.map((q): [string, string] => [q.name, q.value])).toString();
  const url = `${target.baseUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
  const lines = [`curl -X ${request.method} ${shellWord(url)}`, `--user "${basicAuthUser}:$${apiKeyEnvVar}"`];
  const headers = [...request.headers];
  if (target.subaccountId && !headers.some((h) => h.name.toLowerCase() === 'x-mailgun-on-behalf-of'))
    headers.unshift({ name: 'X-Mailgun-On-Behalf-Of', value: target.subaccountId });
  for (const header of headers) lines.push(`-H ${shellWord(`${header.name}: ${header.value}`)}`);
  const { body } = request;
  // --form-string and --data-urlencode send values as written: a value starting with "@" is never read as a file.
  if (body.kind === 'multipart') for (const f of body.fields) lines.push(`--form-string ${shellWord(`${f.name}=${f.value}`)}`);
  if (body.kind === 'form') for (const f of body.fields) lines.push(`--data-urlencode ${shellWord(`${f.name}=${f.value}`)}`);
  if (body.kind === 'json') lines.push(`-H 'Content-Type: application/json'`, `--data-raw ${shellWord(body.text)}`);
  return lines.join(' \\\n  ');
}
