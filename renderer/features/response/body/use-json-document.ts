import { useEffect, useState } from 'react';
import { TreeClient } from './tree-client';
import { INDEX_FROM_CHARS } from './tree-host';
import type { DocumentUpdate, LoadReply, RowWindow } from './tree-protocol';

/** Enough rows for a tall window; the tree asks for more as soon as it knows its height. */
const FIRST_WINDOW: RowWindow = { start: 0, end: 120 };

const NONE = { status: 'none' } as const;
const PARSING = { status: 'parsing' } as const;

export type JsonDocument =
  | { readonly status: 'none' }
  | { readonly status: 'parsing' }
  | { readonly status: 'invalid'; readonly message: string }
  /** `info.complete` is false while a big body is still being indexed; the tree is usable meanwhile. */
  | { readonly status: 'ready'; readonly client: TreeClient; readonly info: Extract<LoadReply, { ok: true }> };

interface Held {
  readonly text: string | undefined;
  readonly document: JsonDocument;
}

/**
 * A small text is parsed in the render that first shows it (a few
 * milliseconds even at 1 MB), so the tree is on the first frame after the
 * response arrives; a big one starts as `parsing` and is indexed in slices.
 */
function openNow(text: string | undefined): Held {
  if (text === undefined) return { text, document: NONE };
  if (text.length >= INDEX_FROM_CHARS) return { text, document: PARSING };
  const { client, reply } = TreeClient.loadedNow(text, FIRST_WINDOW);
  if (reply.ok) return { text, document: { status: 'ready', client, info: reply } };
  client.dispose();
  return { text, document: { status: 'invalid', message: reply.message } };
}

/**
 * Parses or indexes `text` once and keeps the result where it was made. A
 * big body is ready after its first slice, and its info is replaced when the
 * indexing completes. A new text (or unmounting) drops the old one.
 */
export function useJsonDocument(text: string | undefined): JsonDocument {
  const [held, setHeld] = useState<Held>(() => openNow(text));
  let current = held;
  if (held.text !== text) {
    // A new text is opened in this render rather than one render later from an effect.
    current = openNow(text);
    setHeld(current);
  }
  const small = current.text !== undefined && current.text.length < INDEX_FROM_CHARS;
  const smallClient = small && current.document.status === 'ready' ? current.document.client : null;

  useEffect(() => {
    if (!smallClient) return undefined;
    if (smallClient.disposed) {
      // Strict mode unmounted and mounted again: the first client is gone.
      setHeld(openNow(text));
      return undefined;
    }
    return () => smallClient.dispose();
  }, [smallClient, text]);

  useEffect(() => {
    if (text === undefined || text.length < INDEX_FROM_CHARS) return undefined;
    let live = true;
    const client = TreeClient.local();
    const set = (document: JsonDocument) => setHeld((previous) => (previous.text === text ? { text, document } : previous));
    // Unchanged state skips a render of the whole response view.
    setHeld((previous) => (previous.text === text && previous.document.status === 'parsing' ? previous : { text, document: PARSING }));
    // Updates can arrive before the load answer has been taken in, so the latest is kept and applied to it.
    let loaded: Extract<LoadReply, { ok: true }> | null = null;
    let last: DocumentUpdate | null = null;
    const show = () => {
      if (!live || !loaded) return;
      if (last?.kind === 'invalid') set({ status: 'invalid', message: last.message });
      else if (last?.kind === 'complete') {
        const { table, facts, canExpandAll } = last;
        set({ status: 'ready', client, info: { ...loaded, table, facts, canExpandAll, complete: true } });
      } else set({ status: 'ready', client, info: loaded });
    };
    const stop = client.onUpdate((update) => {
      if (update.kind === 'grown') return;
      last = update;
      show();
    });
    client.request({ type: 'load', text, window: FIRST_WINDOW }).then(
      (reply) => {
        if (!live) return;
        if (!reply.ok) {
          set({ status: 'invalid', message: reply.message });
          return;
        }
        loaded = reply;
        show();
      },
      (error: unknown) => {
        if (live) set({ status: 'invalid', message: error instanceof Error ? error.message : 'The body could not be read.' });
      },
    );
    return () => {
      live = false;
      stop();
      client.dispose();
    };
  }, [text]);

  return current.document;
}
