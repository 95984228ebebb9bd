import type { AppError } from '../errors';

/**
 * Large response bodies do not travel in the `sendRequest` answer: one
 * message carrying 100 MB is more than the harness's CDP connection (and a
 * comfortable IPC message) takes. The answer carries `{ kind: 'stream' }`
 * with a stream id instead, and the page asks for the body on a MessagePort:
 *
 *   page: new MessageChannel; window.postMessage({ type: OPEN, streamId }, origin, [port2])
 *   preload (or the harness's page bridge): hands port2 to main
 *   main: port2.postMessage(chunk) ... then end (or error), then closes it
 *
 * The page reads port1. Main answers as soon as the headers (or the first
 * bytes) show the body is large, and passes each chunk on while the network
 * is still delivering the rest. The one pipeline's rules hold all the way:
 * the body is redacted as it passes (a secret split between two chunks
 * included), and the size cap, timeout or a cancel during the body end the
 * stream with an `error` in place of `end`. Chunks are UTF-8, whatever the
 * body's charset (main decodes it to redact it). History files the entry,
 * as for any response, once the last byte is in.
 */

/** Bodies above this many bytes are streamed; smaller ones stay in the answer, where they are shown in the same task. */
export const BODY_STREAM_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** Each chunk's size: small enough to decode and index in a few milliseconds, and far below any message limit. */
export const BODY_STREAM_CHUNK_BYTES = 1024 * 1024;

/** The `type` of the window message the page posts, with its port, to open a stream. */
export const BODY_STREAM_OPEN_MESSAGE = 'mailgun:open-body-stream';

/** The IPC channel preload forwards the port on, and the harness channel the page bridge reads chunks from. */
export const BODY_STREAM_CHANNEL = 'mailgun-body-stream:open';
export const BODY_STREAM_READ_CHANNEL = 'mailgun-body-stream:read';

/**
 * What `sendRequest` answers in place of the text of a large body. The
 * record's `sizeBytes` is what was known when it left (the declared length,
 * or the bytes read so far), its `timings.totalMs` the time until then, and
 * its `historyId` null (the entry is filed when the body ends); the `end`
 * message carries the size of what was streamed.
 */
export interface StreamedBody {
  readonly kind: 'stream';
  readonly streamId: string;
}

export interface BodyStreamOpen {
  readonly type: typeof BODY_STREAM_OPEN_MESSAGE;
  readonly streamId: string;
}

/** Checked by preload, the harness and main alike; kept free of zod so the sandboxed preload stays small. */
export function isBodyStreamOpen(value: unknown): value is BodyStreamOpen {
  if (typeof value !== 'object' || value === null) return false;
  const { type, streamId, ...rest } = value as Record<string, unknown>;
  return (
    type === BODY_STREAM_OPEN_MESSAGE &&
    typeof streamId === 'string' &&
    /^[A-Za-z0-9-]{1,64}$/.test(streamId) &&
    Object.keys(rest).length === 0
  );
}

/** Messages on the port, in order: chunks, then one `end` or one `error`. */
export type BodyStreamMessage =
  | { readonly type: 'chunk'; readonly bytes: Uint8Array }
  | { readonly type: 'end'; readonly sizeBytes: number }
  | { readonly type: 'error'; readonly error: AppError };

export const bodyStreamGone: AppError = {
  code: 'not-found',
  message: 'This response body is no longer held by the app.',
  hint: 'Send the request again to see it.',
};
