import { TreeHost } from './tree-host';
import type { DocumentUpdate, Envelope, HostMessage, ProgressFor, ReplyFor, TreeRequest } from './tree-protocol';

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  progress?: (reply: never) => void;
}

/** Talks to the holder of one parsed body; every answer is asynchronous, wherever the body lives. */
export class TreeClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(update: DocumentUpdate) => void>();
  private readonly send: (envelope: Envelope) => void;
  private readonly stop: () => void;

  private constructor(connect: (receive: (message: HostMessage) => void) => { send: (envelope: Envelope) => void; stop: () => void }) {
    const link = connect((message) => this.receive(message));
    this.send = link.send;
    this.stop = link.stop;
  }

  /**
   * A host in the page's own thread. A worker would need its own copy of the
   * text (the page keeps one for the Raw view) and a copy on the way in; the
   * host instead parses small bodies at once and indexes big ones a slice at
   * a time, so neither costs a long task.
   */
  static local(): TreeClient {
    return new TreeClient((receive) => {
      const host = new TreeHost((message) => queueMicrotask(() => receive(message)));
      return {
        send: (envelope) => queueMicrotask(() => host.handle(envelope)),
        stop: () => host.handle({ id: 0, request: { type: 'dispose' } }),
      };
    });
  }

  /** Growth and completion of a body still being indexed; returns the unsubscribe. */
  onUpdate(listener: (update: DocumentUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    if (message.id === 0 && 'reply' in message) {
      for (const listener of this.listeners) listener(message.reply as DocumentUpdate);
      return;
    }
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
    this.listeners.clear();
    this.failAll('The body viewer was closed.');
    this.stop();
  }
}
