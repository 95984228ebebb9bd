import { defineEndpoints, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { ExampleResponse, GroupDef, JsonValue } from '../types';

export const statsGroup: GroupDef = {
  id: 'stats',
  title: 'Stats (legacy)',
  description:
    'Older event counters per account or domain over time. Superseded by the Metrics API, which filters and groups far more flexibly.',
  deprecated: true,
  replacedBy: 'metrics',
};

const domainParam = domainPath('domain', 'Domain to report on.');

/** Counter query fields shared by the stats calls here and the per-tag stats call of the legacy Tags group. */
export const statsStart: ParamSpec = inQuery(
  'start',
  { kind: 'date', format: 'either' },
  'Mon, 03 Jun 2024 00:00:00 +0000',
  'Start of the period, RFC 2822 date or epoch seconds. Default seven days ago.',
);

export const statsEnd: ParamSpec = inQuery(
  'end',
  { kind: 'date', format: 'either' },
  'Mon, 10 Jun 2024 00:00:00 +0000',
  'End of the period, RFC 2822 date or epoch seconds. Default now.',
);

export const statsResolution: ParamSpec = inQuery(
  'resolution',
  { kind: 'enum', values: ['hour', 'day', 'month'] },
  'day',
  'Size of each time bucket. Default day.',
  { default: 'day' },
);

export const statsDuration: ParamSpec = inQuery(
  'duration',
  { kind: 'string' },
  '7d',
  'Length of the period counted back from end, such as 24h, 7d or 1m; replaces start when given.',
);

export const statsEvent: ParamSpec = inQuery(
  'event',
  { kind: 'enum', values: ['accepted', 'delivered', 'failed', 'opened', 'clicked', 'unsubscribed', 'complained', 'stored'] },
  ['accepted', 'delivered', 'failed'],
  'Event types to count; repeat the field for several.',
  { required: true, repeatable: true },
);

export const sampleStatsBody: { readonly [key: string]: JsonValue } = {
  description: '',
  start: 'Mon, 03 Jun 2024 00:00:00 UTC',
  end: 'Mon, 10 Jun 2024 00:00:00 UTC',
  resolution: 'day',
  stats: [
    {
      time: 'Mon, 03 Jun 2024 00:00:00 UTC',
      accepted: { incoming: 0, outgoing: 1250, total: 1250 },
      delivered: { smtp: 1238, http: 0, optimized: 0, total: 1238 },
      failed: {
        temporary: { espblock: 2, total: 4 },
        permanent: {
          'suppress-bounce': 3,
          'suppress-unsubscribe': 1,
          'suppress-complaint': 0,
          bounce: 4,
          'delayed-bounce': 0,
          webhook: 0,
          optimized: 0,
          total: 8,
        },
      },
    },
  ],
};

export const sampleStats: ExampleResponse = { status: 200, contentType: 'application/json', body: sampleStatsBody };

export const statsEndpoints = defineEndpoints('stats', [
  {
    id: 'stats.account-totals',
    method: 'GET',
    path: '/v3/stats/total',
    summary: 'Event totals for the whole account',
    description: 'Counts the chosen event types across all domains of the account, bucketed by hour, day or month.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [statsStart, statsEnd, statsResolution, statsDuration, statsEvent],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.domain-totals',
    method: 'GET',
    path: '/v3/{domain}/stats/total',
    summary: 'Event totals for one domain',
    description: 'Counts the chosen event types for a single domain, bucketed by hour, day or month.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [domainParam, statsStart, statsEnd, statsResolution, statsDuration, statsEvent],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.domains-snapshot',
    method: 'GET',
    path: '/v3/stats/total/domains',
    summary: 'Per-domain totals for one time bucket',
    description: 'Gives the totals of every domain for a single hour, day or month, chosen by timestamp.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [
      statsEvent,
      inQuery('limit', { kind: 'integer', min: 0 }, 0, 'Number of domains to skip, for stepping through accounts with many domains.'),
      statsResolution,
      inQuery(
        'timestamp',
        { kind: 'date', format: 'either' },
        'Mon, 10 Jun 2024 00:00:00 +0000',
        'A moment inside the bucket to report, RFC 2822 date or epoch seconds.',
        { required: true },
      ),
    ],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.account-filtered',
    method: 'GET',
    path: '/v3/stats/filter',
    summary: 'Filtered and grouped account totals',
    description:
      'Account-wide counts narrowed by a filter such as a domain and grouped by time, domain, tag, IP, country or mailbox provider.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [
      statsStart,
      statsEnd,
      statsResolution,
      statsDuration,
      statsEvent,
      inQuery(
        'filter',
        { kind: 'string' },
        'domain:mg.example.com',
        'Restriction written as key:value, for example domain:mg.example.com.',
      ),
      inQuery(
        'group',
        { kind: 'enum', values: ['total', 'time', 'day', 'month', 'domain', 'ip', 'provider', 'tag', 'country'] },
        'domain',
        'Dimension to break the counts down by.',
      ),
    ],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.providers',
    method: 'GET',
    path: '/v3/{domain}/aggregates/providers',
    summary: 'Counts by mailbox provider',
    description: 'Breaks the engagement counts of the domain down by receiving provider such as gmail.com or yahoo.com.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [domainParam],
    response: {
      providers: {
        'gmail.com': { accepted: 820, opened: 410, clicked: 96, unique_clicked: 40, unsubscribed: 1 },
        'yahoo.com': { accepted: 240, opened: 88, clicked: 17, unique_clicked: 17, unsubscribed: 1 },
      },
    },
  },
  {
    id: 'stats.devices',
    method: 'GET',
    path: '/v3/{domain}/aggregates/devices',
    summary: 'Counts by device type',
    description:
      'Breaks the engagement counts of the domain down by the kind of device that opened or clicked (desktop, mobile, tablet, unknown).',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [domainParam],
    response: {
      devices: {
        desktop: { accepted: 0, opened: 302, clicked: 71, unique_clicked: 40, unsubscribed: 1 },
        mobile: { accepted: 0, opened: 455, clicked: 58, unique_clicked: 40, unsubscribed: 1 },
      },
    },
  },
  {
    id: 'stats.countries',
    method: 'GET',
    path: '/v3/{domain}/aggregates/countries',
    summary: 'Counts by country',
    description: 'Breaks the engagement counts of the domain down by the country the opens and clicks came from.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [domainParam],
    response: {
      countries: {
        gb: { accepted: 0, opened: 260, clicked: 44, unique_clicked: 40, unsubscribed: 1 },
        us: { accepted: 0, opened: 390, clicked: 81, unique_clicked: 40, unsubscribed: 1 },
      },
    },
  },
]);
