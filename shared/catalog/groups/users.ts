import { defineEndpoints, inPath, inQuery } from '../define';
import type { GroupDef } from '../types';

export const usersGroup: GroupDef = {
  id: 'users',
  title: 'Users',
  description: 'Look up the people who can sign in to the account and their roles.',
};

const exampleUser = {
  id: '5f9d8c7b6a5e4d3c2b1a0f9e',
  name: 'Jane Doe',
  activated: true,
  is_disabled: false,
  email: 'jane@example.com',
  email_details: { address: 'jane@example.com', is_valid: true, parts: { local_part: 'jane', domain: 'example.com' } },
  role: 'admin',
  account_id: '5f9d8c7b6a5e4d3c2b1a0f00',
  opened_ip: '192.0.2.60',
  is_master: true,
  metadata: {},
  tfa_enabled: true,
  tfa_active: true,
  tfa_created_at: '2024-12-20T16:52:01.892000',
  password_updated_at: '2024-12-20T16:52:01.892000',
  preferences: { programming_language: 'curl', time_format: '%d/%m/%y %H:%M', time_zone: 'Europe/London' },
  auth: { method: 'sinch', prior_details: {}, prior_method: '' },
  github_user_id: null,
  salesforce_user_id: null,
  migration_status: 'done',
};

export const usersEndpoints = defineEndpoints('users', [
  {
    id: 'users.list',
    method: 'GET',
    path: '/v5/users',
    summary: 'List the users of the account',
    description: 'Pages through account users with `skip` and `limit`, optionally only those with a given role.',
    pagination: 'skip-limit',
    params: [
      inQuery(
        'role',
        { kind: 'enum', values: ['basic', 'billing', 'support', 'developer', 'admin'] },
        'developer',
        'Only users with this role; `basic` is the analyst role.',
      ),
      inQuery('limit', { kind: 'integer', min: 1 }, 20, 'Users per page.'),
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'Users to pass over first.'),
    ],
    response: { users: [exampleUser], total: 1 },
  },
  {
    id: 'users.get',
    method: 'GET',
    path: '/v5/users/{user_id}',
    summary: 'Show one user',
    description: 'Returns a user’s profile, role, two-factor status and preferences.',
    params: [inPath('user_id', { kind: 'string', format: 'id' }, '5f9d8c7b6a5e4d3c2b1a0f9e', 'Id of the user.')],
    response: exampleUser,
  },
  {
    id: 'users.get-me',
    method: 'GET',
    path: '/v5/users/me',
    summary: 'Show the user that owns the current key',
    description: 'Returns the profile behind the API key in use; keys that are not tied to a user are refused with 403.',
    response: exampleUser,
  },
]);
