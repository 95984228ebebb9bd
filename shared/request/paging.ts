import type { EndpointDef, JsonValue, ParamDef } from '../catalog/types';
import type { RequestValues } from './build-request';
import type { ParamInput } from './validate-param';

/**
 * Works out the request values for the first, previous, next and last page of
 * a list response, following whichever paging scheme the endpoint uses. Pure
 * functions, so the worker can extract the facts and the UI can compute values.
 */

export type PageDirection = 'first' | 'previous' | 'next' | 'last';

export const PAGE_DIRECTIONS: readonly PageDirection[] = ['first', 'previous', 'next', 'last'];

/** New request values per direction; undefined means there is no such page. */
export type PageTargets = Readonly<Record<PageDirection, RequestValues | undefined>>;

/** The few parts of a response body that paging needs, small enough to pass around freely. */
export interface PagingFacts {
  /** `paging` links or tokens, keyed by lower-cased name (`prev` is folded into `previous`). */
  readonly paging: Readonly<Partial<Record<PageDirection, string>>>;
  /** `pagination` object members that are plain values. */
  readonly pagination: Readonly<Record<string, string | number | boolean | null>>;
  readonly totalCount?: number;
  /** Length of the top-level `items` array, when there is one. */
  readonly itemCount?: number;
}

export const NO_PAGING_FACTS: PagingFacts = { paging: {}, pagination: {} };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function directionOf(name: string): PageDirection | undefined {
  const lower = name.toLowerCase();
  if (lower === 'prev') return 'previous';
  return (PAGE_DIRECTIONS as readonly string[]).includes(lower) ? (lower as PageDirection) : undefined;
}

function linksFrom(value: unknown): Partial<Record<PageDirection, string>> {
  const links: Partial<Record<PageDirection, string>> = {};
  if (!isRecord(value)) return links;
  for (const [name, link] of Object.entries(value)) {
    const direction = directionOf(name);
    if (direction && typeof link === 'string' && link.trim() !== '') links[direction] = link.trim();
  }
  return links;
}

export function extractPagingFacts(body: unknown): PagingFacts {
  if (!isRecord(body)) return NO_PAGING_FACTS;
  const pagination: Record<string, string | number | boolean | null> = {};
  if (isRecord(body.pagination)) {
    for (const [name, value] of Object.entries(body.pagination)) {
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') pagination[name] = value;
    }
  }
  const paging = { ...linksFrom(body.pagination), ...linksFrom(body.paging) };
  const totalCount = typeof body.total_count === 'number' ? body.total_count : undefined;
  const itemCount = Array.isArray(body.items) ? body.items.length : undefined;
  return {
    paging,
    pagination,
    ...(totalCount === undefined ? {} : { totalCount }),
    ...(itemCount === undefined ? {} : { itemCount }),
  };
}

export interface PagingInput {
  readonly endpoint: EndpointDef;
  readonly facts: PagingFacts;
  /** The URL the response came from; used when the values do not say where the page started. */
  readonly requestUrl: string;
  /** The values that produced the response; new pages start from them. */
  readonly values: RequestValues;
}

const NO_PAGES: PageTargets = { first: undefined, previous: undefined, next: undefined, last: undefined };

export function pageTargets(input: PagingInput): PageTargets {
  switch (input.endpoint.pagination) {
    case 'paging-urls':
    case 'validation-pivot':
      return followLinks(input);
    case 'events-token':
      return followEventTokens(input);
    case 'skip-limit':
      return skipLimitPages(input);
    case 'json-body':
      return jsonBodyPages(input);
    case 'logs-token':
      return logsTokenPages(input);
    case 'none':
      return NO_PAGES;
  }
}

export function hasPaging(targets: PageTargets): boolean {
  return PAGE_DIRECTIONS.some((direction) => targets[direction] !== undefined);
}

function withParams(values: RequestValues, changes: Record<string, ParamInput | undefined>): RequestValues {
  return { ...values, params: { ...values.params, ...changes } };
}

