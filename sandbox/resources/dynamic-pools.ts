import { domainOf, field, fieldAll, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, fail, json, notFound, type Reply } from '../errors';
import { hexId, isoSeconds, parseDate, parseFlag } from '../format';
import { pivotPage, readPivotRequest } from '../paging';
import type { Domain, DynamicBand, DynamicMove, DynamicPools, SandboxEvent } from '../state';
import { SANDBOX_ACCOUNT_ID, SANDBOX_ACCOUNT_NAME } from './account-tags';

/**
 * Dynamic IP pools: the account's dedicated IPs split into good, poor and
 * new-sender bands, and enrolled domains placed in a band by the bounce and
 * complaint rates of the messages the sandbox has accepted for them. A
 * domain's band is looked at again whenever the dynamic pools are read, and
 * every move is kept in the history.
 */

const BANDS: readonly DynamicBand[] = ['dynamic_good', 'dynamic_poor', 'dynamic_new'];
/** Request fields of POST /v3/dynamic_pools/all, per band. */
const BAND_FIELDS: Readonly<Record<DynamicBand, string>> = {
  dynamic_good: 'good_reputation',
  dynamic_poor: 'poor_reputation',
  dynamic_new: 'new_senders',
};

/**
 * The sandbox's own thresholds (Mailgun does not publish its): fewer accepted
 * messages than this is a new sender; a permanent-failure rate above 5% or a
 * complaint rate above 0.1% is a poor reputation.
 */
export const NEW_SENDER_VOLUME = 10;
export const POOR_BOUNCE_RATE = 0.05;
export const POOR_COMPLAINT_RATE = 0.001;

const iso = (ms: number) => `${isoSeconds(ms)}Z`;

interface Owned {
  readonly domain: Domain;
  readonly accountId: string;
  readonly accountName: string;
}

/** The domains of the acting account, with their subaccounts' when the primary account asks for them. */
function ownedDomains(ctx: RequestContext, includeSubaccounts: boolean): Owned[] {
  const state = ctx.world.state;
  const accounts =
    ctx.subaccountId === null
      ? [
          { id: SANDBOX_ACCOUNT_ID, name: SANDBOX_ACCOUNT_NAME, regions: state.regions },
          ...(includeSubaccounts ? state.subaccounts.map((s) => ({ id: s.id, name: s.name, regions: s.regions })) : []),
        ]
      : state.subaccounts.filter((s) => s.id === ctx.subaccountId).map((s) => ({ id: s.id, name: s.name, regions: s.regions }));
  return accounts.flatMap((a) =>
    [...a.regions.us.domains, ...a.regions.eu.domains].map((domain) => ({ domain, accountId: a.id, accountName: a.name })),
  );
}

function pools(ctx: RequestContext): DynamicPools {
  return ctx.world.state.dynamicPools ?? badRequest('Dynamic IP pools are not set up on this account');
}

interface Rates {
  readonly processed_count: number;
  readonly bounce_rate: number;
  readonly complaint_rate: number;
}

export function ratesOf(events: readonly SandboxEvent[]): Rates {
  const processed = events.filter((e) => e.event === 'accepted').length;
  const bounced = events.filter((e) => e.event === 'failed' && e.severity === 'permanent').length;
  const complained = events.filter((e) => e.event === 'complained').length;
  const rate = (n: number) => (processed === 0 ? 0 : Math.round((n / processed) * 10_000) / 10_000);
  return { processed_count: processed, bounce_rate: rate(bounced), complaint_rate: rate(complained) };
}

function bandFor(rates: Rates): { band: DynamicBand; reason: string } {
  if (rates.processed_count < NEW_SENDER_VOLUME) return { band: 'dynamic_new', reason: 'processed_count below the new sender threshold' };
  if (rates.bounce_rate > POOR_BOUNCE_RATE) return { band: 'dynamic_poor', reason: 'bounce_rate in poor threshold' };
  if (rates.complaint_rate > POOR_COMPLAINT_RATE) return { band: 'dynamic_poor', reason: 'complaint_rate in poor threshold' };
  return { band: 'dynamic_good', reason: 'bounce_rate and complaint_rate in good threshold' };
}

