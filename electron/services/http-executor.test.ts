import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { basicAuthHeader, createHttpExecutor, type ExecuteOptions, type PreparedRequest } from './http-executor';
import { closedPort, type LocalServer, selfSignedCert, startLocalServer, type TestHandler } from './testing/local-server';

const KEY = 'key-test-1234567890abcdef';
const executor = createHttpExecutor();
const servers: LocalServer[] = [];

async function serve(handler: TestHandler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function options(server: { origin: string }, extra: Partial<ExecuteOptions> = {}): ExecuteOptions {
  return { baseUrl: server.origin, getApiKey: async () => KEY, timeoutMs: 5_000, maxBytes: 1024 * 1024, ...extra };
}

function get(server: { origin: string }, path = '/v3/domains'): PreparedRequest {
  return { method: 'GET', url: `${server.origin}${path}`, headers: {} };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('http executor', () => {
  it('sends Basic auth api:KEY only from the keychain, dropping any Authorization the caller set', async () => {
    const server = await serve((_req, res) => res.end('{"items":[]}'));
    const result = await executor.execute(
      { ...get(server), headers: { Authorization: 'Basic evil', 'X-Mailgun-On-Behalf-Of': 'sub-1' } },
      options(server),
    );
    const seen = server.requests[0];
    expect(seen?.headers.authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
    expect(seen?.headers['x-mailgun-on-behalf-of']).toBe('sub-1');
    expect(basicAuthHeader(KEY)).toBe(seen?.headers.authorization);
    expect(result.status).toBe(200);
    expect(new TextDecoder().decode(result.bytes)).toBe('{"items":[]}');
    expect(result.request.headerNames).toEqual(['x-mailgun-on-behalf-of']);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.ttfbMs);
  });

  it('refuses to send the key to a host other than the environment base URL, without reading the key', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    let asked = false;
    const failure = await failureOf(
      executor.execute(
        { method: 'GET', url: 'http://127.0.0.2:9/v3/domains', headers: {} },
        options(server, {
          getApiKey: async () => {
            asked = true;
            return KEY;
          },
        }),
      ),
    );
    expect(failure.code).toBe('forbidden-host');
    expect(asked).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('sends the key over plain http only to this computer, without reading it otherwise', async () => {
    let asked = false;
    let fetched = false;
    const executor = createHttpExecutor({
      fetch: async () => {
        fetched = true;
        return new Response('ok');
      },
    });
    const origin = 'http://mailgun-proxy.example.com';
    const failure = await failureOf(
      executor.execute(get({ origin }), {
        ...options({ origin }),
        getApiKey: async () => {
          asked = true;
          return KEY;
        },
      }),
    );
    expect(failure).toMatchObject({ code: 'forbidden-host', message: 'The API key would go unencrypted to mailgun-proxy.example.com.' });
    expect(asked).toBe(false);
    expect(fetched).toBe(false);
  });

  it('refuses URLs with credentials in them', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const url = server.origin.replace('http://', 'http://user:pw@');
    const failure = await failureOf(executor.execute({ method: 'GET', url: `${url}/v3`, headers: {} }, options(server)));
    expect(failure.code).toBe('forbidden-host');
  });

  it('fails with key-missing when the keychain has no key', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const failure = await failureOf(executor.execute(get(server), options(server, { getApiKey: async () => null })));
    expect(failure.code).toBe('key-missing');
    expect(server.requests).toHaveLength(0);
  });

  it('does not follow a redirect to another host, and returns the 3xx as it is', async () => {
    const other = await serve((_req, res) => res.end('should never be reached'));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.origin}/steal` });
      res.end();
    });
    const result = await executor.execute(get(server), options(server));
    expect(result.status).toBe(302);
    expect(result.headers.find(([name]) => name === 'location')?.[1]).toBe(`${other.origin}/steal`);
    expect(other.requests).toHaveLength(0);
  });

  it('follows same-origin redirects, keeping auth on the same host, at most five times', async () => {
    const server = await serve((req, res) => {
      const hop = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hop') ?? '0');
      if (req.url?.startsWith('/loop')) {
        res.writeHead(307, { location: `/loop?hop=${hop + 1}` });
        res.end();
        return;
      }
      if (hop < 2) {
        res.writeHead(302, { location: `/v3/domains?hop=${hop + 1}` });
        res.end();
        return;
      }
      res.end('done');
    });
    const result = await executor.execute(get(server), options(server));
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(`${server.origin}/v3/domains?hop=2`);
    expect(server.requests.every((req) => req.headers.authorization === basicAuthHeader(KEY))).toBe(true);

    server.requests.length = 0;
    const looped = await executor.execute(get(server, '/loop'), options(server));
    expect(looped.status).toBe(307);
    expect(server.requests).toHaveLength(6);
  });

  it('times out with a plain message', async () => {
    const server = await serve(() => {
      // Never answers.
    });
    const failure = await failureOf(executor.execute(get(server), options(server, { timeoutMs: 200 })));
    expect(failure.code).toBe('timeout');
    expect(failure.message).toContain('0.2 s');
  });

  it('times out when the body stalls half way', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"items":[');
    });
    const failure = await failureOf(executor.execute(get(server), options(server, { timeoutMs: 300 })));
    expect(failure.code).toBe('timeout');
  });

  it('can be cancelled, and says so rather than timing out', async () => {
    const server = await serve(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = executor.execute(get(server), options(server, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const failure = await failureOf(pending);
    expect(failure.code).toBe('cancelled');
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const origin = `http://127.0.0.1:${port}`;
    const failure = await failureOf(executor.execute(get({ origin }), options({ origin })));
    expect(failure.code).toBe('connection-refused');
    expect(failure.message).toContain(`127.0.0.1:${port}`);
    expect(failure.hint).not.toBe('');
  });

  it('reports a connection closed before any response', async () => {
    const server = await serve((req) => req.socket.destroy());
    const failure = await failureOf(executor.execute(get(server), options(server)));
    expect(failure.code).toBe('connection-reset');
  });

  it('reports a connection reset in the middle of the body as an incomplete response', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('{"items":[1,2,3');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const failure = await failureOf(executor.execute(get(server), options(server)));
    expect(failure.code).toBe('connection-reset');
    expect(failure.message).toContain('before the response was complete');
  });

  it('stops reading as soon as a streamed body passes the size cap', async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 7);
      const timer = setInterval(() => {
        if (res.destroyed || written > 50 * 1024 * 1024) {
          clearInterval(timer);
          res.end();
          return;
        }
        written += chunk.length;
        res.write(chunk);
      }, 1);
    });
    const failure = await failureOf(executor.execute(get(server), options(server, { maxBytes: 256 * 1024 })));
    expect(failure.code).toBe('too-large');
    expect(failure.message).toContain('256 kB');
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the cap before reading it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(3 * 1024 * 1024) });
      res.write('x');
    });
    const failure = await failureOf(executor.execute(get(server), options(server, { maxBytes: 1024 * 1024 })));
    expect(failure.code).toBe('too-large');
    expect(failure.message).toContain('1 MB');
  });

  it('returns bodies of every shape as received: garbage, empty JSON, HTML error pages, binary', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/garbage') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<<not json>>');
      } else if (req.url === '/empty') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end();
      } else if (req.url === '/html') {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body>Bad gateway</body></html>');
      } else {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
      }
    });
    const garbage = await executor.execute(get(server, '/garbage'), options(server));
    expect(new TextDecoder().decode(garbage.bytes)).toBe('<<not json>>');
    const empty = await executor.execute(get(server, '/empty'), options(server));
    expect(empty.bytes.byteLength).toBe(0);
    expect(empty.contentType).toBe('application/json');
    const html = await executor.execute(get(server, '/html'), options(server));
    expect(html.status).toBe(502);
    const binary = await executor.execute(get(server, '/png'), options(server));
    expect([...binary.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    // The bytes own their buffer, so sending them over IPC cannot leak neighbouring memory.
    expect(binary.bytes.buffer.byteLength).toBe(binary.bytes.byteLength);
  });

  it('reports a DNS failure from fetch as dns', async () => {
    const origin = 'https://api.mailgun.invalid';
    const dnsFailure = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.mailgun.invalid'), { code: 'ENOTFOUND' }),
    });
    const failing = createHttpExecutor({ fetch: async () => Promise.reject(dnsFailure) });
    const failure = await failureOf(failing.execute(get({ origin }), options({ origin })));
    expect(failure.code).toBe('dns');
    expect(failure.message).toContain('api.mailgun.invalid');
  });
});

describe('http executor over TLS', () => {
  let tls: { key: string; cert: string } | undefined;
  let server: LocalServer | undefined;
  beforeAll(async () => {
    tls = await selfSignedCert();
    if (tls) server = await startLocalServer((_req, res) => res.end('secret'), tls);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('rejects a self-signed certificate with a plain tls failure', async (context) => {
    if (!server) {
      context.skip('openssl is not installed, so no certificate could be made');
      return;
    }
    const failure = await failureOf(executor.execute(get(server), options(server)));
    expect(failure.code).toBe('tls');
    expect(failure.message).toContain('self-signed');
    expect(server.requests).toHaveLength(0);
  });
});
