import { defineEndpoints, inBody, inPath, inQuery } from '../define';
import type { GroupDef } from '../types';

export const keysGroup: GroupDef = {
  id: 'keys',
  title: 'Keys',
  description: 'Create, list and revoke API keys, including domain sending keys, and rotate the public validation key.',
};

export const keysEndpoints = defineEndpoints('keys', [
  {
    id: 'keys.list',
    method: 'GET',
    path: '/v1/keys',
    summary: 'List API keys',
    description: 'Returns the keys on the account with their kind, role and owner. Secrets are never included.',
    params: [
      inQuery('domain_name', { kind: 'string', format: 'domain' }, 'mg.example.com', 'Only domain keys for this domain.'),
      inQuery('kind', { kind: 'enum', values: ['domain', 'user', 'web'] }, 'domain', 'Only keys of this kind.'),
    ],
    response: {
      total_count: 1,
      items: [
        {
          id: 'e2153fd0-e0277777',
          description: 'CI pipeline',
          kind: 'user',
          role: 'admin',
          created_at: '2025-01-02T15:04:05',
          updated_at: '2025-01-02T15:04:05',
          requestor: 'jane@example.com',
          user_name: 'Jane Doe',
          domain_name: null,
          is_disabled: false,
        },
      ],
    },
  },
  {
    id: 'keys.create',
    method: 'POST',
    path: '/v1/keys',
    summary: 'Create an API key',
    description:
      'Issues a new key. A domain key with the `sending` role can only send mail for that domain; web keys need a user id and email and last at most a day. Copy `key.secret` from the response: it is shown only once.',
    encoding: 'multipart',
    params: [
      inBody(
        'domain_name',
        { kind: 'string', format: 'domain' },
        'sandbox.mg.example.com',
        'Domain the key is tied to; needed for `domain` keys.',
      ),
      inBody('kind', { kind: 'enum', values: ['domain', 'user', 'web'] }, 'domain', 'Key type; `user` when omitted.', { default: 'user' }),
      inBody('description', { kind: 'string', format: 'text' }, 'Checkout service sending key', 'Note to recognise the key later.'),
      inBody('expiration', { kind: 'integer', min: 1 }, 86400, 'Lifetime in seconds; omit for a key that does not expire.'),
      inBody(
        'role',
        { kind: 'enum', values: ['admin', 'basic', 'sending', 'developer'] },
        'sending',
        'Permission level; `basic` is the read-only analyst role and `sending` goes with domain keys.',
        { required: true },
      ),
      inBody('user_id', { kind: 'string', format: 'id' }, '5f9d8c7b6a5e4d3c2b1a0f9e', 'User the key belongs to; expected for `web` keys.'),
      inBody('user_name', { kind: 'string' }, 'Jane Doe', 'Display name of that user.'),
      inBody('email', { kind: 'email' }, 'jane@example.com', 'Email of that user; expected for `web` keys.'),
    ],
    response: {
      message: 'great success',
      key: {
        id: 'f2153fd0-f1277777',
        description: 'Checkout service sending key',
        kind: 'domain',
        role: 'sending',
        created_at: '2025-01-02T15:04:05',
        updated_at: '2025-01-02T15:04:05',
        requestor: null,
        user_name: null,
        domain_name: 'mg.example.com',
        is_disabled: false,
        secret: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6-0f1e2d3c-4b5a6978',
      },
    },
  },
  {
    id: 'keys.delete',
    method: 'DELETE',
    path: '/v1/keys/{key_id}',
    summary: 'Revoke an API key',
    description: 'Deletes the key at once; anything still using it starts getting 401 responses.',
    params: [inPath('key_id', { kind: 'string', format: 'id' }, 'f2153fd0-f1277777', 'Id of the key (not its secret).')],
    response: { message: 'key deleted' },
  },
  {
    id: 'keys.regenerate-public',
    method: 'POST',
    path: '/v1/keys/public',
    summary: 'Rotate the public key',
    description: 'Replaces the account’s public `pubkey-…` key. Update any front-end code that embeds the old one.',
    response: { key: 'pubkey-4c8e2a6f0b3d7e1a5c9f2b6d0e4a8c1f', message: 'The public API key has been successfully regenerated.' },
  },
]);
