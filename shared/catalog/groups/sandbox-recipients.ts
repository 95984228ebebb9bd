import { defineEndpoints, inPath, inQuery } from '../define';
import type { GroupDef } from '../types';

export const sandboxRecipientsGroup: GroupDef = {
  id: 'sandbox-recipients',
  title: 'Sandbox Recipients',
  description: 'Manage the short list of addresses a sandbox domain is allowed to deliver to.',
};

export const sandboxRecipientsEndpoints = defineEndpoints('sandbox-recipients', [
  {
    id: 'sandbox-recipients.list',
    method: 'GET',
    path: '/v5/sandbox/auth_recipients',
    summary: 'List authorised sandbox recipients',
    description: 'Shows the addresses a sandbox domain may send to and whether each one has confirmed the invitation.',
    response: {
      recipients: [
        { email: 'alice@example.com', activated: true },
        { email: 'bob@example.com', activated: false },
      ],
    },
  },
  {
    id: 'sandbox-recipients.add',
    method: 'POST',
    path: '/v5/sandbox/auth_recipients',
    summary: 'Invite an address to receive sandbox mail',
    description:
      'Sends a confirmation request to the address; it can receive sandbox messages once confirmed. Mailgun allows at most five of them.',
    params: [inQuery('email', { kind: 'email' }, 'alice@example.com', 'Address to authorise.', { required: true })],
    response: { recipient: { email: 'alice@example.com', activated: false } },
  },
  {
    id: 'sandbox-recipients.delete',
    method: 'DELETE',
    path: '/v5/sandbox/auth_recipients/{email}',
    summary: 'Remove an authorised sandbox recipient',
    description: 'Stops sandbox domains delivering to the address and frees a place on the list.',
    params: [inPath('email', { kind: 'email' }, 'bob@example.com', 'Address to remove.')],
    response: { message: 'Sandbox recipient deleted.' },
  },
]);
