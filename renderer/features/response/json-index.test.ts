import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedText } from './chunked-text';
import { makeEventsJson } from './fixtures/make-events';
import { JsonIndexer, JsonSyntaxError, LazyContainer, type TextLike, TextPrefilter } from './json-index';
import { JsonTreeModel, TreeSearch } from './json-tree-model';

function indexWhole(text: string): unknown {
  const indexer = new JsonIndexer(text);
  while (!indexer.step(1_000));
  return indexer.expose();
}

/** Indexes in slices of about 64 kB, as the host does under load, calling `each` after every slice. */
function indexInSlices(text: string, each: (root: LazyContainer, changed: LazyContainer[]) => void): LazyContainer {
  const indexer = new JsonIndexer(text);
  let finished = false;
  while (!finished) {
    finished = indexer.step(0);
    const root = indexer.expose();
    const changed = indexer.takeChanged();
    if (root) each(root, changed);
  }
  return indexer.expose() as LazyContainer;
}

function texts(model: JsonTreeModel, start: number, end: number) {
  return model.rows(start, end).map(({ index, depth, key, kind, text, childCount, expanded }) => ({
    index,
    depth,
    key,
    kind,
    text,
    childCount,
    expanded,
  }));
}

describe('JsonIndexer and the tree model over it', () => {
  const text = makeEventsJson(0.5);
  const parsed = JSON.parse(text) as { items: unknown[] };

  it('gives the same rows, toggles and copies as the model over the parsed value', () => {
    const root = indexWhole(text);
    expect(root).toBeInstanceOf(LazyContainer);
    const lazy = new JsonTreeModel(root, 1);
    const plain = new JsonTreeModel(parsed, 1);
    expect(lazy.rowCount).toBe(plain.rowCount);
    expect(texts(lazy, 0, 200)).toEqual(texts(plain, 0, 200));
    for (const row of [5, 40, 41, 3, plain.rowCount - 30]) {
      lazy.toggle(row);
      plain.toggle(row);
      expect(lazy.rowCount).toBe(plain.rowCount);
      expect(texts(lazy, Math.max(0, row - 20), row + 60)).toEqual(texts(plain, Math.max(0, row - 20), row + 60));
    }
    expect(JSON.stringify(lazy.valueAt(1))).toBe(JSON.stringify(plain.valueAt(1)));
    expect(lazy.pathAt(45)).toBe(plain.pathAt(45));
    lazy.collapseAll();
    plain.collapseAll();
    expect(texts(lazy, 0, 10)).toEqual(texts(plain, 0, 10));
  });

  it('finds the same matches as a search over the parsed value', () => {
    const term = 'alice.1';
    const lazy = new TreeSearch(indexWhole(text), term);
    const plain = new TreeSearch(parsed, term);
    while (!lazy.step(50));
    while (!plain.step(50));
    expect(lazy.matches.length).toBeGreaterThan(0);
    expect(lazy.matches).toEqual(plain.matches);
    const model = new JsonTreeModel(indexWhole(text), 1);
    const row = model.reveal(lazy.matches[3] as number[]);
    expect(model.rows(row, row + 1)[0]?.text).toContain(term);
  });

  it('skips only items whose text cannot match, escapes and case included', () => {
    // Written by hand so the text holds real escapes: \u00e9 is é, \u0041 is A.
    const events = makeEventsJson(0.1);
    const escaped = `${events.slice(0, events.lastIndexOf(']'))}, {"note": "Caf\\u00e9 \\u0041lice \\"quoted\\" back\\\\slash"}]}`;
    expect(escaped).toContain('Caf\\u00e9');
    expect(JSON.parse(escaped).items.at(-1).note).toBe('Café Alice "quoted" back\\slash');
    const plainValue = JSON.parse(escaped);
    const lazyRoot = indexWhole(escaped);
    const search = (root: unknown, term: string) => {
      const job = new TreeSearch(root, term);
      while (!job.step(50));
      return job.matches;
    };
    for (const term of ['café', 'ALICE', '"quoted"', 'back\\slash', 'DELIVERED', 'grace.1', 'is-routed', 'false', 'nothing-like-this']) {
      expect(search(lazyRoot, term), term).toEqual(search(plainValue, term));
    }
    fc.assert(
      fc.property(fc.nat(escaped.length - 12), fc.integer({ min: 2, max: 10 }), fc.boolean(), (at, length, upper) => {
        const raw = escaped.slice(at, at + length);
        const term = upper ? raw.toUpperCase() : raw;
        expect(search(lazyRoot, term)).toEqual(search(plainValue, term));
      }),
      { numRuns: 40 },
    );
  });

  it('shows the tree from the first slice on, and grows it to the whole document', () => {
    let model: JsonTreeModel | null = null;
    let slices = 0;
    let last = 0;
    const root = indexInSlices(text, (root, changed) => {
      slices++;
      if (!model) model = new JsonTreeModel(root, 1);
      else model.grow(changed);
      expect(model.rowCount).toBeGreaterThanOrEqual(last);
      last = model.rowCount;
      // What is shown while growing is already what the finished document shows there.
      const items = model.rows(1, 2)[0];
      expect(items?.key).toBe('items');
      const first = model.rows(2, 12);
      expect(first.map((row) => row.text)).toEqual(texts(new JsonTreeModel(parsed, 1), 2, 2 + first.length).map((row) => row.text));
      // Every row can be drawn, the item still being read included, open or closed.
      expect(model.rows(0, model.rowCount)).toHaveLength(model.rowCount);
      const lastItem = 1 + (items?.childCount ?? 0);
      model.toggle(lastItem, true);
      expect(model.rows(lastItem, lastItem + 40).every((row) => row.text !== undefined)).toBe(true);
      model.toggle(lastItem, false);
    });
    expect(slices).toBeGreaterThan(3);
    const grown = model as unknown as JsonTreeModel;
    expect(grown.root).toBe(root);
    expect(grown.rows(1, 2)[0]?.childCount).toBe(parsed.items.length);
    // Members that arrive while growing open as they would have from the start.
    const plain = new JsonTreeModel(parsed, 1);
    expect(grown.rowCount).toBe(plain.rowCount);
    expect(texts(grown, plain.rowCount - 50, plain.rowCount)).toEqual(texts(plain, plain.rowCount - 50, plain.rowCount));
  });

  it('reads strings with escaped quotes and brackets, and any valid JSON, as JSON.parse does', () => {
    const tricky = `{"a":"x\\\\\\"]}\\\\","b":[1,-2.5e3,true,null,{"c":"${'{'.repeat(40_000)}"}],"d":{}, "e":[]}`;
    expect((indexWhole(tricky) as LazyContainer).toJSON()).toEqual(JSON.parse(tricky));
    const model = new JsonTreeModel(indexWhole(tricky), 5);
    const plain = new JsonTreeModel(JSON.parse(tricky), 5);
    expect(texts(model, 0, 50)).toEqual(texts(plain, 0, 50));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify({ wrap: [value, 'x'.repeat(33_000)] });
        const indexed = new JsonTreeModel(indexWhole(json), 3);
        const plainModel = new JsonTreeModel(JSON.parse(json), 3);
        expect(texts(indexed, 0, 100)).toEqual(texts(plainModel, 0, 100));
      }),
      { numRuns: 60 },
    );
  });

  it('rejects broken structure with a message', () => {
    for (const broken of ['{"a": [1, 2}', '{"a":1} x', '[1,]', '{"a":"never closed', '[1, 2', '', '   ']) {
      expect(() => indexWhole(broken), broken).toThrow(JsonSyntaxError);
    }
  });
});

