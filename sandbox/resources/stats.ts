import { domainOf, type RequestContext, type RouteDef, regionOf } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { parseDate, rfc2822 } from '../format';
import type { SandboxEvent } from '../state';

/**
 * Stats and metrics are computed on the fly from the stored events, so
 * whatever a developer sends shows up in the numbers at once.
 */

const STAT_EVENTS = ['accepted', 'delivered', 'failed', 'opened', 'clicked', 'unsubscribed', 'complained', 'stored'] as const;
type StatEvent = (typeof STAT_EVENTS)[number];
type Resolution = 'hour' | 'day' | 'month';
const MAX_BUCKETS = 5000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface TimeRange {
  readonly start: number;
  readonly end: number;
  readonly resolution: Resolution;
  readonly duration?: string;
}

export function durationMs(value: string): number | null {
  const match = /^(\d{1,6})([hdm])$/.exec(value.trim());
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return match[2] === 'h' ? n * HOUR : match[2] === 'd' ? n * DAY : n * 30 * DAY;
}

function readResolution(raw: string | undefined): Resolution {
  const rawResolution = raw ?? 'day';
  if (rawResolution !== 'hour' && rawResolution !== 'day' && rawResolution !== 'month')
    return badRequest(`Invalid resolution '${rawResolution.slice(0, 20)}'; use hour, day or month`);
  return rawResolution;
}

export function readRange(get: (name: string) => string | undefined, now: number): TimeRange {
  const rawResolution = readResolution(get('resolution'));
  const date = (name: string): number | undefined => {
    const raw = get(name);
    if (raw === undefined || raw === '') return undefined;
    return parseDate(raw) ?? badRequest(`'${name}' is not a valid date: use RFC 2822 or epoch seconds`);
  };
  const end = date('end') ?? now;
  const duration = get('duration');
  let start = date('start');
  if (start === undefined) {
    const span = duration ? durationMs(duration) : 7 * DAY;
    if (span === null) return badRequest(`Invalid duration '${(duration ?? '').slice(0, 20)}'; use for example 7d, 24h or 1m`);
    start = end - span;
  }
  if (start > end) return badRequest("'start' must be before 'end'");
  return { start, end, resolution: rawResolution, ...(duration ? { duration } : {}) };
}

