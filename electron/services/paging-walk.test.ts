import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedKind } from '../../sandbox/seed';
import { sandboxRoutes } from '../../sandbox/server';
import { startTestSandbox, type TestSandbox } from '../../sandbox/test-support';
import { catalog, getEndpoint } from '../../shared/catalog';
import type { EndpointDef } from '../../shared/catalog/types';
import { buildRequest, type RequestValues } from '../../shared/request';
import { extractPagingFacts, type PageDirection, pageTargets } from '../../shared/request/paging';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import { createHttpExecutor } from './http-executor';
import { withSandboxClientHeader } from './sandbox-environment';

/**
 * Each paged endpoint the sandbox simulates, walked through the sandbox with
 * the paging rules the response viewer uses: at least three pages forwards,
 * then back from the last, with every item of the whole list seen once.
 */
interface WalkCase {
  readonly id: string;
  /** What to add first so the list spans several pages. */
  readonly seed?: readonly [SeedKind, number];
  readonly setUp?: (t: TestSandbox) => Promise<void>;
  /** Values for a small page, and for one page holding everything. */
  readonly small: RequestValues['params'];
  readonly whole: RequestValues['params'];
  /** The list inside an answer; `items` unless said otherwise. */
  readonly items?: (body: Record<string, unknown>) => unknown[];
}

const TEAM = `team@${SANDBOX_US_DOMAIN}`;
/** The IP pool the sandbox seeds. */
const POOL = '658041ae44842b99ee2eaa1b';
const metricsQuery = { dimensions: ['time'], metrics: ['accepted_count'], duration: '14d', resolution: 'day' };

const usageQuery = { dimensions: ['time'], metrics: ['processed_count'], duration: '14d', resolution: 'day' };
// Bounces are recorded a moment after acceptance: the window ends an hour ahead so every one is in it.
const bounceQuery = {
  dimensions: ['recipient-domain'],
  end: new Date(Date.now() + 3_600_000).toUTCString().replace('GMT', '+0000'),
  duration: '720h',
};

const cases: readonly WalkCase[] = [
  { id: 'domains.list', setUp: addDomains, small: { limit: 1 }, whole: { limit: 100 } },
  { id: 'bounces.list', seed: ['bounces', 12], small: { limit: 4 }, whole: { limit: 1000 } },
  { id: 'unsubscribes.list', seed: ['unsubscribes', 12], small: { limit: 4 }, whole: { limit: 1000 } },
  { id: 'complaints.list', seed: ['complaints', 12], small: { limit: 4 }, whole: { limit: 1000 } },
  { id: 'allowlist.list', seed: ['allowlist', 12], small: { limit: 4 }, whole: { limit: 1000 } },
  { id: 'routes.list', seed: ['routes', 9], small: { limit: 3 }, whole: { limit: 1000 } },
  { id: 'templates.list', seed: ['templates', 9], small: { limit: 3 }, whole: { limit: 100 } },
  {
    id: 'templates.list-versions',
    setUp: addVersions,
    small: { template_name: 'welcome', limit: 2 },
    whole: { template_name: 'welcome', limit: 100 },
    items: (body) => ((body.template as { versions?: unknown[] } | undefined)?.versions ?? []) as unknown[],
  },
  { id: 'mailing-lists.list', seed: ['lists', 9], small: { limit: 3 }, whole: { limit: 1000 } },
  { id: 'mailing-lists.list-pages', seed: ['lists', 9], small: { limit: 3 }, whole: { limit: 100 } },
  {
    id: 'mailing-lists.list-members',
    seed: ['members', 9],
    small: { list_address: TEAM, limit: 3 },
    whole: { list_address: TEAM, limit: 100 },
  },
  {
    id: 'mailing-lists.list-members-pages',
    seed: ['members', 9],
    small: { list_address: TEAM, limit: 3 },
    whole: { list_address: TEAM, limit: 100 },
  },
  {
    id: 'metrics.query',
    small: { ...metricsQuery, pagination: { sort: 'time:asc', skip: 0, limit: 4 } },
    whole: { ...metricsQuery, pagination: { sort: 'time:asc', skip: 0, limit: 1500 } },
  },
  { id: 'events.list', small: { limit: 5, ascending: 'yes' }, whole: { limit: 300, ascending: 'yes' } },
  { id: 'tags.list', seed: ['tags', 9], small: { limit: 3 }, whole: { limit: 1000 } },
  {
    id: 'tags-new.query',
    seed: ['tags', 9],
    small: { pagination: { sort: 'tag:asc', skip: 0, limit: 3 } },
    whole: { pagination: { sort: 'tag:asc', skip: 0, limit: 1000 } },
  },
  { id: 'credentials.list', setUp: addCredentials, small: { limit: 2 }, whole: { limit: 100 } },
  { id: 'domain-keys.list-all', setUp: addDkimKeys, small: { limit: 2 }, whole: { limit: 100 } },
  {
    id: 'ips.list-domains',
    setUp: assignIp,
    small: { ip: '192.0.2.22', search: 'walk', skip: 0, limit: 1 },
    whole: { ip: '192.0.2.22', search: 'walk', skip: 0, limit: 100 },
  },
  {
    id: 'ip-pools.list-domains',
    setUp: linkToPool,
    small: { pool_id: POOL, limit: 10 },
    whole: { pool_id: POOL, limit: 100 },
    items: (body) => body.domains as unknown[],
  },
  {
    id: 'logs.query',
    seed: ['messages', 15],
    small: { pagination: { sort: 'timestamp:asc', limit: 10 } },
    whole: { pagination: { sort: 'timestamp:asc', limit: 1000 } },
  },
  {
    id: 'subaccounts.list',
    setUp: addSubaccounts,
    small: { sort: 'asc', limit: 2 },
    whole: { sort: 'asc', limit: 100 },
    items: (body) => body.subaccounts as unknown[],
  },
  {
    id: 'metrics.query-usage',
    small: { ...usageQuery, pagination: { sort: 'time:asc', skip: 0, limit: 4 } },
    whole: { ...usageQuery, pagination: { sort: 'time:asc', skip: 0, limit: 1500 } },
  },
  {
    id: 'bounce-classification.query',
    setUp: addBounces,
    small: { ...bounceQuery, pagination: { sort: 'recipient-domain:asc', skip: 0, limit: 3 } },
    whole: { ...bounceQuery, pagination: { sort: 'recipient-domain:asc', skip: 0, limit: 50 } },
  },
  { id: 'dynamic-ip-pools.list-domains', setUp: enrolDomains, small: { limit: 2 }, whole: { limit: 100 } },
  { id: 'dynamic-ip-pools.list-history', setUp: enrolDomains, small: { Limit: 2 }, whole: { Limit: 100 } },
  { id: 'inbox-placement.list-seed-lists', setUp: addSeedLists, small: { limit: 2 }, whole: { limit: 100 } },
  { id: 'inbox-placement.list-results', setUp: addPlacementTests, small: { limit: 2 }, whole: { limit: 100 } },
  { id: 'validations.bulk-list', setUp: addBulkJobs, small: { limit: 1 }, whole: { limit: 100 }, items: (body) => body.jobs as unknown[] },
];

