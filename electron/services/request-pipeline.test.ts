import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomRequest } from '../../shared/bridge/collections';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import type { ResponseRecord } from '../../shared/requests/types';
import { createHandlers } from '../ipc/handlers';
import { createServices, type Services } from '.';
import { memoryKeytar } from './support/test-harness';
import { type LocalServer, startLocalServer, type TestHandler } from './testing/local-server';
import { testMainDeps } from './testing/main-deps';

/**
 * The rules of the one request pipeline, checked for every kind of request
 * through the real services and bridge handlers: cancelling, the user's
 * limits, and redaction of every form of the key.
 */

const KEY = 'key-PIPELINE-CANARY-5a6b7c8d9e0f';
const BASIC = Buffer.from(`api:${KEY}`).toString('base64');

let dir: string;
let server: LocalServer | undefined;
let services: Services;
let handlers: ReturnType<typeof createHandlers>;
/** What the native question dialog answers, and what it was asked. */
let answer = false;
let questions: string[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-pipeline-'));
  answer = false;
  questions = [];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await services?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

let keytar = memoryKeytar();

async function boot(): Promise<void> {
  services = await createServices(
    testMainDeps({
      dataDir: dir,
      keytar,
      dialogs: {
        confirm: async (question) => {
          questions.push(`${question.message} ${question.detail} ${question.confirmLabel}`);
          return answer;
        },
      },
    }),
  );
  handlers = createHandlers(services);
}

async function start(handler: TestHandler, readOnly = false): Promise<Environment> {
  server = await startLocalServer(handler);
  keytar = memoryKeytar();
  await boot();
  const environment = await handlers.saveEnvironment({
    name: 'Local',
    region: 'custom',
    baseUrl: server.origin,
    domain: 'mg.example.com',
    keyKind: 'primary',
    readOnly,
    colour: 'blue',
  });
  await handlers.setApiKey({ environmentId: environment.id, key: KEY });
  return environment;
}

const hang: TestHandler = () => undefined;

function customGet(requestPath: string): CustomRequest {
  return { method: 'GET', path: requestPath, query: [], headers: [], body: { kind: 'none' } };
}

async function failureOf(pending: unknown): Promise<AppFailure> {
  const error = await Promise.resolve(pending).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error;
}

/** Waits until the test server has seen `count` requests, so a cancel hits a request that is really in flight. */
async function arrived(count: number): Promise<void> {
  for (let tries = 0; tries < 200 && (server?.requests.length ?? 0) < count; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Requests are recorded when their body has been read; the handler then holds them open.
  if ((server?.requests.length ?? 0) < count) throw new Error('the request never reached the server');
}

describe('cancelling, for every kind of request', () => {
  it('cancels a catalog request', async () => {
    const environment = await start(hang);
    const requestId = randomUUID();
    const pending = handlers.sendRequest({ requestId, environmentId: environment.id, endpointId: 'domains.list', values: { params: {} } });
    await arrived(1);
    expect(await handlers.cancelRequest({ requestId })).toEqual({ cancelled: true });
    expect((await failureOf(pending)).code).toBe('cancelled');
  });

  it('cancels a custom request', async () => {
    const environment = await start(hang);
    const requestId = randomUUID();
    const pending = handlers.sendCustomRequest({ requestId, environmentId: environment.id, request: customGet('/v3/hang') });
    await arrived(1);
    expect(await handlers.cancelRequest({ requestId })).toEqual({ cancelled: true });
    expect((await failureOf(pending)).code).toBe('cancelled');
  });

  it('cancels a saved run', async () => {
    const environment = await start(hang);
    const collection = await handlers.createCollection({ name: 'Runs' });
    const saved = await handlers.saveRequest({
      collectionId: collection.id,
      name: 'Hangs',
      target: { kind: 'custom', request: customGet('/v3/hang') },
    });
    const requestId = randomUUID();
    const pending = handlers.sendSavedRequest({ requestId, environmentId: environment.id, savedId: saved.id });
    await arrived(1);
    expect(await handlers.cancelRequest({ requestId })).toEqual({ cancelled: true });
    expect((await failureOf(pending)).code).toBe('cancelled');
  });

  it('cancels every call of a support tool run', async () => {
    const environment = await start(hang);
    const operationId = randomUUID();
    const pending = handlers.domainHealth({ environmentId: environment.id, operationId });
    await arrived(1);
    const startedAt = Date.now();
    expect(await handlers.cancelRequest({ requestId: operationId })).toEqual({ cancelled: true });
    const report = await pending;
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(report.calls.length).toBeGreaterThan(0);
    expect(report.calls.every((call) => call.outcome === 'failed' && call.error?.code === 'cancelled')).toBe(true);
  });

  it('cancels a connection test', async () => {
    const environment = await start(hang);
    const requestId = randomUUID();
    const pending = handlers.testConnection({ environmentId: environment.id, requestId });
    await arrived(1);
    expect(await handlers.cancelRequest({ requestId })).toEqual({ cancelled: true });
    expect((await failureOf(pending)).code).toBe('cancelled');
  });
});

describe("the user's limits reach every request", () => {
  const big: TestHandler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: 'x'.repeat(64 * 1024) }));
  };

  it('applies the size cap set in the workbench to saved runs and support tools', async () => {
    const environment = await start(big);
    await handlers.setRequestLimits({ timeoutMs: 30_000, maxBytes: 16 * 1024 });
    const collection = await handlers.createCollection({ name: 'Runs' });
    const saved = await handlers.saveRequest({
      collectionId: collection.id,
      name: 'Big',
      target: { kind: 'custom', request: customGet('/v3/big') },
    });
    const run = handlers.sendSavedRequest({ requestId: randomUUID(), environmentId: environment.id, savedId: saved.id });
    expect((await failureOf(run)).code).toBe('too-large');
    const report = await handlers.domainHealth({ environmentId: environment.id });
    expect(report.calls.some((call) => call.error?.code === 'too-large')).toBe(true);
  });

  it('applies the timeout set in the workbench to custom requests', async () => {
    const environment = await start(hang);
    await handlers.setRequestLimits({ timeoutMs: 1_000, maxBytes: 1024 * 1024 });
    const startedAt = Date.now();
    const pending = handlers.sendCustomRequest({ requestId: randomUUID(), environmentId: environment.id, request: customGet('/v3/x') });
    expect((await failureOf(pending)).code).toBe('timeout');
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });
});

