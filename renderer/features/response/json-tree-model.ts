import { BIG_CHARS, LazyContainer, TextPrefilter } from './json-index';

/**
 * A lazily flattened view of a parsed JSON value: every node is one row, and
 * only rows that are asked for are ever built. Expanded containers keep the
 * visible row count of their subtree (and, once a child is expanded, prefix
 * sums over their children), so finding row N is a short descent and a toggle
 * only adjusts the ancestors of the node it touches.
 *
 * Big bodies arrive as LazyContainers (see json-index.ts): their children are
 * parsed only when a row needs them, and they may still be growing.
 */

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface TreeRow {
  readonly index: number;
  readonly depth: number;
  /** Property name, or the position in an array (as text); null for the root. */
  readonly key: string | null;
  readonly keyIsIndex: boolean;
  readonly kind: JsonKind;
  /** Primitives as JSON text (strings quoted, long ones cut); containers get a one-line preview. */
  readonly text: string;
  /** Characters cut from a long string. */
  readonly cut: number;
  readonly childCount: number;
  readonly expanded: boolean;
}

/** Positions of each step from the root: array indices, or key positions in an object. */
export type NodePath = readonly number[];

type Container = Record<string, unknown> | unknown[] | LazyContainer;

interface ContainerState {
  expanded: boolean;
  /** Object keys in order; null for arrays. */
  keys: string[] | null;
  size: number;
  /** Visible rows of this subtree while expanded, the node's own row included. */
  count: number;
  /** prefix[i] = visible rows of children before child i; null while every child is a single row. */
  prefix: Float64Array | null;
}

interface Frame {
  readonly node: Container;
  readonly state: ContainerState;
  readonly depth: number;
  /** The child currently visited. */
  child: number;
}

const MAX_STRING_CHARS = 2_000;
const PREVIEW_CHARS = 120;

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (value instanceof LazyContainer) return value.isArray ? 'array' : 'object';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'null';
  }
}

function primitiveText(value: unknown, limit: number): { text: string; cut: number } {
  if (typeof value === 'string') {
    const cut = Math.max(0, value.length - limit);
    return { text: JSON.stringify(cut > 0 ? value.slice(0, limit) : value), cut };
  }
  return { text: value === null ? 'null' : String(value), cut: 0 };
}

function childCountOf(value: unknown): number {
  if (value instanceof LazyContainer) return value.size;
  if (Array.isArray(value)) return value.length;
  if (isContainer(value)) {
    let count = 0;
    for (const key in value) if (Object.hasOwn(value, key)) count++;
    return count;
  }
  return 0;
}

/** A short one-line summary of a container, built from its first members only. */
export function previewOf(value: unknown): string {
  if (value instanceof LazyContainer) return lazyPreview(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; i < value.length && length < PREVIEW_CHARS; i++) {
      const part = shortValue(value[i]);
      parts.push(part);
      length += part.length + 2;
    }
    return `[${parts.join(', ')}${parts.length < value.length ? ', …' : ''}]`;
  }
  if (isContainer(value)) {
    const parts: string[] = [];
    let length = 0;
    let total = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      total++;
      if (length >= PREVIEW_CHARS) continue;
      const part = `${key}: ${shortValue((value as Record<string, unknown>)[key])}`;
      parts.push(part);
      length += part.length + 2;
    }
    return `{${parts.join(', ')}${parts.length < total ? ', …' : ''}}`;
  }
  return primitiveText(value, 40).text;
}

function lazyPreview(value: LazyContainer): string {
  const parts: string[] = [];
  let length = 0;
  const keys = value.keys();
  for (let i = 0; i < value.size && length < PREVIEW_CHARS; i++) {
    const part = value.isArray ? shortValue(value.child(i)) : `${keys[i]}: ${shortValue(value.child(i))}`;
    parts.push(part);
    length += part.length + 2;
  }
  const [open, close] = value.isArray ? ['[', ']'] : ['{', '}'];
  return `${open}${parts.join(', ')}${parts.length < value.size ? ', …' : ''}${close}`;
}

function shortValue(value: unknown): string {
  if (value instanceof LazyContainer) return value.isArray ? (value.size === 0 ? '[]' : '[…]') : '{…}';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
  if (isContainer(value)) return '{…}';
  return primitiveText(value, 40).text;
}

export class JsonTreeModel {
  readonly root: unknown;
  private readonly states = new Map<Container, ContainerState>();
  /** Children of lazy containers that hold state, kept so they stay the same objects. */
  private readonly pins = new Map<LazyContainer, Map<number, unknown>>();

