import type { EndpointDef, ExampleResponse, GroupDef, JsonValue, ParamDef } from '../types';

export const statsGroup: GroupDef = {
  id: 'stats',
  title: 'Stats (legacy)',
  description:
    'Older event counters per account or domain over time. Superseded by the Metrics API, which filters and groups far more flexibly.',
  deprecated: true,
  replacedBy: 'metrics',
};

const domainPath: ParamDef = {
  name: 'domain',
  in: 'path',
  type: { kind: 'string', format: 'domain' },
  required: true,
  repeatable: false,
  example: 'mg.example.com',
  description: 'Domain to report on.',
};

/** Counter query fields shared by the stats calls here and the per-tag stats call of the legacy Tags group. */
export const statsStart: ParamDef = {
  name: 'start',
  in: 'query',
  type: { kind: 'date', format: 'either' },
  required: false,
  repeatable: false,
  example: 'Mon, 03 Jun 2024 00:00:00 +0000',
  description: 'Start of the period, RFC 2822 date or epoch seconds. Default seven days ago.',
};

export const statsEnd: ParamDef = {
  name: 'end',
  in: 'query',
  type: { kind: 'date', format: 'either' },
  required: false,
  repeatable: false,
  example: 'Mon, 10 Jun 2024 00:00:00 +0000',
  description: 'End of the period, RFC 2822 date or epoch seconds. Default now.',
};

export const statsResolution: ParamDef = {
  name: 'resolution',
  in: 'query',
  type: { kind: 'enum', values: ['hour', 'day', 'month'] },
  required: false,
  repeatable: false,
  default: 'day',
  example: 'day',
  description: 'Size of each time bucket. Default day.',
};

export const statsDuration: ParamDef = {
  name: 'duration',
  in: 'query',
  type: { kind: 'string' },
  required: false,
  repeatable: false,
  example: '7d',
  description: 'Length of the period counted back from end, such as 24h, 7d or 1m; replaces start when given.',
};

export const statsEvent: ParamDef = {
  name: 'event',
  in: 'query',
  type: { kind: 'enum', values: ['accepted', 'delivered', 'failed', 'opened', 'clicked', 'unsubscribed', 'complained', 'stored'] },
  required: true,
  repeatable: true,
  example: ['accepted', 'delivered', 'failed'],
  description: 'Event types to count; repeat the field for several.',
};

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

export const statsEndpoints: readonly EndpointDef[] = [
  {
    id: 'stats.account-totals',
    group: 'stats',
    method: 'GET',
    path: '/v3/stats/total',
    summary: 'Event totals for the whole account',
    description: 'Counts the chosen event types across all domains of the account, bucketed by hour, day or month.',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [statsStart, statsEnd, statsResolution, statsDuration, statsEvent],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.domain-totals',
    group: 'stats',
    method: 'GET',
    path: '/v3/{domain}/stats/total',
    summary: 'Event totals for one domain',
    description: 'Counts the chosen event types for a single domain, bucketed by hour, day or month.',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainPath, statsStart, statsEnd, statsResolution, statsDuration, statsEvent],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.domains-snapshot',
    group: 'stats',
    method: 'GET',
    path: '/v3/stats/total/domains',
    summary: 'Per-domain totals for one time bucket',
    description: 'Gives the totals of every domain for a single hour, day or month, chosen by timestamp.',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [
      statsEvent,
      {
        name: 'limit',
        in: 'query',
        type: { kind: 'integer', min: 0 },
        required: false,
        repeatable: false,
        example: 0,
        description: 'Number of domains to skip, for stepping through accounts with many domains.',
      },
      statsResolution,
      {
        name: 'timestamp',
        in: 'query',
        type: { kind: 'date', format: 'either' },
        required: true,
        repeatable: false,
        example: 'Mon, 10 Jun 2024 00:00:00 +0000',
        description: 'A moment inside the bucket to report, RFC 2822 date or epoch seconds.',
      },
    ],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.account-filtered',
    group: 'stats',
    method: 'GET',
    path: '/v3/stats/filter',
    summary: 'Filtered and grouped account totals',
    description:
      'Account-wide counts narrowed by a filter such as a domain and grouped by time, domain, tag, IP, country or mailbox provider.',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [
      statsStart,
      statsEnd,
      statsResolution,
      statsDuration,
      statsEvent,
      {
        name: 'filter',
        in: 'query',
        type: { kind: 'string' },
        required: false,
        repeatable: false,
        example: 'domain:mg.example.com',
        description: 'Restriction written as key:value, for example domain:mg.example.com.',
      },
      {
        name: 'group',
        in: 'query',
        type: { kind: 'enum', values: ['total', 'time', 'day', 'month', 'domain', 'ip', 'provider', 'tag', 'country'] },
        required: false,
        repeatable: false,
        example: 'domain',
        description: 'Dimension to break the counts down by.',
      },
    ],
    exampleResponse: sampleStats,
  },
  {
    id: 'stats.providers',
    group: 'stats',
    method: 'GET',
    path: '/v3/{domain}/aggregates/providers',
    summary: 'Counts by mailbox provider',
    description: 'Breaks the engagement counts of the domain down by receiving provider such as gmail.com or yahoo.com.',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainPath],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: {
        providers: {
          'gmail.com': { accepted: 820, opened: 410, clicked: 96, unique_clicked: 40, unsubscribed: 1 },
          'yahoo.com': { accepted: 240, opened: 88, clicked: 17, unique_clicked: 17, unsubscribed: 1 },
        },
      },
    },
  },
  {
    id: 'stats.devices',
    group: 'stats',
    method: 'GET',
    path: '/v3/{domain}/aggregates/devices',
    summary: 'Counts by device type',
    description:
      'Breaks the engagement counts of the domain down by the kind of device that opened or clicked (desktop, mobile, tablet, unknown).',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainPath],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: {
        devices: {
          desktop: { accepted: 0, opened: 302, clicked: 71, unique_clicked: 40, unsubscribed: 1 },
          mobile: { accepted: 0, opened: 455, clicked: 58, unique_clicked: 40, unsubscribed: 1 },
        },
      },
    },
  },
  {
    id: 'stats.countries',
    group: 'stats',
    method: 'GET',
    path: '/v3/{domain}/aggregates/countries',
    summary: 'Counts by country',
    description: 'Breaks the engagement counts of the domain down by the country the opens and clicks came from.',
    deprecated: true,
    replacedBy: 'metrics.query',
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainPath],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: {
        countries: {
          gb: { accepted: 0, opened: 260, clicked: 44, unique_clicked: 40, unsubscribed: 1 },
          us: { accepted: 0, opened: 390, clicked: 81, unique_clicked: 40, unsubscribed: 1 },
        },
      },
    },
  },
];
