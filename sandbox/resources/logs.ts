import type { RequestContext, RouteDef } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { parseDate, rfc2822 } from '../format';
import type { Domain, SandboxEvent } from '../state';
import { SANDBOX_ACCOUNT_ID } from './account-tags';

/**
 * The Logs API (POST /v1/analytics/logs) over the events the sandbox itself
 * generated: a time window, event names, `AND` filters on a few attributes,
 * and offset tokens for paging.
 */

const DAY = 86_400_000;
const MAX_LIMIT = 1000;

interface Condition {
  readonly attribute: string;
  readonly comparator: string;
  readonly values: readonly string[];
}

function bodyOf(ctx: RequestContext): Record<string, unknown> {
  const value = ctx.body.kind === 'json' ? ctx.body.value : {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return {};
}

function readTime(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  if (typeof value === 'number') return value * 1000;
  const parsed = typeof value === 'string' ? (parseDate(value) ?? Date.parse(value)) : Number.NaN;
  if (!Number.isFinite(parsed)) return badRequest(`'${name}' must be an RFC 2822 date`);
  return parsed;
}

function readConditions(filter: unknown): Condition[] {
  if (filter === undefined) return [];
  const and = typeof filter === 'object' && filter !== null ? (filter as { AND?: unknown }).AND : undefined;
  if (!Array.isArray(and)) return badRequest("'filter' must have an AND list of conditions");
  return and.map((raw) => {
    const c = raw as { attribute?: unknown; comparator?: unknown; values?: unknown };
    if (typeof c.attribute !== 'string' || typeof c.comparator !== 'string' || !Array.isArray(c.values))
      return badRequest('Each filter condition needs attribute, comparator and values');
    const values = c.values.map((v) => (typeof v === 'object' && v !== null ? String((v as { value?: unknown }).value ?? '') : String(v)));
    return { attribute: c.attribute, comparator: c.comparator, values };
  });
}

function attributeOf(item: { domain: Domain; event: SandboxEvent }, attribute: string): string[] {
  const e = item.event;
  switch (attribute) {
    case 'domain':
      return [item.domain.name];
    case 'recipient':
      return [e.recipient];
    case 'recipient_domain':
      return [e['recipient-domain']];
    case 'tag':
    case 'tags':
      return e.tags;
    case 'event':
      return [e.event];
    case 'message_id':
      return [e.message.headers['message-id']];
    default:
      return [];
  }
}

function matches(item: { domain: Domain; event: SandboxEvent }, c: Condition): boolean {
  const actual = attributeOf(item, c.attribute);
  const hit = c.values.some((v) => actual.some((a) => (c.comparator.includes('contains') ? a.includes(v) : a === v)));
  return c.comparator.startsWith('!') || c.comparator.startsWith('not') ? !hit : hit;
}

function view(domain: Domain, e: SandboxEvent) {
  const { timestamp, ...rest } = e;
  return {
    ...rest,
    '@timestamp': new Date(timestamp * 1000).toISOString(),
    account: { id: SANDBOX_ACCOUNT_ID },
    domain: { name: domain.name },
  };
}

function query(ctx: RequestContext): Reply {
  const body = bodyOf(ctx);
  const now = ctx.world.now();
  // A send's events are stamped up to a few seconds after acceptance, so the default end leaves a minute's room.
  const end = readTime(body.end, now + 60_000, 'end');
  const start = readTime(body.start, end - DAY, 'start');
  if (start > end) return badRequest("'start' must be before 'end'");
  const events = Array.isArray(body.events) ? body.events.map(String) : [];
  const conditions = readConditions(body.filter);
  const pagination = (typeof body.pagination === 'object' && body.pagination !== null ? body.pagination : {}) as Record<string, unknown>;
  const limit = pagination.limit === undefined ? 100 : Number(pagination.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return badRequest(`'limit' must be from 1 to ${MAX_LIMIT}`);
  const ascending = String(pagination.sort ?? 'timestamp:desc').endsWith(':asc');
  const token = typeof pagination.token === 'string' ? pagination.token : '';
  const offset = /^\d{1,9}$/.test(Buffer.from(token, 'base64url').toString('utf8'))
    ? Number(Buffer.from(token, 'base64url').toString('utf8'))
    : 0;
  const all = [...ctx.account.us.domains, ...ctx.account.eu.domains]
    .flatMap((domain) => domain.events.map((event) => ({ domain, event })))
    .filter(
      ({ event }) =>
        event.timestamp * 1000 >= start && event.timestamp * 1000 <= end && (events.length === 0 || events.includes(event.event)),
    )
    .filter((item) => conditions.every((c) => matches(item, c)))
    .sort((a, b) => (a.event.timestamp - b.event.timestamp) * (ascending ? 1 : -1));
  const at = (n: number) => Buffer.from(String(Math.max(0, n)), 'utf8').toString('base64url');
  return json(200, {
    start: rfc2822(start, '+0000'),
    end: rfc2822(end, '+0000'),
    items: all.slice(offset, offset + limit).map(({ domain, event }) => view(domain, event)),
    // The first page has no previous one: a token back to itself would page in a circle.
    pagination: {
      ...(offset > 0 ? { previous: at(offset - limit) } : {}),
      next: at(offset + limit),
      first: at(0),
      last: at(Math.floor(Math.max(0, all.length - 1) / limit) * limit),
      total: all.length,
    },
    aggregates: {},
  });
}

export const logRoutes: readonly RouteDef[] = [{ method: 'POST', path: '/v1/analytics/logs', handler: query }];
