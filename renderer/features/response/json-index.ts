import { ChunkedText } from './chunked-text';

/**
 * A structural index over a JSON text, built a slice at a time as its
 * pieces arrive (a streamed body) or over one whole string: one pass
 * records where the children of every large container start, and nothing
 * else. Values are materialised (by JSON.parse of their slice of the text)
 * only when a row shows them, so a 50 MB body costs its text plus a few
 * hundred kilobytes of offsets instead of a parsed copy several times its size.
 *
 * Containers smaller than BIG_CHARS keep no index: they are parsed whole when
 * shown, which takes well under a millisecond.
 */

export const BIG_CHARS = 32 * 1024;
/** Parsed small children kept per container, so repainting a window does not parse them again. */
const CHILD_CACHE = 1_024;
/** Small enough that a slice stops on time even before the loop is optimised (the first slice runs cold). */
const SLICE_CHECK_CHARS = 4 * 1024;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** What ends a number or a literal. */
function endsPrimitive(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || isSpace(c);
}

/** The indexed text as the values are read from it: a string, or the pieces of a streamed one. */
export type TextLike = Pick<string, 'length' | 'charCodeAt' | 'indexOf' | 'slice'>;

/** Where the string starting at the quote `at` ends (the index of its closing quote), or -1. */
function stringEnd(text: TextLike, at: number): number {
  let end = text.indexOf('"', at + 1);
  while (end > 0 && text.charCodeAt(end - 1) === BACKSLASH) {
    let slashes = 1;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) break;
    end = text.indexOf('"', end + 1);
  }
  return end;
}

interface Frame {
  readonly start: number;
  readonly isArray: boolean;
  /** Where this container's child offsets begin in the shared offset stack. */
  readonly base: number;
  /** Waiting for a child to start (after the opening bracket or a comma). */
  expect: boolean;
  /** Large children found so far, by position. */
  readonly big: Map<number, LazyContainer>;
  /** Set once the container has been shown before it closed; it is then kept whatever its size. */
  lazy: LazyContainer | null;
}

export class JsonSyntaxError extends Error {}

/** Scans one JSON text; `step` advances for a time budget, so a host can stay responsive. */
export class JsonIndexer {
  readonly text: ChunkedText;
  private offsets = new Int32Array(4_096);
  private top = 0;
  private readonly stack: Frame[] = [];
  private position = 0;
  private rootNode: LazyContainer | null = null;
  /** The root is a primitive: the whole text is one value. */
  private primitiveRoot = false;
  /** Containers whose size changed since the last `takeChanged`. */
  private changed = new Set<LazyContainer>();
  /** A string or a number was cut by the end of the text so far; the next piece carries on inside it. */
  private inString = -1;
  private inPrimitive = false;
  /** The text so far ends in an odd run of backslashes inside a string: the next character is escaped. */
  private escaped = false;

  constructor(text: string | ChunkedText) {
    this.text = typeof text === 'string' ? ChunkedText.whole(text) : text;
  }

  get done(): boolean {
    return this.text.complete && this.position >= this.text.length && this.stack.length === 0;
  }

  /** Everything that has arrived is indexed; the text is still growing. */
  get waiting(): boolean {
    return !this.text.complete && this.position >= this.text.length;
  }

  /** Characters scanned so far. */
  get scanned(): number {
    return this.position;
  }

  /** Child start offsets of an open container, read from the shared stack while it grows. */
  liveOffset(base: number, index: number): number {
    return this.offsets[base + index] as number;
  }

  /** Children of an open container whose start has been read, the one being read included. */
  liveStarted(frameIndex: number): number {
    const frame = this.stack[frameIndex] as Frame;
    const next = this.stack[frameIndex + 1];
    return (next ? next.base : this.top) - frame.base;
  }

  /** The open container's children so far, counting only those that can be shown. */
  liveSize(frameIndex: number): number {
    const frame = this.stack[frameIndex] as Frame;
    const next = this.stack[frameIndex + 1];
    const count = this.liveStarted(frameIndex);
    // A child still being read is left out, unless it is an open container that is itself shown as it grows.
    if (next) return next.lazy ? count : count - 1;
    return frame.expect || count === 0 ? count : count - 1;
  }

  /** Where the text has been read to, for slicing the last complete child of an open container. */
  get readTo(): number {
    return this.position;
  }

