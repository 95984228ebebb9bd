import { domainOf, field, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { parseFlag } from '../format';
import type { Domain } from '../state';
import { SANDBOX_ACCOUNT_ID } from './account-tags';
import { nextManagedSelector, rotateIfDue, rotateNow } from './dkim';

/**
 * Managed DKIM keys of domains with Automatic Sender Security: rotating now
 * makes the next `pdkN` key, signs with it and retires the old one; scheduled
 * rotation does the same whenever its interval has passed, checked each time
 * the domain's managed keys are looked at.
 */

const MIN_INTERVAL_DAYS = 5;
const DEFAULT_INTERVAL_HOURS = 30 * 24;

function managed(ctx: RequestContext): Domain {
  const d = domainOf(ctx);
  if (!d.use_automatic_sender_security) return badRequest(`Automatic Sender Security is not enabled for ${d.name}`);
  return d;
}

/** A stable number standing in for Mailgun's per-domain service id in the CNAME targets. */
function sidOf(d: Domain): string {
  return String(Number.parseInt(d.id.slice(-6), 16) % 10_000);
}

function view(d: Domain) {
  const active = d.dkimKeys.find((k) => k.active)?.selector ?? d.dkimSelector;
  const sid = sidOf(d);
  const record = (selector: string) => ({
    name: `${selector}._domainkey.${d.name}`,
    type: 'CNAME',
    identifier: 'DKIM',
    value: `${selector}._domainkey.${sid}.service.sandbox.mailgun.invalid`,
    comment: 'DKIM key delegated to Mailgun',
  });
  return {
    domain: {
      id: d.id,
      account_id: SANDBOX_ACCOUNT_ID,
      sid,
      name: d.name,
      state: 'enabled',
      active_selector: active,
      // Mailgun writes these two as strings.
      rotation_enabled: String(d.dkimRotation?.enabled ?? false),
      rotation_interval: `${d.dkimRotation?.interval_hours ?? DEFAULT_INTERVAL_HOURS}h`,
      records: [record(active), record(nextManagedSelector(d))],
    },
  };
}

function updateRotation(ctx: RequestContext): Reply {
  const d = managed(ctx);
  const now = ctx.world.now();
  const enabled = parseFlag(requiredField(ctx, 'rotation_enabled'), 'rotation_enabled') as boolean;
  const rawInterval = field(ctx, 'rotation_interval');
  let hours = d.dkimRotation?.interval_hours ?? DEFAULT_INTERVAL_HOURS;
  if (rawInterval !== undefined && rawInterval.trim() !== '') {
    if (!enabled) return badRequest('rotation_interval can only be set while enabling rotation');
    const days = /^(\d{1,4})d$/.exec(rawInterval.trim())?.[1];
    if (days === undefined) return badRequest("rotation_interval must be a number of days with a 'd' suffix, e.g. 30d");
    if (Number(days) < MIN_INTERVAL_DAYS) return badRequest(`rotation_interval must be at least ${MIN_INTERVAL_DAYS}d`);
    hours = Number(days) * 24;
  }
  rotateIfDue(d, now);
  d.dkimRotation = {
    enabled,
    interval_hours: hours,
    rotated_at: enabled && !d.dkimRotation?.enabled ? now : (d.dkimRotation?.rotated_at ?? now),
  };
  return json(200, view(d));
}

export const dkimManagementRoutes: readonly RouteDef[] = [
  { method: 'PUT', path: '/v1/dkim_management/domains/{name}/rotation', domainParam: 'name', handler: updateRotation },
  {
    method: 'POST',
    path: '/v1/dkim_management/domains/{name}/rotate',
    domainParam: 'name',
    handler: (ctx) => {
      rotateNow(managed(ctx), ctx.world.now());
      return json(200, { message: 'ok' });
    },
  },
];
