import { BODY_STREAM_OPEN_MESSAGE, type BodyStreamMessage, type BodyStreamOpen } from '../../shared/bridge/body-stream';

/**
 * Opens a streamed response body (see shared/bridge/body-stream.ts): the
 * port goes to preload (or the harness's page bridge) with a window message
 * to this window's own origin, and main answers on it. Returns the close.
 */
export function openBodyStream(streamId: string, onMessage: (message: BodyStreamMessage) => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<BodyStreamMessage>) => onMessage(event.data);
  const open: BodyStreamOpen = { type: BODY_STREAM_OPEN_MESSAGE, streamId };
  window.postMessage(open, '/', [channel.port2]);
  return () => channel.port1.close();
}
