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

export function readRange(get: (name: string) => string | undefined, now: number): TimeRange {
  const rawResolution = get('resolution') ?? 'day';
  if (rawResolution !== 'hour' && rawResolution !== 'day' && rawResolution !== 'month')
    return badRequest(`Invalid resolution '${rawResolution.slice(0, 20)}'; use hour, day or month`);
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
  const stats = [...groupByBucket(events, range)].map(([time, group]) => {
    const entry: Record<string, unknown> = { time: rfc2822(time) };
    for (const name of names) entry[name] = statFor(name, group);
    return entry;
  });
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

export const statRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v3/{domain}/stats/total', domainParam: 'domain', handler: statsTotal('domain') },
  { method: 'GET', path: '/v3/stats/total', handler: statsTotal('account') },
];
