import type { CustomMethod, CustomRequest } from '../bridge/collections';
import { regionBaseUrls } from '../environments/regions';
import { paramKey, type RequestValues } from '../request/build-request';
import type { ParamInput } from '../request/validate-param';
import { catalog } from './catalog';
import { domainParamName } from './domain-scope';
import { findEndpointByRequest } from './match-request';
import type { EndpointDef, HttpMethod, ParamDef } from './types';

/**
 * Turns a URL someone pasted (from Mailgun's docs, a log, the sandbox or a curl
 * command) into a catalog endpoint with its values, or a custom request when no
 * endpoint has that path. Pure: the caller opens the result.
 */

/** Where the pasted URL pointed. `path` when there was no host; `other` for a host that is neither Mailgun nor loopback. */
export type UrlOrigin =
  | { readonly kind: 'mailgun'; readonly region: 'us' | 'eu' }
  | { readonly kind: 'loopback'; readonly host: string }
  | { readonly kind: 'path' }
  | { readonly kind: 'other'; readonly host: string };

export interface ParsedUrl {
  readonly origin: UrlOrigin;
  /** From the version segment (`/v3/...`) on when there is one, else the whole path; still percent-encoded. */
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  /** The URL had a user part (`https://api:key@host`); it was dropped, never kept. */
  readonly credentialsRemoved: boolean;
}

/** A field from a query string or a body, before it is known which parameter takes it. */
export type IncomingField =
  | { readonly name: string; readonly value: string }
  /** A file the command named by path; only the user can pick it, so it stays a name. */
  | { readonly name: string; readonly fileName: string };

export interface MissingFile {
  readonly field: string;
  readonly name: string;
}

export type UrlMatch =
  | {
      readonly kind: 'endpoint';
      readonly endpoint: EndpointDef;
      readonly values: RequestValues;
      readonly origin: UrlOrigin;
      readonly missingFiles: readonly MissingFile[];
      /** What was changed or left out, in words for the user. */
      readonly notices: readonly string[];
    }
  | {
      readonly kind: 'custom';
      readonly request: CustomRequest;
      readonly origin: UrlOrigin;
      readonly missingFiles: readonly MissingFile[];
      readonly notices: readonly string[];
    };

