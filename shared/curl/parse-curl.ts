// shell-quote splits the command into words as a POSIX shell would (quotes, escapes, `$VAR`, `|`); the curl
// options are read here because the full curl converters bring a tree-sitter (WASM) bash grammar, too heavy
// for pure shared code, and none of the light parsers keeps repeated `-F` fields, `--data-urlencode` forms and `@file`.
import { parse as splitWords } from 'shell-quote';

/** What a curl command asked for, before it is matched to the catalog. */
export interface CurlCommand {
  readonly url: string;
  /** `-X`, else GET with `-G` or no body, else POST, as curl decides. */
  readonly method: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  /** `-F`, `-d` and `--data-urlencode` fields in order; with `-G` they belong in the query. */
  readonly fields: readonly ({ readonly name: string; readonly value: string } | { readonly name: string; readonly fileName: string })[];
  readonly fieldsIn: 'query' | 'body';
  readonly bodyKind: 'form' | 'multipart' | 'json' | 'none';
  /** The body when it is JSON text rather than fields. */
  readonly jsonText?: string;
  /** A key came in `-u`/`--user`, an `Authorization` header or the URL's user part; it was dropped, never kept. */
  readonly credentialsRemoved: boolean;
  /** What was ignored or changed, in words for the user. */
  readonly notices: readonly string[];
}

export type CurlParseResult = { readonly ok: true; readonly command: CurlCommand } | { readonly ok: false; readonly message: string };

/** Options that change nothing about which request is made; they take no value. */
const IGNORED_FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-v',
  '--verbose',
  '-i',
  '--include',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '-f',
  '--fail',
  '--fail-with-body',
  '-#',
  '--progress-bar',
  '--no-progress-meter',
  '--compressed',
  '-g',
  '--globoff',
  '--http1.1',
  '--http2',
  '-N',
  '--no-buffer',
  '-n',
  '--netrc',
  '-I',
  '--head',
]);

/** Options that take a value that does not change the request (output, timing, TLS files). */
const IGNORED_WITH_VALUE = new Set([
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-c',
  '--cookie-jar',
  '--cacert',
  '--capath',
  '-E',
  '--cert',
  '--key',
  '-x',
  '--proxy',
  '--resolve',
  '--connect-to',
  '-D',
  '--dump-header',
  '--trace',
  '--trace-ascii',
  '-K',
  '--config',
]);

const VALUE_FLAGS = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-u',
  '--user',
  '-F',
  '--form',
  '--form-string',
  '-d',
  '--data',
  '--data-ascii',
  '--data-binary',
  '--data-raw',
  '--data-urlencode',
  '--json',
  '--url',
  ...IGNORED_WITH_VALUE,
]);

const SHORT_WITH_VALUE = new Set([...VALUE_FLAGS].filter((f) => /^-[^-]$/.test(f)).map((f) => f.slice(1)));

