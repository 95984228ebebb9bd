import { domainOf, everyDomain, field, fieldAll, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, fail, json, notFound, type Reply } from '../errors';
import { hexId, parseFlag, parseIntParam } from '../format';
import { skipLimit } from '../paging';
import type { Domain, IpPool, SendingIp, Subaccount } from '../state';

/**
 * The account's sending IPs, IP pools, and which domains use which. The IPs
 * are documentation addresses; assignments are kept and read back, nothing
 * is ever sent from them.
 */

function findIp(ctx: RequestContext, raw = param(ctx, 'ip')): SendingIp {
  return ctx.world.state.ips.find((i) => i.ip === raw.trim()) ?? notFound('IP not found');
}

function findPool(ctx: RequestContext, id = param(ctx, 'pool_id')): IpPool {
  return ctx.world.state.ipPools.find((p) => p.pool_id === id) ?? notFound('IP pool not found');
}

function pooled(ctx: RequestContext): Set<string> {
  return new Set(ctx.world.state.ipPools.flatMap((p) => p.ips));
}

function listIps(ctx: RequestContext): Reply {
  const dedicated = parseFlag(ctx.query.get('dedicated') ?? undefined, 'dedicated');
  const ips = ctx.world.state.ips.filter((i) => dedicated === undefined || i.dedicated === dedicated);
  const inPools = pooled(ctx);
  return json(200, {
    assignable_to_pools: ips.filter((i) => i.dedicated && !inPools.has(i.ip)).map((i) => i.ip),
    details: ips.map((i) => ({ ip: i.ip, is_on_warmup: i.warmup })),
    items: ips.map((i) => i.ip),
    total_count: ips.length,
  });
}

function domainsUsing(ctx: RequestContext, ip: string): Domain[] {
  return everyDomain(ctx.world.state).filter((d) => d.ips.includes(ip));
}

function assignToAll(assign: boolean) {
  return (ctx: RequestContext): Reply => {
    const ip = findIp(ctx).ip;
    for (const d of everyDomain(ctx.world.state)) {
      if (assign && !d.ips.includes(ip)) d.ips.push(ip);
      if (!assign) d.ips = d.ips.filter((other) => other !== ip);
    }
    return json(200, { message: 'started', reference_id: hexId() });
  };
}

function domainIps(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  return json(200, { items: d.ips, total_count: d.ips.length });
}

function assignToDomain(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const poolId = field(ctx, 'pool_id');
  if (poolId !== undefined) {
    d.ipPool = usablePool(ctx, poolId.trim()).pool_id;
    return json(200, { message: 'success' });
  }
  const ip = findIp(ctx, requiredField(ctx, 'ip')).ip;
  if (!d.ips.includes(ip)) d.ips.push(ip);
  return json(200, { message: 'success' });
}

/** A pool the caller may use: the primary account's own, or one lent to the subaccount acting. */
function usablePool(ctx: RequestContext, id: string): IpPool {
  const pool = findPool(ctx, id);
  if (ctx.subaccountId !== null && !pool.delegates.includes(ctx.subaccountId)) return notFound('IP pool not found');
  return pool;
}

/** The replacement named in the query (`ip` or `pool_id`), so the domain keeps something to send through. */
function applyReplacement(ctx: RequestContext, d: Domain): void {
  const poolId = ctx.query.get('pool_id')?.trim();
  const ip = ctx.query.get('ip')?.trim();
  if (poolId) d.ipPool = usablePool(ctx, poolId).pool_id;
  else if (ip && ip !== 'shared' && !d.ips.includes(findIp(ctx, ip).ip)) d.ips.push(ip);
}

function removeFromDomain(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const ip = param(ctx, 'ip');
  if (ip === 'ip_pool') {
    if (d.ipPool === null) return badRequest('The domain is not linked to an IP pool');
    d.ipPool = null;
  } else if (ip === 'all') {
    d.ips = [];
    d.ipPool = null;
  } else {
    if (!d.ips.includes(ip)) return notFound('IP not assigned to this domain');
    d.ips = d.ips.filter((other) => other !== ip);
  }
  applyReplacement(ctx, d);
  return json(200, { message: 'success' });
}

function subaccountNamed(ctx: RequestContext, id: string) {
  return ctx.world.state.subaccounts.find((s) => s.id === id.trim()) ?? notFound('Subaccount not found');
}

