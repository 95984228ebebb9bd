import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_STREAM_THRESHOLD_BYTES, type BodyStreamMessage } from '../../shared/bridge/body-stream';
import { createHandlers } from '../ipc/handlers';
import { createServices, type Services } from '.';
import { createBodyStreams, pumpBodyStream } from './body-streams';
import { memoryKeytar } from './support/test-harness';
import { type LocalServer, startLocalServer } from './testing/local-server';
import { testMainDeps } from './testing/main-deps';

function joined(messages: Iterable<BodyStreamMessage>): { bytes: Buffer; chunks: Uint8Array[]; last: BodyStreamMessage | undefined } {
  const chunks: Uint8Array[] = [];
  let last: BodyStreamMessage | undefined;
  for (const message of messages) {
    if (message.type === 'chunk') chunks.push(message.bytes);
    last = message;
  }
  return { bytes: Buffer.concat(chunks), chunks, last };
}

describe('body streams', () => {
  it('hands a body over once, in chunks that own their bytes, then an end with the size', () => {
    const streams = createBodyStreams({ chunkBytes: 4 });
    const body = new Uint8Array(Buffer.from('0123456789'));
    const id = streams.offer(body);
    const { bytes, chunks, last } = joined(streams.take(id));
    expect(bytes.toString()).toBe('0123456789');
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([4, 4, 2]);
    // A view on the whole body would be cloned whole: each chunk is its own buffer.
    for (const chunk of chunks) expect(chunk.buffer.byteLength).toBe(chunk.byteLength);
    expect(last).toEqual({ type: 'end', sizeBytes: 10 });
    expect(joined(streams.take(id)).last).toMatchObject({ type: 'error', error: { code: 'not-found' } });
  });

  it('drops the oldest unopened body beyond its limit', () => {
    const streams = createBodyStreams({ maxHeld: 2 });
    const ids = [1, 2, 3].map((n) => streams.offer(new Uint8Array([n])));
    expect(joined(streams.take(ids[0] as string)).last?.type).toBe('error');
    expect(joined(streams.take(ids[2] as string)).bytes).toEqual(Buffer.from([3]));
  });

  it('writes every message to the port, yielding between chunks, and closes it', async () => {
    const posted: BodyStreamMessage[] = [];
    let closed = false;
    let turns = 0;
    const streams = createBodyStreams({ chunkBytes: 3 });
    await pumpBodyStream(
      streams.take(streams.offer(new Uint8Array(7))),
      { postMessage: (message) => posted.push(message), close: () => (closed = true) },
      async () => {
        turns += 1;
      },
    );
    expect(posted.map((message) => message.type)).toEqual(['chunk', 'chunk', 'chunk', 'end']);
    expect(turns).toBe(3);
    expect(closed).toBe(true);
  });
});

describe('a large body through the real pipeline', () => {
  const KEY = 'key-STREAM-CANARY-0a1b2c3d4e5f';
  let dir: string | undefined;
  let server: LocalServer | undefined;
  let services: Services | undefined;
  afterEach(async () => {
    await server?.close();
    await services?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
    server = undefined;
    services = undefined;
  });

  async function send(body: string) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-stream-'));
    server = await startLocalServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
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
    const record = await handlers.sendRequest({
      requestId: randomUUID(),
      environmentId: environment.id,
      endpointId: 'events.list',
      values: { params: {} },
    });
    return { record, handlers, streams: services.bodyStreams, environmentId: environment.id };
  }

  it('answers with a stream id instead of the text, and streams the redacted body (a key across a chunk border included)', async () => {
    // The key straddles the first 1 MB chunk border, where a per-chunk redaction would miss it.
    const head = '{"items":["';
    const filler = 'x'.repeat(1024 * 1024 - head.length - 10);
    const body = `${head}${filler}${KEY}","${'y'.repeat(BODY_STREAM_THRESHOLD_BYTES)}"]}`;
    const { record, handlers, streams } = await send(body);
    expect(record.body).toEqual({ kind: 'stream', streamId: expect.any(String) });
    expect(record.sizeBytes).toBe(body.length - KEY.length + '[redacted]'.length);
    const streamed = joined(streams.take((record.body as { streamId: string }).streamId));
    expect(streamed.bytes.toString()).toBe(body.replace(KEY, '[redacted]'));
    expect(streamed.last).toEqual({ type: 'end', sizeBytes: record.sizeBytes });
    // History keeps what it kept before: the entry, its (redacted) body start, never the key.
    const entry = await handlers.getHistoryEntry({ id: record.historyId as string });
    expect(entry.storedBody.kind).toBe('text');
    expect(JSON.stringify(entry)).not.toContain(KEY);
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
