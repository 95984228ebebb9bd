import { field, fieldAll, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import { domainOfAddress, extractAddress, hexId, parseDate, uuid } from '../format';
import { pivotPage, readPivotRequest } from '../paging';
import type { InboxResult, SeedList } from '../state';

/**
 * Inbox placement: seed lists of mailboxes at the providers below, and tests
 * that "send" a message to every seed of a list. No mail leaves the sandbox;
 * each seed's outcome arrives a few seconds after the one before, so a test
 * is `processing` for a while and then `completed`. The outcome follows
 * visible rules: a sender whose domain is not an active domain of the account
 * fails DKIM, SPF and DMARC and lands in spam, and so does a message whose
 * subject or HTML says "spam"; everything else reaches the inbox.
 */

const PROVIDERS = [
  { domain: 'gmail.com', display_name: 'Gmail', region: 'US' },
  { domain: 'yahoo.com', display_name: 'Yahoo', region: 'US' },
  { domain: 'outlook.com', display_name: 'Outlook', region: 'US' },
  { domain: 'web.de', display_name: 'Web.de', region: 'EU' },
] as const;
const PROVIDERS_LISTED_AT = Date.UTC(2024, 0, 1);
/** Where the seed mailboxes and test addresses live: a name that can never receive mail. */
const SEED_HOST = 'seeds.sandbox.mailgun.invalid';
export const SEED_INTERVAL_MS = 15_000;
const SHARE_DAYS = 30;
const ZERO_TIME = '0001-01-01T00:00:00Z';

const iso = (ms: number) => new Date(ms).toISOString();

function inbox(ctx: RequestContext): NonNullable<RequestContext['world']['state']['inbox']> {
  ctx.world.state.inbox ??= { seedlists: [], results: [] };
  return ctx.world.state.inbox;
}

function providerFilter(ctx: RequestContext): string[] {
  const chosen = fieldAll(ctx, 'provider_filter')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  for (const p of chosen) if (!PROVIDERS.some((known) => known.domain === p)) badRequest(`Unknown provider: ${p.slice(0, 60)}`);
  return chosen;
}

function seedsFor(kid: string, providers: readonly string[], seedFilter: string): SeedList['seeds'] {
  let matcher: RegExp;
  try {
    matcher = new RegExp(seedFilter.slice(0, 200));
  } catch {
    return badRequest("Invalid regular expression in 'seed_filter'");
  }
  return PROVIDERS.filter((p) => providers.length === 0 || providers.includes(p.domain))
    .map((p) => ({ email: `${p.domain.replace(/\W/g, '-')}-${kid.slice(-8)}@${SEED_HOST}`, provider: p.domain }))
    .filter((s) => matcher.test(s.email));
}

function stats(seeds: readonly { provider: string; state: string; destination: string }[], provider: string) {
  const mine = provider === 'all' ? seeds : seeds.filter((s) => s.provider === provider);
  const n = (test: (s: (typeof mine)[number]) => boolean) => mine.filter(test).length;
  return {
    delivered: n((s) => s.state === 'delivered'),
    missing: 0,
    pending: n((s) => s.state === 'pending'),
    spam: n((s) => s.destination === 'spam'),
    inbox: n((s) => s.destination === 'inbox'),
    total: mine.length,
    provider,
  };
}

function deliveryStats(seeds: readonly { provider: string; state: string; destination: string }[]) {
  const out: Record<string, ReturnType<typeof stats>> = { all: stats(seeds, 'all') };
  for (const provider of new Set(seeds.map((s) => s.provider))) out[provider] = stats(seeds, provider);
  return out;
}

function seedListView(ctx: RequestContext, list: SeedList) {
  const results = inbox(ctx).results.filter((r) => r.kid === list.kid);
  const now = ctx.world.now();
  const seedStates = results.flatMap((r) => seedResults(r, now, undefined));
  const last = results.map((r) => r.created_at).sort((a, b) => b - a)[0];
  return {
    kid: list.kid,
    created_at: iso(list.created_at),
    updated_at: iso(list.updated_at),
    last_result_at: last === undefined ? ZERO_TIME : iso(last),
    target_email: list.target_email,
    sending_domains: list.sending_domains,
    has_results: results.length > 0,
    name: list.name,
    seed_filter: list.seed_filter,
    provider_filter: list.provider_filter,
    mailing_list: [list.target_email, ...list.seeds.map((s) => s.email)].join(','),
    delivery_stats: { all: stats(seedStates, 'all') },
    is_auto_generated: list.is_auto_generated,
  };
}

function seedResults(result: InboxResult, now: number, provider: string | undefined) {
  return result.seeds
    .filter((s) => provider === undefined || s.provider === provider)
    .map((s) => {
      const arrived = s.arrives_at <= now;
      return {
        email: s.email,
        provider: s.provider,
        destination: arrived ? s.destination : 'pending',
        state: arrived ? 'delivered' : 'pending',
        originating_ip: '192.0.2.20',
        tags: arrived ? [s.destination] : [],
        dkim: arrived ? s.auth : 'pending',
        spf: arrived ? s.auth : 'pending',
        dmarc: arrived ? s.auth : 'pending',
      };
    });
}

function resultView(ctx: RequestContext, result: InboxResult, provider?: string) {
  const now = ctx.world.now();
  const seeds = seedResults(result, now, provider);
  const arrived = result.seeds.filter((s) => s.arrives_at <= now).map((s) => s.arrives_at);
  return {
    rid: result.rid,
    result_id: result.result_id,
    keybox_email: result.keybox_email,
    subject: result.subject,
    sender: result.sender,
    seedlist_name: result.seedlist_name,
    created_at: iso(result.created_at),
    updated_at: iso(Math.max(result.created_at, ...arrived)),
    status: seeds.some((s) => s.state === 'pending') ? 'processing' : 'completed',
    sharing_enabled: result.sharing.enabled,
    seed_results: seeds,
    delivery_stats: deliveryStats(seeds),
  };
}

/** The lists page in id order with Mailgun's paging links, the filters kept on every link. */
function cursorPage<T>(ctx: RequestContext, items: readonly T[], keyOf: (item: T) => string, path: string) {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  const request = readPivotRequest(ctx.query, 'cursor', { fallback: 25, max: 1000 });
  const extra: Record<string, string> = {};
  for (const [name, value] of ctx.query) if (!['page', 'cursor', 'limit'].includes(name)) extra[name] = value;
  const { items: page, paging } = pivotPage(sorted, keyOf, request, `${ctx.baseUrl}${path}`, 'cursor', extra);
  return { page, paging, total: sorted.length };
}

function windowed<T extends { created_at: number }>(ctx: RequestContext, items: readonly T[]): T[] {
  const bound = (name: string) => {
    const raw = ctx.query.get(name);
    if (raw === null || raw.trim() === '') return null;
    const ms = parseDate(raw) ?? Date.parse(raw);
    return Number.isNaN(ms) ? badRequest(`Invalid date in '${name}'`) : ms;
  };
  const after = bound('time_after');
  const before = bound('time_before');
  return items.filter((i) => (after === null || i.created_at > after) && (before === null || i.created_at < before));
}

function findSeedList(ctx: RequestContext, key = param(ctx, 'address')): SeedList {
  const wanted = key.trim().toLowerCase();
  return inbox(ctx).seedlists.find((l) => l.kid === wanted || l.target_email === wanted) ?? notFound('Seed list not found');
}

function findResult(ctx: RequestContext, key = param(ctx, 'result')): InboxResult {
  const wanted = key.trim().toLowerCase();
  return inbox(ctx).results.find((r) => r.result_id === wanted || r.rid === wanted) ?? notFound('Result not found');
}

function newSeedList(ctx: RequestContext, name: string, providers: string[], seedFilter: string, auto: boolean): SeedList {
  const kid = hexId();
  const now = ctx.world.now();
  const list: SeedList = {
    kid,
    name: name.slice(0, 200),
    created_at: now,
    updated_at: now,
    target_email: `ibp-${uuid()}@${SEED_HOST}`,
    seeds: seedsFor(kid, providers, seedFilter),
    provider_filter: providers,
    seed_filter: seedFilter,
    sending_domains: fieldAll(ctx, 'sending_domains')
      .flatMap((v) => v.split(',').map((d) => d.trim().toLowerCase()))
      .filter(Boolean),
    remote_id: (field(ctx, 'remote_id') ?? '').slice(0, 200),
    is_auto_generated: auto,
  };
  inbox(ctx).seedlists.push(list);
  return list;
}

function createSeedList(ctx: RequestContext): Reply {
  const list = newSeedList(ctx, requiredField(ctx, 'name'), providerFilter(ctx), field(ctx, 'seed_filter') ?? '.*', false);
  return json(200, seedListView(ctx, list));
}

function updateSeedList(ctx: RequestContext): Reply {
  const list = findSeedList(ctx);
  const name = field(ctx, 'name');
  if (name !== undefined && name.trim() !== '') list.name = name.trim().slice(0, 200);
  if (fieldAll(ctx, 'provider_filter').length > 0) {
    list.provider_filter = providerFilter(ctx);
    list.seeds = seedsFor(list.kid, list.provider_filter, list.seed_filter);
  }
  const domains = fieldAll(ctx, 'sending_domains');
  if (domains.length > 0) list.sending_domains = domains.flatMap((v) => v.split(',').map((d) => d.trim().toLowerCase())).filter(Boolean);
  // `regen` hands out a new test address, so mail sent to the old one no longer counts.
  if (['true', 'yes', '1'].includes((field(ctx, 'regen') ?? '').toLowerCase())) list.target_email = `ibp-${uuid()}@${SEED_HOST}`;
  list.updated_at = ctx.world.now();
  return json(200, seedListView(ctx, list));
}

function listSeedLists(ctx: RequestContext): Reply {
  const name = ctx.query.get('name')?.trim().toLowerCase();
  const lists = windowed(ctx, inbox(ctx).seedlists).filter((l) => !name || l.name.toLowerCase().includes(name));
  const { page, paging, total } = cursorPage(ctx, lists, (l) => l.kid, '/v4/inbox/seedlists');
  return json(200, { items: page.map((l) => seedListView(ctx, l)), paging, total });
}

interface TestRequest {
  readonly from: string;
  readonly subject: string;
  readonly html: string;
  readonly seedList: string | undefined;
  readonly providers: string[];
}

function readTest(ctx: RequestContext): TestRequest {
  if (ctx.body.kind === 'json') {
    const body = ctx.body.value;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return badRequest('The request body must be a JSON object');
    const b = body as Record<string, unknown>;
    const text = (name: string) => (typeof b[name] === 'string' ? (b[name] as string) : undefined);
    const providers = Array.isArray(b.provider_filter) ? b.provider_filter.filter((p): p is string => typeof p === 'string') : [];
    const need = (name: string) => {
      const value = text(name);
      return value === undefined || value.trim() === '' ? badRequest(`Missing mandatory parameter: ${name}`) : value;
    };
    return { from: need('from'), subject: need('subject'), html: need('html'), seedList: text('seed_list'), providers };
  }
  return {
    from: requiredField(ctx, 'from'),
    subject: requiredField(ctx, 'subject'),
    html: requiredField(ctx, 'html'),
    seedList: field(ctx, 'seed_list'),
    providers: providerFilter(ctx),
  };
}

function runTest(ctx: RequestContext): Reply {
  const request = readTest(ctx);
  const sender = extractAddress(request.from) ?? badRequest("'from' must contain an e-mail address");
  for (const p of request.providers) if (!PROVIDERS.some((known) => known.domain === p)) badRequest(`Unknown provider: ${p.slice(0, 60)}`);
  const list = request.seedList
    ? findSeedList(ctx, request.seedList)
    : newSeedList(ctx, `Test ${request.subject.slice(0, 80)}`, request.providers, '.*', true);
  const seeds = list.seeds.filter((s) => request.providers.length === 0 || request.providers.includes(s.provider));
  if (seeds.length === 0) return badRequest('The seed list has no seeds for these providers');
  const own = [...ctx.account.us.domains, ...ctx.account.eu.domains].some(
    (d) => d.name === domainOfAddress(sender) && d.state === 'active',
  );
  const spammy = /\bspam\b/i.test(`${request.subject} ${request.html}`);
  const now = ctx.world.now();
  const result: InboxResult = {
    rid: hexId(),
    result_id: uuid(),
    kid: list.kid,
    keybox_email: list.target_email,
    seedlist_name: list.name,
    subject: request.subject.slice(0, 998),
    sender,
    created_at: now,
    seeds: seeds.map((s, index) => ({
      ...s,
      arrives_at: now + (index + 1) * SEED_INTERVAL_MS,
      destination: own && !spammy ? 'inbox' : 'spam',
      auth: own ? 'pass' : 'fail',
    })),
    sharing: { enabled: false, url_id: Buffer.from(hexId()).toString('base64url'), expires_at: now + SHARE_DAYS * 86_400_000 },
  };
  inbox(ctx).results.push(result);
  return json(200, { result_id: result.result_id, links: { results: `${ctx.baseUrl}/v4/inbox/results/${result.result_id}` } });
}

function listResults(ctx: RequestContext): Reply {
  const q = (name: string) => ctx.query.get(name)?.trim().toLowerCase() || undefined;
  const [sender, subject, provider, target] = [q('sender'), q('subject'), q('provider'), q('target_email')];
  const results = windowed(ctx, inbox(ctx).results).filter(
    (r) =>
      (!sender || r.sender.includes(sender)) &&
      (!subject || r.subject.toLowerCase().includes(subject)) &&
      (!provider || r.seeds.some((s) => s.provider === provider)) &&
      (!target || r.keybox_email === target),
  );
  const { page, paging, total } = cursorPage(ctx, results, (r) => r.rid, '/v4/inbox/results');
  return json(200, { items: page.map((r) => resultView(ctx, r, provider)), paging, total });
}

function sharingView(ctx: RequestContext, result: InboxResult) {
  const apiUrl = `${ctx.baseUrl}/v4/inbox/sharing/public/${result.sharing.url_id}`;
  return {
    result_id: result.result_id,
    expires_at: iso(result.sharing.expires_at),
    enabled: result.sharing.enabled,
    url_id: result.sharing.url_id,
    url: apiUrl,
    api_url: apiUrl,
  };
}

function attributeValues(values: readonly string[], attribute: string): Reply {
  return json(200, { items: { attribute, values: [...new Set(values)].sort() } });
}

const RESULT_ATTRIBUTES = ['subject', 'sender', 'seedlist_name'] as const;

export const inboxPlacementRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v4/inbox/providers',
    handler: () =>
      json(200, {
        items: PROVIDERS.map((p) => ({
          ...p,
          created_at: iso(PROVIDERS_LISTED_AT),
          updated_at: iso(PROVIDERS_LISTED_AT),
          max_email_count: 100,
          seeds_limit: 10,
        })),
      }),
  },
  { method: 'GET', path: '/v4/inbox/seedlists', handler: listSeedLists },
  { method: 'POST', path: '/v4/inbox/seedlists', handler: createSeedList },
  { method: 'GET', path: '/v4/inbox/seedlists/{address}', handler: (ctx) => json(200, { seedlist: seedListView(ctx, findSeedList(ctx)) }) },
  { method: 'PUT', path: '/v4/inbox/seedlists/{address}', handler: updateSeedList },
  {
    method: 'DELETE',
    path: '/v4/inbox/seedlists/{address}',
    handler: (ctx) => {
      const list = findSeedList(ctx);
      inbox(ctx).seedlists = inbox(ctx).seedlists.filter((l) => l !== list);
      return json(200, null);
    },
  },
  {
    method: 'GET',
    path: '/v4/inbox/seedlists/_filters',
    handler: () =>
      json(200, {
        supported_filters: {
          filters: [
            { parameter: 'name', description: 'Seed list name' },
            { parameter: 'time_before', description: 'Created before' },
            { parameter: 'time_after', description: 'Created after' },
          ],
        },
      }),
  },
  {
    method: 'GET',
    path: '/v4/inbox/seedlists/a',
    handler: () => json(200, { items: { attribute: 'available attributes', values: ['name'] } }),
  },
  {
    method: 'GET',
    path: '/v4/inbox/seedlists/a/{attribute}',
    handler: (ctx) => {
      if (param(ctx, 'attribute') !== 'name') return notFound('Unknown attribute');
      return attributeValues(
        inbox(ctx).seedlists.map((l) => l.name),
        'name',
      );
    },
  },
  { method: 'POST', path: '/v4/inbox/tests', handler: runTest },
  { method: 'GET', path: '/v4/inbox/results', handler: listResults },
  {
    method: 'GET',
    path: '/v4/inbox/results/{result}',
    handler: (ctx) => json(200, { result: resultView(ctx, findResult(ctx), ctx.query.get('provider')?.trim().toLowerCase() || undefined) }),
  },
  {
    method: 'DELETE',
    path: '/v4/inbox/results/{result}',
    handler: (ctx) => {
      const result = findResult(ctx);
      inbox(ctx).results = inbox(ctx).results.filter((r) => r !== result);
      return json(200, { Message: 'result deleted' });
    },
  },
  {
    method: 'GET',
    path: '/v4/inbox/results/_filters',
    handler: () =>
      json(200, {
        supported_filters: {
          filters: [
            { parameter: 'sender', description: 'Sender address' },
            { parameter: 'subject', description: 'Subject line' },
            { parameter: 'provider', description: 'Mailbox provider' },
            { parameter: 'target_email', description: 'Seed list address' },
          ],
        },
      }),
  },
  {
    method: 'GET',
    path: '/v4/inbox/results/a',
    handler: () => json(200, { items: { attribute: 'available attributes', values: [...RESULT_ATTRIBUTES] } }),
  },
  {
    method: 'GET',
    path: '/v4/inbox/results/a/{attribute}',
    handler: (ctx) => {
      const attribute = RESULT_ATTRIBUTES.find((a) => a === param(ctx, 'attribute')) ?? notFound('Unknown attribute');
      return attributeValues(
        inbox(ctx).results.map((r) => r[attribute]),
        attribute,
      );
    },
  },
  { method: 'GET', path: '/v4/inbox/sharing/{result}', handler: (ctx) => json(200, { sharing: sharingView(ctx, findResult(ctx)) }) },
  {
    method: 'PUT',
    path: '/v4/inbox/sharing/{result}',
    handler: (ctx) => {
      const result = findResult(ctx);
      const enabled = requiredField(ctx, 'enabled').trim().toLowerCase();
      if (!['true', 'false'].includes(enabled)) return badRequest("'enabled' must be true or false");
      result.sharing.enabled = enabled === 'true';
      return json(200, { sharing: sharingView(ctx, result) });
    },
  },
  {
    method: 'GET',
    path: '/v4/inbox/sharing/public/{shareid}',
    handler: (ctx) => {
      const result = inbox(ctx).results.find((r) => r.sharing.url_id === param(ctx, 'shareid') && r.sharing.enabled);
      if (!result || result.sharing.expires_at < ctx.world.now()) return notFound('Shared result not found');
      return json(200, { result: { ...resultView(ctx, result), sharing_id: result.sharing.url_id } });
    },
  },
];