/** Lends a primary-account pool to a subaccount, or takes it back; the subaccount's domains linked to it are unlinked. */
function primaryOnly(ctx: RequestContext): void {
  if (ctx.subaccountId !== null) fail(403, 'Only the primary account can delegate its IP pools');
}

function setDelegation(ctx: RequestContext, poolId: string, subaccountId: string, lend: boolean): void {
  primaryOnly(ctx);
  const pool = findPool(ctx, poolId.trim());
  const sub = subaccountNamed(ctx, subaccountId);
  if (lend) {
    if (!pool.delegates.includes(sub.id)) pool.delegates.push(sub.id);
    return;
  }
  revoke(pool, sub);
}

function revoke(pool: IpPool, sub: Subaccount): void {
  if (!pool.delegates.includes(sub.id)) notFound('The IP pool is not delegated to this subaccount');
  pool.delegates = pool.delegates.filter((id) => id !== sub.id);
  for (const d of [...sub.regions.us.domains, ...sub.regions.eu.domains]) if (d.ipPool === pool.pool_id) d.ipPool = null;
}

function delegationOfPool(lend: boolean) {
  return (ctx: RequestContext): Reply => {
    setDelegation(ctx, param(ctx, 'pool_id'), requiredField(ctx, 'subaccount_id'), lend);
    return json(200, { message: 'success' });
  };
}

/** The subaccount route lends one pool at a time: a new one replaces the one lent before. */
function delegationOfSubaccount(lend: boolean) {
  return (ctx: RequestContext): Reply => {
    primaryOnly(ctx);
    const poolId = requiredField(ctx, 'pool_id').trim();
    if (lend) {
      const sub = subaccountNamed(ctx, param(ctx, 'subaccountId'));
      for (const other of ctx.world.state.ipPools) if (other.pool_id !== poolId && other.delegates.includes(sub.id)) revoke(other, sub);
    }
    setDelegation(ctx, poolId, param(ctx, 'subaccountId'), lend);
    return json(200, { message: 'started', reference_id: hexId() });
  };
}

function checkPoolIps(ctx: RequestContext, ips: readonly string[], pool: IpPool | null): string[] {
  const others = new Set(ctx.world.state.ipPools.filter((p) => p !== pool).flatMap((p) => p.ips));
  return ips.map((raw) => {
    const ip = findIp(ctx, raw).ip;
    if (!ctx.world.state.ips.find((i) => i.ip === ip)?.dedicated) return badRequest(`${ip} is a shared IP and cannot join a pool`);
    if (others.has(ip)) return badRequest(`${ip} already belongs to another pool`);
    return ip;
  });
}

function linkedDomains(ctx: RequestContext, pool: IpPool): Domain[] {
  return everyDomain(ctx.world.state).filter((d) => d.ipPool === pool.pool_id);
}

function poolView(ctx: RequestContext, pool: IpPool) {
  return {
    description: pool.description,
    ips: pool.ips,
    is_inherited: ctx.subaccountId !== null,
    is_linked: linkedDomains(ctx, pool).length > 0,
    name: pool.name,
    pool_id: pool.pool_id,
  };
}

function createPool(ctx: RequestContext): Reply {
  const name = requiredField(ctx, 'name').trim().slice(0, 200);
  const pool: IpPool = { pool_id: hexId(), name, description: (field(ctx, 'description') ?? '').slice(0, 1000), ips: [], delegates: [] };
  pool.ips = [
    ...new Set(
      checkPoolIps(
        ctx,
        // The API names the field `ip`; mailgun.js sends `ips`.
        [...fieldAll(ctx, 'ip'), ...fieldAll(ctx, 'ips')].flatMap((v) => v.split(',')).filter((v) => v.trim() !== ''),
        pool,
      ),
    ),
  ];
  ctx.world.state.ipPools.push(pool);
  return json(200, { message: 'success', pool_id: pool.pool_id });
}

