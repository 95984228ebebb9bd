import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../shared/bridge/channels';
import { type RelayWindowLike, relayBodyStreamPorts } from './bridge/body-stream-relay';
import { createBridge } from './bridge/create-bridge';

contextBridge.exposeInMainWorld(
  bridgeGlobalName,
  createBridge((channel, arg) => ipcRenderer.invoke(channel, arg)),
);

// Preload is type-checked without the DOM library; its global is the page's window all the same.
relayBodyStreamPorts(globalThis as unknown as RelayWindowLike, ipcRenderer);
