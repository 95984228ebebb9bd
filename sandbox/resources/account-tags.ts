import { field, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import type { Domain, SandboxEvent, Tag } from '../state';

/**
 * The account-wide tags API (/v1/analytics/tags) and the tag limits, over the
 * same tags the domains record as messages are sent.
 */

export const TAG_LIMIT = 5000;
export const SANDBOX_ACCOUNT_ID = '5f1c0a2b3d4e5f6a7b8c9d0e';
export const SANDBOX_ACCOUNT_NAME = 'Sandbox account';

interface AccountTag {
  readonly domain: Domain;
  readonly tag: Tag;
  readonly accountId: string;
  readonly accountName: string;
}

function accountTags(ctx: RequestContext, includeSubaccounts: boolean): AccountTag[] {
  const state = ctx.world.state;
  const own = ctx.subaccountId === null ? [{ id: SANDBOX_ACCOUNT_ID, name: SANDBOX_ACCOUNT_NAME, regions: ctx.account }] : [];
  const subs = state.subaccounts
    .filter((s) => s.id === ctx.subaccountId || (includeSubaccounts && ctx.subaccountId === null))
    .map((s) => ({ id: s.id, name: s.name, regions: s.regions }));
  return [...own, ...subs].flatMap((account) =>
    [...account.regions.us.domains, ...account.regions.eu.domains].flatMap((domain) =>
      domain.tags.map((tag) => ({ domain, tag, accountId: account.id, accountName: account.name })),
    ),
  );
}

function metricsOf(events: readonly SandboxEvent[], tag: string) {
  const count = (name: SandboxEvent['event']) => events.filter((e) => e.event === name && e.tags.includes(tag)).length;
  return {
    accepted_count: count('accepted'),
    delivered_count: count('delivered'),
    failed_count: count('failed'),
    opened_count: count('opened'),
    clicked_count: count('clicked'),
    unsubscribed_count: count('unsubscribed'),
    complained_count: count('complained'),
  };
}

function view(item: AccountTag, withMetrics: boolean) {
  return {
    account_id: item.accountId,
    parent_account_id: item.accountId === SANDBOX_ACCOUNT_ID ? '' : SANDBOX_ACCOUNT_ID,
    tag: item.tag.tag,
    description: item.tag.description,
    first_seen: new Date(item.tag.first_seen).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    last_seen: new Date(item.tag.last_seen).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    metrics: withMetrics ? metricsOf(item.domain.events, item.tag.tag) : {},
    account_name: item.accountName,
  };
}

function jsonBody(ctx: RequestContext): Record<string, unknown> {
  const value = ctx.body.kind === 'json' ? ctx.body.value : {};
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const SORTS: Record<string, (a: AccountTag, b: AccountTag) => number> = {
  lastseen: (a, b) => a.tag.last_seen - b.tag.last_seen,
  firstseen: (a, b) => a.tag.first_seen - b.tag.first_seen,
  tag: (a, b) => (a.tag.tag < b.tag.tag ? -1 : a.tag.tag > b.tag.tag ? 1 : 0),
};

function list(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  const pagination = (typeof body.pagination === 'object' && body.pagination !== null ? body.pagination : {}) as Record<string, unknown>;
  const sort = typeof pagination.sort === 'string' && pagination.sort !== '' ? pagination.sort : 'lastseen:desc';
  const [column = '', direction = 'desc'] = sort.split(':');
  const compare = SORTS[column];
  if (!compare || !['asc', 'desc'].includes(direction))
    return badRequest(`Invalid sort '${sort.slice(0, 40)}'; use lastseen, firstseen or tag with :asc or :desc`);
  const withMetrics = body.include_metrics === true;
  const maxLimit = withMetrics ? 20 : 1000;
  const limit = pagination.limit === undefined ? 10 : Number(pagination.limit);
  const skip = pagination.skip === undefined ? 0 : Number(pagination.skip);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return badRequest(`'limit' must be from 1 to ${maxLimit}`);
  if (!Number.isInteger(skip) || skip < 0) return badRequest("'skip' must be 0 or more");
  const prefix = typeof body.tag === 'string' ? body.tag : '';
  const items = accountTags(ctx, body.include_subaccounts === true)
    .filter((item) => item.tag.tag.startsWith(prefix))
    .sort((a, b) => compare(a, b) * (direction === 'desc' ? -1 : 1));
  return json(200, {
    items: items.slice(skip, skip + limit).map((item) => view(item, withMetrics)),
    pagination: { sort, skip, limit, total: items.length, include_total: pagination.include_total === true },
  });
}

function findOwn(ctx: RequestContext, name: string): AccountTag[] {
  const found = accountTags(ctx, false).filter((item) => item.tag.tag === name);
  return found.length > 0 ? found : notFound('Tag not found');
}

function update(ctx: RequestContext): Reply {
  const name = requiredField(ctx, 'tag');
  const description = field(ctx, 'description') ?? '';
  for (const item of findOwn(ctx, name)) item.tag.description = description.slice(0, 1000);
  return json(200, { message: 'Tag updated' });
}

function remove(ctx: RequestContext): Reply {
  const name = requiredField(ctx, 'tag');
  for (const item of findOwn(ctx, name)) item.domain.tags = item.domain.tags.filter((t) => t !== item.tag);
  return json(200, { message: 'Tag deleted' });
}

function limits(ctx: RequestContext): Reply {
  const count = accountTags(ctx, false).length;
  return json(200, { limit: TAG_LIMIT, count, limit_reached: count >= TAG_LIMIT });
}

export const accountTagRoutes: readonly RouteDef[] = [
  { method: 'POST', path: '/v1/analytics/tags', handler: list },
  { method: 'PUT', path: '/v1/analytics/tags', handler: update },
  { method: 'DELETE', path: '/v1/analytics/tags', handler: remove },
  { method: 'GET', path: '/v1/analytics/tags/limits', handler: limits },
];
