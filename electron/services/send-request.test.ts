import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../shared/catalog';
import type { EndpointDef, ParamDef } from '../../shared/catalog/types';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { createFileRegistry } from './file-handles';
import { createHistoryStore } from './history';
import { createRequestSender, type SendEnvironment, type SendRequestArgs, toSendEnvironment } from './send-request';
import { type LocalServer, startLocalServer, type TestHandler } from './testing/local-server';
import { testPipeline } from './testing/pipeline';

const KEY = 'key-CANARY-0c1d2e3f4a5b6c7d';

function param(name: string, location: ParamDef['in'], type: ParamDef['type'], extra: Partial<ParamDef> = {}): ParamDef {
  return { name, in: location, type, required: false, repeatable: false, example: '', description: 'Test parameter.', ...extra };
}

const example = { status: 200, contentType: 'application/json', body: {} } as const;

const sendMessage: EndpointDef = {
  id: 'messages.send',
  group: 'messages',
  method: 'POST',
  path: '/v3/{domain_name}/messages',
  summary: 'Send a message.',
  description: 'Test fixture.',
  deprecated: false,
  mutates: true,
  sendingKeyAllowed: true,
  encoding: 'multipart',
  pagination: 'none',
  families: ['o:', 'h:', 'v:', 't:', 'recipient-variables'],
  params: [
    param('domain_name', 'path', { kind: 'string', format: 'domain' }, { required: true }),
    param('from', 'body', { kind: 'string' }, { required: true }),
    param('to', 'body', { kind: 'string' }, { required: true, repeatable: true }),
    param('subject', 'body', { kind: 'string' }),
    param('text', 'body', { kind: 'string' }),
    param('attachment', 'body', { kind: 'file' }, { repeatable: true }),
  ],
  exampleResponse: example,
};

const listDomains: EndpointDef = {
  ...sendMessage,
  id: 'domains.list',
  group: 'domains',
  method: 'GET',
  path: '/v4/domains',
  mutates: false,
  encoding: 'none',
  families: [],
  params: [param('limit', 'query', { kind: 'integer', min: 1, max: 1000 })],
};

const deleteDomain: EndpointDef = {
  ...listDomains,
  id: 'domains.delete',
  method: 'DELETE',
  path: '/v3/domains/{name}',
  mutates: true,
  params: [param('name', 'path', { kind: 'string', format: 'domain' }, { required: true })],
};

const endpoints = new Map([sendMessage, listDomains, deleteDomain].map((e) => [e.id, e]));

let dir: string;
let server: LocalServer | undefined;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-send-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

async function setup(handler: TestHandler, environment: Partial<SendEnvironment> = {}) {
  server = await startLocalServer(handler);
  const env: SendEnvironment = {
    id: 'env-1',
    name: 'Staging',
    baseUrl: server.origin,
    domain: 'mg.example.com',
    readOnly: false,
    keyKind: 'primary',
    ...environment,
  };
  const files = createFileRegistry();
  const history = createHistoryStore({ dir: path.join(dir, 'data') });
  const sender = createRequestSender({
    getEnvironment: (id) => (id === env.id ? env : undefined),
    getEndpoint: (id) => endpoints.get(id),
    files,
    pipeline: testPipeline({ getKey: async () => KEY, history }),
  });
  return { server, env, files, history, sender };
}

let counter = 0;
function args(endpointId: string, params: SendRequestArgs['values']['params'], extra: Partial<SendRequestArgs> = {}): SendRequestArgs {
  counter += 1;
  return {
    requestId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    environmentId: 'env-1',
    endpointId,
    values: { params },
    ...extra,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const json: TestHandler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"id":"<20240101.1@mg.example.com>","message":"Queued. Thank you."}');
};