  constructor(
    root: unknown,
    private readonly expandDepth = 1,
  ) {
    this.root = root;
    if (isContainer(root)) this.expandToDepth(root, expandDepth);
  }

  get rowCount(): number {
    return this.countOf(this.root);
  }

  private countOf(value: unknown): number {
    if (!isContainer(value)) return 1;
    const state = this.states.get(value);
    return state?.expanded ? state.count : 1;
  }

  private stateOf(node: Container): ContainerState {
    let state = this.states.get(node);
    if (!state) {
      const lazy = node instanceof LazyContainer ? node : null;
      const keys = lazy ? (lazy.isArray ? null : lazy.keys().slice()) : Array.isArray(node) ? null : Object.keys(node);
      const size = lazy ? lazy.size : keys ? keys.length : (node as unknown[]).length;
      state = { expanded: false, keys, size, count: 1 + size, prefix: null };
      this.states.set(node, state);
    }
    return state;
  }

  private childOf(node: Container, state: ContainerState, position: number): unknown {
    if (node instanceof LazyContainer) {
      const pinned = this.pins.get(node)?.get(position);
      return pinned === undefined ? node.child(position) : pinned;
    }
    return state.keys ? (node as Record<string, unknown>)[state.keys[position] as string] : (node as unknown[])[position];
  }

  /** Rows of a child, without parsing a lazy container's children: only pinned ones can be open. */
  private childRows(node: Container, state: ContainerState, position: number): number {
    if (node instanceof LazyContainer) {
      const pinned = this.pins.get(node)?.get(position);
      return pinned === undefined ? 1 : this.countOf(pinned);
    }
    return this.countOf(this.childOf(node, state, position));
  }

  private pin(parent: Container, position: number, child: unknown): void {
    if (!(parent instanceof LazyContainer)) return;
    let pins = this.pins.get(parent);
    if (!pins) {
      pins = new Map();
      this.pins.set(parent, pins);
    }
    pins.set(position, child);
  }

  private prefixOf(node: Container, state: ContainerState): Float64Array {
    if (state.prefix) return state.prefix;
    const prefix = new Float64Array(state.size + 1);
    for (let i = 0; i < state.size; i++) prefix[i + 1] = (prefix[i] as number) + this.childRows(node, state, i);
    state.prefix = prefix;
    return prefix;
  }

  /** Rows before child `position`, inside its parent's subtree (the parent's own row excluded). */
  private rowsBefore(state: ContainerState, position: number): number {
    return state.prefix ? (state.prefix[position] as number) : position;
  }

  private recount(node: Container, state: ContainerState): void {
    let count = 1;
    let uniform = true;
    for (let i = 0; i < state.size; i++) {
      const rows = this.childRows(node, state, i);
      if (rows !== 1) uniform = false;
      count += rows;
    }
    state.count = count;
    state.prefix = null;
    if (!uniform) this.prefixOf(node, state);
  }

  private expandToDepth(node: Container, depth: number): void {
    const state = this.stateOf(node);
    state.expanded = true;
    if (depth > 0) {
      const lazy = node instanceof LazyContainer ? node : null;
      for (let i = 0; i < state.size; i++) {
        if (lazy && !lazy.childIsContainer(i)) continue;
        const child = this.childOf(node, state, i);
        if (!isContainer(child)) continue;
        this.pin(node, i, child);
        this.expandToDepth(child, depth - 1);
      }
    }
    this.recount(node, state);
  }

  /**
   * Takes in growth of lazy containers still being read (deepest first, as
   * the indexer lists them): new children open as they would have had they
   * been there from the start, and every count above them is rebuilt.
   */
  grow(changed: readonly LazyContainer[]): number {
    for (const node of changed) {
      const state = this.states.get(node) as ContainerState | undefined;
      if (!state) continue;
      const before = state.size;
      state.size = node.size;
      if (state.keys) state.keys = node.keys().slice();
      const depth = this.expandDepth - node.depth - 1;
      if (state.expanded && depth >= 0) {
        for (let i = before; i < state.size; i++) {
          if (!node.childIsContainer(i)) continue;
          const child = this.childOf(node, state, i);
          this.pin(node, i, child);
          this.expandToDepth(child as Container, depth);
        }
      }
      this.recount(node, state);
    }
    return this.rowCount;
  }