function updatePool(ctx: RequestContext): Reply {
  const pool = findPool(ctx);
  const name = field(ctx, 'name');
  const description = field(ctx, 'description');
  const add = checkPoolIps(ctx, fieldAll(ctx, 'add_ip'), pool);
  const removeIps = fieldAll(ctx, 'remove_ip').map((ip) => ip.trim());
  // The API names domains by id; names are accepted too, as mailgun.js's callers often pass them.
  const link = fieldAll(ctx, 'link_domain').map((n) => n.trim().toLowerCase());
  const unlink = fieldAll(ctx, 'unlink_domain').map((n) => n.trim().toLowerCase());
  const domains = everyDomain(ctx.world.state);
  const named = (d: Domain, n: string) => d.id === n || d.name === n;
  for (const n of [...link, ...unlink]) if (!domains.some((d) => named(d, n))) return notFound(`Domain not found: ${n.slice(0, 100)}`);
  if (name !== undefined && name.trim() !== '') pool.name = name.trim().slice(0, 200);
  if (description !== undefined) pool.description = description.slice(0, 1000);
  pool.ips = [...new Set([...pool.ips.filter((ip) => !removeIps.includes(ip)), ...add])];
  for (const d of domains) {
    if (link.some((n) => named(d, n))) d.ipPool = pool.pool_id;
    if (unlink.some((n) => named(d, n)) && d.ipPool === pool.pool_id) d.ipPool = null;
  }
  return json(200, { message: 'success' });
}

function deletePool(ctx: RequestContext): Reply {
  const pool = findPool(ctx);
  const replacement = field(ctx, 'pool_id') ?? field(ctx, 'ip');
  const linked = linkedDomains(ctx, pool);
  if (linked.length > 0 && replacement === undefined)
    return badRequest('The pool is linked to domains: name a replacement pool_id or ip to move them to');
  for (const d of linked) {
    d.ipPool = null;
    if (replacement !== undefined) {
      const other = ctx.world.state.ipPools.find((p) => p.pool_id === replacement && p !== pool);
      if (other) d.ipPool = other.pool_id;
      else if (!d.ips.includes(findIp(ctx, replacement).ip)) d.ips.push(replacement.trim());
    }
  }
  ctx.world.state.ipPools = ctx.world.state.ipPools.filter((p) => p !== pool);
  return json(200, { message: 'success' });
}

/** Where a page of a pool's domains starts, as Mailgun's opaque `page` token; anything unreadable means the first page. */
type PoolCursor = { after: string } | { before: string } | { last: true } | null;

function readCursor(raw: string | null): PoolCursor {
  if (raw === null || raw === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const c = value as Record<string, unknown>;
    if (typeof c.after === 'string') return { after: c.after };
    if (typeof c.before === 'string') return { before: c.before };
    return c.last === true ? { last: true } : null;
  } catch {
    return null;
  }
}

function poolDomains(ctx: RequestContext): Reply {
  const pool = findPool(ctx);
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 10 });
  const sorted = linkedDomains(ctx, pool).sort((a, b) => (a.id < b.id ? -1 : 1));
  const cursor = readCursor(ctx.query.get('page'));
  let items: Domain[];
  if (cursor === null) items = sorted.slice(0, limit);
  else if ('last' in cursor) items = sorted.slice(Math.max(0, sorted.length - limit));
  else if ('after' in cursor) items = sorted.filter((d) => d.id > cursor.after).slice(0, limit);
  else {
    const before = sorted.filter((d) => d.id < cursor.before);
    items = before.slice(Math.max(0, before.length - limit));
  }
  const url = (page?: PoolCursor) => {
    const base = `${ctx.baseUrl}/v3/ip_pools/${pool.pool_id}/domains?limit=${limit}`;
    return page ? `${base}&page=${Buffer.from(JSON.stringify(page)).toString('base64url')}` : base;
  };
  const first = items[0]?.id ?? '';
  const last = items.at(-1)?.id ?? '';
  return json(200, {
    domains: items.map((d) => ({ id: d.id, name: d.name })),
    paging: { first: url(), last: url({ last: true }), next: url({ after: last }), previous: url({ before: first }) },
  });
}

function changePoolIp(add: boolean) {
  return (ctx: RequestContext): Reply => {
    const pool = findPool(ctx);
    const ip = param(ctx, 'ip');
    if (add) pool.ips = [...new Set([...pool.ips, ...checkPoolIps(ctx, [ip], pool)])];
    else if (!pool.ips.includes(ip)) return notFound('IP not in this pool');
    else pool.ips = pool.ips.filter((other) => other !== ip);
    return json(200, { message: 'started' });
  };
}

function addPoolIps(ctx: RequestContext): Reply {
  const pool = findPool(ctx);
  let ips: unknown =
    ctx.body.kind === 'json' && typeof ctx.body.value === 'object' && ctx.body.value !== null
      ? (ctx.body.value as { ips?: unknown }).ips
      : undefined;
  if (ips === undefined) {
    const raw = field(ctx, 'ips');
    try {
      ips = raw === undefined ? fieldAll(ctx, 'ip') : JSON.parse(raw);
    } catch {
      ips = raw?.split(',');
    }
  }
  if (!Array.isArray(ips) || ips.some((ip) => typeof ip !== 'string')) return badRequest("'ips' must be a list of IP addresses");
  pool.ips = [...new Set([...pool.ips, ...checkPoolIps(ctx, ips as string[], pool)])];
  return json(200, { message: 'started' });
}

