import { defineEndpoints, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { EndpointDef, GroupDef } from '../types';

export const eventsGroup: GroupDef = {
  id: 'events',
  title: 'Events (legacy)',
  description: 'The older per-domain event log. Mailgun now points to the Logs API, which queries across domains with richer filters.',
  deprecated: true,
  replacedBy: 'logs',
};

/** Filter fields all take Mailgun's filter expressions, e.g. `delivered OR failed`, `NOT spam`, `>10000`. */
function filter(name: string, example: string, description: string): ParamSpec {
  return { name, in: 'query', type: { kind: 'string' }, required: false, repeatable: false, example, description };
}

const eventsPageExample: EndpointDef['exampleResponse'] = {
  status: 200,
  contentType: 'application/json',
  body: {
    items: [
      {
        event: 'delivered',
        id: 'q4Jw2mC3Ry6K0nH8bXv1tA',
        timestamp: 1718101542.428613,
        'log-level': 'info',
        recipient: 'alice@example.com',
        flags: { 'is-test-mode': false },
        envelope: { sender: 'orders@mg.example.com', targets: 'alice@example.com', transport: 'smtp' },
        'delivery-status': { code: 250, message: 'OK', 'attempt-no': 1, 'session-seconds': 0.62 },
        message: {
          headers: {
            to: 'Alice Smith <alice@example.com>',
            'message-id': '20240611101530.8c2e41d9a7f3b5e6@mg.example.com',
            from: 'orders@mg.example.com',
            subject: 'Your order A-1042 has shipped',
          },
          attachments: [],
          size: 2143,
        },
        storage: {
          url: 'https://storage-us-east4.api.mailgun.net/v3/domains/mg.example.com/messages/BAABAQWxNjE1ZjU3',
          key: 'BAABAQWxNjE1ZjU3',
        },
        tags: ['shipping'],
        'user-variables': { customer_id: '42' },
      },
    ],
    paging: {
      next: 'https://api.mailgun.net/v3/mg.example.com/events/WzMsIFsiZjc2NzYzNDEtNWY',
      previous: 'https://api.mailgun.net/v3/mg.example.com/events/WzMsIFsiYjI1YmY2MDItNGE',
    },
  },
};

export const eventsEndpoints = defineEndpoints('events', [
  {
    id: 'events.list',
    method: 'GET',
    path: '/v3/{domain_name}/events',
    summary: 'Search the event log of a domain',
    description:
      'Returns accepted, delivered, failed, opened, clicked and other events, newest first unless ascending. Follow paging.next until a page has no items; how far back you can look depends on the plan. Filters accept AND, OR and NOT expressions.',
    deprecated: true,
    replacedBy: 'logs.query',
    pagination: 'events-token',
    pageWith: 'events.page',
    params: [
      inQuery(
        'begin',
        { kind: 'date', format: 'either' },
        'Mon, 10 Jun 2024 00:00:00 +0000',
        'Start of the time range, as an RFC 2822 date or epoch seconds.',
      ),
      inQuery(
        'end',
        { kind: 'date', format: 'either' },
        1718150400,
        'End of the time range, as an RFC 2822 date or epoch seconds. If begin is later than end, results run backwards in time.',
      ),
      inQuery(
        'ascending',
        { kind: 'boolean', style: 'yes-no' },
        'yes',
        'Sort oldest first (yes) or newest first (no). Needed when end is not given.',
      ),
      inQuery('limit', { kind: 'integer', min: 1, max: 300 }, 100, 'Events per page, at most 300.'),
      filter(
        'event',
        'delivered OR failed',
        'Event types to include, e.g. accepted, delivered, failed, opened, clicked, complained, unsubscribed, stored.',
      ),
      filter('list', 'newsletter@mg.example.com', 'Only events of messages sent to this mailing list address.'),
      filter('attachment', 'invoice-A-1042.pdf', 'Only messages carrying an attachment with this file name.'),
      filter('from', 'orders@mg.example.com', 'Matches the address in the From header.'),
      filter(
        'message-id',
        '20240611101530.8c2e41d9a7f3b5e6@mg.example.com',
        'The Message-Id returned by the sending call, without angle brackets.',
      ),
      filter('subject', 'Your order', 'Matches the subject line.'),
      filter('to', 'alice@example.com', 'Matches addresses in the To header.'),
      filter('size', '>10000', 'Message size in bytes, usually with a range expression such as >10000.'),
      filter('recipient', 'alice@example.com', 'The single recipient an event is about (most events concern one recipient).'),
      filter('recipients', 'alice@example.com', 'For stored events only: any of the intended recipients.'),
      filter('tags', 'shipping AND NOT test', 'Tags set with o:tag.'),
      inQuery(
        'severity',
        { kind: 'enum', values: ['temporary', 'permanent'] },
        'permanent',
        'For failed events: temporary failures are retried, permanent ones are not.',
      ),
      domainPath('domain_name', 'Domain whose events to search.'),
    ],
    exampleResponse: eventsPageExample,
  },
  {
    id: 'events.page',
    method: 'GET',
    path: '/v3/{domain_name}/events/{page_token}',
    summary: 'Fetch another page of an event search',
    description:
      'Follows a paging link of an event search. The token, the last part of paging.next or paging.previous, already carries the original filters and position, so nothing else is sent. Mailgun documents these links in every event search answer.',
    deprecated: true,
    replacedBy: 'logs.query',
    pagination: 'events-token',
    params: [
      domainPath('domain_name', 'Domain whose events are being paged through.'),
      inPath(
        'page_token',
        { kind: 'string', format: 'id' },
        'eyJxIjp7ImZpbHRlcnMiOnt9LCJsbyI6bnVsbCwiaGkiOm51bGwsImFzY2VuZGluZyI6ZmFsc2UsImxpbWl0IjoxMDB9LCJkaXIiOiJuZXh0IiwicGl2b3QiOm51bGx9',
        'The last path segment of a paging link from the previous page.',
      ),
    ],
    exampleResponse: eventsPageExample,
    beyondSpec: true,
  },
]);
