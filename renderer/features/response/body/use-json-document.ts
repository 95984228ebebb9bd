import { useEffect, useRef, useState } from 'react';
import type { ChunkedText } from '../chunked-text';
import { DocumentCache, TAB_DOCUMENT_LIMITS, type TreeView } from './document-cache';
import { TREE_ROW_HEIGHT } from './JsonTree';
import { TreeClient } from './tree-client';
import type { DocumentUpdate, LoadReply, RowWindow } from './tree-protocol';
import { firstScreenRows } from './use-fixed-rows';

/** The rows the tree's first render draws; it asks for more once it knows its height, outside the first frame. */
const firstWindow = (): RowWindow => ({ start: 0, end: firstScreenRows(TREE_ROW_HEIGHT) });
/** Rows either side of the first screen of a document shown again, as the tree fetches them. */
const VIEW_MARGIN = 60;

const NONE = { status: 'none' } as const;
const PARSING = { status: 'parsing' } as const;

export type JsonDocument =
  | { readonly status: 'none' }
  | { readonly status: 'parsing' }
  | { readonly status: 'invalid'; readonly message: string }
  /** `info.complete` is false while a big body is still being indexed; the tree is usable meanwhile. */
  | {
      readonly status: 'ready';
      readonly client: TreeClient;
      readonly info: Extract<LoadReply, { ok: true }>;
      /** Where the tree was left; kept with the document when its response is laid aside. */
      readonly view: TreeView;
    };

type ReadyDocument = Extract<JsonDocument, { status: 'ready' }>;

/**
 * The documents of the last responses shown and left (tabs switched away
 * from). The text is the response's own (a string or the streamed pieces),
 * so keeping a document adds only its index and tree state.
 */
const shownBefore = new DocumentCache<ReadyDocument>(TAB_DOCUMENT_LIMITS);

/** Only these responses (by request id) can be shown again: the documents of all others are released. */
export function retainResponseDocuments(requestIds: ReadonlySet<string>): void {
  shownBefore.retainOnly(requestIds);
}

/** A whole body, or a streamed one still arriving. */
type BodyText = string | ChunkedText | undefined;

interface Held {
  readonly text: BodyText;
  readonly document: JsonDocument;
}

const newView = (): TreeView => ({ scrollTop: 0, firstRow: 0, selected: 0 });

/** A document laid aside for this response, with the rows where its tree was left (expanded nodes included). */
function reopened(text: string | ChunkedText, keepAs: string | undefined): ReadyDocument | undefined {
  const kept = keepAs === undefined ? undefined : shownBefore.find(keepAs, text);
  if (!kept) return undefined;
  const { client, info, view } = kept.document;
  const rows = client.rowsNow({ start: Math.max(0, view.firstRow - VIEW_MARGIN), end: view.firstRow + firstWindow().end + VIEW_MARGIN });
  return rows ? { ...kept.document, info: { ...info, rows } } : undefined;
}

/**
 * Opens the text in the render that first shows it: a small body is parsed
 * whole (about a millisecond at 256 kB), a bigger one is indexed up to its first
 * slice, so the tree is on the first frame after the response arrives. The
 * rest of a big body is indexed in later tasks.
 */
function openNow(text: BodyText, keepAs: string | undefined): Held {
  if (text === undefined) return { text, document: NONE };
  const again = reopened(text, keepAs);
  if (again) return { text, document: again };
  const { client, reply } = TreeClient.loadedNow(text, firstWindow());
  if (reply?.ok) return { text, document: { status: 'ready', client, info: reply, view: newView() } };
  client.dispose();
  return { text, document: reply ? { status: 'invalid', message: reply.message } : PARSING };
}

function settle(document: JsonDocument, client: TreeClient, update: Exclude<DocumentUpdate, { kind: 'grown' }>): JsonDocument {
  if (document.status !== 'ready' || document.client !== client) return document;
  if (update.kind === 'invalid') return { status: 'invalid', message: update.message };
  const { table, facts, canExpandAll } = update;
  return { ...document, info: { ...document.info, table, facts, canExpandAll, complete: true } };
}

/**
 * Parses or indexes `text` once and keeps the result where it was made. A
 * big body is ready after its first slice, and its info is replaced when the
 * indexing completes. A new text drops the old document. With `keepAs` (the
 * response's request id), unmounting lays the document aside and a later
 * mount for the same response and text takes it back instead of reading the
 * body again; without it, unmounting drops it.
 */
export function useJsonDocument(text: BodyText, keepAs?: string): JsonDocument {
  const [held, setHeld] = useState<Held>(() => openNow(text, keepAs));
  let current = held;
  if (held.text !== text) {
    // A new text is opened in this render rather than one render later from an effect.
    current = openNow(text, keepAs);
    setHeld(current);
  }
  const latest = useRef(current);
  latest.current = current;
  const client = current.document.status === 'ready' ? current.document.client : null;
  const waiting = current.document.status === 'parsing';

  useEffect(() => {
    if (!client) return undefined;
    if (client.disposed) {
      // Strict mode unmounted and mounted again, and the first client is gone.
      setHeld(openNow(text, keepAs));
      return undefined;
    }
    // A document found laid aside (or laid aside by the clean-up below when strict mode mounts twice) is this viewer's now.
    if (keepAs !== undefined) shownBefore.reclaim(keepAs, client);
    const stop = client.onUpdate((update) => {
      if (update.kind === 'grown') return;
      setHeld((previous) => ({ text: previous.text, document: settle(previous.document, client, update) }));
    });
    return () => {
      stop();
      const document = latest.current.document;
      // Unmounted while showing this document (not replaced by a newer text): kept for the next time it is shown.
      const laidAside =
        keepAs !== undefined &&
        text !== undefined &&
        document.status === 'ready' &&
        document.client === client &&
        shownBefore.keep(keepAs, { text, document });
      if (!laidAside) client.dispose();
    };
  }, [client, text, keepAs]);

  // The host could not answer at once (nothing to show after the first slice): ask again and wait.
  useEffect(() => {
    if (!waiting || text === undefined) return undefined;
    let live = true;
    let adopted = false;
    const client = TreeClient.local();
    client.request({ type: 'load', text, window: firstWindow() }).then(
      (reply) => {
        if (!live) return;
        adopted = reply.ok;
        const document: JsonDocument = reply.ok
          ? { status: 'ready', client, info: reply, view: newView() }
          : { status: 'invalid', message: reply.message };
        setHeld((previous) => (previous.text === text ? { text, document } : previous));
      },
      (error: unknown) => {
        if (!live) return;
        const message = error instanceof Error ? error.message : 'The body could not be read.';
        setHeld((previous) => (previous.text === text ? { text, document: { status: 'invalid', message } } : previous));
      },
    );
    return () => {
      live = false;
      // Once adopted, the document's own effect disposes the client.
      if (!adopted) client.dispose();
    };
  }, [waiting, text]);

  return current.document;
}