export function bucketStart(ms: number, resolution: Resolution): number {
  const d = new Date(ms);
  if (resolution === 'hour') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
  if (resolution === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextBucket(ms: number, resolution: Resolution): number {
  const d = new Date(ms);
  if (resolution === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return ms + (resolution === 'hour' ? HOUR : DAY);
}

/** Bucket start times covering the range, oldest first. */
export function buckets(range: TimeRange): number[] {
  const out: number[] = [];
  for (let t = bucketStart(range.start, range.resolution); t <= range.end; t = nextBucket(t, range.resolution)) {
    out.push(t);
    if (out.length > MAX_BUCKETS) return badRequest('The time range holds too many periods for this resolution');
  }
  return out;
}

/** Groups events into buckets; events outside the range are dropped. */
export function groupByBucket(events: readonly SandboxEvent[], range: TimeRange): Map<number, SandboxEvent[]> {
  const groups = new Map<number, SandboxEvent[]>(buckets(range).map((t) => [t, []]));
  for (const event of events) {
    const ms = event.timestamp * 1000;
    if (ms < range.start || ms > range.end) continue;
    groups.get(bucketStart(ms, range.resolution))?.push(event);
  }
  return groups;
}

const uniqueCount = (events: readonly SandboxEvent[]): number =>
  new Set(events.map((e) => `${e.recipient}|${e.message.headers['message-id']}`)).size;

function statFor(name: StatEvent, events: readonly SandboxEvent[]) {
  const of = (kind: string) => events.filter((e) => e.event === kind);
  switch (name) {
    case 'accepted': {
      const total = of('accepted').length;
      return { incoming: 0, outgoing: total, total };
    }
    case 'delivered': {
      const total = of('delivered').length;
      return { smtp: total, http: 0, optimized: 0, total };
    }
    case 'failed': {
      const failed = of('failed');
      const permanent = failed.filter((e) => e.severity === 'permanent');
      const reason = (r: string) => permanent.filter((e) => e.reason === r).length;
      const temporary = failed.length - permanent.length;
      return {
        temporary: { espblock: 0, total: temporary },
        permanent: {
          'suppress-bounce': reason('suppress-bounce'),
          'suppress-unsubscribe': reason('suppress-unsubscribe'),
          'suppress-complaint': reason('suppress-complaint'),
          bounce: reason('bounce'),
          'delayed-bounce': 0,
          webhook: 0,
          optimized: 0,
          total: permanent.length,
        },
      };
    }
    case 'opened':
    case 'clicked': {
      const matching = of(name);
      return { total: matching.length, unique: uniqueCount(matching) };
    }
    default:
      return { total: of(name).length };
  }
}

function readEvents(ctx: RequestContext): StatEvent[] {
  const requested = ctx.query
    .getAll('event')
    .flatMap((e) => e.split(','))
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (requested.length === 0) return badRequest('Missing mandatory parameter: event');
  for (const name of requested) {
    if (!(STAT_EVENTS as readonly string[]).includes(name))
      return badRequest(`Invalid event '${name.slice(0, 40)}'; use one of: ${STAT_EVENTS.join(', ')}`);
  }
  return [...new Set(requested)] as StatEvent[];
}

export function statsBody(events: readonly SandboxEvent[], names: readonly StatEvent[], range: TimeRange) {
  const stats = [...groupByBucket(events, range)].map(([time, group]) => ({ time: rfc2822(time), ...countersFor(names, group) }));
  return { start: rfc2822(bucketStart(range.start, range.resolution)), end: rfc2822(range.end), resolution: range.resolution, stats };
}

function statsTotal(scope: 'domain' | 'account') {
  return (ctx: RequestContext): Reply => {
    const names = readEvents(ctx);
    const range = readRange((n) => ctx.query.get(n) ?? undefined, ctx.world.now());
    const events = scope === 'domain' ? domainOf(ctx).events : regionOf(ctx).domains.flatMap((d) => d.events);
    return json(200, { description: '', ...statsBody(events, names, range) });
  };
}

export function tagStats(ctx: RequestContext, tag: string, description: string): Reply {
  const names = readEvents(ctx);
  const range = readRange((n) => ctx.query.get(n) ?? undefined, ctx.world.now());
  const events = domainOf(ctx).events.filter((e) => e.tags.includes(tag));
  return json(200, { tag, description, ...statsBody(events, names, range) });
}

/** The account's events in this region, each with the name of the domain it belongs to. */
function accountEvents(ctx: RequestContext): { domain: string; event: SandboxEvent }[] {
  return regionOf(ctx).domains.flatMap((d) => d.events.map((event) => ({ domain: d.name, event })));
}

function countersFor(names: readonly StatEvent[], events: readonly SandboxEvent[]): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const name of names) entry[name] = statFor(name, events);
  return entry;
}

/** The totals of every domain for the one hour, day or month that holds `timestamp`. */
function totalsByDomain(ctx: RequestContext): Reply {
  const names = readEvents(ctx);
  const resolution = readResolution(ctx.query.get('resolution') ?? undefined);
  const rawTimestamp = ctx.query.get('timestamp') ?? '';
  if (rawTimestamp.trim() === '') return badRequest('Missing mandatory parameter: timestamp');
  const at = parseDate(rawTimestamp) ?? badRequest("'timestamp' is not a valid date: use RFC 2822 or epoch seconds");
  const rawSkip = ctx.query.get('limit') ?? '0';
  if (!/^\d{1,6}$/.test(rawSkip)) return badRequest("'limit' must be the number of domains to skip");
  const start = bucketStart(at, resolution);
  const end = nextBucket(start, resolution) - 1000;
  const inBucket = (e: SandboxEvent) => e.timestamp * 1000 >= start && e.timestamp * 1000 < end + 1000;
  const domains = [...regionOf(ctx).domains].sort((a, b) => (a.name < b.name ? -1 : 1)).slice(Number(rawSkip));
  return json(200, {
    description: '',
    start: rfc2822(start),
    end: rfc2822(end),
    resolution,
    stats: domains.map((d) => ({ time: rfc2822(start), domain: d.name, ...countersFor(names, d.events.filter(inBucket)) })),
  });
}

const FILTER_KEYS = ['domain', 'tag', 'provider', 'country', 'ip'] as const;
type Dimension = (typeof FILTER_KEYS)[number];
const GROUPS = ['total', 'time', 'day', 'month', ...FILTER_KEYS] as const;

/** What an event counts under for a dimension; an event with several tags counts under each. */
function valuesOf(item: { domain: string; event: SandboxEvent }, dimension: Dimension): string[] {
  const e = item.event;
  switch (dimension) {
    case 'domain':
      return [item.domain];
    case 'tag':
      return e.tags;
    case 'provider':
      return [e['recipient-domain']];
    case 'country': {
      const country = (e.geolocation as { country?: string } | undefined)?.country;
      return country ? [country] : [];
    }
    case 'ip': {
      const ip = e.envelope?.['sending-ip'];
      return ip ? [ip] : [];
    }
  }
}

/** Account totals narrowed by `filter=key:value` and broken down by `group`. */
function filtered(ctx: RequestContext): Reply {
  const names = readEvents(ctx);
  const group = ctx.query.get('group') ?? 'time';
  if (!(GROUPS as readonly string[]).includes(group))
    return badRequest(`Invalid group '${group.slice(0, 40)}'; use one of: ${GROUPS.join(', ')}`);
  const get = (n: string) => (n === 'resolution' && (group === 'day' || group === 'month') ? group : (ctx.query.get(n) ?? undefined));
  const range = readRange(get, ctx.world.now());
  let items = accountEvents(ctx);
  for (const raw of ctx.query.getAll('filter')) {
    const colon = raw.indexOf(':');
    const key = raw.slice(0, Math.max(0, colon)).trim();
    const value = raw
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (colon === -1 || !(FILTER_KEYS as readonly string[]).includes(key) || value === '')
      return badRequest(`Invalid filter '${raw.slice(0, 80)}'; write it as key:value with key one of ${FILTER_KEYS.join(', ')}`);
    items = items.filter((item) => valuesOf(item, key as Dimension).some((v) => v.toLowerCase() === value));
  }
  const events = items.map((item) => item.event);
  if (group === 'time' || group === 'day' || group === 'month') return json(200, { description: '', ...statsBody(events, names, range) });
  const first = bucketStart(range.start, range.resolution);
  const inRange = items.filter((item) => item.event.timestamp * 1000 >= range.start && item.event.timestamp * 1000 <= range.end);
  const head = { description: '', start: rfc2822(first), end: rfc2822(range.end), resolution: range.resolution };
  if (group === 'total') {
    return json(200, {
      ...head,
      stats: [
        {
          time: rfc2822(first),
          ...countersFor(
            names,
            inRange.map((item) => item.event),
          ),
        },
      ],
    });
  }
  const byValue = new Map<string, SandboxEvent[]>();
  for (const item of inRange) {
    for (const value of valuesOf(item, group as Dimension)) {
      const list = byValue.get(value);
      if (list) list.push(item.event);
      else byValue.set(value, [item.event]);
    }
  }
  const stats = [...byValue]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([value, grouped]) => ({ time: rfc2822(first), [group]: value, ...countersFor(names, grouped) }));
  return json(200, { ...head, stats });
}

export const statRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v3/{domain}/stats/total', domainParam: 'domain', handler: statsTotal('domain') },
  { method: 'GET', path: '/v3/stats/total', handler: statsTotal('account') },
  { method: 'GET', path: '/v3/stats/total/domains', handler: totalsByDomain },
  { method: 'GET', path: '/v3/stats/filter', handler: filtered },
];
