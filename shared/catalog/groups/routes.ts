import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import type { GroupDef, JsonValue } from '../types';

export const routesGroup: GroupDef = {
  id: 'routes',
  title: 'Routes',
  description: 'Account-wide rules that match incoming mail and forward, store or stop it.',
};

const routeIdPath: ParamSpec = inPath(
  'id',
  { kind: 'string', format: 'id' },
  '5f1a2b3c4d5e6f7a8b9c0d1e',
  'Identifier of the route, as returned when it was created or listed.',
);

const priority: ParamSpec = inBody(
  'priority',
  { kind: 'integer', min: 0 },
  10,
  'Evaluation order: lower numbers run first; routes with equal priority run in creation order. Default 0.',
);

const routeDescription: ParamSpec = inBody(
  'description',
  { kind: 'string' },
  'Forward support mail to the helpdesk',
  'Free-text note to help you recognise the route.',
);

const expression: ParamSpec = inBody(
  'expression',
  { kind: 'string' },
  'match_recipient("support@mg.example.com")',
  'Filter deciding which messages the route handles: match_recipient(pattern), match_header(name, pattern) or catch_all().',
  { required: true },
);

const action: ParamSpec = inBody(
  'action',
  { kind: 'string' },
  ['forward("https://helpdesk.example.com/inbound")', 'stop()'],
  'What to do with a match: forward("address or URL"), store(notify="URL") or stop(). Repeat for several actions.',
  { repeatable: true },
);

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
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'How many routes to pass over before the page starts.', { default: 0 }),
      inQuery('limit', { kind: 'integer', min: 1, max: 1000 }, 100, 'Page size, at most 1,000 (default 100).', { default: 100 }),
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
      inBody(
        'id',
        { kind: 'string', format: 'id' },
        '5f1a2b3c4d5e6f7a8b9c0d1e',
        'The route identifier again, as a form field; normally left out because the path names the route.',
      ),
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
    params: [inQuery('address', { kind: 'email' }, 'support@sandbox.mg.example.com', 'Recipient address to test.', { required: true })],
    response: { route: sampleRoute },
  },
]);
