import { domainOf, everyDomain, field, type RequestContext, type RouteDef, regionOf, requiredField } from '../context';
import { badRequest, json, type Reply } from '../errors';
import { hexId, isHostname, parseFlag, parseIntParam, rfc2822 } from '../format';
import type { DnsRecord, Domain, TrackingSettings } from '../state';
import { dkimValue } from './dkim';

export function defaultTracking(): TrackingSettings {
  return {
    open: { active: true, place_at_the_top: false },
    click: { active: true },
    unsubscribe: {
      active: false,
      html_footer: '<p>No longer interested? <a href="%unsubscribe_url%">Leave this mailing</a></p>',
      text_footer: 'No longer interested? Leave this mailing: %unsubscribe_url%',
    },
    web_scheme: 'https',
  };
}

function dnsRecords(name: string, webPrefix: string, verified: boolean): { sending: DnsRecord[]; receiving: DnsRecord[] } {
  const valid = verified ? 'valid' : 'unknown';
  const record = (record_type: DnsRecord['record_type'], recordName: string, value: string, priority?: string): DnsRecord => ({
    record_type,
    name: recordName,
    value,
    ...(priority ? { priority } : {}),
    valid,
    is_active: true,
    cached: verified ? [priority ? `${priority} ${value}` : value] : [],
  });
  return {
    sending: [
      record('TXT', name, 'v=spf1 include:mailgun.org ~all'),
      record('TXT', `pic._domainkey.${name}`, dkimValue(name, 'pic')),
      record('CNAME', `${webPrefix}.${name}`, 'mailgun.org'),
    ],
    receiving: [record('MX', name, 'mxa.mailgun.org', '10'), record('MX', name, 'mxb.mailgun.org', '10')],
  };
}

export function createDomain(name: string, now: number, options: { verified: boolean; type?: Domain['type']; webPrefix?: string }): Domain {
  const webPrefix = options.webPrefix ?? 'email';
  const records = dnsRecords(name, webPrefix, options.verified);
  return {
    name,
    id: hexId(),
    created_at: now,
    state: options.verified ? 'active' : 'unverified',
    type: options.type ?? 'custom',
    require_tls: false,
    skip_verification: false,
    spam_action: 'disabled',
    smtp_login: `postmaster@${name}`,
    web_prefix: webPrefix,
    web_scheme: 'https',
    wildcard: false,
    use_automatic_sender_security: true,
    encrypt_incoming_message: false,
    message_ttl: 259200,
    sending_dns_records: records.sending,
    receiving_dns_records: records.receiving,
    tracking: defaultTracking(),
    webhooks: [],
    bounces: [],
    complaints: [],
    unsubscribes: [],
    allowlist: [],
    templates: [],
    tags: [],
    events: [],
    stored: [],
    credentials: [],
    dkimKeys: [{ selector: 'pic', active: true, created_at: now, value: dkimValue(name, 'pic') }],
    dkimSelector: 'pic',
    dkimAuthoritySelf: true,
    ips: [],
    ipPool: null,
  };
}

function domainView(d: Domain) {
  return {
    created_at: rfc2822(d.created_at, 'GMT'),
    id: d.id,
    is_disabled: d.state === 'disabled',
    name: d.name,
    require_tls: d.require_tls,
    skip_verification: d.skip_verification,
    smtp_login: d.smtp_login,
    spam_action: d.spam_action,
    state: d.state,
    type: d.type,
    use_automatic_sender_security: d.use_automatic_sender_security,
    web_prefix: d.web_prefix,
    web_scheme: d.web_scheme,
    wildcard: d.wildcard,
    encrypt_incoming_message: d.encrypt_incoming_message,
    message_ttl: d.message_ttl,
  };
}

function withRecords(d: Domain) {
  return { domain: domainView(d), receiving_dns_records: d.receiving_dns_records, sending_dns_records: d.sending_dns_records };
}

