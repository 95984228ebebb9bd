import { BODY_STREAM_CHANNEL, isBodyStreamOpen } from '../../shared/bridge/body-stream';

/** What preload has of the page's window and of ipcRenderer; injected so the relay runs in tests without Electron. */
export interface RelayWindowLike {
  addEventListener(type: 'message', listener: (event: { source: unknown; data: unknown; ports: readonly unknown[] }) => void): void;
}

export interface RelayIpcLike {
  postMessage(channel: string, message: unknown, transfer: never[]): void;
}

/**
 * Hands the port the page posted for a streamed body (see
 * shared/bridge/body-stream.ts) to main. Only the window's own messages
 * count: no other frame can open a stream.
 */
export function relayBodyStreamPorts(window: RelayWindowLike, ipc: RelayIpcLike): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window || !isBodyStreamOpen(event.data)) return;
    const port = event.ports[0];
    if (!port) return;
    ipc.postMessage(BODY_STREAM_CHANNEL, { type: event.data.type, streamId: event.data.streamId }, [port as never]);
  });
}
