import { createHash } from 'node:crypto';
import { domainOf, everyDomain, field, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { parseFlag, parseIntParam } from '../format';
import type { DkimKey, Domain } from '../state';

/**
 * DKIM keys per signing domain: create (a stand-in public key; no private
 * key ever exists here), list, activate, deactivate, delete, plus the
 * domain's selector and authority settings.
 */

const SELECTOR = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A deterministic, obviously fake public key, so records stay stable across restarts. */
export function dkimValue(domain: string, selector: string): string {
  const filler = createHash('sha256')
    .update(`${domain}/${selector}`)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '');
  return `k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsandbox${filler}IDAQAB`;
}

function view(domain: Domain, key: DkimKey) {
  return {
    signing_domain: domain.name,
    selector: key.selector,
    dns_record: {
      is_active: key.active,
      cached: key.active ? [key.value] : [],
      name: `${key.selector}._domainkey.${domain.name}`,
      record_type: 'TXT',
      valid: key.active ? 'valid' : 'unknown',
      value: key.value,
    },
  };
}

function signingDomain(ctx: RequestContext, name: string): Domain {
  const wanted = name.trim().toLowerCase();
  return everyDomain(ctx.world.state).find((d) => d.name === wanted) ?? notFound(`Domain not found: ${wanted.slice(0, 100)}`);
}

function checkSelector(raw: string): string {
  const selector = raw.trim().toLowerCase();
  if (!SELECTOR.test(selector)) return badRequest(`'${raw.slice(0, 80)}' is not a valid DKIM selector`);
  return selector;
}

const BEFORE_FIRST = 'before-first';
const HOUR = 3_600_000;

/** Managed keys (Automatic Sender Security) are named pdk1, pdk2, …; rotation makes the next one and signs with it. */
export function nextManagedSelector(d: Domain): string {
  const numbers = d.dkimKeys.map((k) => /^pdk(\d{1,6})$/.exec(k.selector)?.[1]).filter((n): n is string => n !== undefined);
  return `pdk${Math.max(0, ...numbers.map(Number)) + 1}`;
}

export function rotateNow(d: Domain, now: number): void {
  const selector = nextManagedSelector(d);
  for (const key of d.dkimKeys) key.active = false;
  d.dkimKeys.push({ selector, active: true, created_at: now, value: dkimValue(d.name, selector) });
  d.dkimSelector = selector;
  if (d.dkimRotation) d.dkimRotation.rotated_at = now;
}

/** Catches up on rotations that fell due since the domain was last looked at. */
export function rotateIfDue(d: Domain, now: number): void {
  const rotation = d.dkimRotation;
  if (!rotation?.enabled || !d.use_automatic_sender_security) return;
  if (now - rotation.rotated_at >= rotation.interval_hours * HOUR) rotateNow(d, now);
}

function listAll(ctx: RequestContext): Reply {
  const domainFilter = ctx.query.get('signing_domain')?.toLowerCase();
  const selectorFilter = ctx.query.get('selector')?.toLowerCase();
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 10 });
  const page = ctx.query.get('page') ?? '';
  const offset = /^\d{1,9}$/.test(page) ? Number(page) : 0;
  // The page before the first is empty, so following `previous` from the first page ends there instead of circling.
  const beforeFirst = page === BEFORE_FIRST;
  const domains = everyDomain(ctx.world.state).filter((d) => !domainFilter || d.name === domainFilter);
  for (const d of domains) rotateIfDue(d, ctx.world.now());
  const all = domains.flatMap((d) => d.dkimKeys.filter((k) => !selectorFilter || k.selector === selectorFilter).map((k) => view(d, k)));
  const base = `${ctx.baseUrl}/v1/dkim/keys`;
  const at = (page: number | typeof BEFORE_FIRST) => `${base}?page=${page}&limit=${limit}`;
  return json(200, {
    items: beforeFirst ? [] : all.slice(offset, offset + limit),
    paging: {
      first: at(0),
      next: at(beforeFirst ? 0 : offset + limit),
      previous: at(beforeFirst || offset === 0 ? BEFORE_FIRST : Math.max(0, offset - limit)),
      last: at(Math.max(0, all.length - limit)),
    },
  });
}

