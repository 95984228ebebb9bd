import { defineEndpoints, inBody, type ParamSpec } from '../define';
import { analyticsFilter, domainPath } from '../params';
import type { GroupDef } from '../types';

export const metricsGroup: GroupDef = {
  id: 'metrics',
  title: 'Metrics',
  description: 'Query sending and usage counts and rates over time, split by domain, tag, IP, provider and more; the successor to Stats.',
};

/** Fields shared by the sending and usage metric queries; only `dimensions` and `metrics` differ. */
function metricsQueryBody(dimensions: ParamSpec, metrics: ParamSpec): readonly ParamSpec[] {
  return [
    inBody(
      'start',
      { kind: 'date', format: 'rfc2822' },
      'Mon, 01 Sep 2025 00:00:00 +0000',
      'Start of the window; seven days ago when omitted.',
    ),
    inBody('end', { kind: 'date', format: 'rfc2822' }, 'Mon, 08 Sep 2025 00:00:00 +0000', 'End of the window; now when omitted.'),
    inBody('resolution', { kind: 'enum', values: ['day', 'hour', 'month'] }, 'day', 'Size of each time bucket.', { default: 'day' }),
    inBody(
      'duration',
      { kind: 'string' },
      '7d',
      'Window length counted back from `end`, e.g. `1d`, `2h`, `2m`; replaces `start` when given.',
    ),
    dimensions,
    metrics,
    analyticsFilter,
    inBody('include_subaccounts', { kind: 'boolean', style: 'true-false' }, false, 'Add subaccount traffic to the totals.'),
    inBody(
      'include_aggregates',
      { kind: 'boolean', style: 'true-false' },
      true,
      'Also return totals across the whole window in `aggregates`.',
    ),
    inBody(
      'pagination',
      { kind: 'json' },
      { sort: 'time:asc', skip: 0, limit: 10 },
      'Object with `sort` (`field:asc|desc`), `skip` and `limit`, for answers with more items than one page; the answer echoes it with `total`.',
    ),
  ];
}

const tagDomain = domainPath('domain', 'Sending domain.');

export const metricsEndpoints = defineEndpoints('metrics', [
  {
    id: 'metrics.query',
    method: 'POST',
    path: '/v1/analytics/metrics',
    summary: 'Query sending metrics for the account',
    description:
      'Returns counts and rates such as delivered, opened or bounced for a time window, grouped by the dimensions you pick. Read-only despite being a POST; rate-limited to 500 requests per 10 seconds.',
    mutates: false,
    encoding: 'json',
    pagination: 'json-body',
    params: metricsQueryBody(
      inBody(
        'dimensions',
        { kind: 'json' },
        ['time', 'domain'],
        'Array of grouping fields: time, domain, tag, ip, ip_pool, subaccount, country, device, bot, recipient_domain, recipient_provider.',
      ),
      inBody(
        'metrics',
        { kind: 'json' },
        ['accepted_count', 'delivered_count', 'opened_rate', 'bounce_rate'],
        'Array of metric names, e.g. `processed_count`, `delivered_count`, `clicked_rate`, `hard_bounces_count`.',
      ),
    ),
    response: {
      start: 'Mon, 01 Sep 2025 00:00:00 +0000',
      end: 'Mon, 08 Sep 2025 00:00:00 +0000',
      resolution: 'day',
      duration: '7d',
      pagination: { sort: 'timestamp:asc', skip: 0, limit: 10, total: 2 },
      items: [
        {
          dimensions: [{ dimension: 'time', value: 'Mon, 01 Sep 2025 00:00:00 +0000', display_value: 'Mon, 01 Sep 2025 00:00:00 +0000' }],
          metrics: { accepted_count: 1200, delivered_count: 1180, opened_rate: '0.4210', bounce_rate: '0.0110' },
        },
        {
          dimensions: [{ dimension: 'time', value: 'Tue, 02 Sep 2025 00:00:00 +0000', display_value: 'Tue, 02 Sep 2025 00:00:00 +0000' }],
          metrics: { accepted_count: 950, delivered_count: 941, opened_rate: '0.3985', bounce_rate: '0.0085' },
        },
      ],
      aggregates: { metrics: { accepted_count: 2150, delivered_count: 2121 } },
    },
  },
  {
    id: 'metrics.query-usage',
    method: 'POST',
    path: '/v1/analytics/usage/metrics',
    summary: 'Query billable usage such as validations and previews',
    description:
      'Returns usage counters for add-on products (validations, email previews, seed tests, blocklist monitoring and so on) over a window, optionally per subaccount. Read-only despite being a POST.',
    mutates: false,
    encoding: 'json',
    pagination: 'json-body',
    params: metricsQueryBody(
      inBody('dimensions', { kind: 'json' }, ['time'], 'Array of grouping fields: `time` and/or `subaccount`.'),
      inBody(
        'metrics',
        { kind: 'json' },
        ['email_validation_count', 'email_preview_count', 'seed_test_count'],
        'Array of usage metric names, e.g. `email_validation_bulk_count`, `email_preview_count`, `processed_count`.',
      ),
    ),
    response: {
      start: 'Mon, 01 Sep 2025 00:00:00 +0000',
      end: 'Wed, 01 Oct 2025 00:00:00 +0000',
      resolution: 'month',
      duration: '1m',
      pagination: { sort: 'timestamp:asc', skip: 0, limit: 10, total: 1 },
      items: [
        {
          dimensions: [{ dimension: 'time', value: 'Mon, 01 Sep 2025 00:00:00 +0000', display_value: 'Mon, 01 Sep 2025 00:00:00 +0000' }],
          metrics: { email_validation_count: 420, email_preview_count: 12, seed_test_count: 3 },
        },
      ],
      aggregates: { metrics: { email_validation_count: 420, email_preview_count: 12, seed_test_count: 3 } },
    },
  },
  {
    id: 'metrics.list-tag-devices',
    method: 'GET',
    path: '/v3/domains/{domain}/tag/devices',
    summary: 'List device types used in old tag statistics',
    description:
      'Returns the device categories the legacy tag aggregates understood. Use the `device` dimension of the metrics query instead.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [tagDomain],
    response: { items: ['desktop', 'mobile', 'tablet', 'unknown'] },
  },
  {
    id: 'metrics.list-tag-providers',
    method: 'GET',
    path: '/v3/domains/{domain}/tag/providers',
    summary: 'List mailbox providers used in old tag statistics',
    description:
      'Returns the provider domains the legacy tag aggregates understood. Use the `recipient_provider` dimension of the metrics query instead.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [tagDomain],
    response: { items: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'] },
  },
  {
    id: 'metrics.list-tag-countries',
    method: 'GET',
    path: '/v3/domains/{domain}/tag/countries',
    summary: 'List country codes used in old tag statistics',
    description:
      'Returns the country codes the legacy tag aggregates understood. Use the `country` dimension of the metrics query instead.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [tagDomain],
    response: { items: ['gb', 'us', 'de', 'fr'] },
  },
]);
