import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { createSandboxServer } from './server';
import { STATE_FILE_NAME } from './state';
import { basicAuth, sandboxAuth, startTestSandbox, type TestSandbox } from './test-support';

let current: TestSandbox | null = null;

async function open(options: Parameters<typeof startTestSandbox>[0] = {}): Promise<TestSandbox> {
  current = await startTestSandbox(options);
  return current;
}

afterEach(async () => {
  await current?.close();
  current = null;
});

const send = { from: `Me <me@${SANDBOX_US_DOMAIN}>`, to: 'alice@example.com', subject: 'Hi', text: 'Hello' };

describe('lifecycle', () => {
  it('listens on 127.0.0.1 with one base URL per region and reports its status', async () => {
    const t = await open();
    expect(t.urls.usBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/us$/);
    expect(t.urls.euBaseUrl).toBe(t.urls.usBaseUrl.replace(/\/us$/, '/eu'));
    expect(t.sandbox.status()).toEqual({ running: true, ...t.urls });
    expect(await t.sandbox.start()).toEqual(t.urls);
    await t.sandbox.stop();
    expect(t.sandbox.status()).toEqual({ running: false });
  });

  it('keeps changes across restarts and reset puts the samples back', async () => {
    const t = await open();
    expect((await t.call('/v4/domains', { form: { name: 'kept.example.com' } })).status).toBe(200);
    await t.sandbox.stop();
    const saved = JSON.parse(await readFile(join(t.dataDir, STATE_FILE_NAME), 'utf8'));
    expect(saved.regions.us.domains.map((d: { name: string }) => d.name)).toContain('kept.example.com');

    const again = createSandboxServer({ dataDir: t.dataDir });
    const urls = await again.start();
    const auth = {
      authorization: basicAuth('sandbox-key-0000000000000000-not-a-secret'),
      [again.clientHeader.name]: again.clientHeader.value,
    };
    const listed = (await (await fetch(`${urls.usBaseUrl}/v4/domains`, { headers: auth })).json()) as { items: { name: string }[] };
    expect(listed.items.map((d: { name: string }) => d.name)).toContain('kept.example.com');
    await again.reset();
    const afterReset = (await (await fetch(`${urls.usBaseUrl}/v4/domains`, { headers: auth })).json()) as { items: { name: string }[] };
    expect(afterReset.items.map((d: { name: string }) => d.name)).toEqual([SANDBOX_US_DOMAIN]);
    await again.stop();
  });

  it('starts from the samples when the state file is damaged', async () => {
    const t = await open();
    await t.sandbox.stop();
    await writeFile(join(t.dataDir, STATE_FILE_NAME), '{"version":1,"regions":', 'utf8');
    const again = createSandboxServer({ dataDir: t.dataDir });
    const state = await again.admin.state();
    expect(state.regions.us.domains.map((d) => d.name)).toEqual([SANDBOX_US_DOMAIN]);
    await again.stop();
  });

  it('keeps a damaged state file aside instead of overwriting it', async () => {
    const t = await open();
    await t.sandbox.stop();
    await writeFile(join(t.dataDir, STATE_FILE_NAME), '{"version":1,"regions":', 'utf8');
    const again = createSandboxServer({ dataDir: t.dataDir });
    await again.start();
    const aside = (await readdir(t.dataDir)).find((name) => name.startsWith(`${STATE_FILE_NAME}.corrupt-`)) ?? '';
    expect(await readFile(join(t.dataDir, aside), 'utf8')).toBe('{"version":1,"regions":');
    expect(again.status().warning).toMatch(/was not usable.*kept as sandbox-state\.json\.corrupt-/);
    await again.stop();
  });

  it('starts, and says why, when a folder is where the state file should be', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-dir-'));
    try {
      await mkdir(join(dataDir, STATE_FILE_NAME, 'inner'), { recursive: true });
      const sandbox = createSandboxServer({ dataDir });
      const urls = await sandbox.start();
      expect(urls.usBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(sandbox.status().warning).toMatch(/sandbox-state\.json/);
      const aside = (await readdir(dataDir)).find((name) => name.startsWith(`${STATE_FILE_NAME}.corrupt-`)) ?? '';
      expect(await readdir(join(dataDir, aside))).toEqual(['inner']);
      await sandbox.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps working in memory, and says so, when its data folder cannot be written', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'sandbox-ro-'));
    try {
      // A file where the folder should be: unwritable even for root, unlike a chmod.
      await writeFile(join(parent, 'data'), 'not a folder');
      const sandbox = createSandboxServer({ dataDir: join(parent, 'data'), saveDebounceMs: 1 });
      await sandbox.start();
      expect(sandbox.status()).toMatchObject({ running: true, warning: expect.stringMatching(/last only until the app quits/) });
      expect((await sandbox.admin.state()).regions.us.domains.map((d) => d.name)).toEqual([SANDBOX_US_DOMAIN]);
      await sandbox.stop();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('can be reset while stopped', async () => {
    const t = await open();
    await t.sandbox.stop();
    await t.sandbox.reset();
    expect((await t.sandbox.admin.state()).regions.eu.domains.map((d) => d.name)).toEqual([SANDBOX_EU_DOMAIN]);
  });
});

describe('edges Mailgun has', () => {
  it('answers the root and non-API URLs with the plain-text greeting', async () => {
    const t = await open();
    const root = await fetch(t.urls.usBaseUrl.replace(/\/us$/, '/'), {
      headers: { [t.sandbox.clientHeader.name]: t.sandbox.clientHeader.value },
    });
    expect(root.status).toBe(200);
    expect(await root.text()).toBe('Mailgun Magnificent API');
    expect((await t.call('/', { auth: null })).text).toBe('Mailgun Magnificent API');
    expect((await t.call(`/v3/${SANDBOX_US_DOMAIN}`)).text).toBe('Mailgun Magnificent API');
  });

  it('requires Basic auth with user api and the sandbox key', async () => {
    const t = await open();
    for (const auth of [
      null,
      basicAuth('wrong-key'),
      basicAuth('sandbox-key-0000000000000000-not-a-secret', 'user'),
      'Bearer abc',
      'Basic !!!',
    ]) {
      const result = await t.call('/v4/domains', { auth });
      expect(result.status).toBe(401);
      expect(result.text).toBe('Forbidden');
      expect(result.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    expect((await t.call('/v4/domains')).status).toBe(200);
  });

  it('answers unknown API paths with 404 and wrong methods with 405', async () => {
    const t = await open();
    expect(await t.call('/v3/nothing/here/at-all')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    const wrong = await t.call('/v4/domains', { method: 'PATCH' });
    expect(wrong.status).toBe(405);
    expect(wrong.body.message).toMatch(/not allowed/);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expect((await t.call('/v4/domains', { method: 'OPTIONS' })).status).toBe(405);
  });

  it('says Domain not found for unknown domains', async () => {
    const t = await open();
    expect(await t.call('/v3/unknown.example.com/bounces')).toMatchObject({
      status: 404,
      body: { message: 'Domain not found: unknown.example.com' },
    });
    expect(await t.call('/v3/unknown.example.com/messages', { form: send })).toMatchObject({
      status: 404,
      body: { message: 'Domain not found: unknown.example.com' },
    });
  });

  it('refuses bad JSON and malformed multipart with 400, never crashing', async () => {
    const t = await open();
    const badJson = await t.call(`/v3/${SANDBOX_US_DOMAIN}/bounces`, {
      method: 'POST',
      body: '[{"address":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson).toMatchObject({ status: 400, body: { message: 'request body is not valid JSON' } });
    const badMultipart = await t.call(`/v3/${SANDBOX_US_DOMAIN}/messages`, {
      method: 'POST',
      body: '--XYZ\r\nContent-Disposition: form-data; name="from"\r\n\r\nx',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
    });
    expect(badMultipart.status).toBe(400);
    expect(badMultipart.body.message).toMatch(/malformed multipart/);
    const noBoundary = await t.call(`/v3/${SANDBOX_US_DOMAIN}/messages`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.status).toBe(400);
    expect((await t.call('/v4/domains')).status).toBe(200);
  });

  it('rejects a body declared over the 52.4 MiB cap before reading it', async () => {
    const t = await open();
    const url = new URL(`${t.urls.usBaseUrl}/v3/${SANDBOX_US_DOMAIN}/messages`);
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'multipart/form-data; boundary=B',
            'content-length': String(60 * 1024 * 1024),
            authorization: basicAuth('sandbox-key-0000000000000000-not-a-secret'),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024, 120));
      // The rest is never sent: the answer must come without it.
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body).message).toBe('request size exceeds 52.4MiB limit');
  });

  it('stops reading a streamed body once it passes the cap', async () => {
    const t = await open({ bodyLimits: { maxBytes: 64 * 1024 } });
    const result = await t.call(`/v3/${SANDBOX_US_DOMAIN}/bounces`, {
      method: 'POST',
      body: 'x'.repeat(200 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    expect(result.status).toBe(413);
    expect((await t.call('/v4/domains')).status).toBe(200);
  });

  it('refuses requests addressed to another host name', async () => {
    const t = await open();
    const url = new URL(`${t.urls.usBaseUrl}/v4/domains`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { headers: { host: 'evil.example.com' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});

/** A request exactly as given: node:http adds no Origin or Sec-Fetch-* headers of its own. */
function rawRequest(url: string, method: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(url), { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('only the app, never a web page', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded', authorization: sandboxAuth };

  it('refuses a cross-site form POST that carries the published key, and changes nothing', async () => {
    const t = await open();
    const url = `${t.urls.usBaseUrl}/v4/domains`;
    const forged = await rawRequest(
      url,
      'POST',
      {
        ...form,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'document',
      },
      'name=forged.example.com',
    );
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body).message).toMatch(/web browser/);
    const domains = (await t.call('/v4/domains')).body.items.map((d: { name: string }) => d.name);
    expect(domains).not.toContain('forged.example.com');
  });

  it('refuses any request with a browser-only header (Origin, Sec-Fetch-Site, -Dest, -User), whatever its credentials', async () => {
    const t = await open();
    const url = `${t.urls.usBaseUrl}/v4/domains`;
    const browserHeaders: Record<string, string>[] = [
      { origin: 'null' },
      { origin: 'http://127.0.0.1:1' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
      { 'sec-fetch-dest': 'document' },
      { 'sec-fetch-user': '?1' },
    ];
    for (const browserHeader of browserHeaders) {
      expect((await rawRequest(url, 'GET', { authorization: sandboxAuth, ...browserHeader })).status).toBe(403);
      expect((await rawRequest(url, 'GET', { ...browserHeader })).status).toBe(403);
    }
  });

  it('answers tools that send no browser headers (curl, Node fetch, mailgun.js), and the app, which proves itself with its per-run header', async () => {
    const t = await open();
    const url = `${t.urls.usBaseUrl}/v4/domains`;
    expect((await rawRequest(url, 'GET', { authorization: sandboxAuth })).status).toBe(200);
    // Node's fetch sends a lone sec-fetch-mode: a script, not a page.
    expect((await fetch(url, { headers: { authorization: sandboxAuth } })).status).toBe(200);
    const { name, value } = t.sandbox.clientHeader;
    // Electron's net.fetch adds Sec-Fetch-* (and Node's fetch sec-fetch-mode) that the app cannot remove.
    expect(
      (
        await rawRequest(url, 'GET', {
          authorization: sandboxAuth,
          'sec-fetch-site': 'cross-site',
          'sec-fetch-mode': 'cors',
          [name]: value,
        })
      ).status,
    ).toBe(200);
    expect((await rawRequest(url, 'GET', { authorization: sandboxAuth, 'sec-fetch-site': 'cross-site', [name]: 'guessed' })).status).toBe(
      403,
    );
    expect((await fetch(url, { headers: { authorization: sandboxAuth, [name]: value } })).status).toBe(200);
  });
});

describe('regions', () => {
  it('serves each domain only under its own region', async () => {
    const t = await open();
    const usList = await t.call('/v4/domains');
    const euList = await t.call('/v4/domains', { region: 'eu' });
    expect(usList.body.items.map((d: { name: string }) => d.name)).toEqual([SANDBOX_US_DOMAIN]);
    expect(euList.body.items.map((d: { name: string }) => d.name)).toEqual([SANDBOX_EU_DOMAIN]);

    const euSend = { ...send, from: `Me <me@${SANDBOX_EU_DOMAIN}>` };
    expect((await t.call(`/v3/${SANDBOX_EU_DOMAIN}/messages`, { form: euSend, region: 'eu' })).status).toBe(200);
    const wrongRegionSend = await t.call(`/v3/${SANDBOX_EU_DOMAIN}/messages`, { form: euSend });
    expect(wrongRegionSend.status).toBe(401);
    expect(wrongRegionSend.text).toBe('Forbidden');
    expect(await t.call(`/v3/${SANDBOX_EU_DOMAIN}/bounces`)).toMatchObject({
      status: 404,
      body: { message: `Domain not found: ${SANDBOX_EU_DOMAIN}` },
    });
    expect(await t.call(`/v4/domains/${SANDBOX_EU_DOMAIN}`)).toMatchObject({
      status: 404,
      body: { message: `Domain not found: ${SANDBOX_EU_DOMAIN}` },
    });
    expect((await t.call(`/v4/domains/${SANDBOX_EU_DOMAIN}`, { region: 'eu' })).status).toBe(200);
  });

  it('creates domains in the region they were created under', async () => {
    const t = await open();
    expect((await t.call('/v4/domains', { form: { name: 'new.eu.example.com' }, region: 'eu' })).status).toBe(200);
    expect((await t.call('/v4/domains/new.eu.example.com', { region: 'eu' })).status).toBe(200);
    expect((await t.call('/v4/domains/new.eu.example.com')).status).toBe(404);
  });

  it('keeps routes and mailing lists apart per region', async () => {
    const t = await open();
    const us = await t.call('/v3/lists');
    const eu = await t.call('/v3/lists', { region: 'eu' });
    expect(us.body.items.map((l: { address: string }) => l.address)).toEqual([`team@${SANDBOX_US_DOMAIN}`]);
    expect(eu.body.items.map((l: { address: string }) => l.address)).toEqual([`news@${SANDBOX_EU_DOMAIN}`]);
    expect((await t.call('/v3/routes', { region: 'eu' })).body.total_count).toBe(0);
  });
});

describe('rate limiting', () => {
  it('is off by default', async () => {
    const t = await open();
    for (let i = 0; i < 20; i++) expect((await t.call('/v4/domains')).status).toBe(200);
  });

  it('answers 429 with X-RateLimit-Reset once the configured rate is passed', async () => {
    const fixedNow = Date.UTC(2026, 0, 2, 12, 0, 30);
    const t = await open({ rateLimit: { requests: 2, perSeconds: 60 }, clock: () => fixedNow });
    expect((await t.call('/v4/domains')).status).toBe(200);
    expect((await t.call('/v4/domains')).status).toBe(200);
    const limited = await t.call(`/v3/${SANDBOX_US_DOMAIN}/messages`, { form: send });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 0, 2, 12, 1, 0) / 1000));
    expect(limited.body.message).toBe(
      `Domain ${SANDBOX_US_DOMAIN} is not allowed to send: request limit exceeded, try again after Fri, 02 Jan 2026 12:01:00 +0000`,
    );
  });

  it('can be switched on and off through the admin interface', async () => {
    const t = await open();
    t.sandbox.admin.setRateLimit({ requests: 1, perSeconds: 3600 });
    expect((await t.call('/v4/domains')).status).toBe(200);
    const limited = await t.call('/v4/domains');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/request limit exceeded/);
    t.sandbox.admin.setRateLimit(null);
    expect((await t.call('/v4/domains')).status).toBe(200);
  });
});
