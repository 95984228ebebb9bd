import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef, ParamType } from '../types';

export const webhooksGroup: GroupDef = {
  id: 'webhooks',
  title: 'Webhooks',
  description:
    'Choose which URLs Mailgun notifies, per event type, when messages of a domain are accepted, delivered, opened, clicked, fail or draw complaints.',
};

const webhookType: ParamType = {
  kind: 'enum',
  values: ['accepted', 'delivered', 'opened', 'clicked', 'unsubscribed', 'complained', 'temporary_fail', 'permanent_fail'],
};

const domainParam = domainPath('domain', 'Domain whose webhooks to work with.');

const domainNamePath: ParamSpec = { ...domainParam, name: 'domain_name' };

const webhookNamePath: ParamSpec = inPath('webhook_name', webhookType, 'delivered', 'The event type the webhook fires on.');

const v3Urls: ParamSpec = inBody(
  'url',
  { kind: 'url' },
  ['https://hooks.example.com/mailgun/events'],
  'Endpoint to notify; repeat the field for more, at most 3 per event type. Must be reachable when you save it.',
  { required: true, repeatable: true },
);

const v4Url: ParamSpec = inBody(
  'url',
  { kind: 'url' },
  'https://hooks.example.com/mailgun/events',
  'The endpoint that receives the event POSTs.',
  { required: true },
);

const v4EventTypes: ParamSpec = inBody(
  'event_types',
  webhookType,
  ['delivered', 'permanent_fail'],
  'Event types to send to the URL; repeat the field once per type.',
  { required: true, repeatable: true },
);

/** The account-level webhook calls (/v1/webhooks) share these fields. */
const accountUrl: ParamSpec = inBody('url', { kind: 'url' }, 'https://hooks.example.com/mailgun/account', 'Receiver of the calls.', {
  required: true,
});

const accountNote: ParamSpec = inBody(
  'description',
  { kind: 'string' },
  'All domains, failures only',
  'A note for people reading the list.',
);

const webhookIds: ParamSpec = inQuery(
  'webhook_ids',
  { kind: 'string' },
  '4b1d7d0b-8d2e-4c83-9d6e-7c1f0e9a2b31',
  'Comma-separated webhook ids.',
);

const exampleUrls = ['https://hooks.example.com/mailgun/events'];

