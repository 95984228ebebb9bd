import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { createConnectionTester } from './connection-test';
import { closedPort, type LocalServer, startLocalServer } from './testing/local-server';
import { testPipeline } from './testing/pipeline';

type FetchLike = typeof globalThis.fetch;

const key = 'key-0123456789abcdef0123';
const env: Environment = {
  id: 'env-1',
  name: 'Prod',
  region: 'us',
  domain: 'mg.example.com',
  keyKind: 'primary',
  readOnly: false,
  colour: 'blue',
  hasKey: true,
  keyLast4: '0123',
  createdAt: '2026-11-26T13:55:00.000Z',
  updatedAt: '2026-11-26T13:55:00.000Z',
};

interface Call {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly redirect: string;
}

/** Answers by host: a status, or an error to throw like fetch does. */
function fakeFetch(answers: Record<string, number | Error>, body = '{"domain":{"name":"mg.example.com","state":"active"}}') {
  const calls: Call[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = String(input);
    calls.push({ url, headers: Object.fromEntries(new Headers(init?.headers)), redirect: init?.redirect ?? '' });
    const answer = answers[new URL(url).host];
    if (answer === undefined) throw new Error(`unexpected host ${url}`);
    if (answer instanceof Error) throw answer;
    return new Response(answer === 200 ? body : '{"message":"x"}', { status: answer });
  };
  return { fetch, calls };
}

const us = 'api.mailgun.net';
const eu = 'api.eu.mailgun.net';

function tester(
  fetch: FetchLike,
  storedKey: string | null = key,
  timeoutMs = 2000,
  resolveProxy: (url: string) => Promise<string> = async () => 'DIRECT',
) {
  return createConnectionTester({ pipeline: testPipeline({ fetch, getKey: async () => storedKey }), resolveProxy, timeoutMs });
}