function listDomains(ctx: RequestContext): Reply {
  const limit = parseIntParam(ctx.query.get('limit') ?? undefined, 'limit', { min: 1, max: 1000, fallback: 100 });
  const skip = parseIntParam(ctx.query.get('skip') ?? undefined, 'skip', { min: 0, max: 10_000_000, fallback: 0 });
  const state = ctx.query.get('state');
  const search = ctx.query.get('search')?.toLowerCase();
  const matching = regionOf(ctx)
    .domains.filter((d) => (state ? d.state === state : true) && (search ? d.name.includes(search) : true))
    .sort((a, b) => a.name.localeCompare(b.name));
  return json(200, { total_count: matching.length, items: matching.slice(skip, skip + limit).map(domainView) });
}

const SPAM_ACTIONS = ['disabled', 'block', 'tag'] as const;
const WEB_SCHEMES = ['http', 'https'] as const;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return badRequest(`Invalid value for '${name}'; use one of: ${allowed.join(', ')}`);
}

function applySettings(ctx: RequestContext, d: Domain): void {
  const spam = oneOf(field(ctx, 'spam_action'), SPAM_ACTIONS, 'spam_action');
  const scheme = oneOf(field(ctx, 'web_scheme'), WEB_SCHEMES, 'web_scheme');
  const requireTls = parseFlag(field(ctx, 'require_tls'), 'require_tls');
  const skip = parseFlag(field(ctx, 'skip_verification'), 'skip_verification');
  const wildcard = parseFlag(field(ctx, 'wildcard'), 'wildcard');
  const autoSecurity = parseFlag(field(ctx, 'use_automatic_sender_security'), 'use_automatic_sender_security');
  const encrypt = parseFlag(field(ctx, 'encrypt_incoming_message'), 'encrypt_incoming_message');
  const ttl = field(ctx, 'message_ttl');
  const messageTtl = ttl === undefined ? undefined : parseIntParam(ttl, 'message_ttl', { min: 1, max: 604800, fallback: d.message_ttl });
  if (spam) d.spam_action = spam;
  if (scheme) d.web_scheme = scheme;
  if (requireTls !== undefined) d.require_tls = requireTls;
  if (skip !== undefined) d.skip_verification = skip;
  if (wildcard !== undefined) d.wildcard = wildcard;
  if (autoSecurity !== undefined) d.use_automatic_sender_security = autoSecurity;
  if (encrypt !== undefined) d.encrypt_incoming_message = encrypt;
  if (messageTtl !== undefined) d.message_ttl = messageTtl;
}

function createDomainHandler(ctx: RequestContext): Reply {
  const name = requiredField(ctx, 'name').trim().toLowerCase();
  if (!isHostname(name)) return badRequest(`'${name.slice(0, 100)}' is not a valid domain name`);
  const taken = everyDomain(ctx.world.state).some((d) => d.name === name);
  if (taken) return badRequest(`Domain ${name} is already taken`);
  const webPrefix = field(ctx, 'web_prefix')?.trim().toLowerCase();
  if (webPrefix !== undefined && !/^[a-z0-9-]{1,63}$/.test(webPrefix)) return badRequest(`Invalid value for 'web_prefix'`);
  const domain = createDomain(name, ctx.world.now(), { verified: false, ...(webPrefix ? { webPrefix } : {}) });
  applySettings(ctx, domain);
  if (domain.skip_verification) domain.state = 'active';
  regionOf(ctx).domains.push(domain);
  return json(200, { message: 'Domain DNS records have been created', ...withRecords(domain) });
}

function verifyDomain(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  // The sandbox's DNS always "resolves": verifying marks every record found.
  for (const record of [...d.sending_dns_records, ...d.receiving_dns_records]) {
    record.valid = 'valid';
    record.cached = [record.priority ? `${record.priority} ${record.value}` : record.value];
  }
  if (d.state === 'unverified') d.state = 'active';
  return json(200, { message: 'Domain DNS records have been updated', ...withRecords(d) });
}

function deleteDomain(ctx: RequestContext): Reply {
  const region = regionOf(ctx);
  const d = domainOf(ctx);
  region.domains = region.domains.filter((other) => other !== d);
  return json(200, { message: 'Domain will be deleted in the background' });
}

/**
 * The spec types `click.active` as a boolean; "htmlonly" is kept in the state
 * (it is what was asked for) and answered as `true`: click tracking is on.
 */
