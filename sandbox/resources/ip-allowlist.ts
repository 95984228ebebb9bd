import { isIP } from 'node:net';
import { field, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';

/**
 * The account's API IP allowlist. The sandbox keeps and lists it but does not
 * enforce it: every caller is on 127.0.0.1, so enforcing an entry for another
 * address would only lock the developer out of their own sandbox.
 */

const MAX_ENTRIES = 100;

function entries(ctx: RequestContext) {
  ctx.world.state.ipAllowlist ??= [];
  return ctx.world.state.ipAllowlist;
}

/** An IPv4 or IPv6 address, or a CIDR range of one. */
function checkedAddress(raw: string): string {
  const value = raw.trim();
  const [ip = '', bits, ...rest] = value.split('/');
  const version = isIP(ip);
  const maxBits = version === 6 ? 128 : 32;
  const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
  if (version === 0 || !validBits || rest.length > 0) return badRequest(`'${value.slice(0, 60)}' is not an IP address or CIDR range`);
  return value;
}

function view(ctx: RequestContext): Reply {
  return json(200, { addresses: entries(ctx).map((e) => ({ ...e })) });
}

function add(ctx: RequestContext): Reply {
  const address = checkedAddress(requiredField(ctx, 'address'));
  const list = entries(ctx);
  if (list.some((e) => e.ip_address === address)) return badRequest(`${address} is already on the allowlist`);
  if (list.length >= MAX_ENTRIES) return badRequest(`The allowlist holds at most ${MAX_ENTRIES} addresses`);
  list.push({ ip_address: address, description: (field(ctx, 'description') ?? '').slice(0, 200) });
  return view(ctx);
}

function update(ctx: RequestContext): Reply {
  const address = checkedAddress(requiredField(ctx, 'address'));
  const entry = entries(ctx).find((e) => e.ip_address === address) ?? notFound(`${address} is not on the allowlist`);
  entry.description = (field(ctx, 'description') ?? '').slice(0, 200);
  return view(ctx);
}

function remove(ctx: RequestContext): Reply {
  const address = checkedAddress(requiredField(ctx, 'address'));
  const list = entries(ctx);
  if (!list.some((e) => e.ip_address === address)) return notFound(`${address} is not on the allowlist`);
  ctx.world.state.ipAllowlist = list.filter((e) => e.ip_address !== address);
  return view(ctx);
}

export const ipAllowlistRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v2/ip_whitelist', handler: view },
  { method: 'POST', path: '/v2/ip_whitelist', handler: add },
  { method: 'PUT', path: '/v2/ip_whitelist', handler: update },
  { method: 'DELETE', path: '/v2/ip_whitelist', handler: remove },
];