function parseLink(link: string): URL | undefined {
  // Some links are relative (`/v1/dkim/keys?page=…`); the origin is irrelevant because only the path and query are used.
  return URL.canParse(link, 'https://api.mailgun.net') ? new URL(link, 'https://api.mailgun.net') : undefined;
}

function typedValue(def: ParamDef, text: string): ParamInput {
  switch (def.type.kind) {
    case 'integer':
    case 'number': {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? number : text;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'yes' || lower === 'true') return true;
      if (lower === 'no' || lower === 'false') return false;
      return text;
    }
    default:
      return text;
  }
}

/** The query of a paging link replaces every query parameter, as Mailgun's own SDKs do. */
function valuesFromLink(input: PagingInput, link: string): RequestValues | undefined {
  const url = parseLink(link);
  if (!url) return undefined;
  const changes: Record<string, ParamInput | undefined> = {};
  for (const def of input.endpoint.params) {
    if (def.in !== 'query') continue;
    const found = url.searchParams.getAll(def.name);
    if (found.length === 0) changes[def.name] = undefined;
    else if (def.repeatable) changes[def.name] = found.map((text) => typedValue(def, text) as JsonValue);
    else changes[def.name] = typedValue(def, found[0] ?? '');
  }
  const next = withParams(input.values, changes);
  // A pivot the catalog does not declare (the `address` of bounce links) still picks the page; as extra fields it goes in the query of these GETs.
  const declared = new Set(input.endpoint.params.map((def) => def.name));
  const undeclared = [...url.searchParams.entries()].filter(([name]) => !declared.has(name)).map(([name, value]) => ({ name, value }));
  return undeclared.length > 0 || (next.extra?.length ?? 0) > 0 ? { ...next, extra: undeclared } : next;
}

function followLinks(input: PagingInput): PageTargets {
  const { paging, itemCount } = input.facts;
  const target = (direction: PageDirection) => {
    const link = paging[direction];
    return link === undefined ? undefined : valuesFromLink(input, link);
  };
  return {
    first: target('first'),
    previous: target('previous'),
    // Mailgun always sends a next link; an empty page means the list has ended.
    next: itemCount === 0 ? undefined : target('next'),
    last: target('last'),
  };
}

/** Names the catalog may give the events page token, in order of preference. */
export const EVENT_TOKEN_PARAMS: readonly string[] = ['page_token', 'page'];

function eventTokenParam(endpoint: EndpointDef): ParamDef | undefined {
  for (const name of EVENT_TOKEN_PARAMS) {
    const def = endpoint.params.find((param) => param.name === name);
    if (def) return def;
  }
  return undefined;
}