export const webhooksEndpoints = defineEndpoints('webhooks', [
  {
    id: 'webhooks.list',
    method: 'GET',
    path: '/v3/domains/{domain}/webhooks',
    summary: 'List all webhooks of a domain',
    description: 'Shows, for each event type that has any, the URLs Mailgun posts events to.',
    params: [domainParam],
    response: {
      webhooks: {
        delivered: { urls: exampleUrls },
        permanent_fail: { urls: ['https://hooks.example.com/mailgun/events', 'https://alerts.example.com/bounces'] },
      },
    },
  },
  {
    id: 'webhooks.create',
    method: 'POST',
    path: '/v3/domains/{domain}/webhooks',
    summary: 'Add a webhook for one event type',
    description:
      'Registers up to three URLs for a single event type. Mailgun checks that each URL resolves; an unreachable host gives 400. Use the v4 call to attach one URL to several types at once.',
    encoding: 'multipart',
    params: [domainParam, inBody('id', webhookType, 'clicked', 'The event type to subscribe to.', { required: true }), v3Urls],
    response: { message: 'Webhook created', webhook: { urls: exampleUrls } },
  },
  {
    id: 'webhooks.get',
    method: 'GET',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    summary: 'Get the webhook of one event type',
    description: 'Returns the URLs registered for a single event type of the domain.',
    params: [domainNamePath, webhookNamePath],
    response: { webhook: { urls: exampleUrls } },
  },
  {
    id: 'webhooks.update',
    method: 'PUT',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    summary: 'Replace the URLs of one event type',
    description: 'Swaps the whole URL list of an event type for the URLs you send (up to three).',
    encoding: 'multipart',
    params: [domainNamePath, webhookNamePath, v3Urls],
    response: { message: 'Webhook updated', webhook: { urls: exampleUrls } },
  },
  {
    id: 'webhooks.delete',
    method: 'DELETE',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    summary: 'Remove the webhook of one event type',
    description: 'Deletes every URL registered for the event type; the response shows what was removed.',
    params: [domainNamePath, webhookNamePath],
    response: { message: 'Webhook removed', webhook: { urls: exampleUrls } },
  },
  {
    id: 'webhooks.update-v4',
    method: 'PUT',
    path: '/v4/domains/{domain}/webhooks',
    summary: 'Re-assign event types of a webhook URL',
    description: 'Replaces the set of event types an existing URL is registered for. Types you leave out stop notifying that URL.',
    encoding: 'urlencoded',
    params: [domainParam, { ...v4Url, description: 'A URL that is already registered on the domain.' }, v4EventTypes],
    response: { webhooks: { delivered: { urls: exampleUrls }, opened: { urls: exampleUrls } } },
  },
  {
    id: 'webhooks.create-v4',
    method: 'POST',
    path: '/v4/domains/{domain}/webhooks',
    summary: 'Register one URL for several event types',
    description:
      'Adds the URL to every event type you list in a single call. Fails with 400 if the URL is already registered for one of them.',
    encoding: 'urlencoded',
    params: [domainParam, v4Url, v4EventTypes],
    response: { webhooks: { delivered: { urls: exampleUrls }, permanent_fail: { urls: exampleUrls } } },
  },
  {
    id: 'webhooks.delete-v4',
    method: 'DELETE',
    path: '/v4/domains/{domain}/webhooks',
    summary: 'Unregister URLs from every event type',
    description: 'Unregisters the given URLs wherever they appear on the domain and returns the webhooks that remain.',
    params: [
      domainParam,
      inQuery('url', { kind: 'string' }, 'https://hooks.example.com/mailgun/events', 'URL to remove; separate several with commas.', {
        required: true,
      }),
    ],
    response: { webhooks: { opened: { urls: ['https://stats.example.com/opens'] } } },
  },
  {
    id: 'webhooks.test',
    method: 'PUT',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}/test',
    summary: 'Send a test call to a webhook URL',
    description:
      'Makes Mailgun POST a sample event of this type to the URL you give and reports what the receiver answered; nothing is saved.',
    beyondSpec: true,
    encoding: 'multipart',
    params: [
      domainNamePath,
      webhookNamePath,
      { ...v3Urls, repeatable: false, example: 'https://hooks.example.com/mailgun/events', description: 'The receiver to try out.' },
    ],
    response: { code: 200, message: 'OK' },
  },
  {
    id: 'webhooks.account-list',
    method: 'GET',
    path: '/v1/webhooks',
    summary: 'List account-level webhooks',
    description:
      'Returns the webhooks that fire for every domain of the account (in the region you call), each with its URL and event types. Account and domain webhooks with the same URL are called once.',
    beyondSpec: true,
    params: [{ ...webhookIds, description: 'Only these webhooks, as a comma-separated list of ids.' }],
    response: {
      webhooks: [
        {
          webhook_id: '4b1d7d0b-8d2e-4c83-9d6e-7c1f0e9a2b31',
          url: 'https://hooks.example.com/mailgun/account',
          description: 'All domains, failures only',
          event_types: ['permanent_fail', 'temporary_fail'],
          created_at: '2025-03-04T10:12:00Z',
        },
      ],
    },
  },
  {
    id: 'webhooks.account-create',
    method: 'POST',
    path: '/v1/webhooks',
    summary: 'Add an account-level webhook',
    description:
      'Registers one URL for the event types you list, across all domains of the account. Changes can take up to 10 minutes to apply.',
    beyondSpec: true,
    encoding: 'multipart',
    params: [
      accountUrl,
      { ...v4EventTypes, in: 'body', required: true, example: ['permanent_fail', 'temporary_fail'] },
      { ...accountNote, example: 'All domains, failures only' },
    ],
    response: { webhook_id: '4b1d7d0b-8d2e-4c83-9d6e-7c1f0e9a2b31' },
  },
  {
    id: 'webhooks.account-update',
    method: 'PUT',
    path: '/v1/webhooks/{webhook_id}',
    summary: 'Replace an account-level webhook',
    description: 'Overwrites the URL, description and event types of one account webhook; whatever you leave out is gone afterwards.',
    beyondSpec: true,
    encoding: 'multipart',
    params: [
      inPath(
        'webhook_id',
        { kind: 'string', format: 'id' },
        '4b1d7d0b-8d2e-4c83-9d6e-7c1f0e9a2b31',
        'Id from the list or the create call.',
      ),
      accountUrl,
      { ...v4EventTypes, in: 'body', required: true, example: ['permanent_fail'] },
      { ...accountNote, example: 'All domains, hard failures' },
    ],
    exampleResponse: { status: 204, contentType: 'text/plain', body: '' },
  },
  {
    id: 'webhooks.account-delete',
    method: 'DELETE',
    path: '/v1/webhooks',
    summary: 'Remove account-level webhooks',
    description:
      'Deletes the account webhooks named in webhook_ids, or all of them with all=true. When both are given only the named ones go.',
    beyondSpec: true,
    params: [
      { ...webhookIds, description: 'Comma-separated ids of the webhooks to delete.' },
      inQuery('all', { kind: 'boolean', style: 'true-false' }, false, 'Delete every account webhook.'),
    ],
    exampleResponse: { status: 204, contentType: 'text/plain', body: '' },
  },
]);
