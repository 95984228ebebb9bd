import { useEffect, useState } from 'react';
import { TreeClient } from './tree-client';
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

/**
 * Parses or indexes `text` once and keeps the result where it was made. A
 * big body is ready after its first slice, and its info is replaced when the
 * indexing completes. A new text (or unmounting) drops the old one.
 */
export function useJsonDocument(text: string | undefined): JsonDocument {
  const [document, setDocument] = useState<JsonDocument>(text === undefined ? NONE : PARSING);

  useEffect(() => {
    if (text === undefined) {
      setDocument(NONE);
      return undefined;
    }
    let live = true;
    const client = TreeClient.local();
    // Unchanged state skips a render of the whole response view.
    setDocument((current) => (current.status === 'parsing' ? current : PARSING));
    // Updates can arrive before the load answer has been taken in, so the latest is kept and applied to it.
    let loaded: Extract<LoadReply, { ok: true }> | null = null;
    let last: DocumentUpdate | null = null;
    const show = () => {
      if (!live || !loaded) return;
      if (last?.kind === 'invalid') setDocument({ status: 'invalid', message: last.message });
      else if (last?.kind === 'complete') {
        const { table, facts, canExpandAll } = last;
        setDocument({ status: 'ready', client, info: { ...loaded, table, facts, canExpandAll, complete: true } });
      } else setDocument({ status: 'ready', client, info: loaded });
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
          setDocument({ status: 'invalid', message: reply.message });
          return;
        }
        loaded = reply;
        show();
      },
      (error: unknown) => {
        if (live) setDocument({ status: 'invalid', message: error instanceof Error ? error.message : 'The body could not be read.' });
      },
    );
    return () => {
      live = false;
      stop();
      client.dispose();
    };
  }, [text]);

  return document;
}
