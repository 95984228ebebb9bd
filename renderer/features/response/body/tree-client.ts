import type { ChunkedText } from '../chunked-text';
import { TreeHost } from './tree-host';
import type { DocumentUpdate, Envelope, HostMessage, LoadReply, ProgressFor, ReplyFor, RowWindow, TreeRequest } from './tree-protocol';

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  progress?: (reply: never) => void;
}

/** The id of the load a client is opened with; requests count up from 1. */
const OPENING_ID = -1;

/** Talks to the holder of one parsed body; every answer but the opening one (see loadedNow) is asynchronous. */
export class TreeClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(update: DocumentUpdate) => void>();
  private readonly send: (envelope: Envelope) => void;
  private readonly stop: () => void;
  private closed = false;
  private settled: Exclude<DocumentUpdate, { kind: 'grown' }> | null = null;

  private constructor(connect: (receive: (message: HostMessage) => void) => { send: (envelope: Envelope) => void; stop: () => void }) {
    const link = connect((message) => this.receive(message));
    this.send = link.send;
    this.stop = link.stop;
  }

  /**
   * A host in the page's own thread, also for streamed bodies: measured on
   * a 50 MB events list in 1 MB chunks (2 busy cores), decoding a chunk costs
   * 3–6 ms and indexing it 16–25 ms, cut into 8 ms slices, so no task comes
   * near 50 ms; a worker would add a structured-clone copy of every chunk
   * (about 1 ms per MB) and a second copy of the text for Raw and Copy, and
   * make every row request a round trip, to save work that already never blocks.
   */
  static local(): TreeClient {
    return TreeClient.onHost((post) => new TreeHost(post));
  }

  /**
   * Opens a text in the caller's task: a small one parsed whole, a big one
   * up to its first indexed slice, so the first render can draw the tree
   * without waiting a task for the answer. No reply when the host could not
   * answer at once; the caller then disposes the client and asks again.
   */
  static loadedNow(text: string | ChunkedText, window: RowWindow): { client: TreeClient; reply: LoadReply | undefined } {
    let reply: LoadReply | undefined;
    let opening = true;
    const client = new TreeClient((receive) => {
      const host = new TreeHost((message) => {
        if (opening && message.id === OPENING_ID && 'reply' in message) reply = message.reply as LoadReply;
        else queueMicrotask(() => receive(message));
      });
      host.handle({ id: OPENING_ID, request: { type: 'load', text, window } });
      opening = false;
      return TreeClient.linkTo(host);
    });
    return { client, reply };
  }

  private static onHost(create: (post: (message: HostMessage) => void) => TreeHost): TreeClient {
    return new TreeClient((receive) => TreeClient.linkTo(create((message) => queueMicrotask(() => receive(message)))));
  }

  private static linkTo(host: TreeHost): { send: (envelope: Envelope) => void; stop: () => void } {
    return {
      send: (envelope) => queueMicrotask(() => host.handle(envelope)),
      stop: () => host.handle({ id: 0, request: { type: 'dispose' } }),
    };
  }

  /**
   * Growth and completion of a body still being indexed; returns the
   * unsubscribe. A listener added after the completion (or the failure) is
   * told of it at once, so one that subscribes in an effect misses nothing.
   */
  onUpdate(listener: (update: DocumentUpdate) => void): () => void {
    this.listeners.add(listener);
    const settled = this.settled;
    if (settled) queueMicrotask(() => this.listeners.has(listener) && listener(settled));
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
    // The host answers the dispose request itself (id 0, no update) after the client has closed.
    if (this.closed) return;
    if (message.id === 0 && 'reply' in message) {
      const update = message.reply as DocumentUpdate;
      if (update.kind !== 'grown') this.settled = update;
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

  /** True once disposed: a remount (React's strict mode) must open the body again. */
  get disposed(): boolean {
    return this.closed;
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.failAll('The body viewer was closed.');
    this.stop();
  }
}
