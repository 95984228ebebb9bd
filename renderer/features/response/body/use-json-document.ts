import { useEffect, useState } from 'react';
import type { ChunkedText } from '../chunked-text';
import { TreeClient } from './tree-client';
import type { DocumentUpdate, LoadReply, RowWindow } from './tree-protocol';

/** A tall first screen; the tree asks for more as soon as it knows its height, outside the first frame. */
const FIRST_WINDOW: RowWindow = { start: 0, end: 32 };

const NONE = { status: 'none' } as const;
const PARSING = { status: 'parsing' } as const;

export type JsonDocument =
  | { readonly status: 'none' }
  | { readonly status: 'parsing' }
  | { readonly status: 'invalid'; readonly message: string }
  /** `info.complete` is false while a big body is still being indexed; the tree is usable meanwhile. */
  | { readonly status: 'ready'; readonly client: TreeClient; readonly info: Extract<LoadReply, { ok: true }> };

/** A whole body, or a streamed one still arriving. */
type BodyText = string | ChunkedText | undefined;

interface Held {
  readonly text: BodyText;
  readonly document: JsonDocument;
}

/**
 * Opens the text in the render that first shows it: a small body is parsed
 * whole (a few milliseconds at 1 MB), a big one is indexed up to its first
 * slice, so the tree is on the first frame after the response arrives. The
 * rest of a big body is indexed in later tasks.
 */
function openNow(text: BodyText): Held {
  if (text === undefined) return { text, document: NONE };
  const { client, reply } = TreeClient.loadedNow(text, FIRST_WINDOW);
  if (reply?.ok) return { text, document: { status: 'ready', client, info: reply } };
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
 * indexing completes. A new text (or unmounting) drops the old one.
 */
export function useJsonDocument(text: BodyText): JsonDocument {
  const [held, setHeld] = useState<Held>(() => openNow(text));
  let current = held;
  if (held.text !== text) {
    // A new text is opened in this render rather than one render later from an effect.
    current = openNow(text);
    setHeld(current);
  }
  const client = current.document.status === 'ready' ? current.document.client : null;
  const waiting = current.document.status === 'parsing';

  useEffect(() => {
    if (!client) return undefined;
    if (client.disposed) {
      // Strict mode unmounted and mounted again: the first client is gone.
      setHeld(openNow(text));
      return undefined;
    }
    const stop = client.onUpdate((update) => {
      if (update.kind === 'grown') return;
      setHeld((previous) => ({ text: previous.text, document: settle(previous.document, client, update) }));
    });
    return () => {
      stop();
      client.dispose();
    };
  }, [client, text]);

  // The host could not answer at once (nothing to show after the first slice): ask again and wait.
  useEffect(() => {
    if (!waiting || text === undefined) return undefined;
    let live = true;
    let adopted = false;
    const client = TreeClient.local();
    client.request({ type: 'load', text, window: FIRST_WINDOW }).then(
      (reply) => {
        if (!live) return;
        adopted = reply.ok;
        const document: JsonDocument = reply.ok ? { status: 'ready', client, info: reply } : { status: 'invalid', message: reply.message };
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
