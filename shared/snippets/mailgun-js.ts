import { basicAuthUser } from './languages';
import { jsString, keyExpression } from './literals';
import { isFileField, type KeySource, type SnippetRequest } from './model';

/*
 * The official SDK is a different API shape from raw HTTP, so no generic
 * generator can produce it: each supported endpoint maps to one SDK call.
 */

const ON_BEHALF_OF = 'x-mailgun-on-behalf-of';

/** Endpoints with a direct mailgun.js equivalent. */
export const mailgunJsEndpoints = ['messages.send', 'domains.list', 'domains.get'] as const;

export function supportsMailgunJs(endpointId: string): boolean {
  return (mailgunJsEndpoints as readonly string[]).includes(endpointId);
}

function objectKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

/** The base URL the SDK wants: everything before the version segment. */
function splitUrl(url: string): { base: string; segments: string[]; query: [string, string][] } {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  const versionAt = segments.findIndex((s) => /^v\d+$/.test(s));
  const prefix = versionAt > 0 ? `/${segments.slice(0, versionAt).join('/')}` : '';
  return {
    base: `${parsed.origin}${prefix}`,
    segments: segments.slice(Math.max(versionAt, 0)).map((s) => decodeURIComponent(s)),
    query: [...parsed.searchParams.entries()],
  };
}

function dataObject(request: SnippetRequest): { lines: string[]; readsFiles: boolean } {
  const body = request.body;
  if (body.kind !== 'form' && body.kind !== 'multipart') return { lines: ['{}'], readsFiles: false };
  const values = new Map<string, string[]>();
  // The SDK takes every upload under one field name as a list of { filename, data }.
  const files = new Map<string, string[]>();
  for (const field of body.fields) {
    if (isFileField(field)) {
      const upload = `{ filename: ${jsString(field.fileName)}, data: await readFile(${jsString(field.fileName)}) }`;
      files.set(field.name, [...(files.get(field.name) ?? []), upload]);
    } else {
      values.set(field.name, [...(values.get(field.name) ?? []), jsString(field.value)]);
    }
  }
  const lines = ['{'];
  for (const [name, list] of values) lines.push(`  ${objectKey(name)}: ${list.length > 1 ? `[${list.join(', ')}]` : list[0]},`);
  for (const [name, list] of files) lines.push(`  ${objectKey(name)}: [${list.join(', ')}],`);
  lines.push('}');
  return { lines, readsFiles: files.size > 0 };
}

export function mailgunJsSnippet(endpointId: string, request: SnippetRequest, key: KeySource): string | null {
  if (!supportsMailgunJs(endpointId)) return null;
  const { base, segments, query } = splitUrl(request.url);
  let call: string[];
  let readsFiles = false;
  if (endpointId === 'messages.send') {
    const data = dataObject(request);
    readsFiles = data.readsFiles;
    const [first = '{', ...rest] = data.lines;
    call = [
      `const result = await mg.messages.create(${jsString(segments[1] ?? '')}, ${first}`,
      ...rest.slice(0, -1),
      `${rest.at(-1) ?? '}'});`,
    ];
  } else if (endpointId === 'domains.get') {
    call = [`const result = await mg.domains.get(${jsString(segments.at(-1) ?? '')});`];
  } else {
    const options = query.map(([name, value]) => `${objectKey(name)}: ${jsString(value)}`).join(', ');
    call = [`const result = await mg.domains.list(${options === '' ? '' : `{ ${options} }`});`];
  }
  const lines = [
    ...(readsFiles ? ["import { readFile } from 'node:fs/promises';"] : []),
    "import Mailgun from 'mailgun.js';",
    '',
    'const mailgun = new Mailgun(FormData);',
    `const mg = mailgun.client({ username: ${jsString(basicAuthUser)}, key: ${keyExpression('js', key)}, url: ${jsString(base)} });`,
  ];
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() === ON_BEHALF_OF) lines.push(`mg.setSubaccount(${jsString(value)});`);
    else lines.push(`// The SDK call below does not send the ${name} header; use the fetch snippet if you need it.`);
  }
  lines.push('', ...call, 'console.log(result);');
  return `${lines.join('\n')}\n`;
}
