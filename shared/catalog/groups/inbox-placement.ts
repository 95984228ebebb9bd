import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import type { GroupDef } from '../types';

/*
 * Only "get result" is in Mailgun's OpenAPI file. The seed list, result, sharing, test and
 * provider calls come from Mailgun's Inbox Placement API reference pages, the documentation
 * repository (api-inbox-placement.rst) and the mailgun.js `inboxPlacements` clients.
 */

export const inboxPlacementGroup: GroupDef = {
  id: 'inbox-placement',
  title: 'Inbox Placement',
  description:
    'Send test messages to seed mailboxes at major providers and see whether they land in the inbox, the spam folder or nowhere.',
};

const seedListAddress = 'ibp-5d3f9a2c-1b4e-4c7d-9e8f-0a1b2c3d4e5f@example.com';
const resultId = '12345678-1234-4234-9234-123456789012';

const exampleSeedList = {
  kid: '610abd2009b08f382ac86c45',
  created_at: '2025-08-04T16:15:28.08Z',
  updated_at: '2025-08-04T16:15:28.08Z',
  last_result_at: '0001-01-01T00:00:00Z',
  target_email: seedListAddress,
  sending_domains: [],
  has_results: false,
  name: 'September newsletter',
  seed_filter: '.*',
  provider_filter: ['gmail.com', 'yahoo.com'],
  mailing_list: `${seedListAddress},seed-one@example.net,seed-two@example.org`,
  delivery_stats: { all: { delivered: 0, missing: 0, pending: 0, spam: 0, inbox: 0, total: 0, provider: 'all' } },
  is_auto_generated: false,
};

const exampleResult = {
  rid: '64f1a2b3c4d5e6f708192a3b',
  result_id: resultId,
  keybox_email: seedListAddress,
  subject: 'Your September update',
  sender: 'news@mg.example.com',
  seedlist_name: 'September newsletter',
  created_at: '2025-09-03T14:20:40.301Z',
  updated_at: '2025-09-03T14:36:53.841Z',
  status: 'completed',
  sharing_enabled: false,
  seed_results: [
    {
      email: 'seed-one@example.net',
      provider: 'gmail.com',
      destination: 'inbox',
      state: 'delivered',
      originating_ip: '192.0.2.20',
      tags: ['inbox'],
      dkim: 'pass',
      spf: 'pass',
      dmarc: 'pass',
    },
  ],
  delivery_stats: { all: { delivered: 1, missing: 0, pending: 0, spam: 0, inbox: 1, total: 1, provider: 'all' } },
};

const exampleSharing = {
  result_id: resultId,
  expires_at: '2025-10-03T14:36:53Z',
  enabled: true,
  url_id: 'c2hhcmUtOTg3NjU0',
  url: 'https://app.mailgun.com/inbox-placement/shared/c2hhcmUtOTg3NjU0',
  api_url: 'https://api.mailgun.net/v4/inbox/sharing/public/c2hhcmUtOTg3NjU0',
};

const seedListInPath: ParamSpec = inPath(
  'address',
  { kind: 'email' },
  seedListAddress,
  'The seed list’s `target_email` address, which identifies it.',
);

const resultInPath: ParamSpec = inPath('result', { kind: 'string', format: 'id' }, resultId, 'The `result_id` of a test result.');

const attributeInPath: ParamSpec = inPath(
  'attribute',
  { kind: 'string' },
  'name',
  'Attribute name as returned by the matching attribute list call.',
);

/** Both list calls page the same way; the doc pages list these query fields for each. */
const listPaging: readonly ParamSpec[] = [
  inQuery('time_after', { kind: 'string' }, '2025-09-01T00:00:00Z', 'Only items created after this time (ISO 8601, as the SDK sends it).'),
  inQuery('time_before', { kind: 'string' }, '2025-09-30T23:59:59Z', 'Only items created before this time.'),
  inQuery(
    'cursor',
    { kind: 'string' },
    '64f1a2b3c4d5e6f708192a3b',
    'Position to continue from, copied from a `paging` URL; not together with `offset`.',
  ),
  inQuery('sort', { kind: 'string' }, 'created_at', 'Field to sort by (marked experimental by Mailgun).'),
  inQuery('offset', { kind: 'integer', min: 0 }, 0, 'Number of items to move by; not together with `cursor`.'),
  inQuery('ascending', { kind: 'boolean', style: 'true-false' }, false, 'Oldest first when true.'),
  inQuery('limit', { kind: 'integer', min: 1 }, 25, 'Items per page (25 when omitted).', { default: 25 }),
];

