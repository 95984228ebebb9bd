import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_STREAM_THRESHOLD_BYTES, type BodyStreamMessage } from '../../shared/bridge/body-stream';
import type { ResponseRecord } from '../../shared/requests/types';
import { createHandlers } from '../ipc/handlers';
import { createServices, type Services } from '.';
import { createBodyStreams, pumpBodyStream } from './body-streams';
import { memoryKeytar } from './support/test-harness';
import { type LocalServer, startLocalServer, type TestHandler } from './testing/local-server';
import { testMainDeps } from './testing/main-deps';

async function joined(
  messages: AsyncIterable<BodyStreamMessage>,
): Promise<{ bytes: Buffer; chunks: Uint8Array[]; last: BodyStreamMessage | undefined }> {
  const chunks: Uint8Array[] = [];
  let last: BodyStreamMessage | undefined;
  for await (const message of messages) {
    if (message.type === 'chunk') chunks.push(message.bytes);
    last = message;
  }
  return { bytes: Buffer.concat(chunks), chunks, last };
}

describe('body streams', () => {
  it('hands the chunks over once, as they are written, then an end with the size', async () => {
    const streams = createBodyStreams();
    const writer = streams.open();
    writer.push(new Uint8Array([1, 2]));
    const reading = streams.take(writer.id)[Symbol.asyncIterator]();
    expect(await reading.next()).toEqual({ done: false, value: { type: 'chunk', bytes: new Uint8Array([1, 2]) } });
    // The reader waits for a chunk still to come.
    const waiting = reading.next();
    writer.push(new Uint8Array([3]));
    expect(await waiting).toEqual({ done: false, value: { type: 'chunk', bytes: new Uint8Array([3]) } });
    writer.end(3);
    writer.push(new Uint8Array([4]));
    expect(await reading.next()).toEqual({ done: false, value: { type: 'end', sizeBytes: 3 } });
    expect((await reading.next()).done).toBe(true);
    expect((await joined(streams.take(writer.id))).last).toMatchObject({ type: 'error', error: { code: 'not-found' } });
  });

  it('drops the oldest unopened stream beyond its limit', async () => {
    const streams = createBodyStreams({ maxHeld: 2 });
    const writers = [1, 2, 3].map((n) => {
      const writer = streams.open();
      writer.push(new Uint8Array([n]));
      writer.end(1);
      return writer;
    });
    expect((await joined(streams.take(writers[0]?.id as string))).last?.type).toBe('error');
    expect((await joined(streams.take(writers[2]?.id as string))).bytes).toEqual(Buffer.from([3]));
  });

  it('writes every message to the port, yielding between chunks, and closes it', async () => {
    const posted: BodyStreamMessage[] = [];
    let closed = false;
    let turns = 0;
    const streams = createBodyStreams();
    const writer = streams.open();
    for (const n of [1, 2, 3]) writer.push(new Uint8Array([n]));
    writer.fail({ code: 'timeout', message: 'Too slow.', hint: 'Try again.' });
    await pumpBodyStream(
      streams.take(writer.id),
      { postMessage: (message) => posted.push(message), close: () => (closed = true) },
      async () => {
        turns += 1;
      },
    );
    expect(posted.map((message) => message.type)).toEqual(['chunk', 'chunk', 'chunk', 'error']);
    expect(turns).toBe(3);
    expect(closed).toBe(true);
  });
});

