import { defineEndpoints, type EndpointSpec, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef, JsonValue } from '../types';
import { sampleStats, sampleStatsBody, statsDuration, statsEnd, statsEvent, statsResolution, statsStart } from './stats';

export const tagsGroup: GroupDef = {
  id: 'tags',
  title: 'Tags (legacy)',
  description: 'The older per-domain tag calls. The account-wide Tags API and the Metrics API replace them.',
  deprecated: true,
  replacedBy: 'tags-new',
};

const domainParam = domainPath('domain', 'Domain the tag was used on.');

const tagQuery: ParamSpec = inQuery('tag', { kind: 'string' }, 'newsletter', 'The tag, exactly as set with o:tag.', { required: true });

const tagPath: ParamSpec = inPath('tag', { kind: 'string' }, 'newsletter', 'The tag, exactly as set with o:tag.');

const sampleTag = {
  tag: 'shipping',
  description: 'Dispatch notices',
  'first-seen': '2024-01-08 09:14:27 +0000 UTC',
  'last-seen': '2024-06-11 10:15:30 +0000 UTC',
};

/** The per-tag breakdowns the SDK reads from `/tags/{tag}/stats/aggregates/<dimension>`. */
function aggregate(dimension: 'countries' | 'providers' | 'devices', summary: string, sample: JsonValue): EndpointSpec {
  return {
    id: `tags.tag-${dimension}`,
    method: 'GET',
    path: `/v3/{domain}/tags/{tag}/stats/aggregates/${dimension}`,
    summary,
    description: `The same breakdown as tags.stats-aggregates with the tag in the path, for the ${dimension} dimension.`,
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [domainParam, tagPath],
    response: { tag: 'shipping', [dimension]: sample },
  };
}

