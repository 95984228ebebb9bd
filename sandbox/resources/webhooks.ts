import { STATUS_CODES } from 'node:http';
import { domainOf, field, fieldAll, param, type RequestContext, type RouteDef, regionOf } from '../context';
import { json, notFound, type Reply, SandboxError, text } from '../errors';
import { domainOfAddress, eventId, messageId, uuid } from '../format';
import { type AccountWebhook, type Domain, newSigningKey, type SandboxEvent } from '../state';
import { isLoopbackUrl, NOT_CALLED_NOTE, type WebhookDelivery } from '../webhook-delivery';

export const WEBHOOK_IDS = [
  'accepted',
  'delivered',
  'opened',
  'clicked',
  'unsubscribed',
  'complained',
  'temporary_fail',
  'permanent_fail',
] as const;
const MAX_URLS = 3;

/** Mailgun's webhook endpoints answer a 400 as `{"Reason": ...}` (the spec's GenericAPIError), not `{"message": ...}`. */
function badRequest(reason: string): never {
  throw new SandboxError(json(400, { Reason: reason }));
}

function checkId(id: string): string {
  if (!(WEBHOOK_IDS as readonly string[]).includes(id))
    return badRequest(`Invalid webhook id '${id.slice(0, 40)}'; use one of: ${WEBHOOK_IDS.join(', ')}`);
  return id;
}

function checkUrls(urls: readonly string[]): string[] {
  const clean = [...new Set(urls.map((u) => u.trim()).filter((u) => u !== ''))];
  if (clean.length === 0) return badRequest('Missing mandatory parameter: url');
  if (clean.length > MAX_URLS) return badRequest(`At most ${MAX_URLS} URLs are allowed per webhook`);
  for (const url of clean) {
    if (url.length > 2048 || !URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol))
      return badRequest(`${url.slice(0, 200)} is not a valid url`);
  }
  return clean;
}

/** Tells the caller, in a header Mailgun does not send, which URLs the sandbox will never call. */
function withNote(reply: Reply, urls: readonly string[]): Reply {
  const remote = urls.filter((u) => !isLoopbackUrl(u));
  if (remote.length === 0) return reply;
  return { ...reply, headers: { ...reply.headers, 'X-Sandbox-Note': `${remote.join(', ')}: ${NOT_CALLED_NOTE}`.slice(0, 2000) } };
}

function allWebhooks(d: Domain): Record<string, { urls: string[] }> {
  const out: Record<string, { urls: string[] }> = {};
  for (const hook of d.webhooks) if (hook.urls.length > 0) out[hook.id] = { urls: hook.urls };
  return out;
}

function find(d: Domain, id: string): { id: string; urls: string[] } {
  return d.webhooks.find((h) => h.id === id && h.urls.length > 0) ?? notFound('Webhook not found');
}

function createV3(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const id = checkId(field(ctx, 'id') ?? '');
  const urls = checkUrls(fieldAll(ctx, 'url'));
  if (d.webhooks.some((h) => h.id === id && h.urls.length > 0)) return badRequest(`Webhook ${id} already exists; update it instead`);
  d.webhooks = [...d.webhooks.filter((h) => h.id !== id), { id, urls }];
  return withNote(json(200, { message: 'Webhook has been created', webhook: { urls } }), urls);
}

function updateV3(ctx: RequestContext): Reply {
  const hook = find(domainOf(ctx), param(ctx, 'webhook_name'));
  hook.urls = checkUrls(fieldAll(ctx, 'url'));
  return withNote(json(200, { message: 'Webhook has been updated', webhook: { urls: hook.urls } }), hook.urls);
}

function deleteV3(ctx: RequestContext): Reply {
  const d = domainOf(ctx);
  const hook = find(d, param(ctx, 'webhook_name'));
  d.webhooks = d.webhooks.filter((h) => h !== hook);
  return json(200, { message: 'Webhook has been deleted', webhook: { urls: hook.urls } });
}

