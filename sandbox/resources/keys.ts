import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../auth';
import { everyDomain, field, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { isoSeconds, parseIntParam, uuid } from '../format';
import type { ApiKey } from '../state';

/** The built-in key is listed like any other, but removing it would lock everyone out. */
export const SANDBOX_KEY_ID = 'sandbox-primary-key';

const ROLES = ['admin', 'basic', 'sending', 'developer'] as const;
const KINDS = ['user', 'domain', 'web'] as const;

function view(k: ApiKey) {
  return {
    id: k.id,
    description: k.description,
    kind: k.kind,
    role: k.role,
    created_at: isoSeconds(k.created_at),
    updated_at: isoSeconds(k.created_at),
    expires_at: k.expires_at === null ? null : isoSeconds(k.expires_at),
    requestor: k.kind === 'domain' ? null : 'developer@example.com',
    user_name: k.kind === 'domain' ? null : 'Sandbox Developer',
    domain_name: k.domain_name,
    is_disabled: false,
  };
}

function list(ctx: RequestContext): Reply {
  const kind = ctx.query.get('kind');
  if (kind !== null && !(KINDS as readonly string[]).includes(kind))
    return badRequest(`expected 'kind' to be one of ${KINDS.join(', ')} or absent`);
  const domain = ctx.query.get('domain_name')?.toLowerCase();
  const now = ctx.world.now();
  const items = ctx.world.state.keys.filter(
    (k) => (kind === null || k.kind === kind) && (!domain || k.domain_name === domain) && (k.expires_at === null || k.expires_at > now),
  );
  return json(200, { total_count: items.length, items: items.map(view) });
}

function create(ctx: RequestContext): Reply {
  const role = requiredField(ctx, 'role');
  if (!(ROLES as readonly string[]).includes(role)) return badRequest(`expected 'role' to be one of ${ROLES.join(', ')}`);
  const kind = field(ctx, 'kind') ?? 'user';
  if (!(KINDS as readonly string[]).includes(kind)) return badRequest(`expected 'kind' to be one of ${KINDS.join(', ')} or absent`);
  let domainName: string | null = null;
  if (kind === 'domain') {
    domainName = requiredField(ctx, 'domain_name').trim().toLowerCase();
    const known = everyDomain(ctx.world.state).some((d) => d.name === domainName);
    if (!known) return badRequest(`Domain not found: ${domainName}`);
  }
  if (role === 'sending' && kind !== 'domain') return badRequest("a 'sending' key must have kind 'domain'");
  const rawExpiration = field(ctx, 'expiration');
  const maxSeconds = kind === 'web' ? 86_400 : 10 * 365 * 86_400;
  const expiration =
    rawExpiration === undefined
      ? kind === 'web'
        ? 86_400
        : null
      : parseIntParam(rawExpiration, 'expiration', { min: 1, max: maxSeconds, fallback: 0 });
  if (ctx.world.state.keys.length >= 200) return badRequest('The sandbox holds at most 200 keys; delete some first');
  const secret = `sandbox-${randomBytes(16).toString('hex')}`;
  const now = ctx.world.now();
  const key: ApiKey = {
    id: uuid(),
    description: (field(ctx, 'description') ?? '').slice(0, 200),
    kind: kind as ApiKey['kind'],
    role: role as ApiKey['role'],
    domain_name: domainName,
    created_at: now,
    expires_at: expiration === null ? null : now + expiration * 1000,
    secret_sha256: sha256Hex(secret),
  };
  ctx.world.state.keys.push(key);
  return json(200, { message: 'key created', key: { ...view(key), secret } });
}

function remove(ctx: RequestContext): Reply {
  const id = param(ctx, 'key_id');
  if (id === SANDBOX_KEY_ID) return badRequest('The built-in sandbox key cannot be deleted; reset the sandbox instead');
  const key = ctx.world.state.keys.find((k) => k.id === id) ?? notFound('no key matching id');
  ctx.world.state.keys = ctx.world.state.keys.filter((k) => k !== key);
  return json(200, { message: 'key deleted' });
}

export const keyRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v1/keys', handler: list },
  { method: 'POST', path: '/v1/keys', handler: create },
  { method: 'DELETE', path: '/v1/keys/{key_id}', handler: remove },
];