  /**
   * Scans for about `budgetMs`, or until the text that has arrived is read;
   * returns true once the whole text is indexed. Throws JsonSyntaxError.
   * Each piece is scanned as the string it is, so a token cut by a piece's
   * end (a string, an escape, a number) carries on from the state kept here.
   */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    const source = this.text;
    const stack = this.stack;
    let i = this.position;
    let nextCheck = i + SLICE_CHECK_CHARS;
    let timeUp = false;
    while (i < source.length && !timeUp) {
      const piece = source.pieceAt(i);
      const base = source.pieceStart(piece);
      const text = source.piece(piece);
      const length = text.length;
      let j = i - base;
      if (this.inString >= 0) {
        const end = this.closingQuote(text, j);
        if (end < 0) {
          i = base + length;
          continue;
        }
        this.inString = -1;
        j = end + 1;
      } else if (this.inPrimitive) {
        while (j < length && !endsPrimitive(text.charCodeAt(j))) j++;
        if (j === length) {
          i = base + length;
          continue;
        }
        this.inPrimitive = false;
      }
      while (j < length) {
        if (base + j >= nextCheck) {
          nextCheck = base + j + SLICE_CHECK_CHARS;
          if (performance.now() > until) {
            timeUp = true;
            break;
          }
        }
        const c = text.charCodeAt(j);
        if (isSpace(c)) {
          j++;
          continue;
        }
        const at = base + j;
        const frame = stack[stack.length - 1];
        if (c === COMMA || c === COLON) {
          if (!frame) throw new JsonSyntaxError(`Unexpected "${text[j]}" at position ${at}.`);
          if (c === COMMA) {
            if (frame.expect) throw new JsonSyntaxError(`Unexpected "," at position ${at}.`);
            frame.expect = true;
          }
          j++;
          continue;
        }
        if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (!frame || frame.isArray !== (c === CLOSE_BRACKET)) throw new JsonSyntaxError(`Unexpected "${text[j]}" at position ${at}.`);
          if (frame.expect && this.top > frame.base) throw new JsonSyntaxError(`Trailing comma before position ${at}.`);
          this.close(frame, at + 1);
          j++;
          continue;
        }
        if (!frame) {
          if (this.rootNode || this.primitiveRoot) throw new JsonSyntaxError(`Unexpected text after the JSON value at position ${at}.`);
        } else if (frame.expect) {
          this.push(at);
          frame.expect = false;
        }
        if (c === QUOTE) {
          if (!frame) this.primitiveRoot = true;
          const end = this.closingQuote(text, j + 1);
          if (end < 0) {
            this.inString = at;
            j = length;
          } else {
            j = end + 1;
          }
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          stack.push({ start: at, isArray: c === OPEN_BRACKET, base: this.top, expect: true, big: new Map(), lazy: null });
          j++;
        } else {
          const from = j;
          while (j < length && !endsPrimitive(text.charCodeAt(j))) j++;
          if (j === from) throw new JsonSyntaxError(`Unexpected "${text[j]}" at position ${at}.`);
          if (!frame) this.primitiveRoot = true;
          if (j === length) this.inPrimitive = true;
        }
      }
      i = base + j;
    }
    this.position = i;
    if (i < source.length || !source.complete) return false;
    if (source.failure) throw new JsonSyntaxError(source.failure);
    if (this.inString >= 0) throw new JsonSyntaxError(`Unterminated string at position ${this.inString}.`);
    if (stack.length > 0) throw new JsonSyntaxError('The JSON text ends before its last value is closed.');
    if (!this.rootNode && !this.primitiveRoot) throw new JsonSyntaxError('The body holds no JSON value.');
    return true;
  }

  /**
   * In a string whose characters continue at `from` of this piece: the index
   * of its closing quote, or -1 when the piece ends first (noting whether
   * the piece ends in the middle of an escape).
   */
  private closingQuote(text: string, from: number): number {
    let start = from;
    if (this.escaped) {
      this.escaped = false;
      start++;
    }
    for (let end = text.indexOf('"', start); end >= 0; end = text.indexOf('"', end + 1)) {
      let slashes = 0;
      while (end - 1 - slashes >= start && text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return end;
    }
    let slashes = 0;
    while (text.length - 1 - slashes >= start && text.charCodeAt(text.length - 1 - slashes) === BACKSLASH) slashes++;
    this.escaped = slashes % 2 === 1;
    return -1;
  }

  private push(offset: number): void {
    if (this.top === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.top++] = offset;
  }

  private close(frame: Frame, end: number): void {
    this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    const keep = frame.lazy !== null || !parent || end - frame.start > BIG_CHARS;
    if (keep) {
      const offsets = this.offsets.slice(frame.base, this.top);
      const node = frame.lazy ?? new LazyContainer(this, frame.isArray, frame.start);
      node.settle(offsets, end, frame.big);
      this.changed.add(node);
      if (parent) parent.big.set(frame.base - parent.base - 1, node);
      else this.rootNode = node;
    }
    this.top = frame.base;
  }

  /**
   * The root as a container that can be shown while the text is still being
   * read: every open container becomes a growing node.
   */
  expose(): LazyContainer | null {
    if (this.rootNode) return this.rootNode;
    for (let index = 0; index < this.stack.length; index++) {
      const frame = this.stack[index] as Frame;
      if (!frame.lazy) {
        frame.lazy = new LazyContainer(this, frame.isArray, frame.start);
        frame.lazy.grow(frame.base, index);
        const parent = this.stack[index - 1];
        if (parent) parent.big.set(frame.base - parent.base - 1, frame.lazy);
      }
      this.changed.add(frame.lazy);
    }
    return this.stack[0]?.lazy ?? null;
  }

  /** Big children of an open container, by position. */
  liveBig(frameIndex: number): ReadonlyMap<number, LazyContainer> {
    return (this.stack[frameIndex] as Frame).big;
  }

  /** The containers that grew or closed since the last call, deepest first. */
  takeChanged(): LazyContainer[] {
    const changed = [...this.changed].sort((a, b) => b.depth - a.depth);
    this.changed = new Set();
    return changed;
  }
}

