import { channelFor, methodNames } from '../../shared/bridge/channels';
import type { Bridge } from '../../shared/bridge/contract';

export type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

/**
 * Builds the object preload exposes on `window`. The browser test harness
 * uses this same factory, so tests exercise exactly what the app ships.
 * Only declared methods exist; there is no generic invoke.
 */
export function createBridge(invoke: Invoke): Bridge {
  const bridge: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    const channel = channelFor(name);
    bridge[name] = (arg?: unknown) => invoke(channel, arg);
  }
  return Object.freeze(bridge) as unknown as Bridge;
}
