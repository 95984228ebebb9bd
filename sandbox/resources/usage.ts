import { domainOf, type RequestContext, type RouteDef } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { rfc2822 } from '../format';
import { SANDBOX_ACCOUNT_ID } from './account-tags';
import { bucketStart, buckets, readRange } from './stats';

/**
 * Billable usage counted from what the sandbox has done: validation jobs,
 * inbox placement tests and accepted messages (e-mail previews are not
 * simulated, so they always count 0); and clearing a domain's queue of mail
 * not yet handed over.
 */

interface Usage {
  readonly at: number;
  readonly account: string;
  readonly metric: string;
  readonly n: number;
}

const METRICS = [
  'email_validation_count',
  'email_validation_bulk_count',
  'email_validation_list_count',
  'email_preview_count',
  'seed_test_count',
  'processed_count',
];

function usageOf(ctx: RequestContext, includeSubaccounts: boolean): Usage[] {
  const state = ctx.world.state;
  const own = ctx.subaccountId === null;
  const out: Usage[] = [];
  if (own) {
    // List previews are free, so they are not usage.
    for (const job of state.validationJobs.filter((j) => j.kind !== 'preview')) {
      const n = job.addresses.length;
      out.push({ at: job.created_at, account: SANDBOX_ACCOUNT_ID, metric: 'email_validation_count', n });
      out.push({ at: job.created_at, account: SANDBOX_ACCOUNT_ID, metric: `email_validation_${job.kind}_count`, n });
    }
    for (const result of state.inbox?.results ?? [])
      out.push({ at: result.created_at, account: SANDBOX_ACCOUNT_ID, metric: 'seed_test_count', n: 1 });
  }
  const accounts = [
    ...(own ? [{ id: SANDBOX_ACCOUNT_ID, regions: state.regions }] : []),
    ...state.subaccounts.filter((s) => s.id === ctx.subaccountId || (own && includeSubaccounts)),
  ];
  for (const account of accounts)
    for (const domain of [...account.regions.us.domains, ...account.regions.eu.domains])
      for (const e of domain.events)
        if (e.event === 'accepted') out.push({ at: e.timestamp * 1000, account: account.id, metric: 'processed_count', n: 1 });
  return out;
}

function usageMetrics(ctx: RequestContext): Reply {
  if (ctx.body.kind !== 'json' && ctx.body.kind !== 'empty') return badRequest('Send the query as application/json');
  const raw = ctx.body.kind === 'json' ? ctx.body.value : {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return badRequest('The request body must be a JSON object');
  const body = raw as Record<string, unknown>;
  const list = (name: string, fallback: string[]) => {
    const v = body[name] ?? fallback;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return badRequest(`'${name}' must be an array of strings`);
    return v as string[];
  };
  const metrics = list('metrics', ['email_validation_count', 'email_preview_count', 'seed_test_count']);
  for (const m of metrics)
    if (!METRICS.includes(m)) return badRequest(`Unknown usage metric: ${m.slice(0, 60)}; use ${METRICS.join(', ')}`);
  const dimensions = list('dimensions', ['time']);
  for (const d of dimensions) if (d !== 'time' && d !== 'subaccount') return badRequest(`Unsupported dimension: ${d.slice(0, 40)}`);
  const range = readRange((n) => (typeof body[n] === 'string' ? (body[n] as string) : undefined), ctx.world.now());
  const pagination = (body.pagination ?? {}) as { sort?: unknown; skip?: unknown; limit?: unknown };
  const skip = Number.isInteger(pagination.skip) ? (pagination.skip as number) : 0;
  const limit = Number.isInteger(pagination.limit) ? (pagination.limit as number) : 1500;
  if (skip < 0 || limit < 1 || limit > 1500) return badRequest("'pagination' needs skip ≥ 0 and limit from 1 to 1500");
  const sort = typeof pagination.sort === 'string' ? pagination.sort : '';

  const usage = usageOf(ctx, body.include_subaccounts === true).filter((u) => u.at >= range.start && u.at <= range.end);
  const count = (rows: readonly Usage[]) =>
    Object.fromEntries(metrics.map((m) => [m, rows.filter((u) => u.metric === m).reduce((a, u) => a + u.n, 0)]));
  const byTime = dimensions.includes('time');
  const bySub = dimensions.includes('subaccount');
  const groups = new Map<string, { dims: { dimension: string; value: string; display_value: string }[]; rows: Usage[] }>();
  const dims = (at: number | null, account: string | null) => [
    ...(at !== null ? [{ dimension: 'time', value: rfc2822(at, '+0000'), display_value: rfc2822(at, '+0000') }] : []),
    ...(account !== null ? [{ dimension: 'subaccount', value: account, display_value: account }] : []),
  ];
  // Every period is listed, empty or not, as Mailgun does for time.
  if (byTime && !bySub) for (const t of buckets(range)) groups.set(String(t), { dims: dims(t, null), rows: [] });
  for (const u of usage) {
    const t = byTime ? bucketStart(u.at, range.resolution) : null;
    const key = `${t ?? ''}|${bySub ? u.account : ''}`.replace(/\|$/, '');
    const group = groups.get(key) ?? { dims: dims(t, bySub ? u.account : null), rows: [] };
    group.rows.push(u);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  if (sort.endsWith(':desc')) all.reverse();
  return json(200, {
    start: rfc2822(range.start, '+0000'),
    end: rfc2822(range.end, '+0000'),
    resolution: range.resolution,
    ...(range.duration ? { duration: range.duration } : {}),
    pagination: { sort, skip, limit, total: all.length },
    items: all.slice(skip, skip + limit).map((g) => ({ dimensions: g.dims, metrics: count(g.rows) })),
    aggregates: { metrics: body.include_aggregates === true ? count(usage) : {} },
  });
}

/** Drops the hand-overs still ahead (delivered, failed, opened events in the future); what was accepted stays accepted. */
function clearQueue(ctx: RequestContext): Reply {
  const domain = domainOf(ctx);
  const now = ctx.world.now() / 1000;
  domain.events = domain.events.filter((e) => e.event === 'accepted' || e.timestamp <= now);
  return json(200, { message: 'done' });
}

export const usageRoutes: readonly RouteDef[] = [
  { method: 'POST', path: '/v1/analytics/usage/metrics', handler: usageMetrics },
  { method: 'DELETE', path: '/v3/{domain_name}/envelopes', domainParam: 'domain_name', handler: clearQueue },
];