describe('connection test', () => {
  it('reads the domain with Basic auth, the subaccount header and no redirects', async () => {
    const { fetch, calls } = fakeFetch({ [us]: 200 });
    const result = await tester(fetch).test({ ...env, subaccountId: 'sub-9' });
    expect(result).toEqual({
      ok: true,
      checked: true,
      status: 200,
      region: 'us',
      baseUrl: 'https://api.mailgun.net',
      route: 'direct connection',
      message: 'Connected: the key works and mg.example.com was found in the US region (state: active).',
      hint: '',
    });
    expect(calls).toEqual([
      {
        url: 'https://api.mailgun.net/v4/domains/mg.example.com',
        redirect: 'manual',
        headers: {
          authorization: `Basic ${Buffer.from(`api:${key}`).toString('base64')}`,
          accept: 'application/json',
          'x-mailgun-on-behalf-of': 'sub-9',
        },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(key);
  });

  it('names the proxy that applies to the base URL, without its credentials', async () => {
    const asked: string[] = [];
    const resolveProxy = async (url: string) => {
      asked.push(url);
      return 'PROXY proxyuser:proxy-s3cret@proxy:8080; DIRECT';
    };
    const { fetch } = fakeFetch({ [eu]: 200 });
    const result = await tester(fetch, key, 2000, resolveProxy).test({ ...env, region: 'eu' });
    expect(asked).toEqual(['https://api.eu.mailgun.net']);
    expect(result.route).toBe('via proxy http://proxy:8080, then direct connection');
    expect(JSON.stringify(result)).not.toMatch(/proxyuser|proxy-s3cret/);
  });

  it('still tests the connection when the proxy cannot be resolved', async () => {
    const { fetch } = fakeFetch({ [us]: 200 });
    const result = await tester(fetch, key, 2000, async () => Promise.reject(new Error('no session'))).test(env);
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.route).toBeUndefined();
  });

  it('mentions a domain that is not active yet', async () => {
    const { fetch } = fakeFetch({ [us]: 200 }, '{"domain":{"state":"unverified"}}');
    expect((await tester(fetch).test(env)).hint).toMatch(/DNS records/);
  });

  it('finds a domain that lives in the other region', async () => {
    const { fetch, calls } = fakeFetch({ [us]: 404, [eu]: 200 });
    const result = await tester(fetch).test(env);
    expect(result).toMatchObject({ ok: false, status: 404, region: 'us', otherRegion: { region: 'eu', status: 200, found: true } });
    expect(result.hint).toBe('Switch this environment to the EU region.');
    expect(calls.map((call) => new URL(call.url).host)).toEqual([us, eu]);
  });

  it('tries the other region when the key is refused', async () => {
    const { fetch } = fakeFetch({ [eu]: 401, [us]: 200 });
    const result = await tester(fetch).test({ ...env, region: 'eu' });
    expect(result).toMatchObject({ ok: false, status: 401, region: 'eu', otherRegion: { region: 'us', status: 200, found: true } });
    expect(result.message).toMatch(/refused in the EU region, but mg\.example\.com was found in the US region/);
  });

  it('says when the key is refused in both regions', async () => {
    const { fetch } = fakeFetch({ [us]: 401, [eu]: 401 });
    const result = await tester(fetch).test(env);
    expect(result).toMatchObject({ message: 'The key was refused in both regions.', otherRegion: { found: false, status: 401 } });
    expect(result.hint).toMatch(/primary account API key/);
  });

  it('says when the domain is in neither region', async () => {
    const { fetch } = fakeFetch({ [us]: 404, [eu]: 404 });
    expect((await tester(fetch).test(env)).message).toMatch(
      /not found in the US region, and mg\.example\.com was not found in the EU region either/,
    );
  });

  it('copes with the other region being unreachable', async () => {
    const { fetch } = fakeFetch({ [us]: 404, [eu]: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }) });
    expect(await tester(fetch).test(env)).toMatchObject({ otherRegion: { region: 'eu', status: null, found: false } });
  });

  it.each([
    [403, /restricted role/],
    [429, /Wait a minute/],
    [503, /few minutes/],
    [302, /not followed/],
    [418, /Check the base URL/],
  ])('explains HTTP %i without trying the other region', async (status, hint) => {
    const { fetch, calls } = fakeFetch({ [us]: status });
    const result = await tester(fetch).test(env);
    expect(result).toMatchObject({ ok: false, checked: true, status });
    expect(`${result.message} ${result.hint}`).toMatch(hint);
    expect(calls).toHaveLength(1);
  });

  it('does not send anything for a sending key, and explains why', async () => {
    const { fetch, calls } = fakeFetch({});
    const result = await tester(fetch).test({ ...env, keyKind: 'sending' });
    expect(result).toMatchObject({ ok: false, checked: false, status: null });
    expect(result.hint).toMatch(/o:testmode/);
    expect(calls).toEqual([]);
  });

  it('fails with key-missing when no key is stored', async () => {
    const error = await tester(fakeFetch({}).fetch, null)
      .test(env)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('key-missing');
  });

  it('reports network failures as an error code with a hint', async () => {
    const { fetch } = fakeFetch({ [us]: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }) });
    expect(await tester(fetch).test(env)).toMatchObject({ ok: false, checked: true, status: null, errorCode: 'dns' });
  });
});

describe('connection test against a local server (custom URL, real fetch)', () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it('uses the custom base URL path and never tries an official region', async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(req.url === '/proxy/v4/domains/mg.example.com' ? 404 : 500).end('{"message":"Domain not found"}');
    });
    const custom = { ...env, region: 'custom' as const, baseUrl: `${server.origin}/proxy` };
    const result = await tester(fetch).test(custom);
    expect(result).toMatchObject({ ok: false, status: 404, region: 'custom' });
    expect(result).not.toHaveProperty('otherRegion');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`api:${key}`).toString('base64')}`);
  });

  it('does not follow a redirect to another host', async () => {
    const target = await startLocalServer((_req, res) => res.writeHead(200).end('{}'));
    server = await startLocalServer((_req, res) => res.writeHead(302, { location: `${target.origin}/steal` }).end());
    const result = await tester(fetch).test({
      ...env,
      region: 'custom',
      baseUrl: server.origin,
    });
    expect(result).toMatchObject({ ok: false, status: 302 });
    expect(target.requests).toHaveLength(0);
    await target.close();
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const result = await tester(fetch).test({
      ...env,
      region: 'custom',
      baseUrl: `http://127.0.0.1:${port}`,
    });
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'connection-refused' });
  });

  it('times out a server that never answers', async () => {
    server = await startLocalServer(() => undefined);
    const result = await tester(fetch, key, 200).test({
      ...env,
      region: 'custom',
      baseUrl: server.origin,
    });
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'timeout' });
  });
});