/** v4 works per URL: one URL is attached to several event types at once. */
function v4(mode: 'add' | 'replace' | 'remove') {
  return (ctx: RequestContext): Reply => {
    const d = domainOf(ctx);
    if (mode === 'remove') {
      const urls = fieldAll(ctx, 'url')
        .flatMap((u) => u.split(','))
        .map((u) => u.trim())
        .filter((u) => u !== '');
      if (urls.length === 0) return badRequest('Missing mandatory parameter: url');
      for (const hook of d.webhooks) hook.urls = hook.urls.filter((u) => !urls.includes(u));
      return json(200, { webhooks: allWebhooks(d) });
    }
    const [url] = checkUrls(fieldAll(ctx, 'url').slice(0, 1));
    const types = [
      ...new Set(
        fieldAll(ctx, 'event_types')
          .flatMap((t) => t.split(','))
          .map((t) => checkId(t.trim())),
      ),
    ];
    if (types.length === 0 || !url) return badRequest('Missing mandatory parameter: event_types');
    for (const id of WEBHOOK_IDS) {
      let hook = d.webhooks.find((h) => h.id === id);
      const wanted = types.includes(id);
      if (!hook && wanted) {
        hook = { id, urls: [] };
        d.webhooks.push(hook);
      }
      if (!hook) continue;
      if (wanted && !hook.urls.includes(url)) {
        if (hook.urls.length >= MAX_URLS) return badRequest(`At most ${MAX_URLS} URLs are allowed per webhook`);
        hook.urls.push(url);
      } else if (!wanted && mode === 'replace') {
        hook.urls = hook.urls.filter((u) => u !== url);
      }
    }
    return withNote(json(200, { webhooks: allWebhooks(d) }), [url]);
  };
}

/** A made-up event of the webhook's type for the test call, marked as a system test. */
function testEvent(d: Domain, webhook: string, now: number): SandboxEvent {
  const recipient = 'alice@example.com';
  const failed = webhook === 'temporary_fail' || webhook === 'permanent_fail';
  return {
    event: (failed ? 'failed' : webhook) as SandboxEvent['event'],
    id: eventId(),
    timestamp: now / 1000,
    'log-level': failed ? (webhook === 'permanent_fail' ? 'error' : 'warn') : 'info',
    recipient,
    'recipient-domain': domainOfAddress(recipient),
    ...(failed ? { severity: webhook === 'permanent_fail' ? 'permanent' : 'temporary', reason: 'generic' } : {}),
    tags: ['webhook-test'],
    'user-variables': {},
    flags: { 'is-authenticated': true, 'is-routed': false, 'is-system-test': true, 'is-test-mode': false },
    message: {
      headers: { to: recipient, 'message-id': messageId(now, 0, d.name), from: `webhook-test@${d.name}`, subject: 'Webhook test' },
      attachments: [],
      size: 0,
    },
  };
}

/** What the test call reports for one attempt: the receiver's status, or 0 with the reason when there was none. */
function outcomeOf(delivery: WebhookDelivery): { code: number; message: string } {
  if (delivery.status === 'not-called') return { code: 0, message: `${delivery.url} was ${NOT_CALLED_NOTE}` };
  if (delivery.lastStatus === null) return { code: 0, message: `${delivery.url} did not answer: ${delivery.lastError ?? 'no response'}` };
  return { code: delivery.lastStatus, message: STATUS_CODES[delivery.lastStatus] ?? 'Unknown status' };
}

/**
 * Mailgun's test call posts a signed sample event to the URL given, or here
 * to each of the webhook's stored URLs when none is given; nothing is saved.
 * With several URLs the first that did not answer 2xx is reported.
 */
async function testV3(ctx: RequestContext): Promise<Reply> {
  const d = domainOf(ctx);
  const id = checkId(param(ctx, 'webhook_name'));
  const given = fieldAll(ctx, 'url');
  const urls = given.length > 0 ? checkUrls(given.slice(0, 1)) : find(d, id).urls;
  const event = testEvent(d, id, ctx.world.now());
  const deliveries = await Promise.all(urls.map((url) => ctx.world.testWebhook(d, id, url, event)));
  const outcomes = deliveries.map(outcomeOf);
  const reported = outcomes.find((o) => o.code < 200 || o.code >= 300) ?? outcomes[0] ?? { code: 0, message: 'No URL to test' };
  return withNote(json(200, reported), urls);
}