export const ipRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v3/ips', handler: listIps },
  {
    method: 'GET',
    path: '/v3/ips/{ip}',
    handler: (ctx) => {
      const ip = findIp(ctx);
      return json(200, { dedicated: ip.dedicated, ip: ip.ip, rdns: ip.rdns });
    },
  },
  {
    method: 'GET',
    path: '/v3/ips/{ip}/domains',
    handler: (ctx) => {
      const ip = findIp(ctx).ip;
      const search = ctx.query.get('search')?.trim().toLowerCase() ?? '';
      const using = domainsUsing(ctx, ip).filter((d) => d.name.includes(search));
      const page = skipLimit(
        using.map((d) => ({ ips: d.ips, domain: d.name })),
        ctx.query,
        { fallback: 10, max: 1000 },
      );
      return json(200, { items: page.items, total_count: page.total_count });
    },
  },
  { method: 'POST', path: '/v3/ips/{ip}/domains', handler: assignToAll(true) },
  { method: 'DELETE', path: '/v3/ips/{ip}/domains', handler: assignToAll(false) },
  { method: 'GET', path: '/v3/domains/{name}/ips', domainParam: 'name', handler: domainIps },
  { method: 'POST', path: '/v3/domains/{name}/ips', domainParam: 'name', handler: assignToDomain },
  { method: 'DELETE', path: '/v3/domains/{name}/ips/{ip}', domainParam: 'name', handler: removeFromDomain },
  { method: 'DELETE', path: '/v3/domains/{name}/pool/{ip}', domainParam: 'name', handler: removeFromDomain },
  {
    method: 'GET',
    path: '/v3/ip_pools',
    handler: (ctx) => {
      // A subaccount sees the pools lent to it, as inherited.
      const pools = ctx.world.state.ipPools.filter((p) => ctx.subaccountId === null || p.delegates.includes(ctx.subaccountId));
      return json(200, { ip_pools: pools.map((p) => poolView(ctx, p)), message: 'success' });
    },
  },
  { method: 'POST', path: '/v3/ip_pools', handler: createPool },
  {
    method: 'GET',
    path: '/v3/ip_pools/{pool_id}',
    handler: (ctx) => {
      const pool = findPool(ctx);
      const { is_inherited: _inherited, ...details } = poolView(ctx, pool);
      // mailgun.js reads `ips` beside `details`, the catalog example inside it: both are given.
      return json(200, {
        details: { ...details, linked_domains: linkedDomains(ctx, pool).map((d) => d.name) },
        ips: pool.ips,
        message: 'success',
      });
    },
  },
  { method: 'PATCH', path: '/v3/ip_pools/{pool_id}', handler: updatePool },
  { method: 'DELETE', path: '/v3/ip_pools/{pool_id}', handler: deletePool },
  {
    method: 'GET',
    path: '/v3/ip_pools/{pool_id}/domains',
    handler: poolDomains,
  },
  { method: 'PUT', path: '/v3/ip_pools/{pool_id}/ips/{ip}', handler: changePoolIp(true) },
  { method: 'DELETE', path: '/v3/ip_pools/{pool_id}/ips/{ip}', handler: changePoolIp(false) },
  { method: 'POST', path: '/v3/ip_pools/{pool_id}/ips.json', handler: addPoolIps },
  { method: 'PUT', path: '/v3/ip_pools/{pool_id}/delegate', handler: delegationOfPool(true) },
  { method: 'DELETE', path: '/v3/ip_pools/{pool_id}/delegate', handler: delegationOfPool(false) },
  {
    method: 'GET',
    path: '/v5/accounts/subaccounts/ip_pools/all',
    handler: (ctx) => {
      const items = ctx.world.state.ipPools.flatMap((p) => p.delegates.map((subaccount_id) => ({ pool_id: p.pool_id, subaccount_id })));
      return json(200, { items, total_count: items.length });
    },
  },
  { method: 'PUT', path: '/v5/accounts/subaccounts/{subaccountId}/ip_pool', handler: delegationOfSubaccount(true) },
  { method: 'DELETE', path: '/v5/accounts/subaccounts/{subaccountId}/ip_pool', handler: delegationOfSubaccount(false) },
];
