import { BODY_STREAM_CHANNEL, isBodyStreamOpen } from '../../shared/bridge/body-stream';
import { type BodyStreams, pumpBodyStream, type StreamPortLike } from '../services/body-streams';
import type { IpcEventLike } from './register';

/** The part of Electron's ipcMain the stream needs; an event carries the MessagePortMain the page sent. */
export interface IpcPortMainLike {
  on(channel: string, listener: (event: IpcPortEventLike, arg: unknown) => void): void;
  removeListener(channel: string, listener: (event: IpcPortEventLike, arg: unknown) => void): void;
}

export interface IpcPortEventLike extends IpcEventLike {
  readonly ports: readonly (StreamPortLike & { start(): void })[];
}

/**
 * Answers the page's request for a streamed body on the port it sent.
 * MessagePortMain transfers only ports, so each chunk is structured-cloned
 * once on its way to the page; chunks are small copies, never the whole body.
 */
export function registerBodyStreamPort(
  ipcMain: IpcPortMainLike,
  streams: Pick<BodyStreams, 'take'>,
  isTrustedSender: (url: string) => boolean,
  logError?: (message: string, error: unknown) => void,
): () => void {
  const listener = (event: IpcPortEventLike, arg: unknown) => {
    const port = event.ports[0];
    if (!port) return;
    if (!isTrustedSender(event.senderFrame?.url ?? '') || !isBodyStreamOpen(arg)) {
      port.close();
      return;
    }
    port.start();
    pumpBodyStream(streams.take(arg.streamId), port).catch((error: unknown) => logError?.('A response body stream failed.', error));
  };
  ipcMain.on(BODY_STREAM_CHANNEL, listener);
  return () => ipcMain.removeListener(BODY_STREAM_CHANNEL, listener);
}
