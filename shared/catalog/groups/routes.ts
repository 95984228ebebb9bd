import { defineEndpoints, type ParamSpec } from '../define';
import type { GroupDef, JsonValue } from '../types';

export const routesGroup: GroupDef = {
  id: 'routes',
  title: 'Routes',
  description: 'Account-wide rules that match incoming mail and forward, store or stop it.',
};

const routeIdPath: ParamSpec = {
  name: 'id',
  in: 'path',
  type: { kind: 'string', format: 'id' },
  example: '5f1a2b3c4d5e6f7a8b9c0d1e',
  description: 'Identifier of the route, as returned when it was created or listed.',
};

const priority: ParamSpec = {
  name: 'priority',
  in: 'body',
  type: { kind: 'integer', min: 0 },
  example: 10,
  description: 'Evaluation order: lower numbers run first; routes with equal priority run in creation order. Default 0.',
};

const routeDescription: ParamSpec = {
  name: 'description',
  in: 'body',
  type: { kind: 'string' },
  example: 'Forward support mail to the helpdesk',
  description: 'Free-text note to help you recognise the route.',
};

const expression: ParamSpec = {
  name: 'expression',
  in: 'body',
  type: { kind: 'string' },
  required: true,
  example: 'match_recipient("support@mg.example.com")',
  description: 'Filter deciding which messages the route handles: match_recipient(pattern), match_header(name, pattern) or catch_all().',
};

const action: ParamSpec = {
  name: 'action',
  in: 'body',
  type: { kind: 'string' },
  repeatable: true,
  example: ['forward("https://helpdesk.example.com/inbound")', 'stop()'],
  description: 'What to do with a match: forward("address or URL"), store(notify="URL") or stop(). Repeat for several actions.',
};

const sampleRoute: JsonValue = {
  id: '5f1a2b3c4d5e6f7a8b9c0d1e',
  priority: 10,
  description: 'Forward support mail to the helpdesk',
  expression: 'match_recipient("support@mg.example.com")',
  actions: ['forward("https://helpdesk.example.com/inbound")', 'stop()'],
  created_at: 'Tue, 11 Jun 2024 10:05:31 GMT',
};

export const routesEndpoints = defineEndpoints('routes', [
  {
    id: 'routes.create',
    method: 'POST',
    path: '/v3/routes',
    summary: 'Add an inbound route',
    description:
      'Adds a rule for inbound mail. Routes belong to the account rather than a domain, so the expression should name the recipients or domain it is meant for.',
    encoding: 'urlencoded',
    params: [priority, routeDescription, expression, action],
    response: { message: 'Route created', route: sampleRoute },
  },
  {
    id: 'routes.list',
    method: 'GET',
    path: '/v3/routes',
    summary: 'List routes',
    description: 'Returns the routes of the account with their total count; pages with skip and limit (at most 1,000).',
    pagination: 'skip-limit',
    params: [
      {
        name: 'skip',
        in: 'query',
        type: { kind: 'integer', min: 0 },
        default: 0,
        example: 0,
        description: 'How many routes to pass over before the page starts.',
      },
      {
        name: 'limit',
        in: 'query',
        type: { kind: 'integer', min: 1, max: 1000 },
        default: 100,
        example: 100,
        description: 'Page size, at most 1,000 (default 100).',
      },
    ],
    response: { total_count: 1, items: [sampleRoute] },
  },
  {
    id: 'routes.get',
    method: 'GET',
    path: '/v3/routes/{id}',
    summary: 'Show one route',
    description: 'Returns one route with its expression, actions and priority.',
    params: [routeIdPath],
    response: { route: sampleRoute },
  },
  {
    id: 'routes.update',
    method: 'PUT',
    path: '/v3/routes/{id}',
    summary: 'Change a route',
    description: 'Updates only the fields you send; sending action replaces the whole action list.',
    encoding: 'urlencoded',
    params: [
      routeIdPath,
      {
        name: 'id',
        in: 'body',
        type: { kind: 'string', format: 'id' },
        example: '5f1a2b3c4d5e6f7a8b9c0d1e',
        description: 'The route identifier again, as a form field; normally left out because the path names the route.',
      },
      priority,
      routeDescription,
      { ...expression, required: false },
      action,
    ],
    response: { message: 'Route updated', route: sampleRoute },
  },
  {
    id: 'routes.delete',
    method: 'DELETE',
    path: '/v3/routes/{id}',
    summary: 'Remove a route',
    description: 'Removes the route; matching mail is then handled by the remaining routes or not at all.',
    params: [routeIdPath],
    response: { message: 'Route deleted', id: '5f1a2b3c4d5e6f7a8b9c0d1e' },
  },
  {
    id: 'routes.match',
    method: 'GET',
    path: '/v3/routes/match',
    summary: 'Find the route an address would hit',
    description: 'Tests an address against your routes and returns the first one that matches, or 404 when none does.',
    params: [
      {
        name: 'address',
        in: 'query',
        type: { kind: 'email' },
        required: true,
        example: 'support@sandbox.mg.example.com',
        description: 'Recipient address to test.',
      },
    ],
    response: { route: sampleRoute },
  },
]);
