import { field, fieldAll, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { uuid } from '../format';
import type { Alert, SandboxEvent } from '../state';
import { SANDBOX_ACCOUNT_ID } from './account-tags';

/**
 * Send-threshold alerts: kept as state, and their hits computed from the
 * sandbox's own events over each alert's period whenever they are read.
 */

const COMPARATORS = ['>', '>=', '<', '<=', '=', '!='] as const;
const PERIODS: Readonly<Record<string, number>> = { '1h': 3_600_000, '1d': 86_400_000, '7d': 7 * 86_400_000 };

/** Each metric as a ratio of events to accepted messages in the window. */
const METRICS: Readonly<Record<string, (e: SandboxEvent) => boolean>> = {
  hard_bounce_rate: (e) => e.event === 'failed' && e.severity === 'permanent',
  soft_bounce_rate: (e) => e.event === 'failed' && e.severity === 'temporary',
  complaint_rate: (e) => e.event === 'complained',
  delivered_rate: (e) => e.event === 'delivered',
  opened_rate: (e) => e.event === 'opened',
  unsubscribed_rate: (e) => e.event === 'unsubscribed',
};

const iso = (ms: number) => new Date(ms).toISOString();

function view(ctx: RequestContext, a: Alert) {
  return {
    id: a.id,
    parent_account_id: SANDBOX_ACCOUNT_ID,
    subaccount_id: ctx.subaccountId ?? '',
    name: a.name,
    created_at: iso(a.created_at),
    updated_at: iso(a.updated_at),
    last_checked: iso(ctx.world.now()),
    alert_channels: a.alert_channels,
    metric: a.metric,
    comparator: a.comparator,
    limit: a.limit,
    dimension: a.dimension,
    period: a.period,
  };
}

function find(ctx: RequestContext): Alert {
  const name = param(ctx, 'name');
  return ctx.world.state.alerts.find((a) => a.name === name) ?? notFound('threshold not found');
}

function apply(ctx: RequestContext, alert: Alert, creating: boolean): void {
  const metric = creating ? requiredField(ctx, 'metric') : (field(ctx, 'metric') ?? alert.metric);
  if (!Object.hasOwn(METRICS, metric))
    badRequest(`Unknown metric '${metric.slice(0, 40)}'; use one of: ${Object.keys(METRICS).join(', ')}`);
  const comparator = creating ? requiredField(ctx, 'comparator') : (field(ctx, 'comparator') ?? alert.comparator);
  if (!(COMPARATORS as readonly string[]).includes(comparator)) badRequest(`Unknown comparator '${comparator.slice(0, 10)}'`);
  const limit = creating ? requiredField(ctx, 'limit') : (field(ctx, 'limit') ?? alert.limit);
  if (!Number.isFinite(Number(limit))) badRequest("'limit' must be a number");
  const period = field(ctx, 'period') ?? alert.period;
  if (!Object.hasOwn(PERIODS, period)) badRequest(`'period' must be one of: ${Object.keys(PERIODS).join(', ')}`);
  const channels = fieldAll(ctx, 'alert_channels')
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  alert.metric = metric;
  alert.comparator = comparator as Alert['comparator'];
  alert.limit = limit;
  alert.period = period;
  alert.dimension = field(ctx, 'dimension') ?? alert.dimension;
  alert.description = field(ctx, 'description') ?? alert.description;
  if (channels.length > 0) alert.alert_channels = channels;
  alert.updated_at = ctx.world.now();
}

function create(ctx: RequestContext): Reply {
  const name = requiredField(ctx, 'name').trim().slice(0, 200);
  if (ctx.world.state.alerts.some((a) => a.name === name)) return badRequest(`A threshold named ${name} already exists`);
  const now = ctx.world.now();
  const alert: Alert = {
    id: uuid(),
    name,
    metric: '',
    comparator: '>',
    limit: '0',
    dimension: 'domain',
    period: '1h',
    alert_channels: ['email'],
    description: '',
    created_at: now,
    updated_at: now,
  };
  apply(ctx, alert, true);
  ctx.world.state.alerts.push(alert);
  return json(200, view(ctx, alert));
}

function compare(value: number, comparator: Alert['comparator'], limit: number): boolean {
  switch (comparator) {
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '=':
      return value === limit;
    case '!=':
      return value !== limit;
  }
}

function hits(ctx: RequestContext): Reply {
  const now = ctx.world.now();
  const events = [...ctx.account.us.domains, ...ctx.account.eu.domains].flatMap((d) => d.events);
  const items = ctx.world.state.alerts.map((a) => {
    const window = events.filter((e) => e.timestamp * 1000 > now - (PERIODS[a.period] ?? 3_600_000) && e.timestamp * 1000 <= now + 60_000);
    const accepted = window.filter((e) => e.event === 'accepted').length;
    const test = METRICS[a.metric] ?? (() => false);
    const value = accepted === 0 ? 0 : window.filter(test).length / accepted;
    return {
      id: a.id,
      name: a.name,
      created_at: iso(a.created_at),
      updated_at: iso(now),
      triggered: compare(value, a.comparator, Number(a.limit)),
      expires_at: iso(now + (PERIODS[a.period] ?? 3_600_000)),
      latest_value: value.toFixed(3),
      metric: a.metric,
      comparator: a.comparator,
      limit: a.limit,
      parent_account_id: SANDBOX_ACCOUNT_ID,
      subaccount_id: ctx.subaccountId ?? '',
      dimension: a.dimension,
    };
  });
  return json(200, { items, total: items.length });
}

const base = '/v1/thresholds/alerts/send';
export const alertRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: base,
    handler: (ctx) => json(200, { items: ctx.world.state.alerts.map((a) => view(ctx, a)), total: ctx.world.state.alerts.length }),
  },
  { method: 'POST', path: base, handler: create },
  { method: 'GET', path: `${base}/{name}`, handler: (ctx) => json(200, view(ctx, find(ctx))) },
  {
    method: 'PUT',
    path: `${base}/{name}`,
    handler: (ctx) => {
      const alert = find(ctx);
      const rename = field(ctx, 'name')?.trim();
      if (rename && rename !== alert.name && ctx.world.state.alerts.some((a) => a.name === rename))
        return badRequest(`A threshold named ${rename} already exists`);
      apply(ctx, alert, false);
      if (rename) alert.name = rename.slice(0, 200);
      return json(200, { message: 'threshold updated' });
    },
  },
  {
    method: 'DELETE',
    path: `${base}/{name}`,
    handler: (ctx) => {
      const alert = find(ctx);
      ctx.world.state.alerts = ctx.world.state.alerts.filter((a) => a !== alert);
      return json(200, { message: 'threshold deleted' });
    },
  },
  { method: 'GET', path: '/v1/thresholds/hits', handler: hits },
];
