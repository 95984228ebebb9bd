import { defineEndpoints, type ParamSpec } from '../define';
import type { GroupDef, JsonValue } from '../types';

export const mailingListsGroup: GroupDef = {
  id: 'mailing-lists',
  title: 'Mailing lists',
  description: 'Lists that have their own address: mail sent to it goes out to every subscribed member.',
};

const listAddressPath: ParamSpec = {
  name: 'list_address',
  in: 'path',
  type: { kind: 'email' },
  example: 'team@sandbox.mg.example.com',
  description: 'Address that identifies the list.',
};

const memberAddressPath: ParamSpec = {
  name: 'member_address',
  in: 'path',
  type: { kind: 'email' },
  example: 'alice@example.com',
  description: 'Address of the member.',
};

const accessLevel: ParamSpec = {
  name: 'access_level',
  in: 'body',
  type: { kind: 'enum', values: ['readonly', 'members', 'everyone'] },
  example: 'readonly',
  description: 'Who may post to the list address: only you through the API (readonly, the default), its members, or anyone.',
};

const listName: ParamSpec = {
  name: 'name',
  in: 'body',
  type: { kind: 'string' },
  example: 'Monthly newsletter',
  description: 'Display name of the list.',
};

const listDescription: ParamSpec = {
  name: 'description',
  in: 'body',
  type: { kind: 'string' },
  example: 'Product news, sent on the first Monday of each month',
  description: 'Free-text description of the list.',
};

const memberName: ParamSpec = {
  name: 'name',
  in: 'body',
  type: { kind: 'string' },
  example: 'Alice Smith',
  description: 'Display name of the member.',
};

const memberVars: ParamSpec = {
  name: 'vars',
  in: 'body',
  type: { kind: 'json' },
  example: '{"first_name": "Alice", "plan": "pro"}',
  description: 'A JSON object of your own data for the member, usable as %recipient.<key>% in list mail.',
};

const memberSubscribed: ParamSpec = {
  name: 'subscribed',
  in: 'body',
  type: { kind: 'boolean', style: 'true-false' },
  default: true,
  example: true,
  description: 'Whether the member receives list mail. Default true.',
};

const upsertBody: ParamSpec = {
  name: 'upsert',
  in: 'body',
  type: { kind: 'boolean', style: 'true-false' },
  default: false,
  example: true,
  description: 'When true an existing member with the same address is updated; when false (default) a duplicate is an error.',
};

const listLimit: ParamSpec = {
  name: 'limit',
  in: 'query',
  type: { kind: 'integer', min: 1 },
  default: 100,
  example: 50,
  description: 'Page size (default 100).',
};

const memberLimit: ParamSpec = {
  ...listLimit,
  type: { kind: 'integer', min: 1, max: 100 },
  description: 'Page size, at most 100 (default 100).',
};

const listSkip: ParamSpec = {
  name: 'skip',
  in: 'query',
  type: { kind: 'integer', min: 0 },
  default: 0,
  example: 0,
  description: 'How many entries to pass over before the page starts.',
};

const subscribedFilter: ParamSpec = {
  name: 'subscribed',
  in: 'query',
  type: { kind: 'boolean', style: 'true-false' },
  example: true,
  description: 'Only subscribed (true) or only unsubscribed (false) members; leave out for both.',
};

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
      {
        name: 'address',
        in: 'body',
        type: { kind: 'email' },
        required: true,
        example: 'newsletter@mg.example.com',
        description: 'Address of the new list; a display name form such as Newsletter <newsletter@mg.example.com> is accepted.',
      },
      listName,
      listDescription,
      accessLevel,
      {
        name: 'reply_preference',
        in: 'body',
        type: { kind: 'enum', values: ['list', 'sender'] },
        example: 'list',
        description: 'Where replies to list mail go: back to the list (default) or to the original sender.',
      },
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
    params: [
      listLimit,
      listSkip,
      {
        name: 'address',
        in: 'query',
        type: { kind: 'email' },
        example: 'newsletter@mg.example.com',
        description: 'Only the list with this address.',
      },
    ],
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
      {
        name: 'address',
        in: 'query',
        type: { kind: 'email' },
        example: 'alice@example.com',
        description: 'Only the member with this address.',
      },
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
      {
        name: 'address',
        in: 'body',
        type: { kind: 'email' },
        example: 'dave@example.com',
        description: 'Address of the new member, optionally with a display name. Needed in practice.',
      },
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
      {
        name: 'members',
        in: 'body',
        type: { kind: 'json' },
        required: true,
        example:
          '[{"address": "alice@example.com", "name": "Alice Smith", "vars": {"plan": "pro"}, "subscribed": true}, "bob@example.com"]',
        description: 'JSON array whose items are plain addresses or objects with address, name, vars and subscribed; at most 1,000.',
      },
      {
        name: 'upsert',
        in: 'body',
        type: { kind: 'boolean', style: 'true-false' },
        default: false,
        example: true,
        description: 'When true existing members are updated instead of causing an error. Default false.',
      },
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
      {
        name: 'members',
        in: 'body',
        type: { kind: 'file', accept: '.csv,text/csv', maxBytes: 5 * 1024 * 1024 },
        example: 'members.csv',
        description: 'CSV file with an address column and optionally name, vars and subscribed columns.',
      },
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
      {
        name: 'address',
        in: 'body',
        type: { kind: 'email' },
        example: 'alice.smith@example.com',
        description: 'New address for the member.',
      },
      memberName,
      memberVars,
      {
        name: 'subscribed',
        in: 'body',
        type: { kind: 'boolean', style: 'true-false' },
        example: false,
        description: 'Set false to unsubscribe the member, true to subscribe again.',
      },
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
      {
        name: 'address',
        in: 'body',
        type: { kind: 'email' },
        example: 'news@mg.example.com',
        description: 'New address for the list; the old one stops working.',
      },
      listDescription,
      listName,
      accessLevel,
      {
        name: 'reply_reference',
        in: 'body',
        type: { kind: 'enum', values: ['list', 'sender'] },
        example: 'sender',
        description:
          'Where replies go: the list or the sender. Spelt this way in the OpenAPI file; the list object and the create call use reply_preference.',
      },
      {
        name: 'list-id',
        in: 'body',
        type: { kind: 'string' },
        example: 'newsletter.mg.example.com',
        description: 'Value for the List-Id header of mail sent through the list.',
      },
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
      {
        name: 'address',
        in: 'query',
        type: { kind: 'email' },
        example: 'alice@example.com',
        description: 'Pivot address the page starts after or ends before, as given in a paging link.',
      },
      {
        name: 'page',
        in: 'query',
        type: { kind: 'enum', values: ['first', 'last', 'next', 'prev'] },
        example: 'next',
        description: 'Direction relative to the pivot address.',
      },
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
