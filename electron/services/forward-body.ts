import { BODY_STREAM_CHUNK_BYTES } from '../../shared/bridge/body-stream';
import type { BodyStreamWriter } from './body-streams';
import { joinChunks } from './http-executor';
import { redactingStream } from './redacting-stream';
import { streamingDecoderFor } from './response-body';

/**
 * Passes a large text body on to its stream while the network still
 * delivers it: decoded with the body's charset (a character split between
 * network chunks waits for the next), redacted (a secret split between
 * chunks too), and written as UTF-8 chunks of about `chunkBytes`. Resolves
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
  let ready: string[] = [];
  let readyChars = 0;
  const flush = () => {
    if (readyChars === 0) return;
    const bytes = encoder.encode(ready.join(''));
    ready = [];
    readyChars = 0;
    kept.push(bytes);
    total += bytes.byteLength;
    writer.push(bytes);
  };
  const add = (text: string) => {
    if (text.length > 0) {
      ready.push(text);
      readyChars += text.length;
    }
    if (readyChars >= chunkBytes) flush();
  };
  for await (const chunk of source) add(redact.push(decoder.decode(chunk, { stream: true })));
  add(redact.push(decoder.decode()));
  add(redact.end());
  flush();
  writer.end(total);
  return joinChunks(kept, total);
}
