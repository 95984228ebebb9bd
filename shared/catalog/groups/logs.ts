import { defineEndpoints, inBody } from '../define';
import { analyticsFilter } from '../params';
import type { GroupDef } from '../types';

export const logsGroup: GroupDef = {
  id: 'logs',
  title: 'Logs',
  description: 'Search the event log (accepted, delivered, failed, opened and so on) across the account; the successor to Events.',
};

export const logsEndpoints = defineEndpoints('logs', [
  {
    id: 'logs.query',
    method: 'POST',
    path: '/v1/analytics/logs',
    summary: 'Search message event logs',
    description:
      'Returns individual log entries for a time window, filtered by event type and attributes such as domain or recipient. Page with the `pagination.token` from the previous response (at most 100 entries per page). Read-only despite being a POST.',
    mutates: false,
    encoding: 'json',
    pagination: 'logs-token',
    params: [
      inBody(
        'start',
        { kind: 'date', format: 'rfc2822' },
        'Mon, 08 Sep 2025 00:00:00 +0000',
        'Start of the window; one day ago when omitted.',
      ),
      inBody('end', { kind: 'date', format: 'rfc2822' }, 'Tue, 09 Sep 2025 00:00:00 +0000', 'End of the window; now when omitted.'),
      inBody(
        'events',
        { kind: 'json' },
        ['failed', 'delivered'],
        'Array of event types to include, such as `accepted`, `delivered`, `failed`, `opened`, `clicked`.',
      ),
      inBody(
        'metric_events',
        { kind: 'json' },
        ['delivered'],
        'Array of event names as used by the metrics API; Mailgun translates them into log events.',
      ),
      analyticsFilter,
      inBody('include_subaccounts', { kind: 'boolean', style: 'true-false' }, false, 'Include logs of subaccounts.'),
      inBody(
        'include_totals',
        { kind: 'boolean', style: 'true-false' },
        true,
        'Return the total number of matching entries in `pagination.total`.',
      ),
      inBody(
        'pagination',
        { kind: 'json' },
        { sort: 'timestamp:desc', limit: 100 },
        'Object with `sort` (`field:asc|desc`), `limit` (at most 100) and `token` (copied from `pagination.next` for the following page).',
      ),
    ],
    response: {
      start: 'Mon, 08 Sep 2025 00:00:00 +0000',
      end: 'Tue, 09 Sep 2025 00:00:00 +0000',
      items: [
        {
          id: 'JDhSWf9mT5OFxCkZfpDU5d',
          event: 'failed',
          '@timestamp': '2025-09-08T16:30:18.530Z',
          account: { id: '5f9d8c7b6a5e4d3c2b1a0f00' },
          'delivery-status': { message: 'mailbox unavailable', 'attempt-no': 1, code: 550, 'session-seconds': 1.2 },
          domain: { name: 'mg.example.com' },
          recipient: 'carol@example.com',
          'recipient-domain': 'example.com',
          envelope: { sender: 'noreply@mg.example.com', transport: 'smtp', 'sending-ip': '192.0.2.20', targets: 'carol@example.com' },
        },
      ],
      pagination: {
        previous: 'bG9ncy1wcmV2aW91cy0wMDAx',
        next: 'bG9ncy1uZXh0LTAwMDI',
        first: 'bG9ncy1maXJzdC0wMDAw',
        last: 'bG9ncy1sYXN0LTAwOTk',
        total: 1,
      },
      aggregates: {},
    },
  },
]);