describe('request sender', () => {
  it('sends a multipart message exactly: repeated to, o:tag, v: variable, two attachments and Basic auth', async () => {
    const { server, files, sender } = await setup(json);
    const a = path.join(dir, 'report.pdf');
    const b = path.join(dir, 'data.csv');
    await fs.writeFile(a, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]));
    await fs.writeFile(b, 'id,name\n1,Ada\n');
    const picked = await files.register([a, b]);
    const fileValues = picked.map(({ handle, name, size }) => ({ kind: 'file' as const, handle, name, size }));

    const request = args('messages.send', {
      from: 'Sender <hello@mg.example.com>',
      to: ['ada@example.com', 'bob@example.com'],
      subject: 'Hello',
      text: 'Body text',
      attachment: fileValues,
    });
    const extra = [
      { name: 'o:tag', value: 'welcome' },
      { name: 'v:order-id', value: '12345' },
    ];
    const record = await sender.send({ ...request, values: { ...request.values, extra } });

    const seen = server.requests[0];
    expect(seen?.url).toBe('/v3/mg.example.com/messages');
    expect(seen?.headers.authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
    const form = await new Response(new Uint8Array(seen?.body ?? []), {
      headers: { 'content-type': String(seen?.headers['content-type']) },
    }).formData();
    expect(form.getAll('to')).toEqual(['ada@example.com', 'bob@example.com']);
    expect(form.get('o:tag')).toBe('welcome');
    expect(form.get('v:order-id')).toBe('12345');
    expect(form.get('from')).toBe('Sender <hello@mg.example.com>');
    const [pdf, csv] = form.getAll('attachment') as File[];
    expect([pdf?.name, csv?.name]).toEqual(['report.pdf', 'data.csv']);
    expect([...new Uint8Array((await pdf?.arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]);
    expect(await csv?.text()).toBe('id,name\n1,Ada\n');

    expect(record.status).toBe(200);
    expect(record.body).toEqual({ kind: 'text', text: '{"id":"<20240101.1@mg.example.com>","message":"Queued. Thank you."}' });
    expect(record.notice).toBeUndefined();
    expect(record.historyId).toEqual(expect.any(String));
    expect(record.request).toEqual({
      method: 'POST',
      url: `${server.origin}/v3/mg.example.com/messages`,
      headerNames: expect.any(Array),
      authSent: true,
    });
    expect(record.request.headerNames).not.toContain('authorization');
  });

  it('sends the subaccount header when the environment acts for one', async () => {
    const { server, sender } = await setup(json, { subaccountId: 'sub-42' });
    await sender.send(args('domains.list', { limit: 10 }));
    expect(server.requests[0]?.headers['x-mailgun-on-behalf-of']).toBe('sub-42');
    expect(server.requests[0]?.url).toBe('/v4/domains?limit=10');
  });

  it('refuses a changing call in a read-only environment before anything is sent', async () => {
    const { server, sender } = await setup(json, { readOnly: true });
    const failure = await failureOf(sender.send(args('messages.send', { from: 'a@mg.example.com', to: ['b@example.com'] })));
    expect(failure.code).toBe('read-only');
    expect(failure.message).toContain('Staging');
    expect(server.requests).toHaveLength(0);
    expect((await sender.send(args('domains.list', {}))).status).toBe(200);
  });

  it('sends the bounce-classification metrics query from a read-only environment: a POST that only reads', async () => {
    const { server, env } = await setup(json, { readOnly: true });
    // The real catalog's definition, since its `mutates: false` is what lets the POST through.
    const sender = createRequestSender({
      getEnvironment: (id) => (id === env.id ? env : undefined),
      getEndpoint,
      files: createFileRegistry(),
      pipeline: testPipeline({ getKey: async () => KEY, history: createHistoryStore({ dir: path.join(dir, 'data') }) }),
    });
    const record = await sender.send(args('bounce-classification.query', { dimensions: ['entity-name'], pagination: { limit: 10 } }));
    expect(record.status).toBe(200);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v2/bounce-classification/metrics' });
    const failure = await failureOf(sender.send(args('tags.delete', { domain: 'mg.example.com', tag: 'old' })));
    expect(failure.code).toBe('read-only');
  });

  it('refuses a DELETE that was not confirmed, and sends it once confirmed', async () => {
    const { server, sender } = await setup((_req, res) => res.end('{"message":"Domain has been deleted"}'));
    const failure = await failureOf(sender.send(args('domains.delete', { name: 'old.example.com' })));
    expect(failure.code).toBe('invalid-request');
    expect(failure.field).toBe('confirmedDestructive');
    expect(server.requests).toHaveLength(0);
    const record = await sender.send(args('domains.delete', { name: 'old.example.com' }, { confirmedDestructive: true }));
    expect(record.status).toBe(200);
    expect(server.requests[0]?.method).toBe('DELETE');
  });

  it('fails with file-missing when an attachment vanished before sending', async () => {
    const { server, files, sender } = await setup(json);
    const file = path.join(dir, 'gone.txt');
    await fs.writeFile(file, 'bye');
    const [picked] = await files.register([file]);
    await fs.rm(file);
    const failure = await failureOf(
      sender.send(
        args('messages.send', {
          from: 'a@mg.example.com',
          to: ['b@example.com'],
          attachment: [{ kind: 'file', handle: picked?.handle ?? '', name: 'gone.txt', size: 3 }],
        }),
      ),
    );
    expect(failure.code).toBe('file-missing');
    expect(failure.message).toContain('gone.txt');
    expect(server.requests).toHaveLength(0);
  });

  it('turns invalid values into invalid-request naming the parameter', async () => {
    const { sender } = await setup(json);
    const failure = await failureOf(sender.send(args('domains.list', { limit: 'many' })));
    expect(failure.code).toBe('invalid-request');
    expect(failure.field).toBe('limit');
  });

  it('flags bodies that claim JSON but are not, empty JSON bodies and HTML error pages', async () => {
    const { sender } = await setup((req, res) => {
      const limit = new URL(req.url ?? '/', 'http://x').searchParams.get('limit');
      if (limit === '1') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items": [1, 2');
      } else if (limit === '2') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end();
      } else {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<html>Service Unavailable</html>');
      }
    });
    const garbage = await sender.send(args('domains.list', { limit: 1 }));
    expect(garbage.body).toEqual({ kind: 'text', text: '{"items": [1, 2' });
    expect(garbage.notice?.kind).toBe('invalid-json');
    const empty = await sender.send(args('domains.list', { limit: 2 }));
    expect(empty.body).toEqual({ kind: 'empty' });
    expect(empty.notice?.kind).toBe('empty-json');
    const html = await sender.send(args('domains.list', { limit: 3 }));
    expect(html.status).toBe(503);
    expect(html.body.kind).toBe('text');
    expect(html.notice?.kind).toBe('html-error-page');
  });

  it('cancels an in-flight request by its id and records the failure in history', async () => {
    const { sender, history } = await setup(() => {
      // Never answers.
    });
    const request = args('domains.list', {});
    const pending = sender.send(request);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sender.cancel(request.requestId)).toBe(true);
    expect((await failureOf(pending)).code).toBe('cancelled');
    expect(sender.cancel(request.requestId)).toBe(false);
    const page = await history.list();
    expect(page.entries[0]?.error?.code).toBe('cancelled');
  });

  it('applies a per-request timeout', async () => {
    const { sender } = await setup(() => {
      // Never answers.
    });
    const failure = await failureOf(sender.send(args('domains.list', {}, { timeoutMs: 1_000 })));
    expect(failure.code).toBe('timeout');
  });

  it('applies a per-request size cap', async () => {
    const { sender } = await setup((_req, res) => res.end('x'.repeat(5_000)));
    const failure = await failureOf(sender.send(args('domains.list', {}, { maxBytes: 1_024 })));
    expect(failure.code).toBe('too-large');
  });

  it('keeps the key out of every file it writes (canary), while recording the request', async () => {
    const { sender } = await setup((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ echoed: req.headers.authorization }));
    });
    await sender.send(args('domains.list', { limit: 5 }));
    const root = path.join(dir, 'data');
    let all = '';
    for (const name of await fs.readdir(root, { recursive: true })) {
      const file = path.join(root, name);
      if ((await fs.stat(file)).isFile()) all += await fs.readFile(file, 'latin1');
    }
    expect(all).toContain('domains.list');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(Buffer.from(`api:${KEY}`).toString('base64'));
    expect(all.toLowerCase()).not.toContain('"authorization"');
  });

  it('keeps the full body of recent responses for saving', async () => {
    const { sender } = await setup((_req, res) => res.end('y'.repeat(300_000)));
    const request = args('domains.list', {});
    const record = await sender.send(request);
    expect(record.sizeBytes).toBe(300_000);
    expect(sender.getResponseBody(request.requestId)?.bytes.byteLength).toBe(300_000);
  });

  it('refuses a second request with the same id while the first is running', async () => {
    const { sender } = await setup(() => {
      // Never answers.
    });
    const request = args('domains.list', {});
    const first = sender.send(request);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await failureOf(sender.send(request))).code).toBe('conflict');
    sender.cancel(request.requestId);
    await first.catch(() => undefined);
  });

  it('works with the real catalog definitions', async () => {
    server = await startLocalServer(json);
    const env: SendEnvironment = {
      id: 'env-1',
      name: 'Live',
      baseUrl: server.origin,
      domain: 'mg.example.com',
      readOnly: false,
      keyKind: 'primary',
    };
    const sender = createRequestSender({
      getEnvironment: () => env,
      getEndpoint,
      files: createFileRegistry(),
      pipeline: testPipeline({ getKey: async () => KEY, history: createHistoryStore({ dir: path.join(dir, 'data') }) }),
    });
    const request = args('messages.send', {
      from: 'Me <me@mg.example.com>',
      to: ['ada@example.com', 'bob@example.com'],
      subject: 'Hello',
      text: 'Hi',
      'o:tag': ['a', 'b'],
    });
    await sender.send({ ...request, values: { ...request.values, extra: [{ name: 'v:order-id', value: '7' }] } });
    const seen = server.requests[0];
    const form = await new Response(new Uint8Array(seen?.body ?? []), {
      headers: { 'content-type': String(seen?.headers['content-type']) },
    }).formData();
    expect(form.getAll('to')).toEqual(['ada@example.com', 'bob@example.com']);
    expect(form.getAll('o:tag')).toEqual(['a', 'b']);
    expect(form.get('v:order-id')).toBe('7');
    expect((await failureOf(sender.send(args('domains.delete', { name: 'old.example.com' })))).field).toBe('confirmedDestructive');
    expect((await sender.send(args('domains.list', {}))).status).toBe(200);
  });

  it('works out the base URL from the region', () => {
    const base: Environment = {
      id: 'e',
      name: 'EU',
      region: 'eu',
      domain: 'mg.example.com',
      keyKind: 'sending',
      readOnly: true,
      colour: 'blue',
      hasKey: true,
      keyLast4: 'abcd',
      createdAt: '',
      updatedAt: '',
    };
    expect(toSendEnvironment(base).baseUrl).toBe('https://api.eu.mailgun.net');
    expect(toSendEnvironment({ ...base, region: 'us' }).baseUrl).toBe('https://api.mailgun.net');
    expect(toSendEnvironment({ ...base, region: 'custom', baseUrl: 'http://127.0.0.1:8080' }).baseUrl).toBe('http://127.0.0.1:8080');
    expect(toSendEnvironment({ ...base, subaccountId: 'sub' })).toMatchObject({ subaccountId: 'sub', keyKind: 'sending', readOnly: true });
  });
});
