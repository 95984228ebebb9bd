import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ logError: (error) => errors.push(error) });
});
afterAll(async () => {
  await t.close();
});
const errors: unknown[] = [];

const segment = fc.oneof(
  fc.constantFrom(
    'v1',
    'v3',
    'v4',
    'v5',
    US,
    'domains',
    'messages',
    'messages.mime',
    'bounces',
    'events',
    'lists',
    'routes',
    'templates',
    'versions',
    'tags',
    'tag',
    'webhooks',
    'keys',
    'stats',
    'total',
    '%',
    '%zz',
    '..',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
);
const path = fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
const query = fc.array(
  fc.tuple(
    fc.constantFrom('limit', 'page', 'address', 'begin', 'end', 'ascending', 'event', 'tag', 'skip', 'p', 'active'),
    fc.string({ maxLength: 10 }),
  ),
  { maxLength: 4 },
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH');
const contentType = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=B',
  'multipart/form-data',
  'text/plain',
  '',
);
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.constant('--B\r\nContent-Disposition: form-data; name="to"\r\n\r\nx@example.com\r\n--B--'),
);

describe('random requests', () => {
  it('always get an HTTP answer below 500, and the server keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, contentType, body, async (m, p, q, type, payload) => {
        const search = new URLSearchParams(q).toString();
        const result = await t.call(`${p}${search ? `?${search}` : ''}`, {
          method: m,
          ...(m === 'GET' ? {} : { body: payload }),
          headers: type ? { 'content-type': type } : {},
        });
        expect(result.status).toBeGreaterThanOrEqual(200);
        expect(result.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(errors).toEqual([]);
    expect((await t.call('/v4/domains')).status).toBe(200);
  });

  it('survive random fields on the simulated write endpoints', async () => {
    const endpoints = [
      `/v3/${US}/messages`,
      `/v3/${US}/bounces`,
      `/v3/${US}/whitelists`,
      '/v4/domains',
      '/v3/routes',
      '/v3/lists',
      `/v3/${US}/templates`,
      `/v3/domains/${US}/webhooks`,
      '/v1/keys',
    ];
    const fields = fc.dictionary(
      fc.constantFrom(
        'from',
        'to',
        'cc',
        'subject',
        'text',
        'address',
        'domain',
        'name',
        'expression',
        'action',
        'id',
        'url',
        'role',
        'kind',
        'template',
        'tag',
        'o:tag',
        'v:x',
        'created_at',
        'code',
        'vars',
        'headers',
      ),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fields, async (endpoint, values) => {
        const result = await t.call(endpoint, { form: values });
        expect(result.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    expect(errors).toEqual([]);
    expect((await t.call('/v4/domains')).status).toBe(200);
  });
});
