import type { EndpointDef, GroupDef } from '../types';

export const sandboxRecipientsGroup: GroupDef = {
  id: 'sandbox-recipients',
  title: 'Sandbox Recipients',
  description: 'Manage the short list of addresses a sandbox domain is allowed to deliver to.',
};

export const sandboxRecipientsEndpoints: readonly EndpointDef[] = [
  {
    id: 'sandbox-recipients.list',
    group: 'sandbox-recipients',
    method: 'GET',
    path: '/v5/sandbox/auth_recipients',
    summary: 'List authorised sandbox recipients',
    description: 'Shows the addresses a sandbox domain may send to and whether each one has confirmed the invitation.',
    deprecated: false,
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: {
        recipients: [
          { email: 'alice@example.com', activated: true },
          { email: 'bob@example.com', activated: false },
        ],
      },
    },
  },
  {
    id: 'sandbox-recipients.add',
    group: 'sandbox-recipients',
    method: 'POST',
    path: '/v5/sandbox/auth_recipients',
    summary: 'Invite an address to receive sandbox mail',
    description:
      'Sends a confirmation request to the address; it can receive sandbox messages once confirmed. Mailgun allows at most five of them.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [
      {
        name: 'email',
        in: 'query',
        type: { kind: 'email' },
        required: true,
        repeatable: false,
        example: 'alice@example.com',
        description: 'Address to authorise.',
      },
    ],
    exampleResponse: {
      status: 200,
      contentType: 'application/json',
      body: { recipient: { email: 'alice@example.com', activated: false } },
    },
  },
  {
    id: 'sandbox-recipients.delete',
    group: 'sandbox-recipients',
    method: 'DELETE',
    path: '/v5/sandbox/auth_recipients/{email}',
    summary: 'Remove an authorised sandbox recipient',
    description: 'Stops sandbox domains delivering to the address and frees a place on the list.',
    deprecated: false,
    mutates: true,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination: 'none',
    params: [
      {
        name: 'email',
        in: 'path',
        type: { kind: 'email' },
        required: true,
        repeatable: false,
        example: 'bob@example.com',
        description: 'Address to remove.',
      },
    ],
    exampleResponse: { status: 200, contentType: 'application/json', body: { message: 'Sandbox recipient deleted.' } },
  },
];