export type UrlParseResult = { readonly ok: true; readonly url: ParsedUrl } | { readonly ok: false; readonly message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const METHOD_ORDER: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function mailgunRegion(host: string): 'us' | 'eu' | undefined {
  for (const region of ['us', 'eu'] as const) if (new URL(regionBaseUrls[region]).host === host) return region;
  return undefined;
}

/** Reads `https://host/...`, `host/v3/...`, `/v3/...` or `v3/...`; the base URL's own path prefix (the sandbox's `/us`) is dropped. */
export function parsePastedUrl(input: string): UrlParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'There is no URL to read.' };
  if (/\s/.test(text)) return { ok: false, message: 'A URL cannot contain spaces; paste a curl command through "Import cURL" instead.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const looksLikeHost = !hasScheme && /^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\//i.test(text);
  let url: URL;
  try {
    url =
      hasScheme || looksLikeHost
        ? new URL(hasScheme ? text : `https://${text}`)
        : new URL(text.replace(/^\/?/, '/'), 'http://path.invalid');
  } catch {
    return { ok: false, message: `"${text.slice(0, 80)}" is not a URL or a path.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: `Only http and https URLs can be opened, not ${url.protocol}` };
  const host = url.host.toLowerCase();
  let origin: UrlOrigin;
  if (!hasScheme && !looksLikeHost) origin = { kind: 'path' };
  else if (mailgunRegion(host)) origin = { kind: 'mailgun', region: mailgunRegion(host) ?? 'us' };
  else if (LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) origin = { kind: 'loopback', host };
  else origin = { kind: 'other', host };
  let path = url.pathname;
  const version = /(?:^|\/)(v\d+)(?:\/|$)/.exec(path);
  if (version) path = path.slice(version.index);
  if (!path.startsWith('/')) path = `/${path}`;
  const query = [...url.searchParams.entries()];
  return { ok: true, url: { origin, path, query, credentialsRemoved: url.username !== '' || url.password !== '' } };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A path value that is a placeholder from the docs (`{domain_name}`, `{{domain}}`, `<domain>`) means "not given". */
function isPlaceholder(value: string): boolean {
  return /^\{\{?[^}]*\}?\}$/.test(value) || /^<[^>]*>$/.test(value) || /^:[a-z_]+$/i.test(value);
}

function inputFor(def: ParamDef, value: string): ParamInput {
  if (def.type.kind === 'boolean') {
    const lower = value.trim().toLowerCase();
    if (lower === 'yes' || lower === 'true') return true;
    if (lower === 'no' || lower === 'false') return false;
  }
  return value;
}

/** The parameter a field fills: the one declared where the field came from first, then any with that name. */
function paramFor(endpoint: EndpointDef, name: string, from: 'query' | 'body'): ParamDef | undefined {
  const named = endpoint.params.filter((p) => p.name === name && p.in !== 'path' && p.in !== 'header');
  return named.find((p) => p.in === from) ?? named[0];
}

function takesFreeFields(endpoint: EndpointDef, from: 'query' | 'body'): boolean {
  const toQuery = endpoint.encoding === 'none' || endpoint.method === 'GET';
  return from === 'query' ? toQuery : !toQuery;
}

/**
 * Fills an endpoint's values from path segments, query and body fields.
 * Repeated names become lists for repeatable parameters (two `to=` are two recipients).
 */
export function valuesForEndpoint(
  endpoint: EndpointDef,
  pathParams: Readonly<Record<string, string>>,
  fields: readonly (IncomingField & { readonly from: 'query' | 'body' })[],
  headers: readonly { readonly name: string; readonly value: string }[] = [],
): { values: RequestValues; missingFiles: MissingFile[]; notices: string[] } {
  const params: Record<string, ParamInput> = {};
  const extra: { name: string; value: ParamInput }[] = [];
  const missingFiles: MissingFile[] = [];
  const notices: string[] = [];
  const domainParam = domainParamName(endpoint.path);
  for (const [name, raw] of Object.entries(pathParams)) {
    const value = decodeSegment(raw);
    if (isPlaceholder(value)) {
      if (name !== domainParam) notices.push(`The path had a placeholder for ${name}; fill it in.`);
      continue;
    }
    const def = endpoint.params.find((p) => p.name === name && p.in === 'path');
    params[def ? paramKey(endpoint, def) : name] = value;
  }
  for (const field of fields) {
    if ('fileName' in field) {
      missingFiles.push({ field: field.name, name: field.fileName });
      continue;
    }
    const def = paramFor(endpoint, field.name, field.from);
    if (!def) {
      if (takesFreeFields(endpoint, field.from)) extra.push({ name: field.name, value: field.value });
      else
        notices.push(
          `"${field.name}" was sent in the ${field.from === 'query' ? 'query' : 'body'}, where ${endpoint.id} does not take it; it was left out.`,
        );
      continue;
    }
    const key = paramKey(endpoint, def);
    const input = inputFor(def, field.value);
    const current = params[key];
    if (def.repeatable) {
      params[key] = [...(Array.isArray(current) ? current : current === undefined ? [] : [current]), input] as ParamInput;
    } else {
      if (current !== undefined) notices.push(`"${field.name}" takes one value; only the last one given was kept.`);
      params[key] = input;
    }
  }
  return {
    values: { params, ...(extra.length > 0 ? { extra } : {}), ...(headers.length > 0 ? { headers: [...headers] } : {}) },
    missingFiles,
    notices,
  };
}

function customMethod(method: string): CustomMethod {
  const upper = method.toUpperCase();
  return (METHOD_ORDER as readonly string[]).includes(upper) ? (upper as CustomMethod) : 'GET';
}

export interface MatchOptions {
  /** Tried first; then GET and the other methods, so a URL pasted while another endpoint is open still finds its own. */
  readonly method?: string;
  /** True when the method was given (curl's `-X`, or a body that makes it a POST): no other method is tried. */
  readonly methodIsFixed?: boolean;
  readonly fields?: readonly (IncomingField & { readonly from: 'query' | 'body' })[];
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  /** How a custom request carries body fields. */
  readonly bodyKind?: 'form' | 'multipart' | 'json';
  readonly jsonText?: string;
  readonly endpoints?: readonly EndpointDef[];
  /** The active environment's base URL: its own host (a proxy, a custom region) is not "another host". */
  readonly environmentBaseUrl?: string;
}

/** Top-level members of a JSON object body as fields; JSON values that are not strings stay JSON text. Undefined when it is not an object. */
function fieldsOfJson(text: string): (IncomingField & { readonly from: 'body' })[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.entries(parsed).map(([name, value]) => ({
    name,
    value: typeof value === 'string' ? value : JSON.stringify(value),
    from: 'body' as const,
  }));
}

function hostOf(baseUrl: string | undefined): string | undefined {
  try {
    return baseUrl ? new URL(baseUrl).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function originNotice(origin: UrlOrigin, environmentBaseUrl: string | undefined): string | undefined {
  if (origin.kind === 'other' && origin.host !== hostOf(environmentBaseUrl))
    return `${origin.host} is not a Mailgun API host; the request goes to the active environment's base URL instead, with the same path.`;
  return undefined;
}

/** The catalog endpoint for a parsed URL, most specific path first; else a custom request with the same parts. */
export function matchParsedUrl(url: ParsedUrl, options: MatchOptions = {}): UrlMatch {
  const endpoints = options.endpoints ?? catalog;
  const preferred = options.method?.toUpperCase();
  const methods = options.methodIsFixed && preferred ? [preferred] : [...new Set([...(preferred ? [preferred] : []), ...METHOD_ORDER])];
  const queryFields = url.query.map(([name, value]) => ({ name, value, from: 'query' as const }));
  const fields = [...queryFields, ...(options.fields ?? [])];
  const headers = options.headers ?? [];
  const notices: string[] = [];
  const fromOrigin = originNotice(url.origin, options.environmentBaseUrl);
  if (fromOrigin) notices.push(fromOrigin);

  const jsonFields = options.bodyKind === 'json' ? fieldsOfJson(options.jsonText ?? '') : [];
  // A JSON body only fills an endpoint that takes JSON, and only when it is an object of fields.
  for (const method of jsonFields ? methods : []) {
    const match = findEndpointByRequest(method, url.path, endpoints);
    if (!match || (options.bodyKind === 'json' && match.endpoint.encoding !== 'json')) continue;
    const filled = valuesForEndpoint(match.endpoint, match.pathParams, [...fields, ...(jsonFields ?? [])], headers);
    return {
      kind: 'endpoint',
      endpoint: match.endpoint,
      values: filled.values,
      origin: url.origin,
      missingFiles: filled.missingFiles,
      notices: [...notices, ...filled.notices],
    };
  }

  const method = customMethod(preferred ?? 'GET');
  const bodyFields = (options.fields ?? []).filter((f) => f.from === 'body');
  const missingFiles: MissingFile[] = [];
  const plain: { name: string; value: string }[] = [];
  for (const field of bodyFields) {
    if ('fileName' in field) missingFiles.push({ field: field.name, name: field.fileName });
    else plain.push({ name: field.name, value: field.value });
  }
  const kind = options.bodyKind ?? 'form';
  const body: CustomRequest['body'] =
    kind === 'json' ? { kind: 'json', text: options.jsonText ?? '' } : plain.length > 0 ? { kind, fields: plain } : { kind: 'none' };
  if (missingFiles.length > 0) notices.push('A custom request cannot carry files; the files it named were left out.');
  const query = [...queryFields, ...(options.fields ?? []).filter((f) => f.from === 'query')].flatMap((f) =>
    'value' in f ? [{ name: f.name, value: f.value }] : [],
  );
  return {
    kind: 'custom',
    request: { method, path: url.path, query, headers: [...headers], body },
    origin: url.origin,
    missingFiles,
    notices,
  };
}

/**
 * A URL edited in place for the endpoint already open: its path and query values replace the form's,
 * while body fields and headers, which a URL does not carry, stay as they were.
 */
export function withUrlValues(endpoint: EndpointDef, current: RequestValues, fromUrl: RequestValues): RequestValues {
  const toQuery = takesFreeFields(endpoint, 'query');
  const inUrl = new Set(
    endpoint.params.filter((p) => p.in === 'path' || p.in === 'query' || (toQuery && p.in === 'body')).map((p) => paramKey(endpoint, p)),
  );
  const kept = Object.entries(current.params).filter(([key]) => !inUrl.has(key));
  return {
    params: { ...Object.fromEntries(kept), ...fromUrl.params },
    extra: toQuery ? [...(fromUrl.extra ?? [])] : [...(current.extra ?? [])],
    headers: [...(current.headers ?? [])],
  };
}

/** `parsePastedUrl` then `matchParsedUrl`. */
export function matchPastedUrl(input: string, options: MatchOptions = {}): UrlMatch | { readonly kind: 'error'; readonly message: string } {
  const parsed = parsePastedUrl(input);
  if (!parsed.ok) return { kind: 'error', message: parsed.message };
  return matchParsedUrl(parsed.url, options);
}
