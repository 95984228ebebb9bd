import { randomUUID } from 'node:crypto';
import { BODY_STREAM_CHUNK_BYTES, type BodyStreamMessage, bodyStreamGone } from '../../shared/bridge/body-stream';

/**
 * Bodies answered as streams, held until the page opens them. Each is the
 * same (already redacted) byte array the pipeline keeps for saving, so
 * holding it costs nothing extra; an opened stream is dropped at once.
 */
export interface BodyStreams {
  /** Holds `bytes` and returns the id the page opens it by. */
  offer(bytes: Uint8Array): string;
  /** The messages for one stream, once: chunks and `end`, or a single `error` for an unknown or dropped id. */
  take(streamId: string): Iterable<BodyStreamMessage>;
}

export interface BodyStreamsOptions {
  /** Unopened bodies kept at most; the oldest is dropped first (a page that never opens one must not grow main). */
  readonly maxHeld?: number;
  readonly chunkBytes?: number;
  readonly newId?: () => string;
}

function* messagesOf(bytes: Uint8Array, chunkBytes: number): Generator<BodyStreamMessage> {
  for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
    // A copy, not a subarray: structured clone sends a view's whole underlying buffer.
    yield { type: 'chunk', bytes: bytes.slice(offset, offset + chunkBytes) };
  }
  yield { type: 'end', sizeBytes: bytes.byteLength };
}

export function createBodyStreams(options: BodyStreamsOptions = {}): BodyStreams {
  const maxHeld = options.maxHeld ?? 8;
  const chunkBytes = options.chunkBytes ?? BODY_STREAM_CHUNK_BYTES;
  const newId = options.newId ?? randomUUID;
  const held = new Map<string, Uint8Array>();
  return {
    offer(bytes) {
      const id = newId();
      held.set(id, bytes);
      for (const oldest of held.keys()) {
        if (held.size <= maxHeld) break;
        held.delete(oldest);
      }
      return id;
    },
    take(streamId) {
      const bytes = held.get(streamId);
      if (!bytes) return [{ type: 'error', error: bodyStreamGone }];
      held.delete(streamId);
      return messagesOf(bytes, chunkBytes);
    },
  };
}

/** The part of a MessagePort (Electron's MessagePortMain, or the harness's stand-in) a stream is written to. */
export interface StreamPortLike {
  postMessage(message: BodyStreamMessage): void;
  close(): void;
}

/**
 * Writes one stream's messages to a port, yielding to the event loop between
 * chunks so a 100 MB body does not hold main (or queue 100 MB of copies) at once.
 */
export async function pumpBodyStream(
  messages: Iterable<BodyStreamMessage>,
  port: StreamPortLike,
  yieldTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<void> {
  try {
    for (const message of messages) {
      port.postMessage(message);
      if (message.type === 'chunk') await yieldTurn();
    }
  } finally {
    port.close();
  }
}
