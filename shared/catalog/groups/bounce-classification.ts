import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const bounceClassificationGroup: GroupDef = {
  id: 'bounce-classification',
  title: 'Bounce Classification',
  description: 'Break bounces and delays down by mailbox provider, blocklist, rule and severity to see why mail is being refused.',
};

const includeSubaccounts: ParamSpec = inQuery(
  'include_subaccounts',
  { kind: 'boolean', style: 'true-false' },
  true,
  'Count bounces of subaccounts as well.',
  { default: false },
);

export const bounceClassificationEndpoints = defineEndpoints('bounce-classification', [
  {
    id: 'bounce-classification.list-stats',
    method: 'GET',
    path: '/v1/bounce-classification/stats',
    summary: 'Bounce totals per rule, biggest first (v1)',
    description:
      'Older summary of bounces grouped by the fields you choose and sorted by bounce count. Prefer the v2 metrics query for new work.',
    deprecated: true,
    replacedBy: 'bounce-classification.query',
    params: [
      inQuery(
        'group',
        { kind: 'string' },
        'domain.name,entity-id',
        'Fields to group by, comma-separated: any of `rule-id`, `entity-id`, `domain.name` and `subaccount.id`.',
      ),
      inQuery('limit', { kind: 'integer', min: 1 }, 20, 'Maximum rows to return.'),
      includeSubaccounts,
    ],
    response: {
      items: [
        {
          subaccount: { id: '646d00a1b32c35364a2ad34f' },
          domain: { name: 'mg.example.com' },
          'rule-id': '55ff',
          'entity-id': 'spamhaus',
          'short-explanation': 'Sending IP appears on a Spamhaus list',
          bounced: { total: 4 },
        },
      ],
      _duration: '12ms',
    },
  },
  {
    id: 'bounce-classification.list-domains',
    method: 'GET',
    path: '/v1/bounce-classification/domains',
    summary: 'Bounce totals per sending domain (v1)',
    description: 'Older per-domain bounce count for the account. Prefer the v2 metrics query with the `domain.name` dimension.',
    deprecated: true,
    replacedBy: 'bounce-classification.query',
    params: [
      inQuery('limit', { kind: 'integer', min: 1 }, 20, 'Maximum domains to return.'),
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'Domains to pass over first.'),
      inQuery('query', { kind: 'string' }, 'domain.name:mg.example.com', 'Filter written as `field:value`.'),
      includeSubaccounts,
    ],
    response: { items: [{ domain: { name: 'mg.example.com' }, bounced: { total: 4 } }], total: 1 },
  },
  {
    id: 'bounce-classification.list-domain-entities',
    method: 'GET',
    path: '/v1/bounce-classification/domains/{domain}/entities',
    summary: 'Bounce totals per provider or blocklist for a domain (v1)',
    description: 'Older breakdown of one domain’s bounces by the mailbox provider or spam filter responsible.',
    deprecated: true,
    replacedBy: 'bounce-classification.query',
    params: [domainPath('domain', 'Sending domain.'), includeSubaccounts],
    response: {
      items: [
        { 'entity-id': 'gmail', 'entity-name': 'Gmail', bounced: { total: 1 } },
        { 'entity-id': 'hotmail', 'entity-name': 'Microsoft (Hotmail)', bounced: { total: 3 } },
      ],
    },
  },
  {
    id: 'bounce-classification.list-entity-rules',
    method: 'GET',
    path: '/v1/bounce-classification/domains/{domain}/entities/{entity-id}/rules',
    summary: 'Bounce rules matched for one provider on a domain (v1)',
    description: 'Older list of the classification rules that one provider or blocklist triggered, with a sample bounce text for each.',
    deprecated: true,
    replacedBy: 'bounce-classification.query',
    params: [
      domainPath('domain', 'Sending domain.'),
      inPath('entity-id', { kind: 'string' }, 'hotmail', 'Provider or blocklist id, as returned by the entities call.'),
      includeSubaccounts,
    ],
    response: {
      items: [
        {
          'rule-id': '55ff',
          category: 'ESPBLOCK',
          severity: 'PERMANENT',
          'sample-text': '5.7.1 Service unavailable; client host blocked',
          explanation: 'The provider is refusing mail from this IP',
          bounced: { total: 3 },
        },
      ],
    },
  },
  {
    id: 'bounce-classification.list-bounce-logs',
    method: 'GET',
    path: '/v1/bounce-classification/domains/{domain}/events',
    summary: 'Individual bounce log lines for a domain (v1)',
    description:
      'Older call for the raw bounces behind a rule. Only 403 and 410 (Gone) answers are documented for it, so expect it to be switched off; query failed events through the Logs API instead.',
    deprecated: true,
    replacedBy: 'logs.query',
    params: [
      domainPath('domain', 'Sending domain.'),
      inQuery('rule-id', { kind: 'string' }, '55ff', 'Rule to list bounces for; not needed when `page` is given.'),
      inQuery('entity-id', { kind: 'string' }, 'hotmail', 'Provider or blocklist id.'),
      inQuery('sort', { kind: 'string' }, '@timestamp:desc', 'Field and direction, e.g. `@timestamp:asc` (the default).'),
      inQuery('page', { kind: 'string' }, 'eyJhZnRlciI6WzE3MjA0NTY3ODldfQ', 'Opaque page token from a previous response.'),
      inQuery('limit', { kind: 'integer', min: 1 }, 25, 'Maximum lines to return.'),
    ],
    exampleResponse: { status: 410, contentType: 'application/json', body: { message: 'This endpoint has been retired' } },
  },
  {
    id: 'bounce-classification.list-entities',
    method: 'GET',
    path: '/v1/bounce-classification/config/entities',
    summary: 'List the providers and blocklists Mailgun classifies (v1)',
    description: 'Older reference list of the entity ids used in bounce classification results.',
    deprecated: true,
    replacedBy: 'bounce-classification.query',
    response: {
      items: [
        { 'entity-id': 'gmail', 'entity-name': 'Gmail' },
        { 'entity-id': 'spamhaus', 'entity-name': 'Spamhaus' },
      ],
    },
  },
  {
    id: 'bounce-classification.list-rules',
    method: 'GET',
    path: '/v1/bounce-classification/config/rules',
    summary: 'List the bounce classification rules (v1)',
    description: 'Older reference list of rule ids with their category and severity.',
    deprecated: true,
    replacedBy: 'bounce-classification.query',
    response: {
      items: [
        { 'rule-id': '55ff', category: 'ESPBLOCK', severity: 'PERMANENT', explanation: 'The provider is refusing mail from this IP' },
      ],
    },
  },
  {
    id: 'bounce-classification.query',
    method: 'POST',
    path: '/v2/bounce-classification/metrics',
    summary: 'Query bounce and delay metrics by dimension',
    description:
      'Reads classified bounce and delay counts and rates for a time window, split by dimensions such as provider, domain, IP or category. Each row carries all ten counts and rates (rates as whole percentages); rows without bounces or delays are left out. Pages with `pagination.skip` and `limit` (at most 50 rows). Read-only despite being a POST.',
    mutates: false,
    encoding: 'json',
    pagination: 'json-body',
    params: [
      inBody(
        'start',
        { kind: 'date', format: 'rfc2822' },
        'Mon, 01 Sep 2025 00:00:00 +0000',
        'Start of the window; defaults to seven days ago.',
      ),
      inBody('end', { kind: 'date', format: 'rfc2822' }, 'Mon, 08 Sep 2025 00:00:00 +0000', 'End of the window; defaults to now.'),
      inBody('resolution', { kind: 'enum', values: ['day', 'hour'] }, 'day', 'Bucket size when `timestamp` is a dimension.'),
      inBody('duration', { kind: 'string' }, '48h', 'Window length counted back from `end`, e.g. `48h`, `60m`; overrides `start`.'),
      inBody(
        'dimensions',
        { kind: 'json' },
        ['entity-name', 'domain.name'],
        'Array of grouping fields: entity-name, domain.name, envelope.sending-ip, account.name, envelope.i-ip-pool-name, tags or tag, recipient-domain, group-id, criticality, severity, category, timestamp.',
      ),
      inBody(
        'metrics',
        { kind: 'json' },
        ['critical_bounce_count', 'non_critical_bounce_count', 'critical_bounce_rate'],
        'Array of metric names, such as `critical_bounce_count`, `critical_delay_rate` or `delivered_smtp_count`.',
      ),
      inBody(
        'filter',
        { kind: 'json' },
        { AND: [{ attribute: 'domain.name', comparator: '=', values: [{ label: 'mg.example.com', value: 'mg.example.com' }] }] },
        'Object with an `AND` array of `{attribute, comparator, values:[{label, value}]}` conditions.',
      ),
      inBody('include_subaccounts', { kind: 'boolean', style: 'true-false' }, false, 'Include subaccount traffic.'),
      inBody(
        'pagination',
        { kind: 'json' },
        { sort: 'entity-name:asc', skip: 0, limit: 10 },
        'Object with `sort` (`field:asc|desc`), `skip` and `limit` (default 10, at most 50).',
      ),
    ],
    response: {
      start: 'Mon, 01 Sep 2025 00:00:00 +0000',
      end: 'Mon, 08 Sep 2025 00:00:00 +0000',
      resolution: 'day',
      duration: '168h0m0s',
      dimensions: ['entity-name', 'domain.name'],
      pagination: { sort: 'entity-name:asc', skip: 0, limit: 10, total: 1 },
      items: [
        {
          'entity-name': 'Gmail',
          'domain.name': 'mg.example.com',
          // Every item carries all ten counts and rates, whatever was asked; rates are whole percentages.
          metrics: {
            critical_bounce_count: 12,
            non_critical_bounce_count: 30,
            critical_delay_count: 3,
            non_critical_delay_count: 5,
            classified_failures_count: 50,
            delivered_smtp_count: 950,
            critical_bounce_rate: 1,
            non_critical_bounce_rate: 3,
            critical_delay_rate: 0,
            non_critical_delay_rate: 1,
          },
        },
      ],
    },
  },
]);