  /** Walks from the root to the node on row `row`, returning the expanded ancestors passed on the way. */
  private locate(row: number): { node: unknown; depth: number; frames: Frame[] } | undefined {
    if (row < 0 || row >= this.rowCount) return undefined;
    const frames: Frame[] = [];
    let node: unknown = this.root;
    let rest = row;
    while (rest > 0) {
      const container = node as Container;
      const state = this.states.get(container) as ContainerState;
      rest -= 1;
      let position: number;
      if (state.prefix) {
        const prefix = state.prefix;
        let low = 0;
        let high = state.size - 1;
        while (low < high) {
          const mid = (low + high + 1) >>> 1;
          if ((prefix[mid] as number) <= rest) low = mid;
          else high = mid - 1;
        }
        position = low;
        rest -= prefix[position] as number;
      } else {
        position = rest;
        rest = 0;
      }
      frames.push({ node: container, state, depth: frames.length, child: position });
      node = this.childOf(container, state, position);
    }
    return { node, depth: frames.length, frames };
  }

  private rowFor(index: number, value: unknown, depth: number, parent: Frame | undefined): TreeRow {
    const kind = kindOf(value);
    let key: string | null = null;
    if (parent) key = parent.state.keys ? (parent.state.keys[parent.child] as string) : String(parent.child);
    const keyIsIndex = parent !== undefined && parent.state.keys === null;
    if (kind === 'object' || kind === 'array') {
      const state = this.states.get(value as Container);
      const expanded = state?.expanded ?? false;
      return {
        index,
        depth,
        key,
        keyIsIndex,
        kind,
        text: expanded ? '' : previewOf(value),
        cut: 0,
        childCount: state ? state.size : childCountOf(value),
        expanded,
      };
    }
    const { text, cut } = primitiveText(value, MAX_STRING_CHARS);
    return { index, depth, key, keyIsIndex, kind, text, cut, childCount: 0, expanded: false };
  }

  /** Rows `start` to `end` (exclusive), built by walking forward from the first one. */
  rows(start: number, end: number): TreeRow[] {
    const last = Math.min(end, this.rowCount);
    const found = this.locate(start);
    if (!found || start >= last) return [];
    const { frames } = found;
    const rows: TreeRow[] = [];
    let node = found.node;
    let depth = found.depth;
    for (let index = start; index < last; index++) {
      rows.push(this.rowFor(index, node, depth, frames[frames.length - 1]));
      if (index + 1 >= last) break;
      const state = isContainer(node) ? this.states.get(node) : undefined;
      if (state?.expanded && state.size > 0) {
        frames.push({ node: node as Container, state, depth, child: 0 });
        node = this.childOf(node as Container, state, 0);
        depth += 1;
        continue;
      }
      // Climb until a frame has a next sibling.
      for (;;) {
        const frame = frames[frames.length - 1];
        if (!frame) return rows;
        if (frame.child + 1 < frame.state.size) {
          frame.child += 1;
          node = this.childOf(frame.node, frame.state, frame.child);
          depth = frame.depth + 1;
          break;
        }
        frames.pop();
      }
    }
    return rows;
  }

  /**
   * Expands or collapses `node` below `frames` and adds the change in its row
   * count to every ancestor. Prefix sums are made real before the change, so
   * none of them is built from a count that already includes it.
   */
  private setExpanded(frames: readonly Frame[], node: Container, expanded: boolean): void {
    const state = this.stateOf(node);
    if (state.expanded === expanded) return;
    const parent = frames[frames.length - 1];
    if (parent) this.pin(parent.node, parent.child, node);
    for (const frame of frames) this.prefixOf(frame.node, frame.state);
    const before = this.countOf(node);
    // A collapsed subtree cannot change, so its kept count is still right.
    state.expanded = expanded;
    const delta = this.countOf(node) - before;
    for (const frame of frames) {
      const { state: parent } = frame;
      parent.count += delta;
      const prefix = parent.prefix as Float64Array;
      for (let i = frame.child + 1; i <= parent.size; i++) prefix[i] = (prefix[i] as number) + delta;
    }
  }

  /** Expands or collapses the container on row `row`; returns the new row count. */
  toggle(row: number, expand?: boolean): number {
    const found = this.locate(row);
    if (!found || !isContainer(found.node)) return this.rowCount;
    const expanded = this.states.get(found.node)?.expanded ?? false;
    this.setExpanded(found.frames, found.node, expand ?? !expanded);
    return this.rowCount;
  }

  /** Collapses everything below the root. */
  collapseAll(): number {
    this.states.clear();
    this.pins.clear();
    if (isContainer(this.root)) this.expandToDepth(this.root, 0);
    return this.rowCount;
  }