export const tagsEndpoints = defineEndpoints('tags', [
  {
    id: 'tags.list',
    method: 'GET',
    path: '/v3/{domain}/tags',
    summary: 'List tags of a domain',
    description: 'Returns the tags seen on the domain with first and last use, a page at a time through paging links.',
    deprecated: true,
    replacedBy: 'tags-new.query',
    pagination: 'paging-urls',
    params: [
      domainParam,
      inQuery('page', { kind: 'enum', values: ['first', 'last', 'next', 'prev'] }, 'next', 'Direction relative to the pivot tag.'),
      inQuery('limit', { kind: 'integer', min: 1, max: 1000 }, 100, 'Tags per page.'),
      inQuery('tag', { kind: 'string' }, 'newsletter', 'Pivot tag from a paging link: the page starts after (or ends before) it.'),
      inQuery('prefix', { kind: 'string' }, 'promo-', 'Only tags beginning with this text.'),
    ],
    response: {
      items: [
        {
          tag: 'shipping',
          description: 'Dispatch notices',
          'first-seen': '2024-01-08 09:14:27 +0000 UTC',
          'last-seen': '2024-06-11 10:15:30 +0000 UTC',
        },
        {
          tag: 'promo-summer',
          description: '',
          'first-seen': '2024-05-20 07:00:02 +0000 UTC',
          'last-seen': '2024-06-10 07:00:05 +0000 UTC',
        },
      ],
      paging: {
        first: 'https://api.mailgun.net/v3/mg.example.com/tags?limit=100&page=first&tag=',
        next: 'https://api.mailgun.net/v3/mg.example.com/tags?limit=100&page=next&tag=promo-summer',
        previous: 'https://api.mailgun.net/v3/mg.example.com/tags?limit=100&page=prev&tag=shipping',
        last: 'https://api.mailgun.net/v3/mg.example.com/tags?limit=100&page=last&tag=',
      },
    },
  },
  {
    id: 'tags.get',
    method: 'GET',
    path: '/v3/{domain}/tag',
    summary: 'Get a tag of a domain',
    description: 'Returns the description and first and last use of one tag.',
    deprecated: true,
    replacedBy: 'tags-new.query',
    params: [domainParam, tagQuery],
    response: {
      tag: 'shipping',
      description: 'Dispatch notices',
      'first-seen': '2024-01-08 09:14:27 +0000 UTC',
      'last-seen': '2024-06-11 10:15:30 +0000 UTC',
    },
  },
  {
    id: 'tags.update',
    method: 'PUT',
    path: '/v3/{domain}/tag',
    summary: 'Describe a tag of a domain',
    description: 'Sets the description of a tag; both values go in the query string.',
    deprecated: true,
    replacedBy: 'tags-new.update',
    params: [domainParam, tagQuery, inQuery('description', { kind: 'string' }, 'Dispatch notices', 'New description for the tag.')],
    response: { message: 'Tag updated' },
  },
  {
    id: 'tags.delete',
    method: 'DELETE',
    path: '/v3/{domain}/tag',
    summary: 'Delete a tag of a domain',
    description: 'Removes the tag and its statistics from the domain. It reappears if a new message uses it.',
    deprecated: true,
    replacedBy: 'tags-new.delete',
    params: [domainParam, { ...tagQuery, required: false, description: 'The tag to delete.' }],
    response: { message: 'Tag deleted' },
  },
  {
    id: 'tags.stats-aggregates',
    method: 'GET',
    path: '/v3/{domain}/tag/stats/aggregates',
    summary: 'Tag counts by provider, device or country',
    description: 'Breaks the engagement counts of one tag down by mailbox provider, device type or country.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [
      domainParam,
      tagQuery,
      inQuery('type', { kind: 'enum', values: ['provider', 'device', 'country'] }, 'provider', 'Dimension to break the counts down by.', {
        required: true,
      }),
    ],
    response: {
      tag: 'shipping',
      provider: {
        'gmail.com': { accepted: 610, clicked: 42, opened: 305, unique_clicked: 38, unsubscribed: 0 },
        'outlook.com': { accepted: 190, clicked: 9, opened: 71, unique_clicked: 9, unsubscribed: 1 },
      },
    },
  },
  {
    id: 'tags.stats',
    method: 'GET',
    path: '/v3/{domain}/tag/stats',
    summary: 'Event counts for a tag over time',
    description:
      'Counts the chosen event types for messages carrying one tag, bucketed by hour, day or month, optionally for one provider, device or country.',
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [
      domainParam,
      statsStart,
      statsEnd,
      statsResolution,
      statsDuration,
      inQuery('provider', { kind: 'string' }, 'gmail.com', 'Only count events at this mailbox provider.'),
      inQuery('device', { kind: 'string' }, 'mobile', 'Only count events from this device type.'),
      inQuery('country', { kind: 'string' }, 'gb', 'Only count events from this country (two-letter code).'),
      statsEvent,
      tagQuery,
    ],
    exampleResponse: { ...sampleStats, body: { tag: 'shipping', ...sampleStatsBody, description: 'Dispatch notices' } },
  },
  {
    id: 'tags.limits',
    method: 'GET',
    path: '/v3/domains/{domain}/limits/tag',
    summary: 'Tag quota of a domain',
    description: 'Shows how many distinct tags the domain may use and how many it has.',
    deprecated: true,
    replacedBy: 'tags-new.limits',
    params: [domainParam],
    response: { id: 'mg.example.com', limit: 5000, count: 212 },
  },
  {
    id: 'tags.tag-get',
    method: 'GET',
    path: '/v3/{domain}/tags/{tag}',
    summary: 'Get a tag of a domain, named in the path',
    description: 'The form of tags.get that the SDKs use: the tag is a path segment instead of a query parameter.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'tags-new.query',
    params: [domainParam, tagPath],
    response: sampleTag,
  },
  {
    id: 'tags.tag-update',
    method: 'PUT',
    path: '/v3/{domain}/tags/{tag}',
    summary: 'Describe a tag, named in the path',
    description: 'Sets the description of one tag; the path form of tags.update.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'tags-new.update',
    encoding: 'urlencoded',
    params: [domainParam, tagPath, inBody('description', { kind: 'string' }, 'Dispatch notices', 'New description.', { required: true })],
    response: { message: 'Tag updated' },
  },
  {
    id: 'tags.tag-delete',
    method: 'DELETE',
    path: '/v3/{domain}/tags/{tag}',
    summary: 'Delete a tag, named in the path',
    description: 'Removes the tag and its statistics from the domain; the path form of tags.delete.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'tags-new.delete',
    params: [domainParam, tagPath],
    response: { message: 'Tag deleted' },
  },
  {
    id: 'tags.tag-stats',
    method: 'GET',
    path: '/v3/{domain}/tags/{tag}/stats',
    summary: 'Event counts for a tag over time, named in the path',
    description: 'The path form of tags.stats: counts of the chosen event types for one tag, bucketed by hour, day or month.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'metrics.query',
    params: [domainParam, tagPath, statsStart, statsEnd, statsResolution, statsDuration, statsEvent],
    response: { ...sampleStatsBody, tag: 'shipping' },
  },
  aggregate('countries', 'Tag counts by country', { gb: { clicked: 12, opened: 80 }, us: { clicked: 30, opened: 200 } }),
  aggregate('providers', 'Tag counts by mailbox provider', { 'gmail.com': { clicked: 42, opened: 305 } }),
  aggregate('devices', 'Tag counts by device type', { desktop: { clicked: 20, opened: 150 }, mobile: { clicked: 22, opened: 155 } }),
]);
