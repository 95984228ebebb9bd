import { useSyncExternalStore } from 'react';
import type { StreamedBody } from '../../../../shared/bridge/body-stream';
import type { ChunkedText } from '../chunked-text';
import { streamedText } from '../streamed-bodies';

const noSubscription = () => () => undefined;

/**
 * The text of a streamed body, or undefined for any other. The component
 * renders again when the last chunk has arrived (or the stream failed), not
 * on every chunk: the tree follows the growth itself.
 */
export function useStreamedText(body: { readonly kind: string } | StreamedBody): ChunkedText | undefined {
  const text = body.kind === 'stream' ? streamedText((body as StreamedBody).streamId) : undefined;
  useSyncExternalStore(text ? (listener) => text.subscribe(listener) : noSubscription, () => text?.complete ?? false);
  return text;
}