async function addBounces(t: TestSandbox): Promise<void> {
  for (let n = 0; n < 8; n++) {
    const form = { from: `shop@${SANDBOX_US_DOMAIN}`, to: `bounce-walk@walk-${n}.example.com`, subject: 'Walk', text: 'x' };
    expect((await t.call(`/v3/${SANDBOX_US_DOMAIN}/messages`, { form })).status).toBe(200);
  }
}

async function enrolDomains(t: TestSandbox): Promise<void> {
  for (let n = 0; n < 6; n++) {
    const name = `dyn-${n}.walk.example.com`;
    expect((await t.call('/v4/domains', { form: { name } })).status).toBe(200);
    expect((await t.call(`/v3/domains/${name}/dynamic_pools?replacement_ip=shared`, { method: 'POST' })).status).toBe(200);
  }
}

async function addSeedLists(t: TestSandbox): Promise<void> {
  for (let n = 0; n < 6; n++) expect((await t.call('/v4/inbox/seedlists', { form: { name: `Walk ${n}` } })).status).toBe(200);
}

async function addPlacementTests(t: TestSandbox): Promise<void> {
  for (let n = 0; n < 6; n++) {
    const json = { from: `news@${SANDBOX_US_DOMAIN}`, subject: `Walk ${n}`, html: '<p>x</p>' };
    expect((await t.call('/v4/inbox/tests', { json })).status).toBe(200);
  }
}

async function addCredentials(t: TestSandbox): Promise<void> {
  for (const login of ['walk-a', 'walk-b', 'walk-c', 'walk-d'])
    expect((await t.call(`/v3/domains/${SANDBOX_US_DOMAIN}/credentials`, { form: { login, password: 'walk-secret' } })).status).toBe(200);
}

async function addDkimKeys(t: TestSandbox): Promise<void> {
  for (const selector of ['walk1', 'walk2', 'walk3'])
    expect((await t.call('/v1/dkim/keys', { form: { signing_domain: SANDBOX_US_DOMAIN, selector } })).status).toBe(200);
}

async function assignIp(t: TestSandbox): Promise<void> {
  await addDomains(t);
  expect((await t.call('/v3/ips/192.0.2.22/domains', { method: 'POST' })).status).toBe(200);
}

async function linkToPool(t: TestSandbox): Promise<void> {
  // The API pages a pool's domains ten at a time at least, so three pages need more than twenty.
  for (let n = 0; n < 25; n++) {
    const name = `pool-${n}.walk.example.com`;
    expect((await t.call('/v4/domains', { form: { name } })).status).toBe(200);
    expect((await t.call(`/v3/ip_pools/${POOL}`, { method: 'PATCH', form: { link_domain: name } })).status).toBe(200);
  }
}

