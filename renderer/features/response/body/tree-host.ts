import type { ChunkedText } from '../chunked-text';
import { JsonIndexer, LazyContainer } from '../json-index';
import { JsonTreeModel, type NodePath, TreeSearch } from '../json-tree-model';
import { extractPagingFacts, type PagingFacts } from '../paging';
import type {
  DocumentUpdate,
  Envelope,
  HostMessage,
  LoadReply,
  RowsReply,
  RowWindow,
  SearchScope,
  TableInfo,
  TableRowsReply,
} from './tree-protocol';

/**
 * Below this, JSON.parse of the whole text takes a millisecond or two and
 * checks it fully; above it the text is indexed a slice at a time and shown
 * from the first slice on (see json-index.ts). At 1 MB parsing it whole made
 * the first screen wait about 5 ms longer than indexing its first slice.
 */
const INDEX_FROM_CHARS = 256 * 1024;
/** Short first slice: the first screen needs only the start of the text. */
const FIRST_SLICE_MS = 2;
/** Later slices leave the page room to paint and answer input between them. */
const SLICE_MS = 8;
/** Columns come from the first items only, so a huge list costs no more than a small one. */
const TABLE_SAMPLE = 200;
const CELL_CHARS = 300;
/** Expanding everything in a bigger document would build millions of rows' worth of state. */
const EXPAND_ALL_LIMIT_CHARS = 5 * 1024 * 1024;
const SEARCH_SLICE_MS = 12;
const MAX_WINDOW = 2_000;

interface TableSource {
  readonly items: readonly unknown[] | LazyContainer;
  readonly info: TableInfo;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LazyContainer);
}

const isList = (value: unknown): value is unknown[] | LazyContainer =>
  Array.isArray(value) || (value instanceof LazyContainer && value.isArray);
const sizeOf = (list: readonly unknown[] | LazyContainer) => (list instanceof LazyContainer ? list.size : list.length);
/** An item as a plain value; a large one inside an indexed body is parsed from its text. */
const itemAt = (list: readonly unknown[] | LazyContainer, index: number) => {
  const item = list instanceof LazyContainer ? list.child(index) : list[index];
  return item instanceof LazyContainer ? item.toJSON() : item;
};
const memberOf = (value: unknown, key: string) =>
  value instanceof LazyContainer ? (value.isArray ? undefined : value.member(key)) : isRecord(value) ? value[key] : undefined;

function findTable(root: unknown): TableSource | null {
  const candidates: [string, unknown][] = isList(root) ? [['', root]] : [['items', memberOf(root, 'items')]];
  for (const [path, value] of candidates) {
    if (!isList(value)) continue;
    const sample: unknown[] = [];
    for (let i = 0; i < Math.min(TABLE_SAMPLE, sizeOf(value)); i++) sample.push(itemAt(value, i));
    if (!sample.some(isRecord)) continue;
    const columns = new Set<string>();
    for (const item of sample) if (isRecord(item)) for (const key of Object.keys(item)) columns.add(key);
    return { items: value, info: { path, columns: [...columns], rowCount: sizeOf(value) } };
  }
  return null;
}

/** Paging facts read from the few members they come from, so an indexed body is not parsed whole. */
function factsOf(root: unknown): PagingFacts {
  if (!(root instanceof LazyContainer)) return extractPagingFacts(root);
  if (root.isArray) return extractPagingFacts([]);
  const shallow: Record<string, unknown> = {};
  for (const key of ['paging', 'pagination', 'total_count']) {
    const value = memberOf(root, key);
    if (value !== undefined) shallow[key] = value instanceof LazyContainer ? value.toJSON() : value;
  }
  const items = memberOf(root, 'items');
  const facts = extractPagingFacts(shallow);
  return isList(items) ? { ...facts, itemCount: sizeOf(items) } : facts;
}