/**
 * Answers "could this stretch of the text hold a match?" for a search over an
 * indexed body, so the search parses only the items that may match instead
 * of every item (which also fills the heap with garbage to collect). Stretches
 * are asked for in text order. A stretch with a backslash always may: an
 * escape can spell any character. Numbers are matched as written.
 */
export class TextPrefilter {
  private readonly pattern: RegExp;
  private readonly margin: number;
  /** Every match starting before `frontier` is in `matches`, in order. */
  private readonly matches: number[] = [];
  private head = 0;
  private frontier = 0;
  /** No backslash in [slashFrom, slashTo) but the one at slashAt, the first at or after slashFrom (-1: none found yet). */
  private slashFrom = 0;
  private slashTo = 0;
  private slashAt = -1;

  constructor(
    private readonly text: TextLike,
    needle: string,
    private readonly windowChars = 256 * 1024,
  ) {
    this.pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
    this.margin = needle.length * 2 + 8;
  }

  mayMatch(start: number, end: number): boolean {
    if (this.hasBackslash(start, end)) return true;
    for (;;) {
      while (this.head < this.matches.length && (this.matches[this.head] as number) < start) this.head++;
      if (this.head < this.matches.length) return (this.matches[this.head] as number) < end;
      if (this.frontier >= end) return false;
      this.scanWindow();
    }
  }

  /** Finds the matches in one window of text, so no call scans the whole body. */
  private scanWindow(): void {
    const from = this.frontier;
    const to = Math.min(this.text.length, from + this.windowChars);
    const last = this.matches[this.matches.length - 1] ?? -1;
    this.pattern.lastIndex = 0;
    const chunk = this.text.slice(from, to);
    for (let found = this.pattern.exec(chunk); found; found = this.pattern.exec(chunk)) {
      if (from + found.index > last) this.matches.push(from + found.index);
    }
    // A match that runs past the window's end is found by the next window, which starts a little before it.
    this.frontier = to >= this.text.length ? Number.POSITIVE_INFINITY : Math.max(from + 1, to - this.margin);
  }

  /**
   * Looks for a backslash a window at a time from the stretch asked about,
   * never further: on a body without one, a search for it to the end of the
   * text (12 ms over 50 MB in pieces on a busy machine) would overrun the
   * search's time slice.
   */
  private hasBackslash(start: number, end: number): boolean {
    const known = this.slashFrom <= start && (this.slashAt >= start || (this.slashAt < 0 && this.slashTo >= start));
    if (!known) {
      this.slashFrom = start;
      this.slashTo = start;
      this.slashAt = -1;
    }
    while (this.slashAt < 0 && this.slashTo < end) {
      const to = Math.min(this.text.length, Math.max(end, this.slashTo + this.windowChars));
      const found = this.text.slice(this.slashTo, to).indexOf('\\');
      if (found >= 0) this.slashAt = this.slashTo + found;
      this.slashTo = to;
      if (to >= this.text.length) break;
    }
    return this.slashAt >= 0 && this.slashAt < end;
  }
}