async function addSubaccounts(t: TestSandbox): Promise<void> {
  for (const name of ['Walk one', 'Walk two', 'Walk three'])
    expect((await t.call('/v5/accounts/subaccounts', { form: { name } })).status).toBe(200);
}

async function addBulkJobs(t: TestSandbox): Promise<void> {
  for (const id of ['walk-a', 'walk-b']) {
    const form = new FormData();
    form.append('file', new Blob(['email\nwalker@example.com\n'], { type: 'text/csv' }), 'list.csv');
    expect((await t.call(`/v4/address/validate/bulk/${id}`, { form })).status).toBe(202);
  }
}

async function addDomains(t: TestSandbox): Promise<void> {
  for (const name of ['a.walk.example.com', 'b.walk.example.com', 'c.walk.example.com'])
    expect((await t.call('/v4/domains', { form: { name } })).status).toBe(200);
}

async function addVersions(t: TestSandbox): Promise<void> {
  for (const tag of ['v3', 'v4', 'v5', 'v6'])
    expect((await t.call(`/v3/${SANDBOX_US_DOMAIN}/templates/welcome/versions`, { form: { tag, template: `<p>${tag}</p>` } })).status).toBe(
      200,
    );
}

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

interface Page {
  readonly endpoint: EndpointDef;
  readonly values: RequestValues;
  readonly url: string;
  readonly body: Record<string, unknown>;
  readonly ids: string[];
}

async function fetchPage(endpoint: EndpointDef, values: RequestValues, items: WalkCase['items']): Promise<Page> {
  const built = buildRequest(endpoint, values, { baseUrl: t.urls.usBaseUrl, domain: SANDBOX_US_DOMAIN });
  const response = await createHttpExecutor({ fetch: withSandboxClientHeader(globalThis.fetch, t.sandbox) }).execute(
    { method: built.method, url: built.url, headers: built.headers, body: built.body },
    { baseUrl: t.urls.usBaseUrl, getApiKey: async () => SANDBOX_API_KEY, timeoutMs: 10_000, maxBytes: 10_000_000 },
  );
  const text = new TextDecoder().decode(response.bytes);
  expect(response.status, `${endpoint.id} ${built.url}: ${text}`).toBe(200);
  const body = JSON.parse(text) as Record<string, unknown>;
  const list = items ? items(body) : ((body.items ?? []) as unknown[]);
  return { endpoint, values, url: built.url, body, ids: list.map((item) => JSON.stringify(item)) };
}

/** The page in one direction, fetched through whichever endpoint pages the list (an event search pages through events.page). */
async function step(page: Page, direction: PageDirection, items: WalkCase['items']): Promise<Page | undefined> {
  const target = pageTargets({ endpoint: page.endpoint, facts: extractPagingFacts(page.body), requestUrl: page.url, values: page.values })[
    direction
  ];
  if (!target) return undefined;
  const next = page.endpoint.pageWith ? (getEndpoint(page.endpoint.pageWith) as EndpointDef) : page.endpoint;
  return fetchPage(next, target, items);
}

describe('paging walks through the sandbox', () => {
  it('has a walk for every paged endpoint the sandbox simulates', () => {
    // events.page is walked as the second and later pages of events.list.
    const paged = catalog
      .filter((e) => e.pagination !== 'none' && e.id !== 'events.page')
      .filter((e) => sandboxRoutes.some((r) => r.method === e.method && r.path === e.path));
    expect(paged.map((e) => e.id).sort()).toEqual(cases.map((c) => c.id).sort());
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: three or more pages forwards and back, nothing lost or repeated',
    async (_id, walk) => {
      await t.sandbox.reset();
      if (walk.seed) await t.sandbox.admin.seedMany(walk.seed[0], walk.seed[1]);
      await walk.setUp?.(t);
      const endpoint = getEndpoint(walk.id) as EndpointDef;
      const everything = (await fetchPage(endpoint, { params: walk.whole }, walk.items)).ids;

      const forwards: Page[] = [await fetchPage(endpoint, { params: walk.small }, walk.items)];
      for (let n = 0; n < 50; n++) {
        const next = await step(forwards.at(-1) as Page, 'next', walk.items);
        if (!next || next.ids.length === 0) break;
        forwards.push(next);
      }
      expect(forwards.length).toBeGreaterThanOrEqual(3);
      const seen = forwards.flatMap((p) => p.ids);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(everything);

      const backwards: Page[] = [forwards.at(-1) as Page];
      for (let n = 0; n < 50; n++) {
        const previous = await step(backwards.at(-1) as Page, 'previous', walk.items);
        if (!previous || previous.ids.length === 0) break;
        backwards.push(previous);
      }
      expect(backwards.map((p) => p.ids).reverse()).toEqual(forwards.map((p) => p.ids));
    },
  );
});
