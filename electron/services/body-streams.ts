import { randomUUID } from 'node:crypto';
import { type BodyStreamMessage, bodyStreamGone } from '../../shared/bridge/body-stream';
import type { AppError } from '../../shared/errors';

/** Where the pipeline writes a body while the network still delivers it. */
export interface BodyStreamWriter {
  readonly id: string;
  /** One chunk, owning its buffer (structured clone sends a view's whole underlying buffer). */
  push(bytes: Uint8Array): void;
  end(sizeBytes: number): void;
  fail(error: AppError): void;
}

/**
 * Bodies answered as streams. Each stream queues its messages until the page
 * reads them: a slow (or absent) page costs main at most the body itself,
 * held as the same chunk buffers the pipeline keeps for saving, never a
 * second copy. A stream is read once; an unopened one is dropped when more
 * than `maxHeld` wait.
 */
export interface BodyStreams {
  /** A stream the caller writes as the body arrives. */
  open(): BodyStreamWriter;
  /** The messages for one stream, once, as they come: chunks and `end` (or `error`); a single `error` for an unknown or dropped id. */
  take(streamId: string): AsyncIterable<BodyStreamMessage>;
}

export interface BodyStreamsOptions {
  /** Unopened bodies kept at most; the oldest is dropped first (a page that never opens one must not grow main). */
  readonly maxHeld?: number;
  readonly newId?: () => string;
}

interface Held {
  readonly queue: BodyStreamMessage[];
  /** The terminal message was queued; nothing more comes. */
  closed: boolean;
  /** Dropped unread: whatever is still written is thrown away. */
  dropped: boolean;
  wake: (() => void) | undefined;
}

async function* drain(held: Held): AsyncGenerator<BodyStreamMessage> {
  for (;;) {
    const message = held.queue.shift();
    if (message) {
      yield message;
      if (message.type !== 'chunk') return;
      continue;
    }
    await new Promise<void>((resolve) => {
      held.wake = resolve;
    });
  }
}

async function* gone(): AsyncGenerator<BodyStreamMessage> {
  yield { type: 'error', error: bodyStreamGone };
}

export function createBodyStreams(options: BodyStreamsOptions = {}): BodyStreams {
  const maxHeld = options.maxHeld ?? 8;
  const newId = options.newId ?? randomUUID;
  const unopened = new Map<string, Held>();

  function open(): BodyStreamWriter {
    const id = newId();
    const held: Held = { queue: [], closed: false, dropped: false, wake: undefined };
    unopened.set(id, held);
    for (const [oldest, item] of unopened) {
      if (unopened.size <= maxHeld) break;
      item.dropped = true;
      item.queue.length = 0;
      unopened.delete(oldest);
    }
    const write = (message: BodyStreamMessage) => {
      if (held.closed || held.dropped) return;
      held.queue.push(message);
      if (message.type !== 'chunk') held.closed = true;
      const wake = held.wake;
      held.wake = undefined;
      wake?.();
    };
    return {
      id,
      push: (bytes) => write({ type: 'chunk', bytes }),
      end: (sizeBytes) => write({ type: 'end', sizeBytes }),
      fail: (error) => write({ type: 'error', error }),
    };
  }

  return {
    open,
    take(streamId) {
      const held = unopened.get(streamId);
      if (!held) return gone();
      unopened.delete(streamId);
      return drain(held);
    },
  };
}

/** The part of a MessagePort (Electron's MessagePortMain, or the harness's stand-in) a stream is written to. */
export interface StreamPortLike {
  postMessage(message: BodyStreamMessage): void;
  close(): void;
}

/**
 * Writes one stream's messages to a port as they come, yielding to the event
 * loop between chunks so a backlog of queued chunks does not hold main (or
 * queue 100 MB of copies) at once.
 */
export async function pumpBodyStream(
  messages: AsyncIterable<BodyStreamMessage>,
  port: StreamPortLike,
  yieldTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<void> {
  try {
    for await (const message of messages) {
      port.postMessage(message);
      if (message.type === 'chunk') await yieldTurn();
    }
  } finally {
    port.close();
  }
}
