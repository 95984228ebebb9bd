import { useEffect, useState } from 'react';
import { TreeClient } from './tree-client';
import type { LoadReply, RowsReply, RowWindow } from './tree-protocol';

/** Enough rows for a tall window; the tree asks for more as soon as it knows its height. */
const FIRST_WINDOW: RowWindow = { start: 0, end: 120 };

export type JsonDocument =
  | { readonly status: 'none' }
  /** `preview` holds rows from the start of a huge body while the rest is parsed. */
  | { readonly status: 'parsing'; readonly preview?: RowsReply }
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'ready'; readonly client: TreeClient; readonly info: Extract<LoadReply, { ok: true }> };

/**
 * Parses `text` once, off the main thread when it is big, and keeps the parsed
 * value where it was parsed. A new text (or unmounting) drops the old one.
 */
export function useJsonDocument(text: string | undefined): JsonDocument {
  const [document, setDocument] = useState<JsonDocument>({ status: 'none' });

  useEffect(() => {
    if (text === undefined) {
      setDocument({ status: 'none' });
      return undefined;
    }
    let live = true;
    let client = TreeClient.forSize(text.length);
    setDocument({ status: 'parsing' });
    const load = (attempt: TreeClient, fallback: boolean) =>
      attempt
        .request({ type: 'load', text, window: FIRST_WINDOW }, (preview) => {
          if (live) setDocument({ status: 'parsing', preview });
        })
        .then(
          (reply) => {
            if (!live) return;
            setDocument(reply.ok ? { status: 'ready', client: attempt, info: reply } : { status: 'invalid', message: reply.message });
          },
          (error: unknown) => {
            if (!live) return;
            if (fallback) {
              // A worker that cannot start should not cost the user the tree view.
              attempt.dispose();
              client = TreeClient.local();
              load(client, false);
              return;
            }
            setDocument({ status: 'invalid', message: error instanceof Error ? error.message : 'The body could not be read.' });
          },
        );
    load(client, true);
    return () => {
      live = false;
      client.dispose();
    };
  }, [text]);

  return document;
}
