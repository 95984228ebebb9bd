import type { ChunkedText } from '../chunked-text';
import { TreeHost } from './tree-host';
import type {
  DocumentUpdate,
  Envelope,
  HostMessage,
  LoadReply,
  ProgressFor,
  ReplyFor,
  RowsReply,
  RowWindow,
  TreeRequest,
} from './tree-protocol';

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  progress?: (reply: never) => void;
}

/** The id of requests answered in the caller's task (see loadedNow, rowsNow); others count up from 1. */
const NOW_ID = -1;

interface Link {
  send(envelope: Envelope): void;
  stop(): void;
  /** Hands a request to the host in the caller's task; its answer, when the host gave one at once. */
  now(request: TreeRequest): HostMessage | undefined;
}

/** Talks to the holder of one parsed body; every answer but those asked for now (see loadedNow, rowsNow) is asynchronous. */
export class TreeClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(update: DocumentUpdate) => void>();
  private readonly link: Link;
  private closed = false;
  private settled: Exclude<DocumentUpdate, { kind: 'grown' }> | null = null;

  private constructor(connect: (receive: (message: HostMessage) => void) => Link) {
    this.link = connect((message) => this.receive(message));
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
    const client = TreeClient.local();
    const answer = client.link.now({ type: 'load', text, window });
    return { client, reply: answer && 'reply' in answer ? (answer.reply as LoadReply) : undefined };
  }

  /**
   * The rows of a window, answered in the caller's task: a document shown
   * again draws its tree as it was left (expanded nodes, scroll position)
   * in its first render. Undefined once disposed or when nothing is loaded.
   */
  rowsNow(window: RowWindow): RowsReply | undefined {
    if (this.closed) return undefined;
    const answer = this.link.now({ type: 'rows', window });
    return answer && 'reply' in answer ? (answer.reply as RowsReply) : undefined;
  }

  private static onHost(create: (post: (message: HostMessage) => void) => TreeHost): TreeClient {
    return new TreeClient((receive) => {
      let answer: HostMessage | undefined;
      let asking = false;
      const host = create((message) => {
        if (asking && message.id === NOW_ID) answer = message;
        else queueMicrotask(() => receive(message));
      });
      return {
        send: (envelope) => queueMicrotask(() => host.handle(envelope)),
        stop: () => host.handle({ id: 0, request: { type: 'dispose' } }),
        now: (request) => {
          answer = undefined;
          asking = true;
          try {
            host.handle({ id: NOW_ID, request });
          } finally {
            asking = false;
          }
          return answer;
        },
      };
    });
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
      this.link.send({ id, request });
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
    this.link.stop();
  }
}
