/// <reference lib="webworker" />
import { TreeHost } from './tree-host';
import type { Envelope } from './tree-protocol';

/** Parses and holds big response bodies off the page's main thread. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new TreeHost((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<Envelope>) => host.handle(event.data);