/** Joins backslash (POSIX), caret (cmd.exe) and backtick (PowerShell) line continuations, as the shell would. */
function joinContinuations(text: string): string {
  return text.replace(/[\\^`][ \t]*\r?\n/g, ' ').replace(/\r?\n/g, ' ');
}

type Word = { readonly word: string } | { readonly stop: string };

function words(text: string): Word[] {
  // `$NAME` stays as written: a placeholder such as $MAILGUN_API_KEY is not expanded from anywhere.
  const entries = splitWords(joinContinuations(text), (name) => `$${name}`);
  const out: Word[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') out.push({ word: entry });
    else if ('comment' in entry) continue;
    else if (entry.op === 'glob') out.push({ word: entry.pattern });
    else out.push({ stop: entry.op });
  }
  return out;
}

/** `-sSL` → `-s -S -L`; `-XPOST` → `-X POST`; `-uapi:key` → `-u api:key`. */
function expandShort(word: string): string[] {
  if (!/^-[^-]/.test(word) || word.length <= 2) return [word];
  const out: string[] = [];
  for (let i = 1; i < word.length; i += 1) {
    const flag = word[i] ?? '';
    out.push(`-${flag}`);
    if (SHORT_WITH_VALUE.has(flag)) {
      if (i + 1 < word.length) out.push(word.slice(i + 1));
      break;
    }
  }
  return out;
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

type Field = CurlCommand['fields'][number];

/** `-F name=value`, `-F name=@file;type=...`, `-F name=<file`. */
function formField(spec: string, literal: boolean): Field | string {
  const eq = spec.indexOf('=');
  if (eq <= 0) return `-F "${spec}" has no name=value.`;
  const name = spec.slice(0, eq);
  const value = spec.slice(eq + 1);
  if (!literal && (value.startsWith('@') || value.startsWith('<'))) {
    const path = value.slice(1).split(';')[0] ?? '';
    const fileName = path.split(/[\\/]/).pop() || path;
    return { name, fileName };
  }
  return { name, value };
}

/** `--data-urlencode` forms: `content`, `=content`, `name=content`, `name@file`, `@file`. */
function urlencodedField(spec: string): Field | string {
  const eq = spec.indexOf('=');
  const at = spec.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    const name = spec.slice(0, at);
    if (name === '') return `--data-urlencode "${spec}" sends a whole file as the body, which cannot be imported.`;
    return {
      name,
      fileName:
        spec
          .slice(at + 1)
          .split(/[\\/]/)
          .pop() ?? spec.slice(at + 1),
    };
  }
  if (eq <= 0) return `--data-urlencode "${spec}" has no field name; write it as name=value.`;
  return { name: spec.slice(0, eq), value: spec.slice(eq + 1) };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** The password of `user:password`, or undefined for a user alone. */
function passwordOf(userInfo: string): string | undefined {
  const colon = userInfo.indexOf(':');
  return colon < 0 ? undefined : userInfo.slice(colon + 1);
}

/** A Basic credential's password; other schemes (Bearer) carry no Mailgun key. */
function basicPassword(headerValue: string): string | undefined {
  const basic = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(headerValue.trim());
  if (!basic?.[1]) return undefined;
  try {
    return passwordOf(atob(basic[1]));
  } catch {
    return undefined;
  }
}

/** Reads a curl command; errors name the part that was not understood. The key is left out. */
export function parseCurl(text: string): CurlParseResult {
  const read = readCurl(text);
  return read.ok ? { ok: true, command: read.command } : read;
}

/**
 * The key a curl command carries (`-u api:KEY`, `Authorization: Basic …`, `https://api:KEY@…`), for main
 * alone to store as an environment's key: nothing that reaches the page may call this.
 */
export function keyInCurl(text: string): string | undefined {
  const read = readCurl(text);
  return read.ok ? read.key : undefined;
}

function readCurl(text: string): { ok: true; command: CurlCommand; key: string | undefined } | { ok: false; message: string } {
  let list: Word[];
  try {
    list = words(text.trim().replace(/^\$\s+/, ''));
  } catch (error) {
    return {
      ok: false,
      message: `The command could not be split into words (${error instanceof Error ? error.message : String(error)}); check its quotes.`,
    };
  }
  const first = list[0];
  if (!first || !('word' in first) || !/^curl(?:\.exe)?$/i.test(first.word)) {
    return { ok: false, message: 'This is not a curl command: it should start with "curl".' };
  }
  const notices: string[] = [];
  const argv: string[] = [];
  for (const item of list.slice(1)) {
    if ('stop' in item) {
      notices.push(`Everything from "${item.stop}" on was ignored; only the curl command itself is imported.`);
      break;
    }
    argv.push(...expandShort(item.word));
  }

  let method: string | undefined;
  let url: string | undefined;
  let get = false;
  let credentialsRemoved = false;
  let key: string | undefined;
  let contentType: string | undefined;
  const headers: { name: string; value: string }[] = [];
  const formFields: Field[] = [];
  const dataFields: Field[] = [];
  const rawData: string[] = [];
  let jsonFlag = false;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      if (url !== undefined)
        return { ok: false, message: `The command names two URLs ("${url}" and "${arg}"); import one request at a time.` };
      url = arg;
      continue;
    }
    if (arg === '-G' || arg === '--get') {
      get = true;
      continue;
    }
    if (IGNORED_FLAGS.has(arg)) continue;
    if (!VALUE_FLAGS.has(arg)) return { ok: false, message: `The curl option ${arg} is not understood here; remove it and import again.` };
    const value = argv[i + 1];
    if (value === undefined) return { ok: false, message: `The curl option ${arg} needs a value after it.` };
    i += 1;
    if (IGNORED_WITH_VALUE.has(arg)) continue;
    switch (arg) {
      case '-X':
      case '--request':
        method = value.toUpperCase();
        break;
      case '-u':
      case '--user':
        credentialsRemoved = true;
        key = passwordOf(value) ?? key;
        break;
      case '-H':
      case '--header': {
        const colon = value.indexOf(':');
        if (colon <= 0) return { ok: false, message: `The header "${value.slice(0, 60)}" has no "Name: value".` };
        const name = value.slice(0, colon).trim();
        const headerValue = value.slice(colon + 1).trim();
        const lower = name.toLowerCase();
        if (lower === 'authorization' || lower === 'proxy-authorization') {
          credentialsRemoved = true;
          if (lower === 'authorization') key = basicPassword(headerValue) ?? key;
        } else if (lower === 'content-type') contentType = headerValue.toLowerCase();
        else if (['host', 'content-length', 'transfer-encoding', 'connection'].includes(lower))
          notices.push(`The ${name} header was left out: it is set when the request is sent.`);
        else headers.push({ name, value: headerValue });
        break;
      }
      case '-F':
      case '--form':
      case '--form-string': {
        const field = formField(value, arg === '--form-string');
        if (typeof field === 'string') return { ok: false, message: field };
        formFields.push(field);
        break;
      }
      case '--data-urlencode': {
        const field = urlencodedField(value);
        if (typeof field === 'string') return { ok: false, message: field };
        dataFields.push(field);
        break;
      }
      case '--json':
        jsonFlag = true;
        rawData.push(value);
        break;
      case '--url':
        if (url !== undefined)
          return { ok: false, message: `The command names two URLs ("${url}" and "${value}"); import one request at a time.` };
        url = value;
        break;
      default: {
        // -d, --data, --data-ascii, --data-binary, --data-raw
        if (arg !== '--data-raw' && value.startsWith('@'))
          return {
            ok: false,
            message: `${arg} ${value} sends the contents of a file, which cannot be imported; paste the data itself instead.`,
          };
        rawData.push(value);
      }
    }
  }

  if (url === undefined) return { ok: false, message: 'The command has no URL.' };
  if (formFields.length > 0 && (rawData.length > 0 || dataFields.length > 0))
    return { ok: false, message: 'The command mixes -F (multipart) with -d (form data); curl cannot send both, so keep one.' };

  const userInUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.exec(url);
  if (userInUrl) {
    credentialsRemoved = true;
    key = passwordOf(decodeURIComponentSafe(userInUrl[0].replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').slice(0, -1))) ?? key;
    url = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  }

  const isJson =
    jsonFlag ||
    contentType?.includes('json') === true ||
    (rawData.length === 1 && dataFields.length === 0 && looksLikeJson(rawData[0] ?? ''));
  let bodyKind: CurlCommand['bodyKind'] = 'none';
  let jsonText: string | undefined;
  const fields: Field[] = [...formFields];
  if (formFields.length > 0) bodyKind = 'multipart';
  else if (isJson && rawData.length > 0) {
    if (dataFields.length > 0) return { ok: false, message: 'The command mixes a JSON body with --data-urlencode fields; keep one.' };
    bodyKind = 'json';
    jsonText = rawData.join('');
  } else if (rawData.length > 0 || dataFields.length > 0) {
    bodyKind = 'form';
    // curl joins every -d with "&"; fields come in the order given, --data-urlencode ones as written.
    for (const chunk of rawData)
      for (const pair of chunk.split('&')) {
        if (pair === '') continue;
        const eq = pair.indexOf('=');
        fields.push(
          eq < 0 ? { name: formDecode(pair), value: '' } : { name: formDecode(pair.slice(0, eq)), value: formDecode(pair.slice(eq + 1)) },
        );
      }
    fields.push(...dataFields);
  }
  if (get && bodyKind === 'json') return { ok: false, message: '-G moves the data into the query, which a JSON body cannot go in.' };

  const resolvedMethod = method ?? (get || bodyKind === 'none' ? 'GET' : 'POST');
  return {
    ok: true,
    command: {
      url,
      method: resolvedMethod,
      headers,
      fields,
      fieldsIn: get ? 'query' : 'body',
      bodyKind: get ? 'none' : bodyKind,
      ...(jsonText !== undefined ? { jsonText } : {}),
      credentialsRemoved,
      notices,
    },
    key,
  };
}
