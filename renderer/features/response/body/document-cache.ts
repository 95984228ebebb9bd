import type { ChunkedText } from '../chunked-text';
import type { TreeClient } from './tree-client';

/** A whole body, or a streamed one, as the viewer was given it. */
export type KeptText = string | ChunkedText;

/** Where the reader was in a document's tree, noted by the tree as it changes; expanded nodes stay in the document's host. */
export interface TreeView {
  scrollTop: number;
  /** The first row on screen, so the rows there can be fetched before the tree is drawn again. */
  firstRow: number;
  selected: number;
}

/** An opened document laid aside while its response is not shown. */
export interface KeptDocument<D> {
  /** The very text the document was opened on: one copy, shared with the response it came from. */
  readonly text: KeptText;
  readonly document: D;
}

export interface DocumentCacheLimits {
  readonly maxEntries: number;
  /** Characters of text, over every document kept. */
  readonly maxChars: number;
}

const MB = 1024 * 1024;

/**
 * For the workbench's tabs: the last five responses left, and at most 64 MB
 * of their text, so five 10 MB bodies fit and fifty do not.
 */
export const TAB_DOCUMENT_LIMITS: DocumentCacheLimits = { maxEntries: 5, maxChars: 64 * MB };

/**
 * Documents of responses that were shown recently and are not shown now,
 * least recently used first, so showing one again (switching back to its
 * tab) reuses its index and tree instead of reading the body again. A
 * document is either shown (its viewer owns it) or here, never both once
 * the viewer has mounted, so the cache never disposes one on screen.
 */
export class DocumentCache<D extends { readonly client: TreeClient }> {
  private readonly kept = new Map<string, KeptDocument<D>>();
  /** The responses that may be shown again; null until someone says (then every key is). */
  private live: ReadonlySet<string> | null = null;

  constructor(private readonly limits: DocumentCacheLimits) {}

  get size(): number {
    return this.kept.size;
  }

  get chars(): number {
    let total = 0;
    for (const entry of this.kept.values()) total += entry.text.length;
    return total;
  }

  has(key: string): boolean {
    return this.kept.has(key);
  }

  /**
   * The document kept for `key`, now the most recent; it stays here until
   * the viewer that shows it has mounted and reclaims it, so a render that
   * React throws away loses nothing. One kept for another text is stale and
   * is dropped.
   */
  find(key: string, text: KeptText): KeptDocument<D> | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    this.kept.delete(key);
    if (entry.text !== text) {
      entry.document.client.dispose();
      return undefined;
    }
    this.kept.set(key, entry);
    return entry;
  }

  /** Takes the entry for `key` out if it holds this client, without disposing it: its viewer has mounted. */
  reclaim(key: string, client: TreeClient): void {
    if (this.kept.get(key)?.document.client === client) this.kept.delete(key);
  }

  /**
   * Lays a document aside as the most recent; false when it is not kept (its
   * response is gone, or it alone is over the budget), and the caller
   * disposes it. Older documents go while the limits are exceeded.
   */
  keep(key: string, entry: KeptDocument<D>): boolean {
    if ((this.live && !this.live.has(key)) || entry.text.length > this.limits.maxChars || entry.document.client.disposed) return false;
    const previous = this.kept.get(key);
    if (previous) {
      this.kept.delete(key);
      if (previous.document.client !== entry.document.client) previous.document.client.dispose();
    }
    this.kept.set(key, entry);
    let chars = this.chars;
    for (const [oldest, candidate] of this.kept) {
      if (this.kept.size <= this.limits.maxEntries && chars <= this.limits.maxChars) break;
      this.kept.delete(oldest);
      chars -= candidate.text.length;
      candidate.document.client.dispose();
    }
    return true;
  }

  /** Only these responses can be shown again (their tabs are open): every other kept document is dropped now and refused later. */
  retainOnly(keys: ReadonlySet<string>): void {
    this.live = keys;
    for (const [key, entry] of this.kept) {
      if (keys.has(key)) continue;
      this.kept.delete(key);
      entry.document.client.dispose();
    }
  }
}
