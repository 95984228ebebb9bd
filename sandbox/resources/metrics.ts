import { type RequestContext, type RouteDef, regionOf } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { rfc2822 } from '../format';
import type { SandboxEvent } from '../state';
import { groupByBucket, readRange } from './stats';

/**
 * The counts the sandbox can derive from its events. Rates are ratios of the
 * matching counts to delivered (or sent) messages, written the way Mailgun
 * writes them: a string with four decimals.
 */
const COUNTS: Readonly<Record<string, (events: readonly SandboxEvent[]) => number>> = {
  accepted_incoming_count: () => 0,
  accepted_outgoing_count: (e) => count(e, 'accepted'),
  accepted_count: (e) => count(e, 'accepted'),
  delivered_smtp_count: (e) => count(e, 'delivered'),
  delivered_http_count: () => 0,
  delivered_optimized_count: () => 0,
  delivered_count: (e) => count(e, 'delivered'),
  stored_count: (e) => count(e, 'stored'),
  processed_count: (e) => count(e, 'accepted'),
  sent_count: (e) => count(e, 'delivered') + count(e, 'failed'),
  opened_count: (e) => count(e, 'opened'),
  clicked_count: (e) => count(e, 'clicked'),
  unique_opened_count: (e) => unique(e, 'opened'),
  unique_clicked_count: (e) => unique(e, 'clicked'),
  unsubscribed_count: (e) => count(e, 'unsubscribed'),
  complained_count: (e) => count(e, 'complained'),
  failed_count: (e) => count(e, 'failed'),
  temporary_failed_count: (e) => e.filter((x) => x.event === 'failed' && x.severity === 'temporary').length,
  permanent_failed_count: (e) => e.filter((x) => x.event === 'failed' && x.severity === 'permanent').length,
  bounced_count: (e) => e.filter((x) => x.event === 'failed' && x.reason === 'bounce').length,
  hard_bounces_count: (e) => e.filter((x) => x.event === 'failed' && x.reason === 'bounce').length,
  soft_bounces_count: (e) => e.filter((x) => x.event === 'failed' && x.severity === 'temporary').length,
};

const RATES: Readonly<Record<string, [numerator: string, denominator: string]>> = {
  delivered_rate: ['delivered_count', 'sent_count'],
  opened_rate: ['opened_count', 'delivered_count'],
  clicked_rate: ['clicked_count', 'delivered_count'],
  unique_opened_rate: ['unique_opened_count', 'delivered_count'],
  unique_clicked_rate: ['unique_clicked_count', 'delivered_count'],
  unsubscribed_rate: ['unsubscribed_count', 'delivered_count'],
  complained_rate: ['complained_count', 'delivered_count'],
  bounce_rate: ['bounced_count', 'sent_count'],
  fail_rate: ['failed_count', 'sent_count'],
  permanent_fail_rate: ['permanent_failed_count', 'sent_count'],
  temporary_fail_rate: ['temporary_failed_count', 'sent_count'],
};

const DEFAULT_METRICS = ['accepted_count', 'delivered_count', 'failed_count', 'opened_count'];
const DIMENSIONS = ['time', 'domain', 'tag'] as const;

function count(events: readonly SandboxEvent[], name: string): number {
  return events.filter((e) => e.event === name).length;
}

function unique(events: readonly SandboxEvent[], name: string): number {
  return new Set(events.filter((e) => e.event === name).map((e) => `${e.recipient}|${e.message.headers['message-id']}`)).size;
}

function compute(names: readonly string[], events: readonly SandboxEvent[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const name of names) {
    const counter = COUNTS[name];
    if (counter) {
      out[name] = counter(events);
      continue;
    }
    const rate = RATES[name];
    if (rate) {
      const top = COUNTS[rate[0]]?.(events) ?? 0;
      const bottom = COUNTS[rate[1]]?.(events) ?? 0;
      out[name] = (bottom === 0 ? 0 : top / bottom).toFixed(4);
    }
  }
  return out;
}

interface MetricsQuery {
  readonly start?: string;
  readonly end?: string;
  readonly resolution?: string;
  readonly duration?: string;
  readonly dimensions?: unknown;
  readonly metrics?: unknown;
  readonly filter?: unknown;
  readonly include_aggregates?: unknown;
  readonly pagination?: unknown;
}

/** Mailgun's default and ceiling for one page of metrics items. */
const METRICS_PAGE_LIMIT = 1500;

/** `{sort, skip, limit}` as Mailgun reads it; a sort ending in `:desc` reverses the items. */
function readPagination(value: unknown): { sort: string; skip: number; limit: number } {
  if (value === undefined) return { sort: '', skip: 0, limit: METRICS_PAGE_LIMIT };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badRequest("'pagination' must be an object");
  const { sort, skip, limit } = value as { sort?: unknown; skip?: unknown; limit?: unknown };
  const whole = (n: unknown, fallback: number, max: number) =>
    n === undefined ? fallback : Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max ? (n as number) : null;
  const s = whole(skip, 0, Number.MAX_SAFE_INTEGER);
  const l = whole(limit, METRICS_PAGE_LIMIT, METRICS_PAGE_LIMIT);
  if (s === null) return badRequest("'pagination.skip' must be a whole number");
  if (l === null || l === 0) return badRequest(`'pagination.limit' must be a whole number from 1 to ${METRICS_PAGE_LIMIT}`);
  return { sort: typeof sort === 'string' ? sort : '', skip: s, limit: l };
}

function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return badRequest(`'${name}' must be an array of strings`);
  return value as string[];
}

