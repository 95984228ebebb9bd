import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import type { GroupDef, JsonValue } from '../types';

export const mailingListsGroup: GroupDef = {
  id: 'mailing-lists',
  title: 'Mailing lists',
  description: 'Lists that have their own address: mail sent to it goes out to every subscribed member.',
};

const listAddressPath: ParamSpec = inPath(
  'list_address',
  { kind: 'email' },
  'team@sandbox.mg.example.com',
  'Address that identifies the list.',
);

const memberAddressPath: ParamSpec = inPath('member_address', { kind: 'email' }, 'alice@example.com', 'Address of the member.');

const accessLevel: ParamSpec = inBody(
  'access_level',
  { kind: 'enum', values: ['readonly', 'members', 'everyone'] },
  'readonly',
  'Who may post to the list address: only you through the API (readonly, the default), its members, or anyone.',
);

const listName: ParamSpec = inBody('name', { kind: 'string' }, 'Monthly newsletter', 'Display name of the list.');

const listDescription: ParamSpec = inBody(
  'description',
  { kind: 'string' },
  'Product news, sent on the first Monday of each month',
  'Free-text description of the list.',
);

const memberName: ParamSpec = inBody('name', { kind: 'string' }, 'Alice Smith', 'Display name of the member.');

const memberVars: ParamSpec = inBody(
  'vars',
  { kind: 'json' },
  '{"first_name": "Alice", "plan": "pro"}',
  'A JSON object of your own data for the member, usable as %recipient.<key>% in list mail.',
);

const memberSubscribed: ParamSpec = inBody(
  'subscribed',
  { kind: 'boolean', style: 'true-false' },
  true,
  'Whether the member receives list mail. Default true.',
  { default: true },
);

const upsertBody: ParamSpec = inBody(
  'upsert',
  { kind: 'boolean', style: 'true-false' },
  true,
  'When true an existing member with the same address is updated; when false (default) a duplicate is an error.',
  { default: false },
);

const listLimit: ParamSpec = inQuery('limit', { kind: 'integer', min: 1 }, 50, 'Page size (default 100).', { default: 100 });

const memberLimit: ParamSpec = {
  ...listLimit,
  type: { kind: 'integer', min: 1, max: 100 },
  description: 'Page size, at most 100 (default 100).',
};

const listSkip: ParamSpec = inQuery('skip', { kind: 'integer', min: 0 }, 0, 'How many entries to pass over before the page starts.', {
  default: 0,
});

const subscribedFilter: ParamSpec = inQuery(
  'subscribed',
  { kind: 'boolean', style: 'true-false' },
  true,
  'Only subscribed (true) or only unsubscribed (false) members; leave out for both.',
);

const sampleList: JsonValue = {
  address: 'newsletter@mg.example.com',
  name: 'Monthly newsletter',
  description: 'Product news, sent on the first Monday of each month',
  access_level: 'readonly',
  reply_preference: 'list',
  created_at: 'Tue, 11 Jun 2024 10:20:07 -0000',
  members_count: 2,
};

const sampleMember: { readonly [key: string]: JsonValue } = {
  address: 'alice@example.com',
  name: 'Alice Smith',
  vars: { first_name: 'Alice', plan: 'pro' },
  subscribed: true,
};

const samplePaging: JsonValue = {
  first: 'https://api.mailgun.net/v3/lists/pages?page=first&limit=50',
  last: 'https://api.mailgun.net/v3/lists/pages?page=last&limit=50',
  next: 'https://api.mailgun.net/v3/lists/pages?page=next&address=newsletter%40mg.example.com&limit=50',
  previous: 'https://api.mailgun.net/v3/lists/pages?page=prev&address=newsletter%40mg.example.com&limit=50',
};