/** Runs `next` in a new task without setTimeout's clamping after a few nested calls. */
function soon(next: () => void): () => void {
  if (typeof MessageChannel === 'undefined') {
    const timer = setTimeout(next, 0);
    return () => clearTimeout(timer);
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    next();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

function cellText(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
}

function clampWindow(window: RowWindow, count: number): RowWindow {
  const start = Math.max(0, Math.min(window.start, count));
  return { start, end: Math.max(start, Math.min(window.end, count, start + MAX_WINDOW)) };
}

/**
 * Owns one parsed body and answers the viewer's requests about it. Runs
 * inside the JSON worker, or directly in the page for small bodies and tests.
 */
export class TreeHost {
  private model: JsonTreeModel | null = null;
  private table: TableSource | null = null;
  private search: { id: number; job: TreeSearch; scope: SearchScope; matches: NodePath[] } | null = null;
  private lastSearch: { scope: SearchScope; matches: NodePath[] } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The text still being indexed, and what to do once it is. */
  private indexing: { indexer: JsonIndexer; cancel: () => void; search?: { id: number; query: string; scope: SearchScope } } | null = null;

  constructor(private readonly post: (message: HostMessage) => void) {}

  handle({ id, request }: Envelope): void {
    try {
      switch (request.type) {
        case 'load':
          // A streamed text is indexed as it arrives, whatever its length.
          if (typeof request.text !== 'string' || request.text.length >= INDEX_FROM_CHARS) this.index(id, request.text, request.window);
          else this.reply(id, this.load(request.text, request.window));
          return;
        case 'rows':
          this.reply(id, this.rows(request.window));
          return;
        case 'toggle':
          this.requireModel().toggle(request.row, request.expand);
          this.reply(id, this.rows(request.window));
          return;
        case 'expand-all':
          if (this.indexing) throw new Error('The body is still being read; expand it once it is.');
          this.requireModel().expandAll();
          this.reply(id, this.rows(request.window));
          return;
        case 'collapse-all':
          this.requireModel().collapseAll();
          this.reply(id, this.rows(request.window));
          return;
        case 'search':
          this.startSearch(id, request.query, request.scope);
          return;
        case 'reveal': {
          const path = this.lastSearch?.scope === request.scope ? this.lastSearch.matches[request.match] : undefined;
          if (!path) throw new Error('That match is no longer available.');
          if (request.scope === 'table') {
            this.reply(id, { row: path[0] ?? 0, rowCount: 0, start: 0, rows: [] });
            return;
          }
          const row = this.requireModel().reveal(path);
          const height = request.window.end - request.window.start;
          // Answer with rows around the match so the viewer can jump there without a second round trip.
          const start = Math.max(0, row - Math.floor(height / 2));
          this.reply(id, { row, ...this.rows({ start, end: start + height }) });
          return;
        }
        case 'table-rows':
          this.reply(id, this.tableRows(request.window));
          return;
        case 'copy-node': {
          const model = this.requireModel();
          const value = model.valueAt(request.row);
          // Containers over BIG_CHARS are copied as their source text, so a huge one costs a slice, not a long task.
          const text =
            typeof value === 'string'
              ? value
              : value instanceof LazyContainer
                ? value.sourceText()
                : (JSON.stringify(value, null, 2) ?? '');
          this.reply(id, { text, path: model.pathAt(request.row) });
          return;
        }
        case 'dispose':
          this.release();
          this.reply(id, null);
          return;
      }
    } catch (error) {
      this.post({ id, final: true, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private reply(id: number, reply: unknown, final = true): void {
    this.post({ id, final, reply });
  }

  private requireModel(): JsonTreeModel {
    if (!this.model) throw new Error('No body is loaded.');
    return this.model;
  }

  private release(): void {
    this.indexing?.cancel();
    this.indexing = null;
    this.cancelSearch();
    this.lastSearch = null;
    this.model = null;
    this.table = null;
  }

  /**
   * Indexes a big text a slice at a time. The load answer goes out after the
   * first slice, with the rows found so far; later slices post growth
   * updates, and a last update carries the table and paging facts. A
   * streamed text is indexed as its pieces arrive: once the indexer has
   * caught up, the next slice runs in the task that brings the next piece.
   */
  private index(id: number, source: string | ChunkedText, window: RowWindow): void {
    this.release();
    const started = performance.now();
    const indexer = new JsonIndexer(source);
    const text = indexer.text;
    let cancelled = false;
    let cancelNext: () => void = () => undefined;
    this.indexing = {
      indexer,
      cancel: () => {
        cancelled = true;
        cancelNext();
      },
    };
    const update = (message: DocumentUpdate) => this.post({ id: 0, final: false, reply: message });
    let answered = false;
    const fail = (error: unknown) => {
      const message = error instanceof Error ? error.message : 'The body is not valid JSON.';
      this.indexing = null;
      if (answered) update({ kind: 'invalid', message });
      else this.reply(id, { ok: false, message });
    };
    const slice = (budget: number) => {
      if (cancelled) return;
      try {
        advance(budget);
      } catch (error) {
        // A broken value deep in the text shows up when its slice is parsed: the body is not valid JSON.
        fail(error);
      }
    };
    const advance = (budget: number) => {
      const finished = indexer.step(budget);
      const root = indexer.expose();
      const changed = indexer.takeChanged();
      if (this.model) this.model.grow(changed);
      else if (root) this.model = new JsonTreeModel(root, 1);
      else if (finished) {
        // A lone primitive: nothing to index.
        this.indexing = null;
        this.reply(id, this.load(text.toString(), window));
        return;
      }
      if (this.model && !answered) {
        answered = true;
        this.reply(id, {
          ok: true,
          rows: this.rows(window),
          table: null,
          facts: extractPagingFacts(undefined),
          canExpandAll: false,
          parseMs: Math.round(performance.now() - started),
          complete: false,
        });
      } else if (this.model && !finished) {
        update({ kind: 'grown', rowCount: this.model.rowCount });
      }
      if (finished && this.model) {
        const pending = this.indexing?.search;
        this.indexing = null;
        this.table = findTable(this.model.root);
        update({
          kind: 'complete',
          rowCount: this.model.rowCount,
          table: this.table?.info ?? null,
          facts: factsOf(this.model.root),
          canExpandAll: text.length <= EXPAND_ALL_LIMIT_CHARS,
          parseMs: Math.round(performance.now() - started),
        });
        if (pending) this.startSearch(pending.id, pending.query, pending.scope);
        return;
      }
      if (indexer.waiting) {
        const stop = text.subscribe(() => {
          stop();
          slice(SLICE_MS);
        });
        cancelNext = stop;
      } else {
        cancelNext = soon(() => slice(SLICE_MS));
      }
    };
    slice(FIRST_SLICE_MS);
  }

  private load(text: string, window: RowWindow): LoadReply {
    this.release();
    const started = performance.now();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : 'The body is not valid JSON.' };
    }
    this.model = new JsonTreeModel(value, 1);
    this.table = findTable(value);
    return {
      ok: true,
      rows: this.rows(window),
      table: this.table?.info ?? null,
      facts: extractPagingFacts(value),
      canExpandAll: text.length <= EXPAND_ALL_LIMIT_CHARS,
      parseMs: Math.round(performance.now() - started),
      complete: true,
    };
  }

  private rows(window: RowWindow): RowsReply {
    const model = this.requireModel();
    const rowCount = model.rowCount;
    const { start, end } = clampWindow(window, rowCount);
    return { rowCount, start, rows: model.rows(start, end) };
  }

  private tableRows(window: RowWindow): TableRowsReply {
    if (!this.table) return { start: window.start, rows: [] };
    const { items, info } = this.table;
    const { start, end } = clampWindow(window, sizeOf(items));
    const rows: string[][] = [];
    for (let i = start; i < end; i++) {
      const item = itemAt(items, i);
      rows.push(isRecord(item) ? info.columns.map((column) => cellText(item[column])) : [cellText(item)]);
    }
    return { start, rows };
  }

  private cancelSearch(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.search) this.reply(this.search.id, { count: 0, done: true, capped: false, cancelled: true });
    this.search = null;
  }

  private startSearch(id: number, query: string, scope: SearchScope): void {
    this.cancelSearch();
    this.lastSearch = null;
    if (this.indexing) {
      // Searched once the whole text is indexed, so no match is missed.
      if (this.indexing.search) this.reply(this.indexing.search.id, { count: 0, done: true, capped: false, cancelled: true });
      this.indexing.search = { id, query, scope };
      this.reply(id, { count: 0, done: false, capped: false }, false);
      return;
    }
    const model = this.requireModel();
    if (query === '') {
      this.reply(id, { count: 0, done: true, capped: false });
      return;
    }
    const root: unknown = scope === 'table' ? (this.table?.items ?? []) : model.root;
    this.search = { id, job: new TreeSearch(root, query), scope, matches: [] };
    this.stepSearch();
  }

  private stepSearch(): void {
    const search = this.search;
    if (!search) return;
    const finished = search.job.step(SEARCH_SLICE_MS);
    // A table row matches once, however many of its cells contain the text.
    const matches = search.scope === 'table' ? uniqueItems(search.job.matches) : search.job.matches;
    this.lastSearch = { scope: search.scope, matches };
    if (finished) {
      this.search = null;
      this.reply(search.id, { count: matches.length, done: true, capped: search.job.capped });
      return;
    }
    this.reply(search.id, { count: matches.length, done: false, capped: false }, false);
    this.timer = setTimeout(() => this.stepSearch(), 0);
  }
}

function uniqueItems(matches: readonly NodePath[]): NodePath[] {
  const items: NodePath[] = [];
  let last = -1;
  for (const path of matches) {
    const item = path[0];
    if (item === undefined || item === last) continue;
    items.push([item]);
    last = item;
  }
  return items;
}
