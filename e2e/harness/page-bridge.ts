import { createBridge } from '../../electron/bridge/create-bridge';
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