export const mailingListsEndpoints = defineEndpoints('mailing-lists', [
  {
    id: 'mailing-lists.create',
    method: 'POST',
    path: '/v3/lists',
    summary: 'Set up a new mailing list',
    description: 'Creates an empty list with its own address, which should be on one of your domains.',
    encoding: 'multipart',
    params: [
      inBody(
        'address',
        { kind: 'email' },
        'newsletter@mg.example.com',
        'Address of the new list; a display name form such as Newsletter <newsletter@mg.example.com> is accepted.',
        { required: true },
      ),
      listName,
      listDescription,
      accessLevel,
      inBody(
        'reply_preference',
        { kind: 'enum', values: ['list', 'sender'] },
        'list',
        'Where replies to list mail go: back to the list (default) or to the original sender.',
      ),
    ],
    exampleResponse: { status: 201, contentType: 'application/json', body: { list: sampleList, message: 'Mailing list created' } },
  },
  {
    id: 'mailing-lists.list',
    method: 'GET',
    path: '/v3/lists',
    summary: 'List mailing lists',
    description:
      'Returns the mailing lists of the account with a total count; pages with skip and limit. The pages variant scales better for many lists.',
    pagination: 'skip-limit',
    params: [listLimit, listSkip, inQuery('address', { kind: 'email' }, 'newsletter@mg.example.com', 'Only the list with this address.')],
    response: { total_count: 1, items: [sampleList] },
  },
  {
    id: 'mailing-lists.list-members',
    method: 'GET',
    path: '/v3/lists/{list_address}/members',
    summary: 'List members of a mailing list',
    description: 'Returns members with their variables and subscription state, plus a total; pages with skip and limit (at most 100).',
    pagination: 'skip-limit',
    params: [
      inQuery('address', { kind: 'email' }, 'alice@example.com', 'Only the member with this address.'),
      subscribedFilter,
      memberLimit,
      listSkip,
      listAddressPath,
    ],
    response: { total_count: 1, items: [sampleMember] },
  },
  {
    id: 'mailing-lists.add-member',
    method: 'POST',
    path: '/v3/lists/{list_address}/members',
    summary: 'Add a member',
    description: 'Adds one address to the list, or updates it when upsert is true. For many addresses use the JSON or CSV bulk calls.',
    encoding: 'multipart',
    params: [
      listAddressPath,
      inBody(
        'address',
        { kind: 'email' },
        'dave@example.com',
        'Address of the new member, optionally with a display name. Needed in practice.',
      ),
      memberName,
      memberVars,
      memberSubscribed,
      upsertBody,
    ],
    response: { member: sampleMember, message: 'Member added to the mailing list' },
  },
  {
    id: 'mailing-lists.add-members-json',
    method: 'POST',
    path: '/v3/lists/{list_address}/members.json',
    summary: 'Add many members from JSON',
    description:
      'Adds up to 1,000 members in one call from a JSON array of addresses or member objects. Batches over 100 are processed in the background and the response carries a task id.',
    // The spec puts both fields in the query string, where a few hundred members overflow the URL; the SDK and Mailgun's examples send a form.
    encoding: 'multipart',
    params: [
      listAddressPath,
      inBody(
        'members',
        { kind: 'json' },
        '[{"address": "alice@example.com", "name": "Alice Smith", "vars": {"plan": "pro"}, "subscribed": true}, "bob@example.com"]',
        'JSON array whose items are plain addresses or objects with address, name, vars and subscribed; at most 1,000.',
        { required: true },
      ),
      inBody(
        'upsert',
        { kind: 'boolean', style: 'true-false' },
        true,
        'When true existing members are updated instead of causing an error. Default false.',
        { default: false },
      ),
    ],
    response: { list: sampleList, 'task-id': '7f3c2a91', message: 'Bulk member upload queued' },
  },
  {
    id: 'mailing-lists.add-members-csv',
    method: 'POST',
    path: '/v3/lists/{list_address}/members.csv',
    summary: 'Add many members from a CSV file',
    description: 'Uploads a CSV file of members (up to 1,000 rows, at most 5 MB) and imports it in the background.',
    encoding: 'multipart',
    params: [
      listAddressPath,
      { ...memberSubscribed, description: 'Subscription state given to members whose row does not set one.' },
      upsertBody,
      inBody(
        'members',
        { kind: 'file', accept: '.csv,text/csv', maxBytes: 5 * 1024 * 1024 },
        'members.csv',
        'CSV file with an address column and optionally name, vars and subscribed columns.',
      ),
    ],
    response: { list: sampleList, 'task-id': '7f3c2a92', message: 'Bulk member upload queued' },
  },
  {
    id: 'mailing-lists.get-member',
    method: 'GET',
    path: '/v3/lists/{list_address}/members/{member_address}',
    summary: 'Show one list member',
    description: 'Returns one member of the list with its name, variables and subscription state.',
    params: [listAddressPath, memberAddressPath],
    response: { member: sampleMember },
  },
  {
    id: 'mailing-lists.update-member',
    method: 'PUT',
    path: '/v3/lists/{list_address}/members/{member_address}',
    summary: 'Change a member',
    description: 'Updates the fields you send and leaves the rest as they are; use it to unsubscribe or re-subscribe someone.',
    encoding: 'multipart',
    params: [
      listAddressPath,
      memberAddressPath,
      inBody('address', { kind: 'email' }, 'alice.smith@example.com', 'New address for the member.'),
      memberName,
      memberVars,
      inBody(
        'subscribed',
        { kind: 'boolean', style: 'true-false' },
        false,
        'Set false to unsubscribe the member, true to subscribe again.',
      ),
    ],
    response: { member: { ...sampleMember, subscribed: false }, message: 'Member updated' },
  },
  {
    id: 'mailing-lists.delete-member',
    method: 'DELETE',
    path: '/v3/lists/{list_address}/members/{member_address}',
    summary: 'Remove a member',
    description: 'Deletes the member from the list entirely (unsubscribing keeps the record instead).',
    params: [listAddressPath, memberAddressPath],
    response: { member: { address: 'alice@example.com' }, message: 'Member removed from the mailing list' },
  },
  {
    id: 'mailing-lists.update',
    method: 'PUT',
    path: '/v3/lists/{list_address}',
    summary: 'Change a mailing list',
    description: 'Updates the address, name, description or posting rules of a list; fields you leave out are kept.',
    encoding: 'multipart',
    params: [
      listAddressPath,
      inBody('address', { kind: 'email' }, 'news@mg.example.com', 'New address for the list; the old one stops working.'),
      listDescription,
      listName,
      accessLevel,
      inBody(
        'reply_reference',
        { kind: 'enum', values: ['list', 'sender'] },
        'sender',
        'Where replies go: the list or the sender. Spelt this way in the OpenAPI file; the list object and the create call use reply_preference.',
      ),
      inBody('list-id', { kind: 'string' }, 'newsletter.mg.example.com', 'Value for the List-Id header of mail sent through the list.'),
    ],
    response: { message: 'Mailing list updated', list: sampleList },
  },
  {
    id: 'mailing-lists.delete',
    method: 'DELETE',
    path: '/v3/lists/{list_address}',
    summary: 'Remove a mailing list',
    description: 'Removes the list and all its members; mail to its address is no longer distributed.',
    params: [listAddressPath],
    response: { address: 'newsletter@mg.example.com', message: 'Mailing list deleted' },
  },
  {
    id: 'mailing-lists.get',
    method: 'GET',
    path: '/v3/lists/{list_address}',
    summary: 'Show one mailing list',
    description: 'Returns the settings and member count of one list.',
    params: [listAddressPath],
    response: { list: sampleList },
  },
  {
    id: 'mailing-lists.list-pages',
    method: 'GET',
    path: '/v3/lists/pages',
    summary: 'Page through mailing lists',
    description: 'Lists mailing lists using paging links (first, next, previous, last) keyed on the list address rather than skip counts.',
    pagination: 'paging-urls',
    params: [listLimit],
    response: { paging: samplePaging, items: [sampleList] },
  },
  {
    id: 'mailing-lists.list-members-pages',
    method: 'GET',
    path: '/v3/lists/{list_address}/members/pages',
    summary: 'Page through members of a mailing list',
    description: 'Lists members in ascending address order using paging links; follow next until a page comes back empty.',
    pagination: 'paging-urls',
    params: [
      subscribedFilter,
      memberLimit,
      inQuery(
        'address',
        { kind: 'email' },
        'alice@example.com',
        'Pivot address the page starts after or ends before, as given in a paging link.',
      ),
      inQuery('page', { kind: 'enum', values: ['first', 'last', 'next', 'prev'] }, 'next', 'Direction relative to the pivot address.'),
      listAddressPath,
    ],
    response: {
      paging: {
        first: 'https://api.mailgun.net/v3/lists/newsletter@mg.example.com/members/pages?page=first&limit=50',
        last: 'https://api.mailgun.net/v3/lists/newsletter@mg.example.com/members/pages?page=last&limit=50',
        next: 'https://api.mailgun.net/v3/lists/newsletter@mg.example.com/members/pages?page=next&address=alice%40example.com&limit=50',
        previous: 'https://api.mailgun.net/v3/lists/newsletter@mg.example.com/members/pages?page=prev&address=alice%40example.com&limit=50',
      },
      items: [sampleMember],
    },
  },
  {
    id: 'mailing-lists.validate',
    method: 'POST',
    path: '/v3/lists/{list_address}/validate',
    summary: 'Start validating every address of a list',
    description: 'Queues a bulk validation of the members (a paid Validate feature). Poll mailing-lists.get-validation for the result.',
    beyondSpec: true,
    params: [listAddressPath],
    exampleResponse: {
      status: 202,
      contentType: 'application/json',
      body: { id: 'newsletter@lists.example.com', message: 'The validation job was submitted.' },
    },
  },
  {
    id: 'mailing-lists.get-validation',
    method: 'GET',
    path: '/v3/lists/{list_address}/validate',
    summary: 'Progress and result of a list validation',
    description:
      'Shows how far the validation of the list has got and, once done, how many members are deliverable, risky or undeliverable.',
    beyondSpec: true,
    params: [listAddressPath],
    response: {
      id: 'newsletter@lists.example.com',
      status: 'uploaded',
      quantity: 2,
      records_processed: 2,
      summary: {
        result: { deliverable: 1, undeliverable: 1, do_not_send: 0, catch_all: 0, unknown: 0 },
        risk: { low: 1, medium: 0, high: 1, unknown: 0 },
      },
      created_at: 1717000000,
    },
  },
  {
    id: 'mailing-lists.cancel-validation',
    method: 'DELETE',
    path: '/v3/lists/{list_address}/validate',
    summary: 'Stop a list validation',
    description: 'Cancels a running validation of the list; members already checked keep no result.',
    beyondSpec: true,
    params: [listAddressPath],
    response: { message: 'Validation job canceled.' },
  },
]);
