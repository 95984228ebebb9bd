import { describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '../../shared/bridge/contract';
import { createBridge } from '../bridge/create-bridge';
import { type IpcEventLike, type IpcMainLike, registerBridgeHandlers } from './register';

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, arg: unknown) => Promise<unknown>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

describe('handler registration', () => {
  it('registers exactly one handler per declared method', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unregister = registerBridgeHandlers(ipc, vi.fn(), () => true);
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelFor).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses calls from frames that are not the app page', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerBridgeHandlers(ipc, dispatch, (url) => url === 'app://mailgun-explorer/index.html');
    const handler = handlers.get(channelFor('getAppInfo'));
    await expect(handler?.({ senderFrame: { url: 'https://evil.example/' } }, undefined)).resolves.toMatchObject({ ok: false });
    await expect(handler?.({ senderFrame: null }, undefined)).resolves.toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
    await expect(handler?.({ senderFrame: { url: 'app://mailgun-explorer/index.html' } }, undefined)).resolves.toEqual({
      ok: true,
      value: 1,
    });
    expect(dispatch).toHaveBeenCalledWith('getAppInfo', undefined);
  });
});

describe('preload bridge factory', () => {
  it('exposes exactly the declared methods, frozen, each on its own channel', async () => {
    const invoke = vi.fn(async (channel: string, arg: unknown) => ({ channel, arg }));
    const bridge = createBridge(invoke);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('invoke' in bridge).toBe(false);
    await bridge.getAppInfo();
    expect(invoke).toHaveBeenCalledWith(channelFor('getAppInfo'), undefined);
  });
});
