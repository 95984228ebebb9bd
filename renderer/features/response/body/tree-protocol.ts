import type { ChunkedText } from '../chunked-text';
import type { TreeRow } from '../json-tree-model';
import type { PagingFacts } from '../paging';

/** Messages between the viewer and whoever holds the parsed body (a worker, or the page itself for small bodies). */

/** The rows the viewer currently shows; answers that change the row list include them, so one round trip repaints. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

export type SearchScope = 'tree' | 'table';

export type TreeRequest =
  /** A streamed body's text is handed over while it grows; the host shares the page's memory, so nothing is copied. */
  | { readonly type: 'load'; readonly text: string | ChunkedText; readonly window: RowWindow }
  | { readonly type: 'rows'; readonly window: RowWindow }
  | { readonly type: 'toggle'; readonly row: number; readonly expand?: boolean; readonly window: RowWindow }
  | { readonly type: 'expand-all'; readonly window: RowWindow }
  | { readonly type: 'collapse-all'; readonly window: RowWindow }
  | { readonly type: 'search'; readonly query: string; readonly scope: SearchScope }
  | { readonly type: 'reveal'; readonly match: number; readonly scope: SearchScope; readonly window: RowWindow }
  | { readonly type: 'table-rows'; readonly window: RowWindow }
  | { readonly type: 'copy-node'; readonly row: number }
  | { readonly type: 'dispose' };

export interface TableInfo {
  /** Where the listed array sits, e.g. `items`, or empty for a top-level array. */
  readonly path: string;
  readonly columns: readonly string[];
  readonly rowCount: number;
}

export type LoadReply =
  | {
      readonly ok: true;
      readonly table: TableInfo | null;
      readonly facts: PagingFacts;
      readonly canExpandAll: boolean;
      readonly parseMs: number;
      /** The first rows, so the tree can paint without another round trip. */
      readonly rows: RowsReply;
      /** False while a big text is still being indexed: DocumentUpdates follow, the table and facts with the last. */
      readonly complete: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** Sent unasked (with id 0) while a big text is indexed after the load answer. */
export type DocumentUpdate =
  | { readonly kind: 'grown'; readonly rowCount: number }
  | {
      readonly kind: 'complete';
      readonly rowCount: number;
      readonly table: TableInfo | null;
      readonly facts: PagingFacts;
      readonly canExpandAll: boolean;
      readonly parseMs: number;
    }
  | { readonly kind: 'invalid'; readonly message: string };

export interface RowsReply {
  readonly rowCount: number;
  readonly start: number;
  readonly rows: readonly TreeRow[];
}

export interface SearchProgress {
  readonly count: number;
  readonly done: boolean;
  /** Stopped at the match limit. */
  readonly capped: boolean;
  /** A newer search replaced this one. */
  readonly cancelled?: boolean;
}

export interface RevealReply extends RowsReply {
  /** The row of the match: a tree row, or an item index for the table. */
  readonly row: number;
}

export interface TableRowsReply {
  readonly start: number;
  readonly rows: readonly (readonly string[])[];
}

export interface CopyReply {
  /** A string's own text, a large container's source text, anything else as indented JSON. */
  readonly text: string;
  readonly path: string;
}

/** Reports sent before the final answer. */
export interface ProgressFor {
  readonly load: never;
  readonly search: SearchProgress;
}

export interface ReplyFor {
  readonly load: LoadReply;
  readonly rows: RowsReply;
  readonly toggle: RowsReply;
  readonly 'expand-all': RowsReply;
  readonly 'collapse-all': RowsReply;
  readonly search: SearchProgress;
  readonly reveal: RevealReply;
  readonly 'table-rows': TableRowsReply;
  readonly 'copy-node': CopyReply;
  readonly dispose: null;
}

/** `final` is false for search progress reports that precede the final answer. */
export type HostMessage =
  | { readonly id: number; readonly final: boolean; readonly reply: unknown }
  | { readonly id: number; readonly final: true; readonly error: string };

export type Envelope = { readonly id: number; readonly request: TreeRequest };
