import type { RequestContext, RouteDef } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { parseDate, parseFlag, parseIntParam, rfc2822 } from '../format';
import type { Domain, SandboxEvent } from '../state';
import { SANDBOX_ACCOUNT_NAME } from './account-tags';
import { bucketStart } from './stats';

/**
 * Bounce classification over the failures the sandbox itself generated: each
 * failed event is given the provider its recipient's domain belongs to and
 * one of the sandbox's rules (its bounces are unknown mailboxes, its delays
 * busy mailboxes). Drops because of a suppression list never reached a
 * provider, so they are not classified, as at Mailgun.
 */

const ENTITIES: readonly { id: string; name: string; domains: readonly string[] }[] = [
  { id: 'gmail', name: 'Gmail', domains: ['gmail.com', 'googlemail.com'] },
  { id: 'yahoo', name: 'Yahoo', domains: ['yahoo.com', 'ymail.com', 'aol.com'] },
  { id: 'hotmail', name: 'Microsoft (Hotmail)', domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'] },
  { id: 'united-internet', name: 'United Internet', domains: ['web.de', 'gmx.de', 'gmx.net'] },
  { id: 'other', name: 'Other', domains: [] },
];

interface Rule {
  readonly id: string;
  readonly category: string;
  readonly severity: 'PERMANENT' | 'TEMPORARY';
  readonly criticality: 'CRITICAL' | 'NON-CRITICAL';
  readonly explanation: string;
  readonly groupId: string;
}

const RULES: readonly Rule[] = [
  {
    id: 'sbx-unknown-mailbox',
    category: 'BOUNCE',
    severity: 'PERMANENT',
    criticality: 'NON-CRITICAL',
    explanation: 'The mailbox does not exist',
    groupId: 'mailbox',
  },
  {
    id: 'sbx-mailbox-busy',
    category: 'GENERIC',
    severity: 'TEMPORARY',
    criticality: 'NON-CRITICAL',
    explanation: 'The provider asked to try again later',
    groupId: 'deferral',
  },
];

function entityOf(recipientDomain: string) {
  return ENTITIES.find((e) => e.domains.includes(recipientDomain)) ?? (ENTITIES.at(-1) as (typeof ENTITIES)[number]);
}

function ruleOf(event: SandboxEvent): Rule | null {
  if (event.event !== 'failed' || event.reason?.startsWith('suppress-')) return null;
  return (event.severity === 'permanent' ? RULES[0] : RULES[1]) ?? null;
}

/** One classified failure, or one delivery (rule null), with every attribute a query can split or filter by. */
interface Row {
  readonly event: SandboxEvent;
  readonly rule: Rule | null;
  readonly attributes: Readonly<Record<string, string | null>>;
}

const CLASSIFICATION_DIMENSIONS = ['group-id', 'criticality', 'severity', 'category'];
const DIMENSIONS = [
  'entity-name',
  'domain.name',
  'envelope.sending-ip',
  'account.name',
  'envelope.i-ip-pool-name',
  'tags',
  'tag',
  'recipient-domain',
  ...CLASSIFICATION_DIMENSIONS,
  'timestamp',
];
const METRICS = [
  'critical_bounce_count',
  'non_critical_bounce_count',
  'critical_delay_count',
  'non_critical_delay_count',
  'classified_failures_count',
  'delivered_smtp_count',
  'critical_bounce_rate',
  'non_critical_bounce_rate',
  'critical_delay_rate',
  'non_critical_delay_rate',
];
const PAGE_LIMIT = 50;

interface Account {
  readonly name: string;
  readonly domains: readonly Domain[];
}

function accountsOf(ctx: RequestContext, includeSubaccounts: boolean): Account[] {
  const state = ctx.world.state;
  const domains = (regions: (typeof state)['regions']) => [...regions.us.domains, ...regions.eu.domains];
  if (ctx.subaccountId !== null)
    return state.subaccounts.filter((s) => s.id === ctx.subaccountId).map((s) => ({ name: s.name, domains: domains(s.regions) }));
  return [
    { name: SANDBOX_ACCOUNT_NAME, domains: domains(state.regions) },
    ...(includeSubaccounts ? state.subaccounts.map((s) => ({ name: s.name, domains: domains(s.regions) })) : []),
  ];
}

function rowsOf(ctx: RequestContext, accounts: readonly Account[], resolution: 'day' | 'hour'): Row[] {
  const pools = ctx.world.state.ipPools;
  return accounts.flatMap((account) =>
    account.domains.flatMap((domain) =>
      domain.events.flatMap((event): Row[] => {
        const rule = ruleOf(event);
        if (!rule && event.event !== 'delivered') return [];
        const entity = entityOf(event['recipient-domain']);
        const bucket = bucketStart(event.timestamp * 1000, resolution);
        return [
          {
            event,
            rule,
            attributes: {
              'entity-name': entity.name,
              'entity-id': entity.id,
              'domain.name': domain.name,
              'envelope.sending-ip': event.envelope?.['sending-ip'] ?? null,
              'account.name': account.name,
              'envelope.i-ip-pool-name': pools.find((p) => p.pool_id === domain.ipPool)?.name ?? null,
              tags: event.tags.join(', '),
              tag: event.tags[0] ?? null,
              'recipient-domain': event['recipient-domain'],
              'group-id': rule?.groupId ?? null,
              criticality: rule?.criticality ?? null,
              severity: rule?.severity ?? null,
              category: rule?.category ?? null,
              'rule-id': rule?.id ?? null,
              timestamp: rfc2822(bucket, '+0000'),
            },
          },
        ];
      }),
    ),
  );
}

function countsOf(failures: readonly Row[], delivered: number) {
  const n = (severity: Rule['severity'], criticality: Rule['criticality']) =>
    failures.filter((r) => r.rule?.severity === severity && r.rule.criticality === criticality).length;
  const counts = {
    critical_bounce_count: n('PERMANENT', 'CRITICAL'),
    non_critical_bounce_count: n('PERMANENT', 'NON-CRITICAL'),
    critical_delay_count: n('TEMPORARY', 'CRITICAL'),
    non_critical_delay_count: n('TEMPORARY', 'NON-CRITICAL'),
    classified_failures_count: failures.length,
    delivered_smtp_count: delivered,
  };
  // Rates are whole percentages of everything sent that reached the provider.
  const total = delivered + failures.length;
  const pct = (count: number) => (total === 0 ? 0 : Math.round((count * 100) / total));
  return {
    ...counts,
    critical_bounce_rate: pct(counts.critical_bounce_count),
    non_critical_bounce_rate: pct(counts.non_critical_bounce_count),
    critical_delay_rate: pct(counts.critical_delay_count),
    non_critical_delay_rate: pct(counts.non_critical_delay_count),
  };
}

function goDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m${seconds % 60}s`;
}

/** `48h`, `60m`, `7d` or Go's `24h0m0s`. */
function durationOf(raw: string): number {
  const go = /^(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/.exec(raw.trim());
  const days = /^(\d{1,4})d$/.exec(raw.trim());
  if (days?.[1]) return Number(days[1]) * 86_400_000;
  if (!go || raw.trim() === '') return badRequest(`Invalid duration '${raw.slice(0, 20)}'; use for example 48h, 60m or 24h0m0s`);
  return (Number(go[1] ?? 0) * 3600 + Number(go[2] ?? 0) * 60 + Number(go[3] ?? 0)) * 1000;
}

interface Clause {
  readonly attribute: string;
  readonly comparator: '=' | '!=';
  readonly values: readonly string[];
}

function readFilter(value: unknown): Clause[] {
  if (value === undefined || value === null) return [];
  const clauses = typeof value === 'object' && !Array.isArray(value) ? (value as { AND?: unknown }).AND : undefined;
  if (!Array.isArray(clauses)) return badRequest('\'filter\' must look like {"AND": [...]}');
  return clauses.slice(0, 50).map((clause) => {
    if (typeof clause !== 'object' || clause === null) return badRequest('Each filter clause must be an object');
    const { attribute, comparator, values } = clause as { attribute?: unknown; comparator?: unknown; values?: unknown };
    if (typeof attribute !== 'string' || !DIMENSIONS.includes(attribute) || attribute === 'timestamp')
      return badRequest(`Unsupported filter attribute: ${String(attribute).slice(0, 40)}`);
    if (comparator !== '=' && comparator !== '!=') return badRequest(`Unsupported filter comparator: ${String(comparator).slice(0, 10)}`);
    if (!Array.isArray(values)) return badRequest("Each filter clause needs a 'values' array");
    const wanted = values
      .map((v) => (typeof v === 'object' && v !== null ? (v as { value?: unknown }).value : v))
      .filter((v): v is string => typeof v === 'string');
    return { attribute, comparator, values: wanted };
  });
}

function matches(row: Row, clauses: readonly Clause[]): boolean {
  return clauses.every((c) => {
    // A delivery has no classification: it counts towards any group of its other attributes.
    if (row.rule === null && CLASSIFICATION_DIMENSIONS.includes(c.attribute)) return true;
    const value = c.attribute === 'tags' || c.attribute === 'tag' ? row.event.tags : [row.attributes[c.attribute] ?? ''];
    const hit = value.some((v) => c.values.includes(v));
    return c.comparator === '=' ? hit : !hit;
  });
}

function jsonBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.body.kind === 'empty') return {};
  if (ctx.body.kind !== 'json') return badRequest('Send the query as application/json');
  const value = ctx.body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badRequest('The request body must be a JSON object');
  return value as Record<string, unknown>;
}

function metricsQuery(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  const text = (name: string) => {
    const v = body[name];
    if (v === undefined || v === null || v === '') return undefined;
    return typeof v === 'string' ? v : badRequest(`'${name}' must be a string`);
  };
  const resolution = text('resolution') ?? 'day';
  if (resolution !== 'day' && resolution !== 'hour') return badRequest(`Invalid resolution '${resolution.slice(0, 20)}'; use day or hour`);
  const date = (name: string) => {
    const raw = text(name);
    return raw === undefined ? undefined : (parseDate(raw) ?? badRequest(`'${name}' is not a valid date: use RFC 2822`));
  };
  const end = date('end') ?? ctx.world.now();
  const duration = text('duration');
  const start = duration !== undefined ? end - durationOf(duration) : (date('start') ?? end - 7 * 86_400_000);
  if (start > end) return badRequest("'start' must be before 'end'");

  const dimensions = body.dimensions ?? [];
  if (!Array.isArray(dimensions) || !dimensions.every((d) => typeof d === 'string'))
    return badRequest("'dimensions' must be an array of strings");
  for (const d of dimensions) if (!DIMENSIONS.includes(d)) return badRequest(`Unsupported dimension: ${d.slice(0, 40)}`);
  if (dimensions.includes('tag') && dimensions.includes('tags')) return badRequest("The 'tag' and 'tags' dimensions cannot be combined");
  const metrics = body.metrics ?? METRICS;
  if (!Array.isArray(metrics) || !metrics.every((m) => typeof m === 'string' && METRICS.includes(m)))
    return badRequest(`'metrics' must be an array of: ${METRICS.join(', ')}`);
  const include = body.include_subaccounts === true;
  const clauses = readFilter(body.filter);

  const pagination = body.pagination ?? {};
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination))
    return badRequest("'pagination' must be an object");
  const { sort = '', skip = 0, limit = 10 } = pagination as { sort?: unknown; skip?: unknown; limit?: unknown };
  if (typeof sort !== 'string') return badRequest("'pagination.sort' must be a string");
  if (!Number.isInteger(skip) || (skip as number) < 0) return badRequest("'pagination.skip' must be a whole number");
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > PAGE_LIMIT)
    return badRequest(`'pagination.limit' must be a whole number from 1 to ${PAGE_LIMIT}`);

  const rows = rowsOf(ctx, accountsOf(ctx, include), resolution).filter(
    (r) => r.event.timestamp * 1000 >= start && r.event.timestamp * 1000 <= end && matches(r, clauses),
  );
  const split = dimensions.flatMap((d) => (d === 'tags' || d === 'tag' ? [] : [d]));
  const byTag = dimensions.includes('tag');
  const keyOf = (row: Row, names: readonly string[], tag?: string) =>
    JSON.stringify([...names.map((d) => row.attributes[d] ?? null), tag ?? null, dimensions.includes('tags') ? row.attributes.tags : null]);
  const expand = (row: Row) => (byTag ? (row.event.tags.length > 0 ? row.event.tags : [null]) : [undefined]);
  const baseDimensions = split.filter((d) => !CLASSIFICATION_DIMENSIONS.includes(d));

  const delivered = new Map<string, number>();
  const groups = new Map<string, { sample: Row; tag: string | null | undefined; failures: Row[] }>();
  for (const row of rows) {
    for (const tag of expand(row)) {
      if (row.rule === null) {
        const key = keyOf(row, baseDimensions, tag ?? undefined);
        delivered.set(key, (delivered.get(key) ?? 0) + 1);
        continue;
      }
      const key = keyOf(row, split, tag ?? undefined);
      const group = groups.get(key) ?? { sample: row, tag, failures: [] };
      group.failures.push(row);
      groups.set(key, group);
    }
  }
  const items = [...groups.values()].map((g) => ({
    ...Object.fromEntries(split.map((d) => [d, g.sample.attributes[d] ?? null])),
    ...(dimensions.includes('tags') ? { tags: g.sample.attributes.tags ?? null } : {}),
    ...(byTag ? { tag: g.tag ?? null } : {}),
    metrics: countsOf(g.failures, delivered.get(keyOf(g.sample, baseDimensions, g.tag ?? undefined)) ?? 0),
  }));
  const [sortField = '', direction = 'asc'] = sort.split(':');
  if (sortField !== '') {
    const value = (item: (typeof items)[number]) =>
      (item.metrics as Record<string, number>)[sortField] ?? (item as Record<string, unknown>)[sortField] ?? '';
    items.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return direction === 'desc' ? -order : order;
    });
  }
  return json(200, {
    start: rfc2822(start, '+0000'),
    end: rfc2822(end, '+0000'),
    resolution,
    duration: duration ?? goDuration(end - start),
    dimensions,
    pagination: { sort, skip, limit, total: items.length },
    items: items.slice(skip as number, (skip as number) + (limit as number)),
  });
}

/** The older v1 answers: totals of classified bounces (permanent failures only) grouped one way or another. */
function bouncesV1(ctx: RequestContext): Row[] {
  const include = parseFlag(ctx.query.get('include_subaccounts') ?? undefined, 'include_subaccounts') ?? false;
  return rowsOf(ctx, accountsOf(ctx, include), 'day').filter((r) => r.rule?.severity === 'PERMANENT');
}

function grouped(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

function statsV1(ctx: RequestContext): Reply {
  const fields = (ctx.query.get('group') ?? 'domain.name,entity-id').split(',').map((f) => f.trim());
  const allowed = ['rule-id', 'entity-id', 'domain.name', 'subaccount.id'];
  for (const f of fields) if (!allowed.includes(f)) return badRequest(`Cannot group by '${f.slice(0, 40)}'`);
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 20 });
  const started = ctx.world.now();
  const groups = grouped(bouncesV1(ctx), (r) =>
    JSON.stringify(fields.map((f) => (f === 'subaccount.id' ? (ctx.subaccountId ?? '') : r.attributes[f]))),
  );
  const items = [...groups.values()]
    .map((rows) => {
      const r = rows[0] as Row;
      return {
        ...(fields.includes('subaccount.id') ? { subaccount: { id: ctx.subaccountId ?? '' } } : {}),
        ...(fields.includes('domain.name') ? { domain: { name: r.attributes['domain.name'] } } : {}),
        ...(fields.includes('rule-id') ? { 'rule-id': r.rule?.id, 'short-explanation': r.rule?.explanation } : {}),
        ...(fields.includes('entity-id') ? { 'entity-id': r.attributes['entity-id'] } : {}),
        bounced: { total: rows.length },
      };
    })
    .sort((a, b) => b.bounced.total - a.bounced.total)
    .slice(0, limit);
  return json(200, { items, _duration: `${ctx.world.now() - started}ms` });
}

function domainsV1(ctx: RequestContext): Reply {
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 20 });
  const skip = parseIntParam(ctx.query.get('skip') ?? undefined, 'skip', { min: 0, max: 1_000_000, fallback: 0 });
  const wanted = /^domain\.name:(.+)$/
    .exec(ctx.query.get('query') ?? '')?.[1]
    ?.trim()
    .toLowerCase();
  const groups = grouped(bouncesV1(ctx), (r) => r.attributes['domain.name'] ?? '');
  const items = [...groups.entries()]
    .filter(([name]) => !wanted || name === wanted)
    .map(([name, rows]) => ({ domain: { name }, bounced: { total: rows.length } }));
  return json(200, { items: items.slice(skip, skip + limit), total: items.length });
}

function domainRows(ctx: RequestContext): Row[] {
  const name = (ctx.params.domain ?? '').toLowerCase();
  const known = accountsOf(ctx, true).some((a) => a.domains.some((d) => d.name === name));
  if (!known) return notFound(`Domain not found: ${name.slice(0, 100)}`);
  return bouncesV1(ctx).filter((r) => r.attributes['domain.name'] === name);
}

function entitiesV1(ctx: RequestContext): Reply {
  const groups = grouped(domainRows(ctx), (r) => r.attributes['entity-id'] ?? '');
  return json(200, {
    items: [...groups.entries()].map(([id, rows]) => ({
      'entity-id': id,
      'entity-name': rows[0]?.attributes['entity-name'],
      bounced: { total: rows.length },
    })),
  });
}

function entityRulesV1(ctx: RequestContext): Reply {
  const entity = ctx.params['entity-id'] ?? '';
  if (!ENTITIES.some((e) => e.id === entity)) return notFound('Entity not found');
  const groups = grouped(
    domainRows(ctx).filter((r) => r.attributes['entity-id'] === entity),
    (r) => r.rule?.id ?? '',
  );
  return json(200, {
    items: [...groups.values()].map((rows) => {
      const first = rows[0] as Row;
      const rule = first.rule as Rule;
      return {
        'rule-id': rule.id,
        category: rule.category,
        severity: rule.severity,
        'sample-text': String(first.event['delivery-status']?.description ?? ''),
        explanation: rule.explanation,
        bounced: { total: rows.length },
      };
    }),
  });
}

export const bounceClassificationRoutes: readonly RouteDef[] = [
  { method: 'POST', path: '/v2/bounce-classification/metrics', handler: metricsQuery },
  { method: 'GET', path: '/v1/bounce-classification/stats', handler: statsV1 },
  { method: 'GET', path: '/v1/bounce-classification/domains', handler: domainsV1 },
  { method: 'GET', path: '/v1/bounce-classification/domains/{domain}/entities', handler: entitiesV1 },
  { method: 'GET', path: '/v1/bounce-classification/domains/{domain}/entities/{entity-id}/rules', handler: entityRulesV1 },
  {
    method: 'GET',
    path: '/v1/bounce-classification/config/entities',
    handler: () => json(200, { items: ENTITIES.map((e) => ({ 'entity-id': e.id, 'entity-name': e.name })) }),
  },
  {
    method: 'GET',
    path: '/v1/bounce-classification/config/rules',
    handler: () =>
      json(200, { items: RULES.map((r) => ({ 'rule-id': r.id, category: r.category, severity: r.severity, explanation: r.explanation })) }),
  },
];
