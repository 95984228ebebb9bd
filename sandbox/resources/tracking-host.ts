import { createHash } from 'node:crypto';
import { domainOf, everyDomain, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import type { Domain } from '../state';

/**
 * The tracking host (`<web_prefix>.<domain>`): its prefix, and the TLS
 * certificate Mailgun gets for it. The sandbox's certificate is a stand-in
 * (its body is an obvious placeholder, never a usable certificate); it is
 * `processing` for a short while after it is asked for, then `active`.
 */

export const CERTIFICATE_ISSUE_MS = 30_000;
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The path names the domain or its tracking host. */
function trackedDomain(ctx: RequestContext): Domain {
  const wanted = param(ctx, 'domain').trim().toLowerCase();
  const found = everyDomain(ctx.world.state).find((d) => d.name === wanted || `${d.web_prefix}.${d.name}` === wanted);
  return found ?? notFound(`Domain not found: ${wanted.slice(0, 100)}`);
}

function host(d: Domain): string {
  return `${d.web_prefix}.${d.name}`;
}

function issue(ctx: RequestContext, renew: boolean): Reply {
  const d = trackedDomain(ctx);
  // Generating again starts a fresh certificate, as regenerating does.
  if (renew && !d.trackingCertificate) return notFound(`No certificate for ${host(d)} yet; use POST to generate one`);
  const now = ctx.world.now();
  d.trackingCertificate = {
    requested_at: now,
    serial: createHash('sha256')
      .update(`${host(d)}/${now}`)
      .digest('hex')
      .slice(0, 32),
  };
  return json(202, { message: 'Certificate generation started', location: `/v2/x509/${host(d)}/status` });
}

function placeholderPem(d: Domain, serial: string): string {
  const body = Buffer.from(`Sandbox stand-in certificate for ${host(d)}, serial ${serial}. Not a real certificate.`).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function status(ctx: RequestContext): Reply {
  const d = trackedDomain(ctx);
  const cert = d.trackingCertificate ?? notFound(`No certificate for ${host(d)}`);
  const ready = ctx.world.now() - cert.requested_at >= CERTIFICATE_ISSUE_MS;
  // While processing, Mailgun says why and has no certificate yet.
  return json(
    200,
    ready
      ? { status: 'active', error: null, certificate: placeholderPem(d, cert.serial) }
      : { status: 'processing', error: 'Waiting for x509 key pair generation' },
  );
}

function updatePrefix(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const prefix = requiredField(ctx, 'web_prefix').trim().toLowerCase();
  if (!PREFIX.test(prefix)) return badRequest(`'${prefix.slice(0, 80)}' is not a valid host name label`);
  // The old host's certificate does not cover the new one.
  if (prefix !== d.web_prefix) d.trackingCertificate = null;
  d.web_prefix = prefix;
  return json(200, { message: 'Domain web prefix updated' });
}

export const trackingHostRoutes: readonly RouteDef[] = [
  { method: 'PUT', path: '/v3/domains/{name}/web_prefix', domainParam: 'name', handler: updatePrefix },
  { method: 'POST', path: '/v2/x509/{domain}', handler: (ctx) => issue(ctx, false) },
  { method: 'PUT', path: '/v2/x509/{domain}', handler: (ctx) => issue(ctx, true) },
  { method: 'GET', path: '/v2/x509/{domain}/status', handler: status },
];
