import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const credentialsGroup: GroupDef = {
  id: 'credentials',
  title: 'SMTP credentials',
  description: 'Manage the SMTP logins that may relay mail through a domain.',
};

const domainNamePath = domainPath('domain_name', 'Domain the SMTP logins belong to.');

const specPath: ParamSpec = inPath(
  'spec',
  { kind: 'email' },
  'postmaster@sandbox.mg.example.com',
  'The SMTP login (full address) to act on.',
);

export const credentialsEndpoints = defineEndpoints('credentials', [
  {
    id: 'credentials.list',
    method: 'GET',
    path: '/v3/domains/{domain_name}/credentials',
    summary: 'List SMTP logins of a domain',
    description: 'Returns the SMTP logins of the domain with their creation dates; passwords are never shown. Pages with skip and limit.',
    pagination: 'skip-limit',
    params: [
      domainNamePath,
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'How many logins to pass over before the page starts.', { default: 0 }),
      inQuery('limit', { kind: 'integer', min: 1, max: 1000 }, 100, 'Page size, at most 1,000 (default 100).', { default: 100 }),
    ],
    response: {
      items: [
        {
          mailbox: 'alerts@mg.example.com',
          login: 'alerts@mg.example.com',
          created_at: 'Tue, 11 Jun 2024 09:30:12 +0000',
          size_bytes: null,
        },
      ],
      total_count: 1,
    },
  },
  {
    id: 'credentials.create',
    method: 'POST',
    path: '/v3/domains/{domain_name}/credentials',
    summary: 'Create SMTP logins',
    description:
      'Adds one or more SMTP logins; repeat login (and password) to create several at once. Leave out password and Mailgun generates one, shown only in this response.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody(
        'login',
        { kind: 'email' },
        'alerts@sandbox.mg.example.com',
        'Login address of the SMTP user, normally on the domain; repeat to create several.',
        { required: true, repeatable: true },
      ),
      inBody(
        'mailbox',
        { kind: 'email' },
        'alerts@sandbox.mg.example.com',
        'Alternative name for login; accepts several values the same way.',
        {
          repeatable: true,
        },
      ),
      inBody('system', { kind: 'boolean', style: 'true-false' }, false, 'Mark the logins as system credentials. Default false.', {
        default: false,
      }),
      inBody(
        'password',
        { kind: 'string', maxLength: 32 },
        'c0rrect-h0rse-battery',
        'Password for each login, in the same order, 5 to 32 characters; omit to have Mailgun generate them.',
        { repeatable: true },
      ),
    ],
    response: {
      message: 'Created 1 SMTP login',
      note: 'Store the generated password now; it cannot be shown again.',
      credentials: { 'alerts@mg.example.com': 'Xq4v8Rt2Lm9pWz' },
    },
  },
  {
    id: 'credentials.delete-all',
    method: 'DELETE',
    path: '/v3/domains/{domain_name}/credentials',
    summary: 'Delete every SMTP login of a domain',
    description: 'Removes all SMTP logins of the domain at once; mail clients using them stop working immediately.',
    params: [domainNamePath],
    response: { message: 'All credentials deleted', count: 3 },
  },
  {
    id: 'credentials.update',
    method: 'PUT',
    path: '/v3/domains/{domain_name}/credentials/{spec}',
    summary: 'Change the password of an SMTP login',
    description: 'Sets a new password for one login, or lets Mailgun generate one when you send none.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      specPath,
      inBody(
        'password',
        { kind: 'string', maxLength: 32 },
        'n3w-s3cret-phrase',
        'The new password, 5 to 32 characters; omit to receive a generated one.',
      ),
    ],
    response: { message: 'Password changed' },
  },
  {
    id: 'credentials.delete',
    method: 'DELETE',
    path: '/v3/domains/{domain_name}/credentials/{spec}',
    summary: 'Delete an SMTP login',
    description: 'Removes a single SMTP login. The built-in postmaster login cannot be deleted.',
    params: [domainNamePath, specPath],
    response: { message: 'SMTP login deleted', spec: 'alerts@mg.example.com' },
  },
]);