describe('"Test connection" reads with a size cap', () => {
  it('stops reading a huge answer at the cap instead of buffering all of it', async () => {
    let sent = 0;
    let closedEarly = false;
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const environment = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => {
        closedEarly = !res.writableFinished;
      });
      // 1.2 GB if the client kept reading; each chunk waits for the last to drain.
      const pump = () => {
        while (sent < 1200 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const result = await handlers.testConnection({ environmentId: environment.id });
    expect(result).toMatchObject({ ok: false, checked: true, status: null, errorCode: 'too-large' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBe(true);
    // The cap is 1 MB; socket buffers let a few MB more through before the server sees the close.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('redaction of what comes back and what is stored', () => {
  /** Echoes the credentials it got, as a careless proxy or a debugging endpoint would. */
  const echo: TestHandler = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-echo-authorization': String(req.headers.authorization) });
    res.end(JSON.stringify({ authorization: req.headers.authorization, key: KEY, url: req.url }));
  };

  function leaks(value: unknown): string[] {
    const text =
      typeof value === 'string'
        ? value
        : JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    return [KEY, BASIC].filter((secret) => text.includes(secret));
  }

  it('keeps an echoed Authorization header and key out of the response, history and a saved body', async () => {
    const environment = await start(echo);
    const requestId = randomUUID();
    const record: ResponseRecord = await handlers.sendRequest({
      requestId,
      environmentId: environment.id,
      endpointId: 'domains.list',
      values: { params: {} },
    });
    expect(server?.requests[0]?.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(leaks(record)).toEqual([]);
    expect(record.body.kind === 'text' && record.body.text).toContain('[redacted]');
    expect(leaks(services.sender.getResponseBody(requestId))).toEqual([]);
    const page = await handlers.listHistory({});
    expect(leaks(page)).toEqual([]);
    const entry = await handlers.getHistoryEntry({ id: record.historyId as string });
    expect(leaks(entry)).toEqual([]);
    const files = await fs.readdir(path.join(dir, 'history'), { recursive: true });
    for (const file of files) {
      const full = path.join(dir, 'history', String(file));
      if ((await fs.stat(full)).isFile()) expect(leaks(await fs.readFile(full, 'latin1'))).toEqual([]);
    }
  });

  it('keeps a key typed into a custom path out of history and history search', async () => {
    const environment = await start(echo);
    const record = await handlers.sendCustomRequest({
      requestId: randomUUID(),
      environmentId: environment.id,
      request: customGet(`/v3/lookup/${KEY}`),
    });
    expect(server?.requests[0]?.url).toBe(`/v3/lookup/${KEY}`);
    expect(leaks(record)).toEqual([]);
    const entry = await handlers.getHistoryEntry({ id: record.historyId as string });
    expect(entry.endpoint.path).toBe('/v3/lookup/[redacted]');
    expect(leaks(entry)).toEqual([]);
    expect((await handlers.listHistory({ query: KEY.slice(4) })).entries).toEqual([]);
  });

  it('keeps the key out of error messages', async () => {
    const environment = await start(echo);
    const failure = await failureOf(
      handlers.sendCustomRequest({
        requestId: randomUUID(),
        environmentId: environment.id,
        request: customGet(`/v3/{{${KEY}}}`),
      }),
    );
    expect(failure.code).toBe('invalid-request');
    expect(leaks(failure.message + failure.hint)).toEqual([]);
  });
});

describe('saving and importing take the key out', () => {
  async function storedFiles(): Promise<string> {
    const names = await fs.readdir(dir, { recursive: true });
    let all = '';
    for (const name of names) {
      const full = path.join(dir, String(name));
      if ((await fs.stat(full)).isFile()) all += await fs.readFile(full, 'latin1');
    }
    return all;
  }

  it('saves a request without an environment with no key in saved-requests.json, and exports none', async () => {
    await start(hang);
    const collection = await handlers.createCollection({ name: 'Mine' });
    const saved = await handlers.saveRequest({
      collectionId: collection.id,
      name: 'Typed the key in',
      target: {
        kind: 'custom',
        request: {
          method: 'GET',
          path: `/v3/domains/${KEY}`,
          query: [
            { name: 'api_key', value: KEY },
            { name: 'limit', value: '10' },
          ],
          headers: [{ name: 'X-Debug', value: `Basic ${BASIC}` }],
          body: { kind: 'none' },
        },
      },
    });
    expect(saved.keyRemoved).toBe(true);
    expect(saved.target).toEqual({
      kind: 'custom',
      request: {
        method: 'GET',
        path: '/v3/domains/[redacted]',
        query: [{ name: 'limit', value: '10' }],
        headers: [],
        body: { kind: 'none' },
      },
    });
    const stored = await fs.readFile(path.join(dir, 'saved-requests.json'), 'utf8');
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(BASIC);

    const exported: string[] = [];
    const exportResult = await services.savedRequests.exportToFile(
      { scope: 'saved', collectionId: collection.id, includeKeys: false },
      async (_name, text) => {
        exported.push(text);
        return { saved: true };
      },
    );
    expect(exportResult.requests).toBe(1);
    expect(exported.join('')).not.toContain(KEY);
  });

  it('knows the stored keys from the start, before any of them was used', async () => {
    await start(hang);
    await services.dispose();
    await boot();
    const collection = await handlers.createCollection({ name: 'After restart' });
    const saved = await handlers.saveRequest({
      collectionId: collection.id,
      name: 'Pasted key',
      target: { kind: 'custom', request: { ...customGet('/v3/domains'), query: [{ name: 'key', value: KEY }] } },
    });
    expect(saved.keyRemoved).toBe(true);
    expect(await fs.readFile(path.join(dir, 'saved-requests.json'), 'utf8')).not.toContain(KEY);
  });

  it('imports a Postman collection without literal copies of its key in query values and headers', async () => {
    const environment = await start(hang);
    const collection = {
      info: { name: 'Leaky', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'api_key', value: KEY }],
      item: [
        {
          name: 'Events with the key everywhere',
          request: {
            method: 'GET',
            header: [
              { key: 'X-Api-Key', value: KEY },
              { key: 'Authorization', value: `Basic ${BASIC}` },
            ],
            url: {
              raw: `https://api.mailgun.net/v3/mg.example.com/events?api_key=${KEY}&limit=5`,
              protocol: 'https',
              host: ['api', 'mailgun', 'net'],
              path: ['v3', 'mg.example.com', 'events'],
              query: [
                { key: 'api_key', value: KEY },
                { key: 'limit', value: '5' },
              ],
            },
          },
        },
        {
          name: 'Custom with the key',
          request: {
            method: 'GET',
            header: [{ key: 'X-Api-Key', value: KEY }],
            url: {
              raw: `https://api.mailgun.net/v9/unknown?key=${KEY}`,
              protocol: 'https',
              host: ['api', 'mailgun', 'net'],
              path: ['v9', 'unknown'],
              query: [{ key: 'key', value: KEY }],
            },
          },
        },
      ],
    };
    const result = await handlers.importPostmanCollection({ text: JSON.stringify(collection), environmentId: environment.id });
    expect(result.imported).toBe(2);
    expect(result.warnings.join(' ')).toMatch(/API key was taken out of 2 requests/);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(JSON.stringify(await handlers.listSavedRequests(undefined))).not.toContain(KEY);
    const files = await storedFiles();
    expect(files).not.toContain(KEY);
    expect(files).not.toContain(BASIC);
  });
});

describe('the key goes to a new host only once the user agrees, in a dialog main opens', () => {
  it('asks, naming the new host, before a base URL change; a refusal saves nothing', async () => {
    const environment = await start(hang);
    const moved = { ...environment, baseUrl: 'https://proxy.attacker.example' };
    const input = {
      id: moved.id,
      name: moved.name,
      region: moved.region,
      baseUrl: moved.baseUrl,
      domain: moved.domain,
      keyKind: moved.keyKind,
      readOnly: moved.readOnly,
      colour: moved.colour,
    };
    const refused = await failureOf(handlers.saveEnvironment(input));
    expect(refused.code).toBe('cancelled');
    expect(refused.message).toMatch(/not saved/);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('proxy.attacker.example');
    expect((await handlers.listEnvironments(undefined)).environments.find((e) => e.id === environment.id)?.baseUrl).toBe(server?.origin);

    answer = true;
    const saved = await handlers.saveEnvironment(input);
    expect(saved.baseUrl).toBe('https://proxy.attacker.example');
    expect(questions).toHaveLength(2);
  });

  it('does not ask when the key stays with Mailgun, or when there is no key', async () => {
    const environment = await start(hang);
    const toUs = await handlers.saveEnvironment({
      id: environment.id,
      name: environment.name,
      region: 'us',
      domain: environment.domain,
      keyKind: environment.keyKind,
      readOnly: false,
      colour: environment.colour,
    });
    expect(toUs.region).toBe('us');
    const keyless = await handlers.saveEnvironment({
      name: 'No key',
      region: 'us',
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'blue',
    });
    await handlers.saveEnvironment({ ...keyless, region: 'custom', baseUrl: 'https://elsewhere.example' });
    expect(questions).toEqual([]);
  });

  it('accepts plain http only for this computer', async () => {
    await start(hang);
    const failure = await failureOf(
      handlers.saveEnvironment({
        name: 'Plain',
        region: 'custom',
        baseUrl: 'http://mailgun-proxy.example.com',
        domain: 'mg.example.com',
        keyKind: 'primary',
        readOnly: false,
        colour: 'blue',
      }),
    );
    expect(failure.message).toMatch(/Plain http:\/\/ is only allowed for this computer/);
  });
});
