import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../shared/bridge/channels';
import { createBridge } from './bridge/create-bridge';

contextBridge.exposeInMainWorld(
  bridgeGlobalName,
  createBridge((channel, arg) => ipcRenderer.invoke(channel, arg)),
);
