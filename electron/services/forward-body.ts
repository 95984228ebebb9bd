import { BODY_STREAM_CHUNK_BYTES } from '../../shared/bridge/body-stream';
import type { BodyStreamWriter } from './body-streams';
import { joinChunks } from './http-executor';
import { redactingStream } from './redacting-stream';
import { streamingDecoderFor } from './response-body';

/**
 * Passes a large text body on to its stream while the network still
 * delivers it: decoded with the body's charset (a character split between
 * network chunks waits for the next), redacted (a secret split between
 * chunks too), and written as UTF-8 chunks of `chunkBytes` (the last one
 * shorter). Resolves
 * to the whole redacted body once the last byte is in; a failure of the
 * source rejects, and the caller ends the stream with it.
 *
 * Nothing waits for the page: the network is read at its own pace, and what
 * the page has not read yet stays queued as the same chunk buffers kept
 * here for the whole body (so main holds the body once, as it did when it
 * read it whole before answering).
 */
export async function forwardBody(
  source: AsyncIterable<Uint8Array>,
  contentType: string,
  secrets: readonly string[],
  writer: Pick<BodyStreamWriter, 'push' | 'end'>,
  chunkBytes: number = BODY_STREAM_CHUNK_BYTES,
): Promise<Uint8Array> {
  const decoder = streamingDecoderFor(contentType);
  const redact = redactingStream(secrets);
  const encoder = new TextEncoder();
  const kept: Uint8Array[] = [];
  let total = 0;
  // Each chunk fills a buffer of its own to exactly `chunkBytes` (a character may straddle two; the page decodes in stream mode).
  let filling = new Uint8Array(chunkBytes);
  let filled = 0;
  const pass = (chunk: Uint8Array) => {
    kept.push(chunk);
    total += chunk.byteLength;
    writer.push(chunk);
  };
  const add = (text: string) => {
    if (text.length === 0) return;
    const bytes = encoder.encode(text);
    for (let at = 0; at < bytes.byteLength; ) {
      const taken = Math.min(chunkBytes - filled, bytes.byteLength - at);
      filling.set(bytes.subarray(at, at + taken), filled);
      filled += taken;
      at += taken;
      if (filled === chunkBytes) {
        pass(filling);
        filling = new Uint8Array(chunkBytes);
        filled = 0;
      }
    }
  };
  for await (const chunk of source) add(redact.push(decoder.decode(chunk, { stream: true })));
  add(redact.push(decoder.decode()));
  add(redact.end());
  if (filled > 0) pass(filling.slice(0, filled));
  writer.end(total);
  return joinChunks(kept, total);
}
