import { JsonTreeModel, type NodePath, TreeSearch } from '../json-tree-model';
import { extractPagingFacts } from '../paging';
import { parsePrefix } from './json-prefix';
import type { Envelope, HostMessage, LoadReply, RowsReply, RowWindow, SearchScope, TableInfo, TableRowsReply } from './tree-protocol';

/** Above this size the start of the body is shown while the rest is parsed. */
const PREVIEW_FROM_CHARS = 2 * 1024 * 1024;
const PREVIEW_CHARS = 256 * 1024;
/** Columns come from the first items only, so a huge list costs no more than a small one. */
const TABLE_SAMPLE = 200;
const CELL_CHARS = 300;
/** Expanding everything in a bigger document would build millions of rows' worth of state. */
const EXPAND_ALL_LIMIT_CHARS = 5 * 1024 * 1024;
const SEARCH_SLICE_MS = 12;
const MAX_WINDOW = 2_000;

interface TableSource {
  readonly items: readonly unknown[];
  readonly info: TableInfo;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findTable(root: unknown): TableSource | null {
  const candidates: [string, unknown][] = Array.isArray(root) ? [['', root]] : isRecord(root) ? [['items', root.items]] : [];
  for (const [path, value] of candidates) {
    if (!Array.isArray(value) || !value.some(isRecord)) continue;
    const columns = new Set<string>();
    for (const item of value.slice(0, TABLE_SAMPLE)) if (isRecord(item)) for (const key of Object.keys(item)) columns.add(key);
    return { items: value, info: { path, columns: [...columns], rowCount: value.length } };
  }
  return null;
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

  constructor(private readonly post: (message: HostMessage) => void) {}

  handle({ id, request }: Envelope): void {
    try {
      switch (request.type) {
        case 'load':
          this.preview(id, request.text, request.window);
          this.reply(id, this.load(request.text, request.window));
          return;
        case 'rows':
          this.reply(id, this.rows(request.window));
          return;
        case 'toggle':
          this.requireModel().toggle(request.row, request.expand);
          this.reply(id, this.rows(request.window));
          return;
        case 'expand-all':
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
          this.reply(id, { text: JSON.stringify(value, null, 2) ?? '', path: model.pathAt(request.row) });
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
    this.cancelSearch();
    this.lastSearch = null;
    this.model = null;
    this.table = null;
  }

  private preview(id: number, text: string, window: RowWindow): void {
    if (text.length < PREVIEW_FROM_CHARS) return;
    const start = parsePrefix(text, PREVIEW_CHARS);
    if (start === undefined) return;
    const model = new JsonTreeModel(start, 1);
    const { start: first, end } = clampWindow(window, model.rowCount);
    this.reply(id, { rowCount: model.rowCount, start: first, rows: model.rows(first, end) }, false);
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
    const { start, end } = clampWindow(window, items.length);
    const rows: string[][] = [];
    for (let i = start; i < end; i++) {
      const item = items[i];
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
    const model = this.requireModel();
    if (query === '') {
      this.reply(id, { count: 0, done: true, capped: false });
      return;
    }
    const root = scope === 'table' ? (this.table?.items ?? []) : model.root;
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