/** Supports `{"AND": [{"attribute": "domain"|"tag", "comparator": "="|"!=", "values": [{"value": "..."}]}]}`. */
function applyFilter(events: SandboxEvent[], filter: unknown, domainOfEvent: Map<SandboxEvent, string>): SandboxEvent[] {
  if (filter === undefined || filter === null) return events;
  const clauses = typeof filter === 'object' && !Array.isArray(filter) ? (filter as { AND?: unknown }).AND : undefined;
  if (!Array.isArray(clauses)) return badRequest('\'filter\' must look like {"AND": [...]}');
  let out = events;
  for (const clause of clauses.slice(0, 50)) {
    if (typeof clause !== 'object' || clause === null) return badRequest('Each filter clause must be an object');
    const { attribute, comparator, values } = clause as { attribute?: unknown; comparator?: unknown; values?: unknown };
    if (attribute !== 'domain' && attribute !== 'tag') return badRequest(`Unsupported filter attribute: ${String(attribute).slice(0, 40)}`);
    if (comparator !== '=' && comparator !== '!=') return badRequest(`Unsupported filter comparator: ${String(comparator).slice(0, 10)}`);
    if (!Array.isArray(values)) return badRequest("Each filter clause needs a 'values' array");
    const wanted = values
      .map((v) => (typeof v === 'object' && v !== null ? (v as { value?: unknown }).value : v))
      .filter((v): v is string => typeof v === 'string');
    const hit = (e: SandboxEvent) =>
      attribute === 'domain' ? wanted.includes(domainOfEvent.get(e) ?? '') : e.tags.some((t) => wanted.includes(t));
    out = out.filter((e) => (comparator === '=' ? hit(e) : !hit(e)));
  }
  return out;
}

function metrics(ctx: RequestContext): Reply {
  let body: MetricsQuery = {};
  if (ctx.body.kind === 'json') {
    if (typeof ctx.body.value !== 'object' || ctx.body.value === null || Array.isArray(ctx.body.value))
      return badRequest('The request body must be a JSON object');
    body = ctx.body.value as MetricsQuery;
  } else if (ctx.body.kind !== 'empty') {
    return badRequest('Send the query as application/json');
  }
  const names = stringList(body.metrics, 'metrics') ?? DEFAULT_METRICS;
  for (const name of names) if (!COUNTS[name] && !RATES[name]) return badRequest(`Unknown metric: ${name.slice(0, 60)}`);
  const dimensions = stringList(body.dimensions, 'dimensions') ?? ['time'];
  for (const d of dimensions)
    if (!(DIMENSIONS as readonly string[]).includes(d)) return badRequest(`Unsupported dimension: ${d.slice(0, 40)}`);
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const range = readRange((n) => text((body as Record<string, unknown>)[n]), ctx.world.now());

  const domainOfEvent = new Map<SandboxEvent, string>();
  for (const domain of regionOf(ctx).domains) for (const event of domain.events) domainOfEvent.set(event, domain.name);
  const events = applyFilter([...domainOfEvent.keys()], body.filter, domainOfEvent).filter(
    (e) => e.timestamp * 1000 >= range.start && e.timestamp * 1000 <= range.end,
  );

  // Items are keyed by every requested dimension; time uses the resolution's buckets.
  const groups = new Map<string, { dims: { dimension: string; value: string; display_value: string }[]; events: SandboxEvent[] }>();
  const keysFor = (e: SandboxEvent, bucket: number | undefined): { dimension: string; value: string }[][] =>
    dimensions.map((d) => {
      if (d === 'time') return [{ dimension: 'time', value: rfc2822(bucket ?? 0, '+0000') }];
      if (d === 'domain') return [{ dimension: 'domain', value: domainOfEvent.get(e) ?? '' }];
      return e.tags.map((t) => ({ dimension: 'tag', value: t }));
    });
  const byBucket = dimensions.includes('time') ? groupByBucket(events, range) : new Map([[0, events]]);
  if (dimensions.includes('time'))
    for (const t of byBucket.keys())
      groups.set(`time=${t}`, {
        dims: [{ dimension: 'time', value: rfc2822(t, '+0000'), display_value: rfc2822(t, '+0000') }],
        events: [],
      });
  for (const [bucket, bucketEvents] of byBucket) {
    for (const e of bucketEvents) {
      const combos = keysFor(e, bucket).reduce<{ dimension: string; value: string }[][]>(
        (acc, options) => acc.flatMap((prefix) => options.map((o) => [...prefix, o])),
        [[]],
      );
      for (const dims of combos) {
        const key =
          dims.length === 1 && dims[0]?.dimension === 'time' ? `time=${bucket}` : dims.map((d) => `${d.dimension}=${d.value}`).join('|');
        const group = groups.get(key) ?? { dims: dims.map((d) => ({ ...d, display_value: d.value })), events: [] };
        group.events.push(e);
        groups.set(key, group);
      }
    }
  }
  const paging = readPagination(body.pagination);
  const all = [...groups.values()];
  if (paging.sort.endsWith(':desc')) all.reverse();
  const items = all.slice(paging.skip, paging.skip + paging.limit).map((g) => ({ dimensions: g.dims, metrics: compute(names, g.events) }));
  return json(200, {
    start: rfc2822(range.start, '+0000'),
    end: rfc2822(range.end, '+0000'),
    resolution: range.resolution,
    ...(range.duration ? { duration: range.duration } : {}),
    dimensions,
    pagination: { sort: paging.sort, skip: paging.skip, limit: paging.limit, total: all.length },
    items,
    aggregates: { metrics: body.include_aggregates === true ? compute(names, events) : {} },
  });
}

export const metricRoutes: readonly RouteDef[] = [{ method: 'POST', path: '/v1/analytics/metrics', handler: metrics }];
