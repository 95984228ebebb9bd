import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxRoutes } from '../../sandbox/server';
import { startTestSandbox, type TestSandbox } from '../../sandbox/test-support';
import { catalog } from '../../shared/catalog';
import { domainParamName } from '../../shared/catalog/domain-scope';
import type { EndpointDef } from '../../shared/catalog/types';
import { type BuiltRequest, buildRequest, type FileRef, type ParamInput, paramKey } from '../../shared/request';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import { createHttpExecutor } from './http-executor';
import { withSandboxClientHeader } from './sandbox-environment';

/**
 * Every endpoint the sandbox simulates (not answered from a fixed example),
 * sent with its catalog examples through the real executor, gets a 2xx: the
 * examples are valid together and name what the sandbox seeds. The domain is
 * left to the environment, as the editor does when a default domain is set.
 */
const simulated = catalog.filter((e) => sandboxRoutes.some((r) => r.method === e.method && r.path === e.path));

function exampleValues(endpoint: EndpointDef): Record<string, ParamInput> {
  const params: Record<string, ParamInput> = {};
  const domain = domainParamName(endpoint.path);
  for (const p of endpoint.params) {
    if ((p.in === 'path' && p.name === domain) || p.fillExample === false) continue;
    if (p.type.kind === 'file') {
      const file: FileRef = { kind: 'file', handle: p.name, name: String(p.example), size: 1 };
      params[paramKey(endpoint, p)] = p.repeatable ? [file] : file;
    } else {
      params[paramKey(endpoint, p)] = p.example as ParamInput;
    }
  }
  return params;
}

/** What a file example holds: a CSV with a header row and one record where the name says CSV, a short text otherwise. */
function fileContents(name: string): Blob {
  if (name.endsWith('.csv')) return new Blob(['address,name\nexample-import@example.com,Example\n'], { type: 'text/csv' });
  return new Blob(['Example file contents'], { type: 'text/plain' });
}

let t: TestSandbox;

function send(built: BuiltRequest) {
  return createHttpExecutor({ fetch: withSandboxClientHeader(globalThis.fetch, t.sandbox) }).execute(
    { method: built.method, url: built.url, headers: built.headers, body: built.body },
    { baseUrl: t.urls.usBaseUrl, getApiKey: async () => SANDBOX_API_KEY, timeoutMs: 10_000, maxBytes: 10_000_000 },
  );
}
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('catalog examples against the sandbox', () => {
  it('covers a good share of the catalog', () => {
    expect(simulated.length).toBeGreaterThan(60);
  });

  it('sends messages.send with its template example in place of html: the template exists', async () => {
    await t.sandbox.reset();
    const endpoint = catalog.find((e) => e.id === 'messages.send') as EndpointDef;
    const { html: _html, text: _text, attachment: _a, inline: _i, ...params } = exampleValues(endpoint);
    const template = endpoint.params.find((p) => p.name === 'template')?.example as string;
    const built = buildRequest(endpoint, { params: { ...params, template } }, { baseUrl: t.urls.usBaseUrl, domain: SANDBOX_US_DOMAIN });
    const response = await send(built);
    expect(response.status).toBe(200);
  });

  it('adds 500 members as JSON in the body, not the query string', async () => {
    await t.sandbox.reset();
    const endpoint = catalog.find((e) => e.id === 'mailing-lists.add-members-json') as EndpointDef;
    const members = Array.from({ length: 500 }, (_, i) => ({ address: `bulk-${i}@example.com`, name: `Bulk ${i}` }));
    const built = buildRequest(
      endpoint,
      { params: { list_address: `team@${SANDBOX_US_DOMAIN}`, members: JSON.stringify(members), upsert: true } },
      { baseUrl: t.urls.usBaseUrl, domain: SANDBOX_US_DOMAIN },
    );
    expect(new URL(built.url).search).toBe('');
    expect(built.body).toBeInstanceOf(FormData);
    expect((await send(built)).status).toBe(200);
    const listed = await t.call(`/v3/lists/team@${SANDBOX_US_DOMAIN}/members?limit=100&skip=400`);
    expect(listed.body.total_count).toBe(503);
  });

  it.each(simulated.map((e) => [e.id, e] as const))('%s answers 2xx with its examples', async (_id, endpoint) => {
    await t.sandbox.reset();
    const built = buildRequest(
      endpoint,
      { params: exampleValues(endpoint) },
      { baseUrl: t.urls.usBaseUrl, domain: SANDBOX_US_DOMAIN },
      {
        resolveFile: (handle) => fileContents(String(endpoint.params.find((x) => x.name === handle)?.example)),
      },
    );
    const response = await send(built);
    const text = new TextDecoder().decode(response.bytes);
    expect(`${response.status} ${response.status < 300 ? '' : text}`).toBe(`${response.status} `);
    expect(response.status).toBeLessThan(300);
  });
});
