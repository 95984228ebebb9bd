import { field, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { hexId, parseFlag, parseIntParam, rfc2822 } from '../format';
import { emptyRegion, type Subaccount } from '../state';

/**
 * Subaccounts, each a separate account with its own domains, routes and
 * lists: a request carrying `X-Mailgun-On-Behalf-Of: <id>` acts inside it
 * (the router picks the account), everything else acts for the primary one.
 */

function view(s: Subaccount) {
  return { id: s.id, name: s.name, created_at: rfc2822(s.created_at, 'GMT'), updated_at: rfc2822(s.updated_at, 'GMT'), status: s.status };
}

function find(ctx: RequestContext, id = param(ctx, 'subaccount_id')): Subaccount {
  return ctx.world.state.subaccounts.find((s) => s.id === id) ?? notFound('Subaccount not found');
}

function list(ctx: RequestContext): Reply {
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 10 });
  const skip = parseIntParam(ctx.query.get('skip') ?? undefined, 'skip', { min: 0, max: 10_000_000, fallback: 0 });
  const sort = ctx.query.get('sort') ?? '';
  if (!['', 'asc', 'desc'].includes(sort)) return badRequest("Invalid value for 'sort'; use asc or desc");
  const filter = ctx.query.get('filter')?.toLowerCase() ?? '';
  const enabled = parseFlag(ctx.query.get('enabled') ?? undefined, 'enabled');
  let items = ctx.world.state.subaccounts.filter(
    (s) => s.name.toLowerCase().includes(filter) && (enabled === undefined || (s.status === 'open') === enabled),
  );
  if (sort !== '') items = [...items].sort((a, b) => a.name.localeCompare(b.name) * (sort === 'desc' ? -1 : 1));
  return json(200, { subaccounts: items.slice(skip, skip + limit).map(view), total: items.length });
}

function create(ctx: RequestContext): Reply {
  const name = requiredField(ctx, 'name').trim();
  if (name.length > 255) return badRequest("'name' must be 255 characters or fewer");
  const now = ctx.world.now();
  const sub: Subaccount = {
    id: hexId(),
    name,
    status: 'open',
    created_at: now,
    updated_at: now,
    regions: { us: emptyRegion(), eu: emptyRegion() },
  };
  ctx.world.state.subaccounts.push(sub);
  return json(200, { subaccount: view(sub) });
}

function setStatus(status: Subaccount['status']) {
  return (ctx: RequestContext): Reply => {
    const sub = find(ctx);
    if (sub.status === status) return badRequest(`Subaccount is already ${status === 'open' ? 'enabled' : 'disabled'}`);
    sub.status = status;
    sub.updated_at = ctx.world.now();
    return json(200, { subaccount: view(sub) });
  };
}

/** Mailgun names the subaccount to delete in `X-Mailgun-On-Behalf-Of`, not in the path. */
function remove(ctx: RequestContext): Reply {
  const id = ctx.headers['x-mailgun-on-behalf-of']?.trim() || field(ctx, 'subaccount_id');
  if (!id) return badRequest('Name the subaccount to delete in the X-Mailgun-On-Behalf-Of header');
  const sub = find(ctx, id);
  ctx.world.state.subaccounts = ctx.world.state.subaccounts.filter((s) => s !== sub);
  return json(200, { message: 'Subaccount successfully deleted' });
}

export const subaccountRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v5/accounts/subaccounts', handler: list },
  { method: 'POST', path: '/v5/accounts/subaccounts', handler: create },
  { method: 'DELETE', path: '/v5/accounts/subaccounts', handler: remove },
  { method: 'GET', path: '/v5/accounts/subaccounts/{subaccount_id}', handler: (ctx) => json(200, { subaccount: view(find(ctx)) }) },
  { method: 'POST', path: '/v5/accounts/subaccounts/{subaccount_id}/disable', handler: setStatus('disabled') },
  { method: 'POST', path: '/v5/accounts/subaccounts/{subaccount_id}/enable', handler: setStatus('open') },
];
