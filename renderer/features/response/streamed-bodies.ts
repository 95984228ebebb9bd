import type { BodyStreamMessage } from '../../../shared/bridge/body-stream';
import { openBodyStream } from '../../bridge/body-stream';
import { ChunkedText } from './chunked-text';

/** Streamed bodies kept in the page, newest last; main hands each over once, so a tab shown again finds its text here. */
const MAX_HELD = 8;
const held = new Map<string, ChunkedText>();

/** Lets go of the texts of all other streams: their responses cannot be shown again (a stream still arriving finishes unheld). */
export function retainStreamedTexts(streamIds: ReadonlySet<string>): void {
  for (const streamId of held.keys()) if (!streamIds.has(streamId)) held.delete(streamId);
}

/**
 * Feeds a stream's messages into a text, decoding each chunk as it comes (a
 * character split between chunks waits for the next). Main sends UTF-8
 * whatever the body's charset: it decoded the body to redact it.
 */
export function textFromMessages(text: ChunkedText): (message: BodyStreamMessage) => boolean {
  const decoder = new TextDecoder('utf-8');
  return (message) => {
    if (message.type === 'chunk') {
      text.append(decoder.decode(message.bytes, { stream: true }));
      return false;
    }
    if (message.type === 'end') {
      text.append(decoder.decode());
      text.finish(message.sizeBytes);
    } else {
      text.fail(`${message.error.message} ${message.error.hint}`);
    }
    return true;
  };
}

/** The text of a streamed body, opened on first use and growing as its chunks arrive. */
export function streamedText(streamId: string): ChunkedText {
  const known = held.get(streamId);
  if (known) {
    held.delete(streamId);
    held.set(streamId, known);
    return known;
  }
  const text = new ChunkedText();
  const feed = textFromMessages(text);
  const close = openBodyStream(streamId, (message) => {
    if (feed(message)) close();
  });
  held.set(streamId, text);
  for (const oldest of held.keys()) {
    if (held.size <= MAX_HELD) break;
    held.delete(oldest);
  }
  return text;
}