const providerFilter: ParamSpec = inQuery(
  'provider_filter',
  { kind: 'string', format: 'domain' },
  ['gmail.com', 'yahoo.com'],
  'Provider domains to include seeds from; omit for all providers.',
  { repeatable: true },
);

const sendingDomains: ParamSpec = inQuery(
  'sending_domains',
  { kind: 'string', format: 'domain' },
  'mg.example.com',
  'Deprecated: domains the test mail comes from. Mailgun no longer needs it.',
  { repeatable: true },
);

export const inboxPlacementEndpoints = defineEndpoints('inbox-placement', [
  {
    id: 'inbox-placement.get-result',
    method: 'GET',
    path: '/v4/inbox/results/{result}',
    summary: 'Show one inbox placement result',
    description:
      'Returns where each seed mailbox received the test message (inbox, spam or missing) plus authentication results, optionally for one provider only.',
    params: [resultInPath, inQuery('provider', { kind: 'string', format: 'domain' }, 'gmail.com', 'Only seeds of this provider.')],
    response: { result: exampleResult },
  },
  {
    id: 'inbox-placement.list-seed-lists',
    method: 'GET',
    path: '/v4/inbox/seedlists',
    summary: 'List seed lists',
    description:
      'Returns your seed lists with their aggregated delivery stats, filtered by name or creation time. Follow the `paging` URLs for more.',
    pagination: 'paging-urls',
    beyondSpec: true,
    params: [inQuery('name', { kind: 'string' }, 'September newsletter', 'Only seed lists with this name.'), ...listPaging],
    response: {
      items: [exampleSeedList],
      paging: {
        first: 'https://api.mailgun.net/v4/inbox/seedlists?ascending=0&limit=25',
        last: 'https://api.mailgun.net/v4/inbox/seedlists?ascending=1&limit=25',
        next: 'https://api.mailgun.net/v4/inbox/seedlists?ascending=0&cursor=610abd2009b08f382ac86c45&limit=25',
        previous: 'https://api.mailgun.net/v4/inbox/seedlists?ascending=1&cursor=610abd2009b08f382ac86c45&limit=25',
      },
      total: 1,
    },
  },
  {
    id: 'inbox-placement.create-seed-list',
    method: 'POST',
    path: '/v4/inbox/seedlists',
    summary: 'Generate a new seed list',
    description:
      'Creates a seed list and returns its mailing list. Send your campaign to every address on it, including the `target_email`, or no placement test is run.',
    beyondSpec: true,
    params: [
      inQuery('name', { kind: 'string' }, 'September newsletter', 'Label for the seed list.'),
      providerFilter,
      inQuery(
        'seed_filter',
        { kind: 'string' },
        '.*',
        'Regular expression applied to the seed addresses (older option, still sent by mailgun.js).',
      ),
      inQuery('remote_id', { kind: 'string' }, 'campaign-2025-09', 'Your own reference for the list, e.g. a campaign id.'),
      sendingDomains,
    ],
    response: exampleSeedList,
  },
  {
    id: 'inbox-placement.list-seed-list-attributes',
    method: 'GET',
    path: '/v4/inbox/seedlists/a',
    summary: 'List seed list attributes you can look up values for',
    description: 'Names the seed list fields whose distinct values can be fetched, handy for autocomplete.',
    beyondSpec: true,
    response: { items: { attribute: 'available attributes', values: ['name'] } },
  },
  {
    id: 'inbox-placement.get-seed-list-attribute',
    method: 'GET',
    path: '/v4/inbox/seedlists/a/{attribute}',
    summary: 'List the values of one seed list attribute',
    description: 'Returns every distinct value of the attribute across your seed lists.',
    beyondSpec: true,
    params: [attributeInPath],
    response: { items: { attribute: 'name', values: ['September newsletter', 'Password reset flow'] } },
  },
  {
    id: 'inbox-placement.list-seed-list-filters',
    method: 'GET',
    path: '/v4/inbox/seedlists/_filters',
    summary: 'List the filters the seed list listing accepts',
    description: 'Returns the query parameters that can narrow the seed list listing, each with a short explanation.',
    beyondSpec: true,
    response: {
      supported_filters: {
        filters: [
          { parameter: 'name', description: 'Seed list name' },
          { parameter: 'time_before', description: 'Created before' },
          { parameter: 'time_after', description: 'Created after' },
        ],
      },
    },
  },
  {
    id: 'inbox-placement.get-seed-list',
    method: 'GET',
    path: '/v4/inbox/seedlists/{address}',
    summary: 'Show one seed list',
    description: 'Returns the seed list, its mailing list and the delivery stats aggregated over all its tests.',
    beyondSpec: true,
    params: [seedListInPath],
    response: { seedlist: exampleSeedList },
  },
  {
    id: 'inbox-placement.update-seed-list',
    method: 'PUT',
    path: '/v4/inbox/seedlists/{address}',
    summary: 'Rename a seed list or change its providers',
    description: 'Updates the name or provider selection, or rebuilds the mailing list with `regen`. Past results are not affected.',
    beyondSpec: true,
    params: [
      seedListInPath,
      inQuery('name', { kind: 'string' }, 'September newsletter (v2)', 'New label.'),
      { ...providerFilter, description: 'Provider domains to draw seeds from; omit to leave unchanged.' },
      inQuery(
        'regen',
        { kind: 'boolean', style: 'true-false' },
        true,
        'Rebuild the mailing list, e.g. when many seeds have become unavailable.',
      ),
      sendingDomains,
    ],
    response: { ...exampleSeedList, name: 'September newsletter (v2)' },
  },
  {
    id: 'inbox-placement.delete-seed-list',
    method: 'DELETE',
    path: '/v4/inbox/seedlists/{address}',
    summary: 'Delete a seed list and its results',
    description: 'Removes the seed list; the test results stored under it are deleted too.',
    beyondSpec: true,
    params: [seedListInPath],
    response: null,
  },
  {
    id: 'inbox-placement.list-results',
    method: 'GET',
    path: '/v4/inbox/results',
    summary: 'List inbox placement results',
    description:
      'Returns the results of tests received at your seed lists, filtered by sender, subject, provider, seed list or time. Follow the `paging` URLs for more.',
    pagination: 'paging-urls',
    beyondSpec: true,
    params: [
      inQuery('sender', { kind: 'email' }, 'news@mg.example.com', 'Only tests sent from this address.'),
      inQuery('subject', { kind: 'string' }, 'Your September update', 'Only tests with this subject.'),
      inQuery('provider', { kind: 'string', format: 'domain' }, 'gmail.com', 'Only tests that included this provider.'),
      inQuery('target_email', { kind: 'email' }, seedListAddress, 'Only results of the seed list with this target address.'),
      ...listPaging,
    ],
    response: {
      items: [exampleResult],
      paging: {
        first: 'https://api.mailgun.net/v4/inbox/results?ascending=0&limit=25',
        last: 'https://api.mailgun.net/v4/inbox/results?ascending=1&limit=25',
        next: 'https://api.mailgun.net/v4/inbox/results?ascending=0&cursor=64f1a2b3c4d5e6f708192a3b&limit=25',
        previous: 'https://api.mailgun.net/v4/inbox/results?ascending=1&cursor=64f1a2b3c4d5e6f708192a3b&limit=25',
      },
      total: 1,
    },
  },
  {
    id: 'inbox-placement.list-result-attributes',
    method: 'GET',
    path: '/v4/inbox/results/a',
    summary: 'List result attributes you can look up values for',
    description: 'Names the result fields whose distinct values can be fetched, such as subject and sender.',
    beyondSpec: true,
    response: { items: { attribute: 'available attributes', values: ['subject', 'sender'] } },
  },
  {
    id: 'inbox-placement.get-result-attribute',
    method: 'GET',
    path: '/v4/inbox/results/a/{attribute}',
    summary: 'List the values of one result attribute',
    description: 'Returns every distinct value of the attribute across your results, e.g. all subjects tested.',
    beyondSpec: true,
    params: [{ ...attributeInPath, example: 'subject' }],
    response: { items: { attribute: 'subject', values: ['Your September update', 'Reset your password'] } },
  },
  {
    id: 'inbox-placement.list-result-filters',
    method: 'GET',
    path: '/v4/inbox/results/_filters',
    summary: 'List the filters the results listing accepts',
    description: 'Returns the query parameters that can narrow the results listing, each with a short explanation.',
    beyondSpec: true,
    response: {
      supported_filters: {
        filters: [
          { parameter: 'subject', description: 'Subject line' },
          { parameter: 'provider', description: 'Mailbox provider' },
          { parameter: 'target_email', description: 'Seed list address' },
        ],
      },
    },
  },
  {
    id: 'inbox-placement.delete-result',
    method: 'DELETE',
    path: '/v4/inbox/results/{result}',
    summary: 'Delete an inbox placement result',
    description: 'Removes the result and everything recorded for it.',
    beyondSpec: true,
    params: [
      resultInPath,
      inQuery(
        'provider',
        { kind: 'string', format: 'domain' },
        'gmail.com',
        'Provider qualifier listed by the API reference for this call.',
      ),
    ],
    response: { Message: 'result deleted' },
  },
  {
    id: 'inbox-placement.get-sharing',
    method: 'GET',
    path: '/v4/inbox/sharing/{result}',
    summary: 'Show whether a result is shared by link',
    description: 'Returns the public share link of a result, whether it is switched on and when it expires.',
    beyondSpec: true,
    params: [resultInPath],
    response: { sharing: exampleSharing },
  },
  {
    id: 'inbox-placement.update-sharing',
    method: 'PUT',
    path: '/v4/inbox/sharing/{result}',
    summary: 'Turn public sharing of a result on or off',
    description: 'Enables a share link anyone can open without an API key, or disables it. Enabling again issues a new link.',
    beyondSpec: true,
    params: [
      resultInPath,
      inQuery('enabled', { kind: 'boolean', style: 'true-false' }, true, 'True to share the result, false to stop sharing.', {
        required: true,
      }),
    ],
    response: { sharing: exampleSharing },
  },
  {
    id: 'inbox-placement.get-shared-result',
    method: 'GET',
    path: '/v4/inbox/sharing/public/{shareid}',
    summary: 'Open a result through its share id',
    description: 'Fetches a shared result using the `url_id` from its sharing settings rather than the result id.',
    beyondSpec: true,
    params: [inPath('shareid', { kind: 'string', format: 'id' }, 'c2hhcmUtOTg3NjU0', 'The `url_id` of an enabled share.')],
    response: { result: { ...exampleResult, sharing_enabled: true, sharing_id: 'c2hhcmUtOTg3NjU0' } },
  },
  {
    id: 'inbox-placement.run-test',
    method: 'POST',
    path: '/v4/inbox/tests',
    summary: 'Run an inbox placement test with Mailgun sending the message',
    description: 'Mailgun sends the given message to a seed list for you and returns the `result_id` to poll with the result call.',
    encoding: 'json',
    beyondSpec: true,
    params: [
      inBody('from', { kind: 'email' }, 'news@mg.example.com', 'Sender address; its domain must be set up on the account.', {
        required: true,
      }),
      inBody('subject', { kind: 'string' }, 'Your September update', 'Subject of the test message.', { required: true }),
      inBody(
        'html',
        { kind: 'string', format: 'text' },
        '<html><body><p>Hello from Example Ltd.</p></body></html>',
        'HTML body of the test message.',
        { required: true },
      ),
      inBody(
        'provider_filter',
        { kind: 'json' },
        ['gmail.com', 'yahoo.com'],
        'Array of provider domains to test against; all providers when omitted.',
      ),
      inBody(
        'seed_list',
        { kind: 'string' },
        seedListAddress,
        'Existing seed list to send to, given as a string identifier (its target address); Mailgun chooses seeds when omitted.',
      ),
    ],
    response: { result_id: resultId, links: { results: `https://api.mailgun.net/v4/inbox/results/${resultId}` } },
  },
  {
    id: 'inbox-placement.list-providers',
    method: 'GET',
    path: '/v4/inbox/providers',
    summary: 'List the mailbox providers seeds are available for',
    description: 'Returns each provider with its region and seed limits; use the domains in `provider_filter`.',
    beyondSpec: true,
    response: {
      items: [
        {
          domain: 'gmail.com',
          display_name: 'Gmail',
          region: 'US',
          created_at: '2023-01-10T00:00:00Z',
          updated_at: '2025-05-01T00:00:00Z',
          max_email_count: 100,
          seeds_limit: 10,
        },
        {
          domain: 'web.de',
          display_name: 'Web.de',
          region: 'EU',
          created_at: '2023-01-10T00:00:00Z',
          updated_at: '2025-05-01T00:00:00Z',
          max_email_count: 100,
          seeds_limit: 5,
        },
      ],
    },
  },
]);