describe('JsonIndexer over a text arriving in pieces', () => {
  /** Feeds the pieces one at a time, indexing whatever has arrived after each, as the host does while a body streams in. */
  function indexPieces(pieces: readonly string[]): LazyContainer | null {
    const text = new ChunkedText();
    const indexer = new JsonIndexer(text);
    for (const piece of pieces) {
      text.append(piece);
      while (!indexer.step(1_000) && !indexer.waiting);
      expect(indexer.waiting).toBe(true);
    }
    text.finish();
    expect(indexer.step(1_000)).toBe(true);
    return indexer.expose();
  }

  const cutAt = (text: string, cuts: readonly number[]) =>
    [0, ...cuts, text.length].slice(1).map((end, i, ends) => text.slice(i === 0 ? 0 : (ends[i - 1] as number), end));

  // Escaped quotes and backslashes, a \u escape, raw accents and a surrogate pair, numbers and literals, empty containers.
  const tricky = String.raw`{"q":"say \"hi\"","bs":"\\","bs2":"a\\\\","u":"\u00e9\ud83d\ude00 é😀","n":-12.5e+3,"i":7,"t":true,"f":false,"z":null,"list":[1,"\\\"",[],{},{"k":[10,20]}],"last":123}`;
  const expected = JSON.parse(tricky) as unknown;

  it('reads every value whatever character a piece ends on (inside a string, an escape, a number, a surrogate pair)', () => {
    for (let cut = 1; cut < tricky.length; cut++) {
      const root = indexPieces(cutAt(tricky, [cut]));
      expect(root?.toJSON(), `cut at ${cut}: ${JSON.stringify(tricky.slice(cut - 3, cut + 3))}`).toEqual(expected);
    }
  });

  it('reads one-character pieces, and the rows equal those of the parsed value', () => {
    const root = indexPieces([...tricky].flatMap((char) => (char.length === 2 ? [char[0] as string, char[1] as string] : [char])));
    expect(root?.toJSON()).toEqual(expected);
    const lazy = new JsonTreeModel(root, 1);
    const plain = new JsonTreeModel(expected, 1);
    lazy.expandAll();
    plain.expandAll();
    expect(texts(lazy, 0, lazy.rowCount)).toEqual(texts(plain, 0, plain.rowCount));
  });

  it('reads any JSON value cut anywhere', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { maxLength: 4 }), (value, raw) => {
        const text = JSON.stringify(value);
        const cuts = [...new Set(raw.map((n) => 1 + (n % Math.max(1, text.length - 1))))]
          .filter((n) => n < text.length)
          .sort((a, b) => a - b);
        const indexer = new JsonIndexer(new ChunkedText());
        const source = indexer.text;
        for (const piece of cutAt(text, cuts)) {
          source.append(piece);
          while (!indexer.step(1_000) && !indexer.waiting);
        }
        source.finish();
        expect(indexer.step(1_000)).toBe(true);
        const root = indexer.expose();
        // Compared with JSON.parse of the same text: JSON itself turns -0 into 0.
        expect(root ? root.toJSON() : JSON.parse(source.toString())).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('shows the rows that have arrived while an events list streams in, and ends as the parsed list', () => {
    const events = makeEventsJson(0.5);
    const parsed = JSON.parse(events) as { items: unknown[] };
    const text = new ChunkedText();
    const indexer = new JsonIndexer(text);
    let model: JsonTreeModel | null = null;
    let grew = 0;
    for (let at = 0; at < events.length; at += 64 * 1024) {
      text.append(events.slice(at, at + 64 * 1024));
      while (!indexer.step(1_000) && !indexer.waiting);
      const root = indexer.expose();
      const changed = indexer.takeChanged();
      if (model) model.grow(changed);
      else if (root) model = new JsonTreeModel(root, 1);
      if (model && at > 0) {
        // The list grows with every piece; the item before the one being read is whole and reads as the server sent it.
        const items = (indexer.expose() as LazyContainer).member('items') as LazyContainer;
        if (at + 64 * 1024 < events.length - 1024) expect(items.size).toBeGreaterThan(grew);
        grew = items.size;
        expect(JSON.parse(JSON.stringify(items.child(items.size - 2)))).toEqual(parsed.items[items.size - 2]);
      }
    }
    text.finish();
    expect(indexer.step(1_000)).toBe(true);
    expect((indexer.expose() as LazyContainer).toJSON()).toEqual(parsed);
  });

  it('fails on a string left open, or a stream that broke off, only once the text has ended', () => {
    const text = new ChunkedText();
    const indexer = new JsonIndexer(text);
    text.append('{"a":"never closed');
    expect(indexer.step(1_000)).toBe(false);
    text.append(' still\\');
    expect(indexer.step(1_000)).toBe(false);
    text.finish();
    expect(() => indexer.step(1_000)).toThrow(/Unterminated string at position 5/);

    const broken = new ChunkedText();
    const cut = new JsonIndexer(broken);
    broken.append('{"items":[1,2');
    expect(cut.step(1_000)).toBe(false);
    broken.fail('The connection closed.');
    expect(() => cut.step(1_000)).toThrow(JsonSyntaxError);
  });
});

describe('TextPrefilter', () => {
  /** A text that counts the characters each call reads, to show that no call reads the whole body. */
  function counting(text: string) {
    const reads: number[] = [];
    const wrapped: TextLike = {
      get length() {
        return text.length;
      },
      charCodeAt: (at: number) => text.charCodeAt(at),
      slice: (start?: number, end?: number) => {
        const piece = text.slice(start, end);
        reads.push(piece.length);
        return piece;
      },
      indexOf: (search: string, from?: number) => {
        const found = text.indexOf(search, from);
        reads.push((found < 0 ? text.length : found) - (from ?? 0));
        return found;
      },
    };
    return { wrapped, reads };
  }

  it('reads a window past the stretch asked about, not the rest of a body without backslashes', () => {
    const text = `[${'"plain", '.repeat(400_000)}"end"]`;
    const { wrapped, reads } = counting(text);
    const filter = new TextPrefilter(wrapped, 'nothing', 64 * 1024);
    expect(filter.mayMatch(1, 200)).toBe(false);
    expect(Math.max(...reads)).toBeLessThanOrEqual(64 * 1024);
  });

  it('says a stretch may match exactly when a match starts in it or it holds a backslash', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ab', 'x', '\\', 'AB', ' '), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(200), fc.nat(40)), { minLength: 1, maxLength: 8 }),
        (parts, stretches) => {
          const text = parts.join('');
          const filter = new TextPrefilter(text, 'ab', 8);
          let start = 0;
          for (const [skip, width] of stretches) {
            start = Math.min(text.length, start + (skip % 20));
            const end = Math.min(text.length, start + width);
            const stretch = text.slice(start, end);
            const starts = [...text.matchAll(/ab/gi)].map((found) => found.index);
            // "May match" means a match starts inside the stretch (it may run past its end), or an escape could spell one.
            const truth = stretch.includes('\\') || starts.some((at) => at >= start && at < end);
            expect(filter.mayMatch(start, end), `${JSON.stringify(text)} [${start}, ${end})`).toBe(truth);
            start = end;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
