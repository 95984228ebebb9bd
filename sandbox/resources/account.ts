import { randomBytes } from 'node:crypto';
import { field, param, type RequestContext, type RouteDef } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { isoSeconds, parseIntParam } from '../format';
import type { AccountSettings } from '../state';
import { SANDBOX_ACCOUNT_ID, SANDBOX_ACCOUNT_NAME } from './account-tags';

/**
 * The account itself: its settings and features, the activation e-mail (the
 * sandbox account is active, so a resent one is only counted), its one user,
 * and the public validation key.
 */

const FEATURES = ['webhooks_redact_pii', 'ai_insights'] as const;
/** Mailgun's session limits, in seconds. */
const DAY_SECONDS = 86_400;

export function accountSettings(ctx: RequestContext): AccountSettings {
  ctx.world.state.account ??= {
    name: SANDBOX_ACCOUNT_NAME,
    inactive_session_timeout: DAY_SECONDS,
    absolute_session_timeout: 30 * DAY_SECONDS,
    logout_redirect_url: '',
    features: { webhooks_redact_pii: { enabled: false }, ai_insights: { enabled: false } },
    activation_emails_sent: [],
  };
  return ctx.world.state.account;
}

function update(ctx: RequestContext): Reply {
  const settings = accountSettings(ctx);
  const name = field(ctx, 'name');
  const seconds = (key: 'inactive_session_timeout' | 'absolute_session_timeout') =>
    parseIntParam(field(ctx, key), key, { min: 60, max: 365 * DAY_SECONDS, fallback: settings[key] });
  const inactive = seconds('inactive_session_timeout');
  const absolute = seconds('absolute_session_timeout');
  if (inactive > absolute) return badRequest('inactive_session_timeout cannot be longer than absolute_session_timeout');
  const redirect = field(ctx, 'logout_redirect_url');
  if (redirect !== undefined && redirect !== '' && !/^https?:\/\/\S+$/.test(redirect))
    return badRequest('logout_redirect_url must be an http(s) URL');
  if (name !== undefined) {
    if (name.trim() === '') return badRequest('The account name cannot be empty');
    settings.name = name.trim().slice(0, 200);
  }
  settings.inactive_session_timeout = inactive;
  settings.absolute_session_timeout = absolute;
  if (redirect !== undefined) settings.logout_redirect_url = redirect.slice(0, 2000);
  return json(200, { message: 'Account info has been updated' });
}

/** Each feature arrives as `{"enabled": true|false}`, the way mailgun.js and the dashboard send it. */
function updateFeatures(ctx: RequestContext): Reply {
  const settings = accountSettings(ctx);
  const changes: [string, boolean][] = [];
  for (const name of FEATURES) {
    const raw = field(ctx, name);
    if (raw === undefined) continue;
    let enabled: unknown;
    try {
      enabled = (JSON.parse(raw) as { enabled?: unknown }).enabled;
    } catch {
      enabled = ['true', 'yes'].includes(raw.trim().toLowerCase())
        ? true
        : ['false', 'no'].includes(raw.trim().toLowerCase())
          ? false
          : undefined;
    }
    if (typeof enabled !== 'boolean') return badRequest(`'${name}' must be {"enabled": true} or {"enabled": false}`);
    changes.push([name, enabled]);
  }
  if (changes.length === 0) return badRequest(`Nothing to update: send one of ${FEATURES.join(', ')}`);
  for (const [name, enabled] of changes) settings.features[name] = { enabled };
  return json(200, { message: 'account features updated' });
}

function user(ctx: RequestContext) {
  const settings = accountSettings(ctx);
  const created = Math.min(...ctx.world.state.regions.us.domains.map((d) => d.created_at), ctx.world.now());
  return {
    id: '5f9d8c7b6a5e4d3c2b1a0f9e',
    name: 'Sandbox developer',
    activated: true,
    is_disabled: false,
    email: 'developer@sandbox.mailgun.invalid',
    email_details: {
      address: 'developer@sandbox.mailgun.invalid',
      is_valid: true,
      parts: { local_part: 'developer', domain: 'sandbox.mailgun.invalid' },
    },
    role: 'admin',
    account_id: SANDBOX_ACCOUNT_ID,
    opened_ip: '127.0.0.1',
    is_master: true,
    metadata: { account_name: settings.name },
    tfa_enabled: false,
    tfa_active: false,
    tfa_created_at: `${isoSeconds(created)}.000000`,
    password_updated_at: `${isoSeconds(created)}.000000`,
    preferences: { programming_language: 'curl', time_format: '%d/%m/%y %H:%M', time_zone: 'UTC' },
    auth: { method: 'password', prior_details: {}, prior_method: '' },
    github_user_id: null,
    salesforce_user_id: null,
    migration_status: 'done',
  };
}

export const accountRoutes: readonly RouteDef[] = [
  { method: 'PUT', path: '/v5/accounts', handler: update },
  { method: 'PUT', path: '/v5/accounts/features', handler: updateFeatures },
  {
    method: 'POST',
    path: '/v5/accounts/resend_activation_email',
    handler: (ctx) => {
      // The sandbox account is already active: the e-mail is only counted, never sent.
      accountSettings(ctx).activation_emails_sent.push(ctx.world.now());
      return json(200, { success: true });
    },
  },
  { method: 'GET', path: '/v5/users/me', handler: (ctx) => json(200, user(ctx)) },
  {
    method: 'GET',
    path: '/v5/users/{user_id}',
    handler: (ctx) => {
      const found = user(ctx);
      return param(ctx, 'user_id') === found.id ? json(200, found) : notFound('User not found');
    },
  },
  {
    method: 'POST',
    path: '/v1/keys/public',
    handler: (ctx) => {
      ctx.world.state.publicKey = `pubkey-${randomBytes(16).toString('hex')}`;
      return json(200, { key: ctx.world.state.publicKey, message: 'The public API key has been successfully regenerated.' });
    },
  },
];