function record(ctx: RequestContext, owned: Owned, from: DynamicBand, to: DynamicBand, reason: string, by: DynamicMove['initiated_by']) {
  const rates = ratesOf(owned.domain.events);
  ctx.world.state.dynamicHistory ??= [];
  ctx.world.state.dynamicHistory.push({
    id: hexId(),
    account_id: owned.accountId,
    account_name: owned.accountName,
    domain_id: owned.domain.id,
    domain_name: owned.domain.name,
    new_band: to,
    prev_band: from,
    reason,
    ...rates,
    initiated_by: by,
    timestamp: ctx.world.now(),
  });
}

/** Moves enrolled domains whose metrics now put them in another band (pinned ones stay). */
function reevaluate(ctx: RequestContext): void {
  for (const owned of ownedDomains(ctx, true)) {
    const enrolment = owned.domain.dynamicPool;
    if (!enrolment || enrolment.override !== null) continue;
    const next = bandFor(ratesOf(owned.domain.events));
    if (next.band === enrolment.band) continue;
    record(ctx, owned, enrolment.band, next.band, next.reason, 'system');
    enrolment.band = next.band;
  }
}

function ownedByName(ctx: RequestContext, name = param(ctx, 'name')): Owned {
  const wanted = name.trim().toLowerCase();
  return ownedDomains(ctx, true).find((o) => o.domain.name === wanted) ?? notFound(`Domain not found: ${name.slice(0, 100)}`);
}

function enrolled(owned: Owned) {
  return owned.domain.dynamicPool ?? badRequest(`${owned.domain.name} is not enrolled in dynamic IP pools`);
}

function checkIp(ctx: RequestContext, raw: string, band: DynamicBand | null): string {
  const ip = raw.trim();
  const known = ctx.world.state.ips.find((i) => i.ip === ip) ?? notFound(`IP not found: ${ip.slice(0, 60)}`);
  if (!known.dedicated) return badRequest(`${ip} is a shared IP and cannot join a dynamic pool`);
  if (ctx.world.state.ipPools.some((p) => p.ips.includes(ip))) return badRequest(`${ip} belongs to a dedicated IP pool`);
  const elsewhere = BANDS.find((b) => b !== band && ctx.world.state.dynamicPools?.ips[b].includes(ip));
  if (band !== null && elsewhere) return badRequest(`${ip} is already in ${elsewhere}`);
  return ip;
}