function create(ctx: RequestContext): Reply {
  const domain = signingDomain(ctx, requiredField(ctx, 'signing_domain'));
  const selector = checkSelector(requiredField(ctx, 'selector'));
  const bits = parseIntParam(field(ctx, 'bits'), 'bits', { min: 1024, max: 2048, fallback: 2048 });
  if (bits !== 1024 && bits !== 2048) return badRequest("'bits' must be 1024 or 2048");
  if (domain.dkimKeys.some((k) => k.selector === selector))
    return badRequest(`A key with selector ${selector} already exists for ${domain.name}`);
  const key: DkimKey = { selector, active: false, created_at: ctx.world.now(), value: dkimValue(domain.name, selector) };
  domain.dkimKeys.push(key);
  return json(200, view(domain, key));
}

function remove(ctx: RequestContext): Reply {
  const domain = signingDomain(ctx, requiredField(ctx, 'signing_domain'));
  const selector = checkSelector(requiredField(ctx, 'selector'));
  if (!domain.dkimKeys.some((k) => k.selector === selector)) return notFound('Domain key not found');
  domain.dkimKeys = domain.dkimKeys.filter((k) => k.selector !== selector);
  return json(200, { message: 'success' });
}

function setActive(active: boolean) {
  return (ctx: RequestContext): Reply => {
    const domain = domainOf(ctx);
    const selector = param(ctx, 'selector').toLowerCase();
    const key = domain.dkimKeys.find((k) => k.selector === selector) ?? notFound('Domain key not found');
    key.active = active;
    return json(200, {
      message: active ? 'domain key activated' : 'domain key deactivated',
      authority: domain.name,
      selector: key.selector,
      active,
    });
  };
}

function updateSelector(ctx: RequestContext): Reply {
  const domain = domainOf(ctx);
  const selector = checkSelector(requiredField(ctx, 'dkim_selector'));
  domain.dkimSelector = selector;
  if (!domain.dkimKeys.some((k) => k.selector === selector))
    domain.dkimKeys.push({ selector, active: true, created_at: ctx.world.now(), value: dkimValue(domain.name, selector) });
  return json(200, { message: 'DKIM selector changed' });
}

function updateAuthority(ctx: RequestContext): Reply {
  const domain = domainOf(ctx);
  const self = parseFlag(requiredField(ctx, 'self'), 'self') ?? true;
  const changed = domain.dkimAuthoritySelf !== self;
  domain.dkimAuthoritySelf = self;
  const active = domain.dkimKeys.filter((k) => k.active);
  return json(200, {
    message: 'Domain DKIM authority has been changed',
    sending_dns_records: active.map((k) => view(domain, k).dns_record),
    changed,
  });
}

export const dkimRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v1/dkim/keys', handler: listAll },
  { method: 'POST', path: '/v1/dkim/keys', handler: create },
  { method: 'DELETE', path: '/v1/dkim/keys', handler: remove },
  {
    method: 'GET',
    path: '/v4/domains/{authority_name}/keys',
    domainParam: 'authority_name',
    handler: (ctx) => {
      const domain = domainOf(ctx);
      rotateIfDue(domain, ctx.world.now());
      return json(200, { items: domain.dkimKeys.map((k) => view(domain, k)) });
    },
  },
  { method: 'PUT', path: '/v4/domains/{authority_name}/keys/{selector}/activate', domainParam: 'authority_name', handler: setActive(true) },
  {
    method: 'PUT',
    path: '/v4/domains/{authority_name}/keys/{selector}/deactivate',
    domainParam: 'authority_name',
    handler: setActive(false),
  },
  { method: 'PUT', path: '/v3/domains/{name}/dkim_selector', domainParam: 'name', handler: updateSelector },
  { method: 'PUT', path: '/v3/domains/{name}/dkim_authority', domainParam: 'name', handler: updateAuthority },
];
