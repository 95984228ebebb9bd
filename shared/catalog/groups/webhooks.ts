import type { EndpointDef, GroupDef, ParamDef, ParamType } from '../types';

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

const domainPath: ParamDef = {
  name: 'domain',
  in: 'path',
  type: { kind: 'string', format: 'domain' },
  required: true,
  repeatable: false,
  example: 'mg.example.com',
  description: 'Domain whose webhooks to work with.',
};

const domainNamePath: ParamDef = { ...domainPath, name: 'domain_name' };

const webhookNamePath: ParamDef = {
  name: 'webhook_name',
  in: 'path',
  type: webhookType,
  required: true,
  repeatable: false,
  example: 'delivered',
  description: 'The event type the webhook fires on.',
};

const v3Urls: ParamDef = {
  name: 'url',
  in: 'body',
  type: { kind: 'url' },
  required: true,
  repeatable: true,
  example: ['https://hooks.example.com/mailgun/events'],
  description: 'Endpoint to notify; repeat the field for more, at most 3 per event type. Must be reachable when you save it.',
};

const v4Url: ParamDef = {
  name: 'url',
  in: 'body',
  type: { kind: 'url' },
  required: true,
  repeatable: false,
  example: 'https://hooks.example.com/mailgun/events',
  description: 'The endpoint that receives the event POSTs.',
};

const v4EventTypes: ParamDef = {
  name: 'event_types',
  in: 'body',
  type: webhookType,
  required: true,
  repeatable: true,
  example: ['delivered', 'permanent_fail'],
  description: 'Event types to send to the URL; repeat the field once per type.',
};

const exampleUrls = ['https://hooks.example.com/mailgun/events'];

export const webhooksEndpoints: readonly EndpointDef[] = [
  {
    id: 'webhooks.list',
    group: 'webhooks',
    method: 'GET',
    path: '/v3/domains/{domain}/webhooks',
    summary: 'List all webhooks of a domain',
    description: 'Shows, for each event type that has any, the URLs Mailgun posts events to.',
    deprecated: false,
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainPath],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: {
        webhooks: {
          delivered: { urls: exampleUrls },
          permanent_fail: { urls: ['https://hooks.example.com/mailgun/events', 'https://alerts.example.com/bounces'] },
        },
      },
    },
  },
  {
    id: 'webhooks.create',
    group: 'webhooks',
    method: 'POST',
    path: '/v3/domains/{domain}/webhooks',
    summary: 'Add a webhook for one event type',
    description:
      'Registers up to three URLs for a single event type. Mailgun checks that each URL resolves; an unreachable host gives 400. Use the v4 call to attach one URL to several types at once.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'multipart',
    pagination: 'none',
    params: [
      domainPath,
      {
        name: 'id',
        in: 'body',
        type: webhookType,
        required: true,
        repeatable: false,
        example: 'delivered',
        description: 'The event type to subscribe to.',
      },
      v3Urls,
    ],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { message: 'Webhook created', webhook: { urls: exampleUrls } },
    },
  },
  {
    id: 'webhooks.get',
    group: 'webhooks',
    method: 'GET',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    summary: 'Get the webhook of one event type',
    description: 'Returns the URLs registered for a single event type of the domain.',
    deprecated: false,
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainNamePath, webhookNamePath],
    exampleResponse: { status: 200, contentType: 'application/json', body: { webhook: { urls: exampleUrls } } },
  },
  {
    id: 'webhooks.update',
    group: 'webhooks',
    method: 'PUT',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    summary: 'Replace the URLs of one event type',
    description: 'Swaps the whole URL list of an event type for the URLs you send (up to three).',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'multipart',
    pagination: 'none',
    params: [domainNamePath, webhookNamePath, v3Urls],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { message: 'Webhook updated', webhook: { urls: exampleUrls } },
    },
  },
  {
    id: 'webhooks.delete',
    group: 'webhooks',
    method: 'DELETE',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    summary: 'Remove the webhook of one event type',
    description: 'Deletes every URL registered for the event type; the response shows what was removed.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [domainNamePath, webhookNamePath],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { message: 'Webhook removed', webhook: { urls: exampleUrls } },
    },
  },
  {
    id: 'webhooks.update-v4',
    group: 'webhooks',
    method: 'PUT',
    path: '/v4/domains/{domain}/webhooks',
    summary: 'Re-assign event types of a webhook URL',
    description: 'Replaces the set of event types an existing URL is registered for. Types you leave out stop notifying that URL.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'urlencoded',
    pagination: 'none',
    params: [domainPath, { ...v4Url, description: 'A URL that is already registered on the domain.' }, v4EventTypes],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { webhooks: { delivered: { urls: exampleUrls }, opened: { urls: exampleUrls } } },
    },
  },
  {
    id: 'webhooks.create-v4',
    group: 'webhooks',
    method: 'POST',
    path: '/v4/domains/{domain}/webhooks',
    summary: 'Register one URL for several event types',
    description:
      'Adds the URL to every event type you list in a single call. Fails with 400 if the URL is already registered for one of them.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'urlencoded',
    pagination: 'none',
    params: [domainPath, v4Url, v4EventTypes],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { webhooks: { delivered: { urls: exampleUrls }, permanent_fail: { urls: exampleUrls } } },
    },
  },
  {
    id: 'webhooks.delete-v4',
    group: 'webhooks',
    method: 'DELETE',
    path: '/v4/domains/{domain}/webhooks',
    summary: 'Unregister URLs from every event type',
    description: 'Unregisters the given URLs wherever they appear on the domain and returns the webhooks that remain.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [
      domainPath,
      {
        name: 'url',
        in: 'query',
        type: { kind: 'string' },
        required: true,
        repeatable: false,
        example: 'https://hooks.example.com/mailgun/events',
        description: 'URL to remove; separate several with commas.',
      },
    ],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { webhooks: { opened: { urls: ['https://stats.example.com/opens'] } } },
    },
  },
];
