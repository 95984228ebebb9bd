import type { SandboxRegion } from '../../shared/sandbox/constants';
import { field, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { isBareAddress, parseFlag, parseIntParam } from '../format';
import type { RegionState, Subaccount } from '../state';

/**
 * Account-level settings the SDK manages: custom monthly sending limits (for
 * the account and each subaccount, with `current` counted from the sandbox's
 * own accepted events this month), subaccount features, and the authorized
 * recipients of sandbox domains.
 */

const FEATURES = ['email_preview', 'inbox_placement', 'sending', 'validations', 'validations_bulk'] as const;
const ACTIVATION_DELAY_MS = 60_000;

function acceptedThisMonth(now: number, regions: Readonly<Record<SandboxRegion, RegionState>>): number {
  const d = new Date(now);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  return [...regions.us.domains, ...regions.eu.domains].reduce(
    (sum, domain) => sum + domain.events.filter((e) => e.event === 'accepted' && e.timestamp >= monthStart).length,
    0,
  );
}

function limitView(limit: number | null | undefined, current: number): Reply {
  if (limit === null || limit === undefined) return notFound('No custom monthly limit is set');
  return json(200, { limit, current, period: '1m' });
}

function readLimit(ctx: RequestContext): number {
  return parseIntParam(requiredField(ctx, 'limit'), 'limit', { min: 1, max: 1_000_000_000, fallback: 1 });
}

function sub(ctx: RequestContext): Subaccount {
  const id = param(ctx, 'subaccount_id');
  return ctx.world.state.subaccounts.find((s) => s.id === id) ?? notFound('Subaccount not found');
}

function updateFeatures(ctx: RequestContext): Reply {
  const s = sub(ctx);
  const features = { ...(s.features ?? Object.fromEntries(FEATURES.map((f) => [f, { enabled: true }]))) };
  for (const name of FEATURES) {
    const raw = field(ctx, name);
    if (raw === undefined) continue;
    let enabled: boolean | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { enabled?: unknown }).enabled === 'boolean')
        enabled = (parsed as { enabled: boolean }).enabled;
    } catch {
      // Plain yes/no/true/false is read below.
    }
    features[name] = { enabled: enabled ?? parseFlag(raw, name) ?? true };
  }
  s.features = features;
  return json(200, { features });
}

function recipientView(ctx: RequestContext, r: { email: string; added_at: number }) {
  return { email: r.email, activated: ctx.world.now() - r.added_at >= ACTIVATION_DELAY_MS };
}

function addRecipient(ctx: RequestContext): Reply {
  const email = requiredField(ctx, 'email').trim().toLowerCase();
  if (!isBareAddress(email)) return badRequest(`'${email.slice(0, 100)}' is not a valid address`);
  const list = ctx.world.state.authorizedRecipients;
  const existing = list.find((r) => r.email === email);
  const entry = existing ?? { email, added_at: ctx.world.now() };
  if (!existing) list.push(entry);
  return json(200, { recipient: recipientView(ctx, entry) });
}

function removeRecipient(ctx: RequestContext): Reply {
  const email = param(ctx, 'email').toLowerCase();
  if (!ctx.world.state.authorizedRecipients.some((r) => r.email === email)) return notFound('Sandbox recipient not found');
  ctx.world.state.authorizedRecipients = ctx.world.state.authorizedRecipients.filter((r) => r.email !== email);
  return json(200, { message: 'Sandbox recipient deleted.' });
}

const subLimit = '/v5/accounts/subaccounts/{subaccount_id}/limit/custom/monthly';
export const accountLimitRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v5/accounts/limit/custom/monthly',
    handler: (ctx) => limitView(ctx.world.state.monthlyLimit, acceptedThisMonth(ctx.world.now(), ctx.world.state.regions)),
  },
  {
    method: 'PUT',
    path: '/v5/accounts/limit/custom/monthly',
    handler: (ctx) => {
      ctx.world.state.monthlyLimit = readLimit(ctx);
      return json(200, { success: true });
    },
  },
  {
    method: 'DELETE',
    path: '/v5/accounts/limit/custom/monthly',
    handler: (ctx) => {
      ctx.world.state.monthlyLimit = null;
      return json(200, { success: true });
    },
  },
  // Sending is never actually held back in the sandbox, so re-enabling it only answers.
  { method: 'PUT', path: '/v5/accounts/limit/custom/enable', handler: () => json(200, { success: true }) },
  {
    method: 'GET',
    path: subLimit,
    handler: (ctx) => limitView(sub(ctx).monthlyLimit, acceptedThisMonth(ctx.world.now(), sub(ctx).regions)),
  },
  {
    method: 'PUT',
    path: subLimit,
    handler: (ctx) => {
      sub(ctx).monthlyLimit = readLimit(ctx);
      return json(200, { success: true });
    },
  },
  {
    method: 'DELETE',
    path: subLimit,
    handler: (ctx) => {
      sub(ctx).monthlyLimit = null;
      return json(200, { success: true });
    },
  },
  { method: 'PUT', path: '/v5/accounts/subaccounts/{subaccount_id}/features', handler: updateFeatures },
  {
    method: 'GET',
    path: '/v5/sandbox/auth_recipients',
    handler: (ctx) => json(200, { recipients: ctx.world.state.authorizedRecipients.map((r) => recipientView(ctx, r)) }),
  },
  { method: 'POST', path: '/v5/sandbox/auth_recipients', handler: addRecipient },
  { method: 'DELETE', path: '/v5/sandbox/auth_recipients/{email}', handler: removeRecipient },
];
