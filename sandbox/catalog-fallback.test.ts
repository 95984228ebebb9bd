import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../shared/catalog';
import { SANDBOX_EU_DOMAIN } from '../shared/sandbox/constants';
import type { CatalogEntry } from './router';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const fakeCatalog: readonly CatalogEntry[] = [
  {
    method: 'GET',
    path: '/v3/ip_warmups',
    exampleResponse: { status: 200, contentType: 'application/json', body: { items: ['192.0.2.10'], total_count: 1 } },
  },
  {
    method: 'GET',
    path: '/v3/domains/{name}/sending_queues',
    exampleResponse: { status: 200, contentType: 'application/json', body: { scheduled: { is_disabled: false } } },
  },
  {
    method: 'GET',
    path: '/v3/ips/request/new',
    exampleResponse: { status: 200, contentType: 'text/plain', body: 'plain words' },
  },
  { method: 'GET', path: '/v4/domains', exampleResponse: { status: 200, contentType: 'application/json', body: { from: 'catalog' } } },
];

describe('catalog fallback', () => {
  it('answers endpoints the sandbox does not simulate with their example', async () => {
    t = await startTestSandbox({ catalog: fakeCatalog });
    expect(await t.call('/v3/ip_warmups')).toMatchObject({ status: 200, body: { items: ['192.0.2.10'], total_count: 1 } });
    expect((await t.call('/v3/ip_warmups')).headers.get('x-sandbox-example')).toMatch(/^catalog example: IP warm-up/);
    expect((await t.call('/v4/domains')).headers.get('x-sandbox-example')).toBeNull();
    const textAnswer = await t.call('/v3/ips/request/new');
    expect(textAnswer.text).toBe('plain words');
    expect(textAnswer.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('still checks the domain and its region', async () => {
    t = await startTestSandbox({ catalog: fakeCatalog });
    expect((await t.call(`/v3/domains/${US}/sending_queues`)).status).toBe(200);
    expect(await t.call(`/v3/domains/${SANDBOX_EU_DOMAIN}/sending_queues`)).toMatchObject({
      status: 404,
      body: { message: `Domain not found: ${SANDBOX_EU_DOMAIN}` },
    });
    expect((await t.call(`/v3/domains/${SANDBOX_EU_DOMAIN}/sending_queues`, { region: 'eu' })).status).toBe(200);
  });

  it('prefers simulated resources, answers 405 for other methods and still needs auth', async () => {
    t = await startTestSandbox({ catalog: fakeCatalog });
    expect((await t.call('/v4/domains')).body.items).toBeDefined();
    expect((await t.call('/v3/ip_warmups', { method: 'DELETE' })).status).toBe(405);
    expect((await t.call('/v3/ip_warmups', { auth: null })).status).toBe(401);
  });

  it('accepts a loader so the catalog is only imported on start', async () => {
    let loaded = 0;
    t = await startTestSandbox({
      catalog: async () => {
        loaded++;
        return fakeCatalog;
      },
    });
    expect(loaded).toBe(1);
    expect((await t.call('/v3/ip_warmups')).status).toBe(200);
  });

  it('keeps working when the loader fails', async () => {
    const errors: unknown[] = [];
    t = await startTestSandbox({ catalog: () => Promise.reject(new Error('no catalog')), logError: (e) => errors.push(e) });
    expect((await t.call('/v3/ips/request/new')).status).toBe(404);
    expect((await t.call('/v4/domains')).status).toBe(200);
    expect(errors).toHaveLength(1);
  });
});

describe('every catalog endpoint with the real catalog', () => {
  it('answers without a server error', async () => {
    t = await startTestSandbox({ catalog });
    const failures: string[] = [];
    for (const entry of catalog) {
      const path = entry.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (/domain|^name$|authority/.test(name) ? US : 'sample'));
      const result = await t.call(path, { method: entry.method });
      if (result.status >= 500 || result.status === 405)
        failures.push(`${entry.method} ${entry.path} -> ${result.status} ${result.text.slice(0, 80)}`);
    }
    expect(failures).toEqual([]);
  });
});