export const webhookRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v5/accounts/http_signing_key',
    handler: (ctx) => json(200, { http_signing_key: ctx.world.state.webhookSigningKey }),
  },
  {
    method: 'POST',
    path: '/v5/accounts/http_signing_key',
    handler: (ctx) => {
      ctx.world.state.webhookSigningKey = newSigningKey();
      return json(200, { message: 'regenerated HTTP signing key for account', http_signing_key: ctx.world.state.webhookSigningKey });
    },
  },
  {
    method: 'GET',
    path: '/v3/domains/{domain}/webhooks',
    domainParam: 'domain',
    handler: (ctx) => json(200, { webhooks: allWebhooks(domainOf(ctx)) }),
  },
  { method: 'POST', path: '/v3/domains/{domain}/webhooks', domainParam: 'domain', handler: createV3 },
  {
    method: 'GET',
    path: '/v3/domains/{domain_name}/webhooks/{webhook_name}',
    domainParam: 'domain_name',
    handler: (ctx) => json(200, { webhook: { urls: find(domainOf(ctx), param(ctx, 'webhook_name')).urls } }),
  },
  { method: 'PUT', path: '/v3/domains/{domain_name}/webhooks/{webhook_name}', domainParam: 'domain_name', handler: updateV3 },
  { method: 'DELETE', path: '/v3/domains/{domain_name}/webhooks/{webhook_name}', domainParam: 'domain_name', handler: deleteV3 },
  { method: 'PUT', path: '/v3/domains/{domain_name}/webhooks/{webhook_name}/test', domainParam: 'domain_name', handler: testV3 },
  { method: 'POST', path: '/v4/domains/{domain}/webhooks', domainParam: 'domain', handler: v4('add') },
  { method: 'PUT', path: '/v4/domains/{domain}/webhooks', domainParam: 'domain', handler: v4('replace') },
  { method: 'DELETE', path: '/v4/domains/{domain}/webhooks', domainParam: 'domain', handler: v4('remove') },
];

/** Account-level webhooks (/v1/webhooks), per region; routed by path where the catalog has no entry yet. */
function accountEventTypes(ctx: RequestContext): string[] {
  const types = [
    ...new Set(
      fieldAll(ctx, 'event_types')
        .flatMap((t) => t.split(','))
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
  if (types.length === 0) return badRequest('Missing mandatory parameter: event_types');
  return types.map(checkId);
}

function accountHookView(h: AccountWebhook) {
  return {
    webhook_id: h.webhook_id,
    url: h.url,
    description: h.description,
    event_types: h.event_types,
    created_at: new Date(h.created_at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

function idsOf(ctx: RequestContext): string[] {
  return fieldAll(ctx, 'webhook_ids')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function findAccountHook(ctx: RequestContext): AccountWebhook {
  return regionOf(ctx).accountWebhooks.find((h) => h.webhook_id === param(ctx, 'webhook_id')) ?? notFound('Webhook not found');
}

export const accountWebhookRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/webhooks',
    handler: (ctx) => {
      const ids = idsOf(ctx);
      const hooks = regionOf(ctx).accountWebhooks.filter((h) => ids.length === 0 || ids.includes(h.webhook_id));
      return json(200, { webhooks: hooks.map(accountHookView) });
    },
  },
  {
    method: 'POST',
    path: '/v1/webhooks',
    handler: (ctx) => {
      const [url] = checkUrls(fieldAll(ctx, 'url').slice(0, 1));
      if (!url) return badRequest('Missing mandatory parameter: url');
      const hook: AccountWebhook = {
        webhook_id: uuid(),
        url,
        description: (field(ctx, 'description') ?? '').slice(0, 1000),
        event_types: accountEventTypes(ctx),
        created_at: ctx.world.now(),
      };
      regionOf(ctx).accountWebhooks.push(hook);
      return withNote(json(200, { webhook_id: hook.webhook_id }), [url]);
    },
  },
  { method: 'GET', path: '/v1/webhooks/{webhook_id}', handler: (ctx) => json(200, accountHookView(findAccountHook(ctx))) },
  {
    method: 'PUT',
    path: '/v1/webhooks/{webhook_id}',
    handler: (ctx) => {
      const hook = findAccountHook(ctx);
      const [url] = checkUrls(fieldAll(ctx, 'url').slice(0, 1));
      if (!url) return badRequest('Missing mandatory parameter: url');
      // A replacement: what is left out is gone afterwards.
      hook.url = url;
      hook.event_types = accountEventTypes(ctx);
      hook.description = (field(ctx, 'description') ?? '').slice(0, 1000);
      return withNote(text(204, ''), [url]);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/webhooks',
    handler: (ctx) => {
      const ids = idsOf(ctx);
      const all = (field(ctx, 'all') ?? '').toLowerCase() === 'true';
      if (ids.length === 0 && !all) return badRequest('Name the webhooks in webhook_ids, or pass all=true');
      const region = regionOf(ctx);
      region.accountWebhooks = ids.length > 0 ? region.accountWebhooks.filter((h) => !ids.includes(h.webhook_id)) : [];
      return text(204, '');
    },
  },
];