  /** Expands every container; only sensible for modest documents. */
  expandAll(): number {
    if (isContainer(this.root)) this.expandToDepth(this.root, Number.POSITIVE_INFINITY);
    return this.rowCount;
  }

  /** Expands the ancestors of the node at `path` and returns its row. */
  reveal(path: NodePath): number {
    let node: unknown = this.root;
    let row = 0;
    const frames: Frame[] = [];
    for (const position of path) {
      if (!isContainer(node)) break;
      this.setExpanded(frames, node, true);
      const state = this.stateOf(node);
      row += 1 + this.rowsBefore(state, position);
      frames.push({ node, state, depth: frames.length, child: position });
      node = this.childOf(node, state, position);
    }
    return row;
  }

  /** The value on a row, for copying. */
  valueAt(row: number): unknown {
    return this.locate(row)?.node;
  }

  /** A JavaScript-style path to the node on a row, such as `items[3].message.headers`. */
  pathAt(row: number): string {
    const found = this.locate(row);
    if (!found) return '';
    let path = '';
    for (const frame of found.frames) {
      if (frame.state.keys) {
        const key = frame.state.keys[frame.child] as string;
        path += /^[A-Za-z_$][\w$]*$/.test(key) ? `${path === '' ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
      } else {
        path += `[${frame.child}]`;
      }
    }
    return path;
  }
}

interface SearchEntry {
  /** Undefined until visited when the parent is a lazy container: parsed only then. */
  node: unknown;
  readonly from?: LazyContainer;
  readonly key: string | null;
  readonly position: number;
  readonly parent: SearchEntry | null;
}

function pathOf(entry: SearchEntry): NodePath {
  const path: number[] = [];
  for (let at: SearchEntry | null = entry; at?.parent; at = at.parent) path.push(at.position);
  return path.reverse();
}

/**
 * Walks the whole value in document order looking for keys and primitive
 * values that contain `query` (case-insensitive), a slice at a time so a host
 * can stay responsive and drop the search when the query changes.
 */
export class TreeSearch {
  readonly matches: NodePath[] = [];
  private readonly needle: string;
  private readonly stack: SearchEntry[];
  private readonly limit: number;
  /** Skips items of an indexed body whose text cannot hold the query, so they are never parsed. */
  private filter: TextPrefilter | null = null;

  constructor(root: unknown, query: string, limit = 10_000) {
    this.needle = query.toLowerCase();
    this.stack = [{ node: root, key: null, position: 0, parent: null }];
    this.limit = limit;
  }

  /** True when the search stopped at its match limit. */
  get capped(): boolean {
    return this.matches.length >= this.limit;
  }

  get done(): boolean {
    return this.stack.length === 0 || this.capped;
  }

  private hit(text: string): boolean {
    return text.toLowerCase().includes(this.needle);
  }

  /** Searches for about `budgetMs`; returns true when finished. */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    let visited = 0;
    while (!this.done) {
      // Often enough that parsing big items of an indexed body cannot overrun the budget by much.
      if ((++visited & 63) === 0 && performance.now() > until) return false;
      const entry = this.stack.pop() as SearchEntry;
      if (entry.from) {
        this.filter ??= new TextPrefilter(entry.from.source, this.needle);
        const [start, end] = entry.from.childRange(entry.position);
        // A child this big is an indexed container, read without parsing; asking about its whole stretch would scan it all in one slice.
        if (end - start <= BIG_CHARS && !this.filter.mayMatch(start, end)) continue;
        entry.node = entry.from.read(entry.position);
      }
      const { node } = entry;
      if (isContainer(node)) {
        if (entry.key !== null && this.hit(entry.key)) this.matches.push(pathOf(entry));
        if (node instanceof LazyContainer) {
          const keys = node.isArray ? null : node.keys();
          for (let i = node.size - 1; i >= 0; i--)
            this.stack.push({ node: undefined, from: node, key: keys ? (keys[i] as string) : null, position: i, parent: entry });
        } else if (Array.isArray(node)) {
          for (let i = node.length - 1; i >= 0; i--) this.stack.push({ node: node[i], key: null, position: i, parent: entry });
        } else {
          const keys = Object.keys(node);
          for (let i = keys.length - 1; i >= 0; i--) {
            const key = keys[i] as string;
            this.stack.push({ node: node[key], key, position: i, parent: entry });
          }
        }
      } else if (
        (entry.key !== null && this.hit(entry.key)) ||
        this.hit(node === null ? 'null' : typeof node === 'string' ? node : String(node))
      ) {
        this.matches.push(pathOf(entry));
      }
    }
    return true;
  }
}
