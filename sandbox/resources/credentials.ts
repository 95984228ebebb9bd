import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../auth';
import { domainOf, field, param, type RequestContext, type RouteDef } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { parseIntParam, rfc2822 } from '../format';
import type { Domain, SmtpCredential } from '../state';

/** SMTP logins of a domain. Like the API keys, only a hash of each password is kept. */

const LOCAL_PART = /^[A-Za-z0-9._+-]{1,64}$/;

function view(c: SmtpCredential) {
  return { mailbox: c.login, login: c.login, created_at: rfc2822(c.created_at, '+0000'), size_bytes: null };
}

/** `alerts` and `alerts@domain` name the same login. */
function loginOf(d: Domain, raw: string): string {
  const value = raw.trim().toLowerCase();
  const local = value.endsWith(`@${d.name}`) ? value.slice(0, -(d.name.length + 1)) : value;
  if (!LOCAL_PART.test(local)) return badRequest(`'${raw.slice(0, 80)}' is not a valid login for ${d.name}`);
  return `${local}@${d.name}`;
}

function checkPassword(password: string): string {
  if (password.length < 5 || password.length > 32) return badRequest('Password length must be between 5 and 32 characters');
  return password;
}

function find(d: Domain, spec: string): SmtpCredential {
  const login = loginOf(d, spec);
  return d.credentials.find((c) => c.login === login) ?? notFound('Credentials not found');
}

function list(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 100 });
  const skip = parseIntParam(ctx.query.get('skip') ?? undefined, 'skip', { min: 0, max: 10_000_000, fallback: 0 });
  return json(200, { items: d.credentials.slice(skip, skip + limit).map(view), total_count: d.credentials.length });
}

function create(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const raw = field(ctx, 'login') ?? field(ctx, 'mailbox');
  if (raw === undefined || raw.trim() === '') return badRequest('Missing mandatory parameter: login');
  const login = loginOf(d, raw);
  if (d.credentials.some((c) => c.login === login)) return badRequest(`Credentials for ${login} already exist`);
  const given = field(ctx, 'password');
  const password = given === undefined ? randomBytes(12).toString('base64url') : checkPassword(given);
  d.credentials.push({ login, created_at: ctx.world.now(), password_sha256: sha256Hex(password) });
  // A generated password is shown once, like Mailgun does; a chosen one is never echoed.
  return json(
    200,
    given === undefined
      ? {
          message: 'Created 1 SMTP login',
          note: 'Store the generated password now; it cannot be shown again.',
          credentials: { [login]: password },
        }
      : { message: 'Created 1 credentials pair(s)' },
  );
}

function update(ctx: RequestContext): Reply {
  const credential = find(domainOf(ctx), param(ctx, 'spec'));
  const password = field(ctx, 'password');
  if (password === undefined) return badRequest('Missing mandatory parameter: password');
  credential.password_sha256 = sha256Hex(checkPassword(password));
  return json(200, { message: 'Password changed' });
}

function remove(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const credential = find(d, param(ctx, 'spec'));
  d.credentials = d.credentials.filter((c) => c !== credential);
  return json(200, { message: 'Credentials have been deleted', spec: credential.login });
}

function removeAll(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const count = d.credentials.length;
  d.credentials = [];
  return json(200, { message: 'All domain credentials have been deleted', count });
}

const base = '/v3/domains/{domain_name}/credentials';
export const credentialRoutes: readonly RouteDef[] = [
  { method: 'GET', path: base, domainParam: 'domain_name', handler: list },
  { method: 'POST', path: base, domainParam: 'domain_name', handler: create },
  { method: 'DELETE', path: base, domainParam: 'domain_name', handler: removeAll },
  { method: 'PUT', path: `${base}/{spec}`, domainParam: 'domain_name', handler: update },
  { method: 'DELETE', path: `${base}/{spec}`, domainParam: 'domain_name', handler: remove },
];
