import { domainOf, param, type RequestContext, type RouteDef } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { parseDate, parseFlag, parseIntParam } from '../format';
import type { SandboxEvent } from '../state';

export const EVENT_FILTERS = ['event', 'recipient', 'message-id', 'from', 'subject', 'tags', 'severity', 'to'] as const;
type FilterName = (typeof EVENT_FILTERS)[number];

/** Everything that defines a traversal; it travels inside page tokens so later pages see the same query. */
interface EventQuery {
  readonly filters: Partial<Record<FilterName, string>>;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly ascending: boolean;
  readonly limit: number;
}

interface PageToken {
  readonly q: EventQuery;
  readonly dir: 'next' | 'prev';
  /** [timestamp, id] of the item the page starts after (next) or ends before (prev). */
  readonly pivot: [number, string] | null;
}

function readQuery(ctx: RequestContext): EventQuery {
  const q = ctx.query;
  const limit = parseIntParam(q.get('limit') ?? undefined, 'limit', {
    min: 1,
    max: 300,
    fallback: 100,
    tooLarge: "'limit' must be 300 or less",
  });
  const date = (name: 'begin' | 'end'): number | null => {
    const raw = q.get(name);
    if (raw === null) return null;
    const ms = parseDate(raw);
    if (ms === null) return badRequest(`'${name}' is not a valid date: use RFC 2822 or epoch seconds`);
    return ms / 1000;
  };
  const begin = date('begin');
  const end = date('end');
  const ascendingFlag = parseFlag(q.get('ascending') ?? undefined, 'ascending');
  // Like Mailgun: begin after end means walking backwards; begin alone means walking forwards.
  const ascending = ascendingFlag ?? (begin !== null && end !== null ? begin <= end : begin !== null);
  const bounds = begin !== null && end !== null ? [Math.min(begin, end), Math.max(begin, end)] : null;
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of EVENT_FILTERS) {
    const value = q.get(name);
    if (value !== null && value.trim() !== '') filters[name] = value.trim().slice(0, 1000);
  }
  return {
    filters,
    lo: bounds ? (bounds[0] ?? null) : ascending ? begin : end,
    hi: bounds ? (bounds[1] ?? null) : ascending ? end : begin,
    ascending,
    limit,
  };
}

/** `a OR b`, `a AND b`, `NOT a`: the small expression language Mailgun filters accept. */
function matchesExpression(expression: string, test: (term: string) => boolean): boolean {
  const orParts = expression.split(/\s+OR\s+/);
  return orParts.some((part) =>
    part.split(/\s+AND\s+/).every((raw) => {
      const term = raw.trim().replace(/^\((.*)\)$/, '$1');
      const negated = /^NOT\s+/.test(term);
      const value = negated ? term.replace(/^NOT\s+/, '') : term;
      return negated ? !test(value) : test(value);
    }),
  );
}

const stripAngles = (value: string): string => value.replace(/^<|>$/g, '').toLowerCase();

function matchesFilters(event: SandboxEvent, filters: EventQuery['filters']): boolean {
  const headers = event.message.headers;
  const checks: [string | undefined, (term: string) => boolean][] = [
    [filters.event, (t) => event.event === t.toLowerCase()],
    [filters.recipient, (t) => event.recipient === t.toLowerCase()],
    [filters.to, (t) => headers.to.toLowerCase().includes(t.toLowerCase())],
    [filters['message-id'], (t) => headers['message-id'].toLowerCase() === stripAngles(t)],
    [filters.from, (t) => headers.from.toLowerCase().includes(t.toLowerCase())],
    [filters.subject, (t) => headers.subject.toLowerCase().includes(t.toLowerCase())],
    [filters.tags, (t) => event.tags.includes(t)],
    [filters.severity, (t) => event.severity === t.toLowerCase()],
  ];
  return checks.every(([expression, test]) => expression === undefined || matchesExpression(expression, test));
}

function compareEvents(a: { timestamp: number; id: string }, b: { timestamp: number; id: string }): number {
  return a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

function decodeToken(raw: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as PageToken;
    const q = token.q;
    const pivotOk =
      token.pivot === null || (Array.isArray(token.pivot) && typeof token.pivot[0] === 'number' && typeof token.pivot[1] === 'string');
    if (
      (token.dir === 'next' || token.dir === 'prev') &&
      pivotOk &&
      typeof q === 'object' &&
      q !== null &&
      typeof q.ascending === 'boolean' &&
      Number.isInteger(q.limit) &&
      q.limit >= 1 &&
      q.limit <= 300 &&
      typeof q.filters === 'object' &&
      q.filters !== null
    ) {
      const filters: Partial<Record<FilterName, string>> = {};
      for (const name of EVENT_FILTERS) {
        const value: unknown = q.filters[name];
        if (typeof value === 'string') filters[name] = value.slice(0, 1000);
      }
      const bound = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
      return {
        dir: token.dir,
        pivot: token.pivot,
        q: { filters, lo: bound(q.lo), hi: bound(q.hi), ascending: q.ascending, limit: q.limit },
      };
    }
  } catch {
    // Falls through to the 400 below.
  }
  return badRequest('Invalid page token');
}

function page(ctx: RequestContext, token: PageToken): Reply {
  const domain = domainOf(ctx);
  const { q } = token;
  const direction = q.ascending ? 1 : -1;
  const ordered = domain.events
    .filter((e) => (q.lo === null || e.timestamp >= q.lo) && (q.hi === null || e.timestamp <= q.hi) && matchesFilters(e, q.filters))
    .sort((a, b) => direction * compareEvents(a, b));
  let items: SandboxEvent[];
  if (token.pivot === null) {
    items = ordered.slice(0, q.limit);
  } else {
    const pivot = { timestamp: token.pivot[0], id: token.pivot[1] };
    if (token.dir === 'next') {
      items = ordered.filter((e) => direction * compareEvents(e, pivot) > 0).slice(0, q.limit);
    } else {
      const before = ordered.filter((e) => direction * compareEvents(e, pivot) < 0);
      items = before.slice(Math.max(0, before.length - q.limit));
    }
  }
  const first = items[0];
  const last = items[items.length - 1];
  const pivotOf = (e: SandboxEvent | undefined): [number, string] | null => (e ? [e.timestamp, e.id] : token.pivot);
  const url = (t: PageToken) => `${ctx.baseUrl}/v3/${domain.name}/events/${encodeToken(t)}`;
  const withStorageUrls = items.map((e) =>
    e.storage ? { ...e, storage: { ...e.storage, url: `${ctx.baseUrl}/v3/domains/${domain.name}/messages/${e.storage.key}` } } : e,
  );
  return json(200, {
    items: withStorageUrls,
    paging: {
      next: url({ q, dir: 'next', pivot: pivotOf(last) }),
      previous: url({ q, dir: 'prev', pivot: pivotOf(first) }),
    },
  });
}

export const eventRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v3/{domain_name}/events',
    domainParam: 'domain_name',
    handler: (ctx) => page(ctx, { q: readQuery(ctx), dir: 'next', pivot: null }),
  },
  {
    method: 'GET',
    path: '/v3/{domain_name}/events/{page_token}',
    domainParam: 'domain_name',
    handler: (ctx) => page(ctx, decodeToken(param(ctx, 'page_token'))),
  },
];
