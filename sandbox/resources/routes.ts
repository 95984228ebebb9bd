import { field, fieldAll, param, type RequestContext, type RouteDef, regionOf, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { hexId, parseIntParam, rfc2822 } from '../format';
import { evaluateExpression, routeOrder } from '../inbound';
import { skipLimit } from '../paging';
import type { Route } from '../state';

function view(r: Route) {
  return {
    id: r.id,
    priority: r.priority,
    description: r.description,
    expression: r.expression,
    actions: r.actions,
    created_at: rfc2822(r.created_at, 'GMT'),
  };
}

function find(ctx: RequestContext): Route {
  return regionOf(ctx).routes.find((r) => r.id === param(ctx, 'id')) ?? notFound('Route not found');
}

function readActions(ctx: RequestContext, required: boolean): string[] | undefined {
  const actions = fieldAll(ctx, 'action')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (actions.length === 0) return required ? badRequest('Missing mandatory parameter: action') : undefined;
  if (actions.length > 50) return badRequest('Too many actions: at most 50');
  return actions.map((a) => a.slice(0, 1000));
}

function readPriority(ctx: RequestContext): number | undefined {
  const raw = field(ctx, 'priority');
  return raw === undefined ? undefined : parseIntParam(raw, 'priority', { min: 0, max: 1_000_000, fallback: 0 });
}

function create(ctx: RequestContext): Reply {
  const expression = requiredField(ctx, 'expression').slice(0, 2000);
  const actions = readActions(ctx, true) ?? [];
  const route: Route = {
    id: hexId(),
    priority: readPriority(ctx) ?? 0,
    description: (field(ctx, 'description') ?? '').slice(0, 1000),
    expression,
    actions,
    created_at: ctx.world.now(),
  };
  regionOf(ctx).routes.push(route);
  return json(200, { message: 'Route has been created', route: view(route) });
}

function update(ctx: RequestContext): Reply {
  const route = find(ctx);
  const expression = field(ctx, 'expression');
  const actions = readActions(ctx, false);
  const priority = readPriority(ctx);
  const description = field(ctx, 'description');
  if (expression !== undefined) route.expression = expression.slice(0, 2000);
  if (actions) route.actions = actions;
  if (priority !== undefined) route.priority = priority;
  if (description !== undefined) route.description = description.slice(0, 1000);
  return json(200, { message: 'Route has been updated', route: view(route) });
}

function remove(ctx: RequestContext): Reply {
  const route = find(ctx);
  const region = regionOf(ctx);
  region.routes = region.routes.filter((r) => r !== route);
  return json(200, { message: 'Route has been deleted', id: route.id });
}

function matchRoute(ctx: RequestContext): Reply {
  const address = requiredField(ctx, 'address').slice(0, 320);
  const ordered = [...regionOf(ctx).routes].sort(routeOrder);
  // The match endpoint is given an address only, so header filters cannot match here.
  const found = ordered.find((r) => evaluateExpression(r.expression, { recipient: address, headers: {} }).matched);
  return found ? json(200, { route: view(found) }) : notFound('Route not found');
}

export const routeRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v3/routes',
    handler: (ctx) => {
      const page = skipLimit([...regionOf(ctx).routes].sort(routeOrder), ctx.query, { fallback: 100, max: 1000 });
      return json(200, { total_count: page.total_count, items: page.items.map(view) });
    },
  },
  { method: 'POST', path: '/v3/routes', handler: create },
  { method: 'GET', path: '/v3/routes/match', handler: matchRoute },
  { method: 'GET', path: '/v3/routes/{id}', handler: (ctx) => json(200, { route: view(find(ctx)) }) },
  { method: 'PUT', path: '/v3/routes/{id}', handler: update },
  { method: 'DELETE', path: '/v3/routes/{id}', handler: remove },
];
