import { describe, expect, it } from 'vitest';
import { BODY_STREAM_CHANNEL, BODY_STREAM_OPEN_MESSAGE, type BodyStreamMessage } from '../../shared/bridge/body-stream';
import { type RelayIpcLike, type RelayWindowLike, relayBodyStreamPorts } from '../bridge/body-stream-relay';
import { createBodyStreams } from '../services/body-streams';
import { type IpcPortEventLike, type IpcPortMainLike, registerBodyStreamPort } from './body-stream-port';

const APP = 'app://mailgun-explorer/index.html';

function fakePort() {
  const port = {
    started: false,
    closed: false,
    posted: [] as BodyStreamMessage[],
    start: () => {
      port.started = true;
    },
    close: () => {
      port.closed = true;
    },
    postMessage: (message: BodyStreamMessage) => {
      port.posted.push(message);
    },
  };
  return port;
}

function fakeIpcMain() {
  const listeners = new Map<string, (event: IpcPortEventLike, arg: unknown) => void>();
  const ipc: IpcPortMainLike = {
    on: (channel, listener) => listeners.set(channel, listener),
    removeListener: (channel) => listeners.delete(channel),
  };
  return { ipc, listeners };
}

/** A stream whose body is already whole, in the given chunks. */
function offered(streams: ReturnType<typeof createBodyStreams>, ...chunks: number[][]): string {
  const writer = streams.open();
  for (const chunk of chunks) writer.push(new Uint8Array(chunk));
  writer.end(chunks.flat().length);
  return writer.id;
}

async function settled(port: ReturnType<typeof fakePort>): Promise<void> {
  for (let i = 0; i < 100 && !port.closed; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('main side of a body stream', () => {
  it('streams the body on the port the app page sent, then closes it', async () => {
    const { ipc, listeners } = fakeIpcMain();
    const streams = createBodyStreams();
    const id = offered(streams, [1, 2], [3]);
    const unregister = registerBodyStreamPort(ipc, streams, (url) => url === APP);
    const port = fakePort();
    listeners.get(BODY_STREAM_CHANNEL)?.({ senderFrame: { url: APP }, ports: [port] }, { type: BODY_STREAM_OPEN_MESSAGE, streamId: id });
    await settled(port);
    expect(port.started).toBe(true);
    expect(port.posted).toEqual([
      { type: 'chunk', bytes: new Uint8Array([1, 2]) },
      { type: 'chunk', bytes: new Uint8Array([3]) },
      { type: 'end', sizeBytes: 3 },
    ]);
    expect(port.closed).toBe(true);
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('closes the port unanswered for another frame or a malformed request, and keeps the body', async () => {
    const { ipc, listeners } = fakeIpcMain();
    const streams = createBodyStreams();
    const id = offered(streams, [7]);
    registerBodyStreamPort(ipc, streams, (url) => url === APP);
    const listener = listeners.get(BODY_STREAM_CHANNEL);
    for (const [url, arg] of [
      ['https://evil.example/', { type: BODY_STREAM_OPEN_MESSAGE, streamId: id }],
      [APP, { type: BODY_STREAM_OPEN_MESSAGE, streamId: id, extra: 1 }],
      [APP, { type: BODY_STREAM_OPEN_MESSAGE, streamId: '../../etc' }],
    ] as const) {
      const port = fakePort();
      listener?.({ senderFrame: { url }, ports: [port] }, arg);
      await settled(port);
      expect(port.posted).toEqual([]);
      expect(port.closed).toBe(true);
    }
    const kept: BodyStreamMessage[] = [];
    for await (const message of streams.take(id)) kept.push(message);
    expect(kept.at(-1)).toEqual({ type: 'end', sizeBytes: 1 });
  });
});

describe('preload relay of a body stream port', () => {
  function fakeWindow() {
    let listener: Parameters<RelayWindowLike['addEventListener']>[1] | undefined;
    const window: RelayWindowLike = { addEventListener: (_type, added) => (listener = added) };
    return { window, dispatch: (event: Parameters<NonNullable<typeof listener>>[0]) => listener?.(event) };
  }

  it('forwards the page’s own open message with its port to main, and nothing else', () => {
    const { window, dispatch } = fakeWindow();
    const sent: unknown[][] = [];
    const ipc: RelayIpcLike = { postMessage: (...args) => sent.push(args) };
    relayBodyStreamPorts(window, ipc);
    const port = { name: 'port' };
    const open = { type: BODY_STREAM_OPEN_MESSAGE, streamId: 'abc-123' };
    dispatch({ source: {}, data: open, ports: [port] });
    dispatch({ source: window, data: { type: 'other' }, ports: [port] });
    dispatch({ source: window, data: open, ports: [] });
    expect(sent).toEqual([]);
    dispatch({ source: window, data: open, ports: [port] });
    expect(sent).toEqual([[BODY_STREAM_CHANNEL, open, [port]]]);
  });
});
