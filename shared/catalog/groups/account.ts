import { defineEndpoints, inBody, inQuery } from '../define';
import type { GroupDef } from '../types';

export const accountGroup: GroupDef = {
  id: 'account',
  title: 'Account Management',
  description: 'Account-wide settings: organisation name, login session rules and the key used to sign webhook payloads.',
};

export const accountEndpoints = defineEndpoints('account', [
  {
    id: 'account.update',
    method: 'PUT',
    path: '/v5/accounts',
    summary: 'Change account name and login session settings',
    description:
      'Updates the organisation name, how long dashboard sessions last and where users land after signing out. Send only the values you want to change.',
    params: [
      inQuery('name', { kind: 'string' }, 'Example Ltd', 'New organisation name.'),
      inQuery('inactive_session_timeout', { kind: 'integer', min: 0 }, 3600, 'Idle time after which a dashboard login ends.'),
      inQuery('absolute_session_timeout', { kind: 'integer', min: 0 }, 43200, 'Longest a dashboard login may last, however active.'),
      inQuery('logout_redirect_url', { kind: 'url' }, 'https://www.example.com/signed-out', 'Page users are sent to after signing out.'),
    ],
    response: { message: 'Account info has been updated' },
  },
  {
    id: 'account.get-webhook-signing-key',
    method: 'GET',
    path: '/v5/accounts/http_signing_key',
    summary: 'Read the webhook signing key',
    description:
      'Returns the key Mailgun uses for the HMAC signature on webhook calls. Verify payloads with this key, not with an API key.',
    response: { http_signing_key: 'key-3f9c1a7e0b6d4e2f8a5c7b1d9e0f2a4c' },
  },
  {
    id: 'account.regenerate-webhook-signing-key',
    method: 'POST',
    path: '/v5/accounts/http_signing_key',
    summary: 'Create or rotate the webhook signing key',
    description:
      'Issues a new signing key straight away. Webhook receivers that still check with the old key will reject calls until they are updated.',
    response: { message: 'regenerated HTTP signing key for account', http_signing_key: 'key-8b2e4d6f1a3c5e7090b1d3f5a7c9e1b3' },
  },
  {
    id: 'account.resend-activation-email',
    method: 'POST',
    path: '/v5/accounts/resend_activation_email',
    summary: 'Send the account activation email again',
    description: 'Mails a fresh activation link to the account owner, for example when the first one expired.',
    response: { success: true },
  },
  {
    id: 'account.update-features',
    method: 'PUT',
    path: '/v5/accounts/features',
    summary: 'Switch account features on or off',
    description:
      'Turns account-wide options on or off. Each field takes a small JSON object such as `{"enabled": true}`; send only the ones you want to change.',
    beyondSpec: true,
    encoding: 'urlencoded',
    params: [
      inBody(
        'webhooks_redact_pii',
        { kind: 'json' },
        '{"enabled": true}',
        'Leave personal data (addresses, subjects) out of webhook payloads, as `{"enabled": true|false}`.',
      ),
      inBody('ai_insights', { kind: 'json' }, '{"enabled": false}', 'AI-generated sending insights, as `{"enabled": true|false}`.'),
    ],
    response: { message: 'account features updated' },
  },
]);