/** Band fields arrive repeated or comma-separated. */
function ipList(ctx: RequestContext, name: string): string[] {
  return fieldAll(ctx, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function bandNamed(raw: string): DynamicBand {
  const found = BANDS.find((b) => b === raw || BAND_FIELDS[b] === raw);
  return found ?? notFound(`Dynamic pool not found: ${raw.slice(0, 60)}`);
}

function listPools(ctx: RequestContext): Reply {
  const set = pools(ctx);
  return json(200, {
    good_reputation: set.ips.dynamic_good,
    poor_reputation: set.ips.dynamic_poor,
    new_senders: set.ips.dynamic_new,
    pools: BANDS.map((band, index) => ({
      account_id: SANDBOX_ACCOUNT_ID,
      enabled: true,
      id: `${set.id.slice(0, -1)}${index}`,
      ips: set.ips[band],
      name: band,
    })),
  });
}

function setAll(ctx: RequestContext): Reply {
  if (ctx.subaccountId !== null) return fail(403, 'Only the primary account can set up dynamic IP pools');
  const chosen = Object.fromEntries(BANDS.map((band) => [band, ipList(ctx, BAND_FIELDS[band])])) as Record<DynamicBand, string[]>;
  const all = BANDS.flatMap((band) => chosen[band]);
  if (new Set(all).size !== all.length) return badRequest('An IP can be in one dynamic pool only');
  for (const ip of all) checkIp(ctx, ip, null);
  ctx.world.state.dynamicPools = { id: ctx.world.state.dynamicPools?.id ?? hexId(), ips: chosen };
  return json(200, { good_reputation: chosen.dynamic_good, poor_reputation: chosen.dynamic_poor, new_senders: chosen.dynamic_new });
}

function deleteAll(ctx: RequestContext): Reply {
  pools(ctx);
  for (const { domain } of ownedDomains(ctx, true)) leave(domain, undefined);
  ctx.world.state.dynamicPools = null;
  return json(200, { message: 'success' });
}

function changeBand(ctx: RequestContext, band: DynamicBand, add: readonly string[], remove: readonly string[]): void {
  const set = pools(ctx);
  const adding = add.map((ip) => checkIp(ctx, ip, band));
  for (const ip of remove) if (!set.ips[band].includes(ip)) notFound(`${ip.slice(0, 60)} is not in ${band}`);
  set.ips[band] = [...new Set([...set.ips[band].filter((ip) => !remove.includes(ip)), ...adding])];
}

/** Puts the domain in the band its metrics call for; it sends through that band's IPs from now on. */
function enrol(ctx: RequestContext, owned: Owned, fallback: string): void {
  const d = owned.domain;
  if (d.dynamicPool) return;
  const { band, reason } = bandFor(ratesOf(d.events));
  d.dynamicPool = { enrolled_at: ctx.world.now(), band, override: null, fallback_ip: fallback };
  d.ips = [];
  d.ipPool = null;
  record(ctx, owned, 'dynamic_new', band, `enrolled: ${reason}`, 'user');
}

/** Takes the domain out; it sends through the replacement given, else the one named when it joined. */
function leave(d: Domain, replacement: { ips: string[] } | { pool: string } | undefined): void {
  const fallback = d.dynamicPool?.fallback_ip;
  if (!d.dynamicPool) return;
  d.dynamicPool = null;
  if (replacement && 'pool' in replacement) d.ipPool = replacement.pool;
  else d.ips = (replacement?.ips ?? [fallback ?? 'shared']).filter((ip) => ip !== 'shared');
}

function fallbackIp(ctx: RequestContext, raw: string | undefined): string {
  const value = raw?.trim() || 'shared';
  if (value !== 'shared' && !ctx.world.state.ips.some((i) => i.ip === value)) return notFound(`IP not found: ${value.slice(0, 60)}`);
  return value;
}

function enrolDomain(ctx: RequestContext): Reply {
  pools(ctx);
  const owned = ownedByName(ctx, domainOf(ctx).name);
  const fallback = fallbackIp(ctx, field(ctx, 'replacement_ip'));
  // Enrolling again keeps the domain's band and only changes its fallback.
  if (owned.domain.dynamicPool) owned.domain.dynamicPool.fallback_ip = fallback;
  else enrol(ctx, owned, fallback);
  return json(200, { message: 'success' });
}

function removeDomain(ctx: RequestContext): Reply {
  const owned = ownedByName(ctx, domainOf(ctx).name);
  enrolled(owned);
  const ips = ipList(ctx, 'replacement_ip');
  const pool = field(ctx, 'replacement_pool_id')?.trim();
  if (ips.length > 0 && pool) return badRequest('Give replacement_ip or replacement_pool_id, not both');
  if (ips.length === 0 && !pool) return badRequest('Missing mandatory parameter: replacement_ip or replacement_pool_id');
  for (const ip of ips) fallbackIp(ctx, ip);
  if (pool && !ctx.world.state.ipPools.some((p) => p.pool_id === pool)) return notFound('IP pool not found');
  leave(owned.domain, pool ? { pool } : { ips });
  return json(200, { message: 'success' });
}

function enrolAll(ctx: RequestContext): Reply {
  pools(ctx);
  const include = parseFlag(requiredField(ctx, 'include_subaccounts'), 'include_subaccounts') ?? false;
  for (const owned of ownedDomains(ctx, include)) enrol(ctx, owned, 'shared');
  return json(200, { message: 'started' });
}

function assignable(ctx: RequestContext): Reply {
  const subaccount = ctx.query.get('subaccount_id')?.trim();
  const pattern = ctx.query.get('domain');
  let matcher: RegExp | null = null;
  if (pattern) {
    try {
      matcher = new RegExp(pattern.slice(0, 200));
    } catch {
      return badRequest("Invalid regular expression in 'domain'");
    }
  }
  const candidates = ownedDomains(ctx, true).filter(
    (o) => !o.domain.dynamicPool && (subaccount ? o.accountId === subaccount : o.accountId === (ctx.subaccountId ?? SANDBOX_ACCOUNT_ID)),
  );
  const items = candidates
    .filter((o) => matcher === null || matcher.test(o.domain.name))
    .map((o) => ({ account_id: o.accountId, id: o.domain.id, name: o.domain.name }));
  return json(200, { items });
}

function domainView(owned: Owned) {
  return {
    id: owned.domain.id,
    account_id: owned.accountId,
    name: owned.domain.name,
    registered_at: iso(owned.domain.dynamicPool?.enrolled_at ?? owned.domain.created_at),
    pool: owned.domain.dynamicPool?.band ?? 'dynamic_new',
    ...ratesOf(owned.domain.events),
  };
}

function listDomains(ctx: RequestContext): Reply {
  pools(ctx);
  reevaluate(ctx);
  const accounts = ctx.query.getAll('account');
  const bands = ctx.query.getAll('pool');
  const sortBy = ctx.query.get('sort_by') ?? 'name';
  if (!['bounce_rate', 'complaint_rate', 'name'].includes(sortBy)) return badRequest(`Invalid value for 'sort_by': ${sortBy.slice(0, 40)}`);
  const descending = ctx.query.get('sort_order') === 'descending';
  const items = ownedDomains(ctx, true)
    .filter((o) => o.domain.dynamicPool && (accounts.length === 0 || accounts.includes(o.accountId)))
    .map(domainView)
    .filter((d) => bands.length === 0 || bands.includes(d.pool))
    .sort((a, b) => {
      const key = sortBy as 'bounce_rate' | 'complaint_rate' | 'name';
      const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
      return descending ? -order : order;
    });
  // Pages follow the name order; `sort_by` orders the one page in hand.
  const byName = [...items].sort((a, b) => (a.name < b.name ? -1 : 1));
  const request = readPivotRequest(ctx.query, 'pivot', { fallback: 25, max: 100 });
  const page = pivotPage(
    byName,
    (d) => d.name,
    request,
    `${ctx.baseUrl}/v1/dynamic_pools/domains`,
    'pivot',
    extraQuery(ctx, ['account', 'pool', 'sort_by', 'sort_order']),
  );
  const ordered = page.items.sort((a, b) => items.indexOf(a) - items.indexOf(b));
  return json(200, { items: ordered, total_items: items.length, paging: page.paging });
}

/** A key that sorts moves newest first, for the history's paging. */
function newestFirst(move: DynamicMove): string {
  return `${String(9e15 - move.timestamp).padStart(16, '0')}-${move.id}`;
}

/** The filters a paging link must keep. */
function extraQuery(ctx: RequestContext, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = ctx.query.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

function moveView(move: DynamicMove) {
  return { ...move, owning_account_id: SANDBOX_ACCOUNT_ID, timestamp: iso(move.timestamp) };
}

function domainHistory(ctx: RequestContext): Reply {
  reevaluate(ctx);
  const owned = ownedByName(ctx);
  const moves = (ctx.world.state.dynamicHistory ?? []).filter((m) => m.domain_id === owned.domain.id);
  const latest = moves.at(-1) ?? notFound(`No dynamic pool history for ${owned.domain.name}`);
  const { account_name: _name, initiated_by: _by, ...rest } = moveView(latest);
  return json(200, rest);
}

function dateQuery(ctx: RequestContext, name: string): number | null {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return null;
  return parseDate(raw) ?? badRequest(`Invalid date in '${name}'`);
}

function history(ctx: RequestContext): Reply {
  reevaluate(ctx);
  const include = parseFlag(ctx.query.get('include_subaccounts') ?? undefined, 'include_subaccounts') ?? false;
  const mine = new Set(ownedDomains(ctx, include).map((o) => o.domain.id));
  const domain = ctx.query.get('domain')?.trim().toLowerCase();
  const before = dateQuery(ctx, 'before');
  const after = dateQuery(ctx, 'after');
  const to = ctx.query.get('moved_to');
  const from = ctx.query.get('moved_from');
  const items = (ctx.world.state.dynamicHistory ?? []).filter(
    (m) =>
      mine.has(m.domain_id) &&
      (!domain || m.domain_name === domain) &&
      (before === null || m.timestamp < before) &&
      (after === null || m.timestamp > after) &&
      (!to || m.new_band === to) &&
      (!from || m.prev_band === from),
  );
  items.sort((a, b) => (newestFirst(a) < newestFirst(b) ? -1 : 1));
  const limitQuery = new URLSearchParams(ctx.query);
  if (!limitQuery.has('limit') && limitQuery.has('Limit')) limitQuery.set('limit', limitQuery.get('Limit') ?? '');
  const request = readPivotRequest(limitQuery, 'pivot', { fallback: 50, max: 100 });
  const page = pivotPage(
    items,
    newestFirst,
    request,
    `${ctx.baseUrl}/v1/dynamic_pools/history`,
    'pivot',
    extraQuery(ctx, ['include_subaccounts', 'domain', 'before', 'after', 'moved_to', 'moved_from']),
  );
  return json(200, { items: page.items.map(moveView), total_items: items.length, paging: page.paging });
}

function preview(ctx: RequestContext): Reply {
  const owned = ownedByName(ctx);
  const rates = ratesOf(owned.domain.events);
  const metricBand = (poor: boolean): DynamicBand =>
    rates.processed_count < NEW_SENDER_VOLUME ? 'dynamic_new' : poor ? 'dynamic_poor' : 'dynamic_good';
  return json(200, {
    pool: bandFor(rates).band,
    results: {
      bounce_rate: { value: rates.bounce_rate, band: metricBand(rates.bounce_rate > POOR_BOUNCE_RATE) },
      complaint_rate: { value: rates.complaint_rate, band: metricBand(rates.complaint_rate > POOR_COMPLAINT_RATE) },
      processed_count: { value: rates.processed_count, band: metricBand(false) },
    },
  });
}

function setOverride(ctx: RequestContext): Reply {
  const owned = ownedByName(ctx);
  const enrolment = enrolled(owned);
  const raw = requiredField(ctx, 'pool').trim();
  const band = BANDS.find((b) => b === raw) ?? badRequest(`Invalid value for 'pool': ${raw.slice(0, 40)}`);
  if (band !== enrolment.band) record(ctx, owned, enrolment.band, band, 'manual override', 'user');
  enrolment.band = band;
  enrolment.override = band;
  return json(200, { message: 'success' });
}

function removeOverride(ctx: RequestContext): Reply {
  const owned = ownedByName(ctx);
  const enrolment = enrolled(owned);
  // Releasing a domain that is not pinned changes nothing and is not an error.
  enrolment.override = null;
  return json(200, { message: 'success' });
}

export const dynamicPoolRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v3/dynamic_pools', handler: listPools },
  { method: 'POST', path: '/v3/dynamic_pools/all', handler: setAll },
  { method: 'DELETE', path: '/v3/dynamic_pools/all', handler: deleteAll },
  {
    method: 'PATCH',
    path: '/v3/dynamic_pools/{pool_name}',
    handler: (ctx) => {
      changeBand(ctx, bandNamed(param(ctx, 'pool_name')), ipList(ctx, 'add_ip'), ipList(ctx, 'remove_ip'));
      return json(200, { message: 'success' });
    },
  },
  {
    method: 'POST',
    path: '/v3/dynamic_pools/{pool_name}/{ip}',
    handler: (ctx) => {
      changeBand(ctx, bandNamed(param(ctx, 'pool_name')), [param(ctx, 'ip')], []);
      return json(200, { message: 'success' });
    },
  },
  { method: 'POST', path: '/v3/domains/{name}/dynamic_pools', domainParam: 'name', handler: enrolDomain },
  { method: 'DELETE', path: '/v3/domains/{name}/dynamic_pools', domainParam: 'name', handler: removeDomain },
  { method: 'POST', path: '/v3/domains/all/dynamic_pools/enroll', handler: enrolAll },
  { method: 'GET', path: '/v3/domains/dynamic_pools/assignable', handler: assignable },
  { method: 'GET', path: '/v1/dynamic_pools/domains', handler: listDomains },
  { method: 'GET', path: '/v1/dynamic_pools/domains/{name}/history', handler: domainHistory },
  { method: 'GET', path: '/v1/dynamic_pools/domains/{name}/preview', handler: preview },
  { method: 'PUT', path: '/v1/dynamic_pools/domains/{name}/override', handler: setOverride },
  { method: 'DELETE', path: '/v1/dynamic_pools/domains/{name}/override', handler: removeOverride },
  { method: 'GET', path: '/v1/dynamic_pools/history', handler: history },
];
