import { createBridge } from '../../electron/bridge/create-bridge';
import { BODY_STREAM_READ_CHANNEL, type BodyStreamMessage, isBodyStreamOpen } from '../../shared/bridge/body-stream';
import { bridgeGlobalName } from '../../shared/bridge/channels';

/**
 * Runs in the page before the app: installs the bridge exactly as preload
 * does, with Playwright's exposed binding standing in for ipcRenderer.invoke.
 */
type Binding = (channel: string, arg: unknown) => Promise<unknown>;
const host = globalThis as unknown as { __mailgunInvoke?: Binding };

Object.defineProperty(globalThis, bridgeGlobalName, {
  value: createBridge((channel, arg) => {
    const invoke = host.__mailgunInvoke;
    if (!invoke) return Promise.reject(new Error('The harness binding is not installed.'));
    return invoke(channel, arg);
  }),
  writable: false,
  configurable: false,
  enumerable: false,
});

/** Stands in for preload and main on a streamed body's port: the same messages, pulled from main one binding call each. */
async function feed(streamId: string, port: MessagePort): Promise<void> {
  try {
    for (;;) {
      const invoke = host.__mailgunInvoke;
      if (!invoke) throw new Error('The harness binding is not installed.');
      const result = (await invoke(BODY_STREAM_READ_CHANNEL, { streamId })) as { ok: true; value: BodyStreamMessage };
      port.postMessage(result.value);
      if (result.value.type !== 'chunk') return;
    }
  } finally {
    port.close();
  }
}

window.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (event.source !== window || !isBodyStreamOpen(event.data) || !port) return;
  void feed(event.data.streamId, port);
});