describe('a large body through the real pipeline', () => {
  const KEY = 'key-STREAM-CANARY-0a1b2c3d4e5f';
  const MB = 1024 * 1024;
  let dir: string | undefined;
  let server: LocalServer | undefined;
  let services: Services | undefined;
  afterEach(async () => {
    await services?.pipeline.settled();
    await server?.close();
    await services?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
    server = undefined;
    services = undefined;
  });

  async function boot(handler: TestHandler, limits?: { timeoutMs: number; maxBytes: number }) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-stream-'));
    server = await startLocalServer(handler);
    services = await createServices(testMainDeps({ dataDir: dir, keytar: memoryKeytar() }));
    const handlers = createHandlers(services);
    const environment = await handlers.saveEnvironment({
      name: 'Local',
      region: 'custom',
      baseUrl: server.origin,
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'blue',
    });
    await handlers.setApiKey({ environmentId: environment.id, key: KEY });
    if (limits) await handlers.setRequestLimits(limits);
    const requestId = randomUUID();
    const sending = handlers.sendRequest({ requestId, environmentId: environment.id, endpointId: 'events.list', values: { params: {} } });
    return { sending, requestId, handlers, streams: services.bodyStreams, environmentId: environment.id };
  }

  async function send(body: string) {
    const booted = await boot((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    return { ...booted, record: await booted.sending };
  }

  const streamIdOf = (record: ResponseRecord) => (record.body as { streamId: string }).streamId;

  /** A server that writes `first`, then waits for `release` before writing `rest`. */
  function pausing(first: string, rest: string, declare: boolean) {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    const handler: TestHandler = (_req, res: ServerResponse) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(declare ? { 'content-length': String(Buffer.byteLength(first) + Buffer.byteLength(rest)) } : {}),
      });
      res.write(first);
      released.then(() => res.end(rest, () => (finished = true)));
    };
    return { handler, release, finished: () => finished };
  }

  it('answers with a stream id instead of the text, and streams the redacted body (a key across a chunk border included)', async () => {
    // The key straddles the first 1 MB chunk border, where a per-chunk redaction would miss it.
    const head = '{"items":["';
    const filler = 'x'.repeat(MB - head.length - 10);
    const body = `${head}${filler}${KEY}","${'y'.repeat(BODY_STREAM_THRESHOLD_BYTES)}"]}`;
    const { record, handlers, requestId } = await send(body);
    expect(record.body).toEqual({ kind: 'stream', streamId: expect.any(String) });
    const streamed = await joined((services as Services).bodyStreams.take(streamIdOf(record)));
    const redacted = body.replace(KEY, '[redacted]');
    expect(streamed.bytes.toString()).toBe(redacted);
    expect(streamed.last).toEqual({ type: 'end', sizeBytes: redacted.length });
    // History files the entry once the body is in: the size, the (redacted) start of the body, never the key.
    await (services as Services).pipeline.settled();
    const id = await (services as Services).history.findByRequestId(requestId);
    const entry = await handlers.getHistoryEntry({ id: id as string });
    expect(entry.response?.sizeBytes).toBe(redacted.length);
    expect(entry.body).toMatchObject({ kind: 'text', truncated: true, storedBytes: 256 * 1024 });
    expect(entry.storedBody).toEqual({ kind: 'text', text: redacted.slice(0, 256 * 1024) });
    expect(JSON.stringify(entry)).not.toContain(KEY);
    // The whole redacted body is kept for saving, as for a body answered whole.
    expect(Buffer.from((services as Services).sender.getResponseBody(requestId)?.bytes ?? []).toString()).toBe(redacted);
  });

  for (const declare of [true, false]) {
    it(`hands the first chunk to the page while the server is still sending (${declare ? 'with' : 'without'} a Content-Length)`, async () => {
      // Past the threshold before the pause when nothing is declared; past one chunk either way.
      const first = `{"items":["${'a'.repeat(declare ? MB + 1024 : BODY_STREAM_THRESHOLD_BYTES + 1024)}`;
      const rest = `${'b'.repeat(MB)}"]}`;
      const server = pausing(first, rest, declare);
      const { sending } = await boot(server.handler);
      const record = await sending;
      expect(server.finished()).toBe(false);
      expect(record.body.kind).toBe('stream');
      const reading = (services as Services).bodyStreams.take(streamIdOf(record))[Symbol.asyncIterator]();
      const firstChunk = await reading.next();
      expect(firstChunk.value).toMatchObject({ type: 'chunk' });
      expect(server.finished()).toBe(false);
      server.release();
      const chunks = [(firstChunk.value as { bytes: Uint8Array }).bytes];
      for (let next = await reading.next(); !next.done; next = await reading.next()) {
        if (next.value.type === 'chunk') chunks.push(next.value.bytes);
        else expect(next.value).toEqual({ type: 'end', sizeBytes: first.length + rest.length });
      }
      expect(Buffer.concat(chunks).toString()).toBe(first + rest);
    });
  }

  it('ends the stream with the size cap error when the body passes the cap on the way, and files the failure', async () => {
    const { sending, requestId } = await boot(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"items":["${'c'.repeat(4 * MB)}"]}`);
      },
      { timeoutMs: 30_000, maxBytes: 3 * MB },
    );
    const record = await sending;
    const streamed = await joined((services as Services).bodyStreams.take(streamIdOf(record)));
    expect(streamed.last).toMatchObject({ type: 'error', error: { code: 'too-large', message: expect.stringContaining('3 MB limit') } });
    expect(streamed.bytes.byteLength).toBeLessThanOrEqual(3 * MB);
    await (services as Services).pipeline.settled();
    const history = await (services as Services).history.list();
    expect(history.entries[0]).toMatchObject({ requestId, error: { code: 'too-large' } });
    expect((services as Services).sender.getResponseBody(requestId)).toBeUndefined();
  });

  it('ends the stream with a cancelled error when the request is cancelled during the body', async () => {
    const server = pausing(`{"items":["${'d'.repeat(BODY_STREAM_THRESHOLD_BYTES + 1024)}`, '"]}', true);
    const { sending, requestId, handlers } = await boot(server.handler);
    const record = await sending;
    const reading = (services as Services).bodyStreams.take(streamIdOf(record));
    expect(await handlers.cancelRequest({ requestId })).toEqual({ cancelled: true });
    const streamed = await joined(reading);
    expect(streamed.last).toMatchObject({ type: 'error', error: { code: 'cancelled' } });
    server.release();
  });

  it('ends the stream with a timeout error when the body stops arriving', async () => {
    const server = pausing(`{"items":["${'e'.repeat(BODY_STREAM_THRESHOLD_BYTES + 1024)}`, '"]}', true);
    const { sending } = await boot(server.handler, { timeoutMs: 1_000, maxBytes: 100 * MB });
    const record = await sending;
    const streamed = await joined((services as Services).bodyStreams.take(streamIdOf(record)));
    expect(streamed.last).toMatchObject({ type: 'error', error: { code: 'timeout', hint: expect.any(String) } });
    server.release();
  });

  it('gives main’s own callers (support tools, probes) the text of a large body, never a stream', async () => {
    const body = `{"items":["${'z'.repeat(BODY_STREAM_THRESHOLD_BYTES)}"]}`;
    const { record, environmentId } = await send(body);
    expect(record.body.kind).toBe('stream');
    const direct = await (services as Services).sender.send({
      requestId: randomUUID(),
      environmentId,
      endpointId: 'events.list',
      values: { params: {} },
    });
    expect(direct.body).toEqual({ kind: 'text', text: body });
  });

  it('keeps a small body in the answer', async () => {
    const { record } = await send('{"items":[]}');
    expect(record.body).toEqual({ kind: 'text', text: '{"items":[]}' });
  });
});