function trackingView(t: TrackingSettings) {
  return { ...t, click: { active: t.click.active !== false } };
}

function trackingActive(ctx: RequestContext, allowHtmlOnly: boolean): boolean | 'htmlonly' | undefined {
  const raw = field(ctx, 'active');
  if (raw === undefined) return undefined;
  if (allowHtmlOnly && raw.trim().toLowerCase() === 'htmlonly') return 'htmlonly';
  return parseFlag(raw, 'active');
}

function updateTracking(kind: 'open' | 'click' | 'unsubscribe') {
  return (ctx: RequestContext): Reply => {
    const tracking = domainOf(ctx).tracking;
    const active = trackingActive(ctx, kind === 'click');
    if (kind === 'click') {
      if (active !== undefined) tracking.click.active = active;
      return json(200, { message: 'Domain tracking settings have been updated', click: trackingView(tracking).click });
    }
    if (active === 'htmlonly') return badRequest(`Invalid boolean value for 'active'`);
    if (kind === 'open') {
      const top = parseFlag(field(ctx, 'place_at_the_top'), 'place_at_the_top');
      if (active !== undefined) tracking.open.active = active;
      if (top !== undefined) tracking.open.place_at_the_top = top;
      return json(200, { message: 'Domain tracking settings have been updated', open: tracking.open });
    }
    if (active !== undefined) tracking.unsubscribe.active = active;
    const html = field(ctx, 'html_footer');
    const textFooter = field(ctx, 'text_footer');
    if (html !== undefined) tracking.unsubscribe.html_footer = html.slice(0, 10_000);
    if (textFooter !== undefined) tracking.unsubscribe.text_footer = textFooter.slice(0, 10_000);
    return json(200, { message: 'Domain tracking settings have been updated', unsubscribe: tracking.unsubscribe });
  };
}

function updateConnection(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const requireTls = parseFlag(field(ctx, 'require_tls'), 'require_tls');
  const skip = parseFlag(field(ctx, 'skip_verification'), 'skip_verification');
  if (requireTls !== undefined) d.require_tls = requireTls;
  if (skip !== undefined) d.skip_verification = skip;
  return json(200, {
    message: 'Domain connection settings have been updated, may take 10 minutes to fully propagate',
    require_tls: d.require_tls,
    skip_verification: d.skip_verification,
  });
}

export const domainRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v3/domains/{name}/connection',
    domainParam: 'name',
    handler: (ctx) =>
      json(200, { connection: { require_tls: domainOf(ctx).require_tls, skip_verification: domainOf(ctx).skip_verification } }),
  },
  { method: 'PUT', path: '/v3/domains/{name}/connection', domainParam: 'name', handler: updateConnection },
  { method: 'GET', path: '/v4/domains', handler: listDomains },
  { method: 'POST', path: '/v4/domains', handler: createDomainHandler },
  { method: 'GET', path: '/v4/domains/{name}', domainParam: 'name', handler: (ctx) => json(200, withRecords(domainOf(ctx))) },
  {
    method: 'PUT',
    path: '/v4/domains/{name}',
    domainParam: 'name',
    handler: (ctx) => {
      applySettings(ctx, domainOf(ctx));
      return json(200, { message: 'Domain has been updated', ...withRecords(domainOf(ctx)) });
    },
  },
  { method: 'PUT', path: '/v4/domains/{name}/verify', domainParam: 'name', handler: verifyDomain },
  { method: 'DELETE', path: '/v3/domains/{name}', domainParam: 'name', handler: deleteDomain },
  {
    method: 'GET',
    path: '/v3/domains/{name}/tracking',
    domainParam: 'name',
    handler: (ctx) => json(200, { tracking: trackingView(domainOf(ctx).tracking) }),
  },
  { method: 'PUT', path: '/v3/domains/{name}/tracking/open', domainParam: 'name', handler: updateTracking('open') },
  { method: 'PUT', path: '/v3/domains/{name}/tracking/click', domainParam: 'name', handler: updateTracking('click') },
  { method: 'PUT', path: '/v3/domains/{name}/tracking/unsubscribe', domainParam: 'name', handler: updateTracking('unsubscribe') },
];