function eventToken(link: string): string | undefined {
  const url = parseLink(link);
  if (!url) return undefined;
  const match = /\/events\/([^/]+)\/?$/.exec(url.pathname);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

function followEventTokens(input: PagingInput): PageTargets {
  const own = eventTokenParam(input.endpoint);
  // An event search fetches further pages through another endpoint, whose only values are the domain and the token.
  const tokenName = own?.name ?? (input.endpoint.pageWith ? 'page_token' : undefined);
  if (!tokenName) return NO_PAGES;
  const domain = input.values.params.domain_name;
  const base: RequestValues = own ? input.values : { params: domain === undefined ? {} : { domain_name: domain } };
  const { paging, itemCount } = input.facts;
  const current = input.values.params[tokenName];
  const onTokenPage = own !== undefined && typeof current === 'string' && current !== '';
  const target = (direction: PageDirection) => {
    const link = paging[direction];
    const token = link === undefined ? undefined : eventToken(link);
    return token === undefined ? undefined : withParams(base, { [tokenName]: token });
  };
  return {
    // Without a first link, the original query (no token) is the first page.
    first: target('first') ?? (onTokenPage ? withParams(input.values, { [tokenName]: undefined }) : undefined),
    previous: onTokenPage ? target('previous') : undefined,
    next: itemCount === 0 ? undefined : target('next'),
    last: target('last'),
  };
}

function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

function queryNumber(requestUrl: string, name: string): number | undefined {
  const url = parseLink(requestUrl);
  return url ? wholeNumber(url.searchParams.get(name) ?? undefined) : undefined;
}

function paramDefault(endpoint: EndpointDef, name: string): number | undefined {
  return wholeNumber(endpoint.params.find((param) => param.name === name)?.default);
}

interface Window {
  readonly skip: number;
  readonly limit: number;
  readonly total?: number;
  readonly itemCount?: number;
}

/** Skips for each direction; a direction is missing when the page would be the one already shown or past the end. */
function offsetPages({ skip, limit, total, itemCount }: Window): Record<PageDirection, number | undefined> {
  const lastSkip = total === undefined ? undefined : Math.max(0, Math.floor((total - 1) / limit) * limit);
  const hasNext = total !== undefined ? skip + limit < total : itemCount === undefined || itemCount >= limit;
  return {
    first: skip > 0 ? 0 : undefined,
    previous: skip > 0 ? Math.max(0, skip - limit) : undefined,
    next: hasNext ? skip + limit : undefined,
    last: lastSkip !== undefined && lastSkip > skip ? lastSkip : undefined,
  };
}

function mapPages(skips: Record<PageDirection, number | undefined>, build: (skip: number) => RequestValues): PageTargets {
  const build1 = (skip: number | undefined) => (skip === undefined ? undefined : build(skip));
  return { first: build1(skips.first), previous: build1(skips.previous), next: build1(skips.next), last: build1(skips.last) };
}

const FALLBACK_LIMIT = 100;

function skipLimitPages(input: PagingInput): PageTargets {
  const { endpoint, values, requestUrl, facts } = input;
  const skip = wholeNumber(values.params.skip) ?? queryNumber(requestUrl, 'skip') ?? 0;
  const limit = wholeNumber(values.params.limit) ?? queryNumber(requestUrl, 'limit') ?? paramDefault(endpoint, 'limit') ?? FALLBACK_LIMIT;
  if (limit === 0) return NO_PAGES;
  const skips = offsetPages({
    skip,
    limit,
    ...(facts.totalCount === undefined ? {} : { total: facts.totalCount }),
    ...(facts.itemCount === undefined ? {} : { itemCount: facts.itemCount }),
  });
  return mapPages(skips, (next) => withParams(values, { skip: next, limit }));
}

/** The `pagination` object the request sent; editors may keep JSON parameters as text. */
function sentPagination(values: RequestValues): Record<string, JsonValue> {
  let value: unknown = values.params.pagination;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = undefined;
    }
  }
  return isRecord(value) ? (value as Record<string, JsonValue>) : {};
}

const JSON_BODY_FALLBACK_LIMIT = 10;

function jsonBodyPages(input: PagingInput): PageTargets {
  const sent = sentPagination(input.values);
  const echoed = input.facts.pagination;
  const skip = wholeNumber(echoed.skip) ?? wholeNumber(sent.skip) ?? 0;
  const limit = wholeNumber(echoed.limit) ?? wholeNumber(sent.limit) ?? JSON_BODY_FALLBACK_LIMIT;
  if (limit === 0) return NO_PAGES;
  const total = wholeNumber(echoed.total);
  const skips = offsetPages({
    skip,
    limit,
    ...(total === undefined ? {} : { total }),
    ...(input.facts.itemCount === undefined ? {} : { itemCount: input.facts.itemCount }),
  });
  return mapPages(skips, (next) => withParams(input.values, { pagination: { ...sent, skip: next, limit } }));
}

function logsTokenPages(input: PagingInput): PageTargets {
  const sent = sentPagination(input.values);
  const { paging } = input.facts;
  const target = (direction: PageDirection) => {
    const token = paging[direction];
    return token === undefined ? undefined : withParams(input.values, { pagination: { ...sent, token } });
  };
  return { first: target('first'), previous: target('previous'), next: target('next'), last: target('last') };
}