/**
 * An object or array inside the indexed text, standing in for its parsed
 * value in the tree model. Children are parsed from the text when asked for.
 */
export class LazyContainer {
  private offsets: Int32Array | null = null;
  private end = -1;
  private big: ReadonlyMap<number, LazyContainer> = new Map();
  private liveBase = -1;
  private liveFrame = -1;
  private readonly cache = new Map<number, unknown>();
  private keyList: string[] | null = null;
  /** Depth in the document; known for containers shown while growing, which are the only ones that grow. */
  depth = 0;

  constructor(
    private readonly index: JsonIndexer,
    readonly isArray: boolean,
    readonly start: number,
  ) {}

  /** Called while the container is still open. */
  grow(base: number, frameIndex: number): void {
    this.liveBase = base;
    this.liveFrame = frameIndex;
    this.depth = frameIndex;
  }

  /** Called when its closing bracket is read. */
  settle(offsets: Int32Array, end: number, big: ReadonlyMap<number, LazyContainer>): void {
    this.offsets = offsets;
    this.end = end;
    this.big = big;
    this.liveBase = -1;
    this.liveFrame = -1;
    this.keyList = null;
  }

  get live(): boolean {
    return this.offsets === null;
  }

  get size(): number {
    return this.offsets ? this.offsets.length : this.index.liveSize(this.liveFrame);
  }

  private childStart(position: number): number {
    return this.offsets ? (this.offsets[position] as number) : this.index.liveOffset(this.liveBase, position);
  }

  private bigChild(position: number): LazyContainer | undefined {
    return (this.offsets ? this.big : this.index.liveBig(this.liveFrame)).get(position);
  }

  /** Object keys in order; grows with the container while it is open. */
  keys(): string[] {
    if (this.isArray) return [];
    const size = this.size;
    const keys = this.keyList ?? [];
    const text = this.index.text;
    for (let i = keys.length; i < size; i++) {
      const at = this.childStart(i);
      keys.push(JSON.parse(text.slice(at, stringEnd(text, at) + 1)) as string);
    }
    this.keyList = keys;
    return keys;
  }

  private valueStart(position: number): number {
    const text = this.index.text;
    let at = this.childStart(position);
    if (this.isArray) return at;
    at = stringEnd(text, at) + 1;
    while (isSpace(text.charCodeAt(at)) || text.charCodeAt(at) === COLON) at++;
    return at;
  }

  private valueEnd(position: number): number {
    const text = this.index.text;
    const started = this.offsets ? this.offsets.length : this.index.liveStarted(this.liveFrame);
    let end = position + 1 < started ? this.childStart(position + 1) : this.offsets ? this.end - 1 : this.index.readTo;
    while (end > 0 && (isSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === COMMA)) end--;
    return end;
  }

  /** The whole indexed text. */
  get source(): ChunkedText {
    return this.index.text;
  }

  /** Where child `position` lies in the text, its key included: [start, end). */
  childRange(position: number): readonly [number, number] {
    return [this.childStart(position), this.valueEnd(position)];
  }

  /** Whether child `position` is an object or array, without parsing it. */
  childIsContainer(position: number): boolean {
    const c = this.index.text.charCodeAt(this.valueStart(position));
    return c === OPEN_BRACE || c === OPEN_BRACKET;
  }

  /** Child `position`: a LazyContainer when it is large, else its parsed value (cached). */
  child(position: number): unknown {
    const big = this.bigChild(position);
    if (big) return big;
    if (this.cache.has(position)) return this.cache.get(position);
    const value = this.read(position);
    if (this.cache.size >= CHILD_CACHE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(position, value);
    return value;
  }

  /** Child `position` parsed afresh, without touching the cache (for walks over everything). */
  read(position: number): unknown {
    const big = this.bigChild(position);
    if (big) return big;
    return JSON.parse(this.index.text.slice(this.valueStart(position), this.valueEnd(position)));
  }

  /** Child by key, for the few well-known members (paging, items). */
  member(key: string): unknown {
    const position = this.keys().indexOf(key);
    return position < 0 ? undefined : this.child(position);
  }

  /** Its text as the server sent it: copying a large container needs no parse and no re-serialisation. */
  sourceText(): string {
    if (this.live) throw new Error('This part of the body is still being read.');
    return this.index.text.slice(this.start, this.end);
  }

  /** JSON.stringify of a LazyContainer gives its whole value. */
  toJSON(): unknown {
    return JSON.parse(this.sourceText());
  }
}
