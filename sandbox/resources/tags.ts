import { domainOf, field, type RequestContext, type RouteDef } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { goTime } from '../format';
import { pivotPage, readPivotRequest } from '../paging';
import type { Tag } from '../state';
import { TAG_LIMIT } from './account-tags';
import { tagStats } from './stats';

function view(t: Tag) {
  return { tag: t.tag, description: t.description, 'first-seen': goTime(t.first_seen), 'last-seen': goTime(t.last_seen) };
}

function findTag(ctx: RequestContext): Tag {
  const name = ctx.params.tag ?? ctx.query.get('tag');
  if (name === null || name === '') return badRequest('Missing mandatory parameter: tag');
  return domainOf(ctx).tags.find((t) => t.tag === name) ?? notFound('tag not found');
}

function list(ctx: RequestContext): Reply {
  const domain = domainOf(ctx);
  const prefix = ctx.query.get('prefix') ?? '';
  const sorted = domain.tags.filter((t) => t.tag.startsWith(prefix)).sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const page = pivotPage(
    sorted,
    (t) => t.tag,
    readPivotRequest(ctx.query, 'tag', { fallback: 100, max: 1000 }),
    `${ctx.baseUrl}/v3/${domain.name}/tags`,
    'tag',
    prefix ? { prefix } : {},
    'prev',
  );
  return json(200, { items: page.items.map(view), paging: page.paging });
}

function updateTag(ctx: RequestContext): Reply {
  const tag = findTag(ctx);
  const description = field(ctx, 'description');
  if (description !== undefined) tag.description = description.slice(0, 1000);
  return json(200, { message: 'Tag updated' });
}

function deleteTag(ctx: RequestContext): Reply {
  const tag = findTag(ctx);
  const domain = domainOf(ctx);
  domain.tags = domain.tags.filter((t) => t !== tag);
  return json(200, { message: 'Tag deleted' });
}

export const tagRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v3/domains/{domain}/limits/tag',
    domainParam: 'domain',
    handler: (ctx) => {
      const domain = domainOf(ctx);
      return json(200, { id: domain.name, limit: TAG_LIMIT, count: domain.tags.length });
    },
  },
  { method: 'GET', path: '/v3/{domain}/tags', domainParam: 'domain', handler: list },
  { method: 'GET', path: '/v3/{domain}/tag', domainParam: 'domain', handler: (ctx) => json(200, view(findTag(ctx))) },
  { method: 'PUT', path: '/v3/{domain}/tag', domainParam: 'domain', handler: updateTag },
  { method: 'DELETE', path: '/v3/{domain}/tag', domainParam: 'domain', handler: deleteTag },
  // The older per-tag paths, still used by mailgun.js's domains.domainTags (not in the catalog, routed here by path).
  ...['/v3/{domain}/tags/{tag}', '/v3/domains/{domain}/tags/{tag}'].flatMap((path): RouteDef[] => [
    { method: 'GET', path, domainParam: 'domain', handler: (ctx) => json(200, view(findTag(ctx))) },
    { method: 'PUT', path, domainParam: 'domain', handler: updateTag },
    { method: 'DELETE', path, domainParam: 'domain', handler: deleteTag },
  ]),
  ...['/v3/{domain}/tag/stats', '/v3/{domain}/tags/{tag}/stats'].map(
    (path): RouteDef => ({
      method: 'GET',
      path,
      domainParam: 'domain',
      handler: (ctx) => {
        const tag = findTag(ctx);
        return tagStats(ctx, tag.tag, tag.description);
      },
    }),
  ),
];
