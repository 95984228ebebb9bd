import { TreeHost } from './tree-host';
import type { Envelope, HostMessage, ProgressFor, ReplyFor, TreeRequest } from './tree-protocol';

/** Bodies below this parse in the page faster than a worker starts. */
const WORKER_THRESHOLD_CHARS = 512 * 1024;

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  progress?: (reply: never) => void;
}

/** Talks to the holder of one parsed body; every answer is asynchronous, wherever the body lives. */
export class TreeClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly send: (envelope: Envelope) => void;
  private readonly stop: () => void;

  private constructor(
    connect: (
      receive: (message: HostMessage) => void,
      fail: (reason: string) => void,
    ) => { send: (envelope: Envelope) => void; stop: () => void },
  ) {
    const link = connect(
      (message) => this.receive(message),
      (reason) => this.failAll(reason),
    );
    this.send = link.send;
    this.stop = link.stop;
  }

  /** A host in this thread: used for small bodies and where workers are unavailable (tests). */
  static local(): TreeClient {
    return new TreeClient((receive) => {
      const host = new TreeHost((message) => queueMicrotask(() => receive(message)));
      return {
        send: (envelope) => queueMicrotask(() => host.handle(envelope)),
        stop: () => host.handle({ id: 0, request: { type: 'dispose' } }),
      };
    });
  }

  static worker(): TreeClient {
    return new TreeClient((receive, fail) => {
      const worker = new Worker(new URL('./json-worker.ts', import.meta.url), { type: 'module', name: 'json-body' });
      worker.onmessage = (event: MessageEvent<HostMessage>) => receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        fail('The background parser stopped.');
      };
      return { send: (envelope) => worker.postMessage(envelope), stop: () => worker.terminate() };
    });
  }

  /** A worker for big bodies when the platform has workers. */
  static forSize(chars: number): TreeClient {
    return chars >= WORKER_THRESHOLD_CHARS && typeof Worker !== 'undefined' ? TreeClient.worker() : TreeClient.local();
  }

  request<R extends TreeRequest>(
    request: R,
    progress?: (reply: R['type'] extends keyof ProgressFor ? ProgressFor[R['type']] : never) => void,
  ): Promise<ReplyFor[R['type']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (reply: unknown) => void,
        reject,
        ...(progress ? { progress: progress as (reply: never) => void } : {}),
      });
      this.send({ id, request });
    });
  }

  private receive(message: HostMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ('error' in message) {
      this.pending.delete(message.id);
      pending.reject(new Error(message.error));
    } else if (message.final) {
      this.pending.delete(message.id);
      pending.resolve(message.reply);
    } else {
      pending.progress?.(message.reply as never);
    }
  }

  private failAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }

  dispose(): void {
    this.failAll('The body viewer was closed.');
    this.stop();
  }
}
