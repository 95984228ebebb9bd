import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEventsPage } from './fixtures/make-events';
import { JsonTreeModel, TreeSearch } from './json-tree-model';

interface FlatRow {
  readonly value: unknown;
  readonly line: string;
}

/** Rows the slow, obvious way: walk everything, descending into open containers. */
function flatten(value: unknown, open: ReadonlySet<unknown>): FlatRow[] {
  const out: FlatRow[] = [];
  const visit = (node: unknown, depth: number, key: string | null) => {
    const container = typeof node === 'object' && node !== null;
    const expanded = container && open.has(node);
    const kind = node === null ? 'null' : Array.isArray(node) ? 'array' : typeof node;
    out.push({ value: node, line: `${depth}:${key}:${kind}:${expanded}` });
    if (!expanded) return;
    if (Array.isArray(node)) for (const [index, child] of node.entries()) visit(child, depth + 1, String(index));
    else for (const [name, child] of Object.entries(node as object)) visit(child, depth + 1, name);
  };
  visit(value, 0, null);
  return out;
}

function lines(model: JsonTreeModel, start: number, end: number): string[] {
  return model.rows(start, end).map((row) => `${row.depth}:${row.key}:${row.kind}:${row.expanded}`);
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });

describe('JsonTreeModel', () => {
  it('matches a full walk after any sequence of toggles', () => {
    fc.assert(
      fc.property(jsonValue, fc.array(fc.nat(), { maxLength: 25 }), (value, toggles) => {
        const model = new JsonTreeModel(value, 0);
        const open = new Set<unknown>();
        if (typeof value === 'object' && value !== null) open.add(value);
        for (const pick of toggles) {
          const row = pick % model.rowCount;
          const node = flatten(value, open)[row]?.value;
          if (typeof node === 'object' && node !== null) {
            if (open.has(node)) open.delete(node);
            else open.add(node);
          }
          model.toggle(row);
          const expected = flatten(value, open).map((entry) => entry.line);
          expect(model.rowCount).toBe(expected.length);
          expect(lines(model, 0, model.rowCount)).toEqual(expected);
          const start = Math.floor(model.rowCount / 3);
          expect(lines(model, start, start + 5)).toEqual(expected.slice(start, start + 5));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reveals search matches by expanding their ancestors', () => {
    const page = makeEventsPage(500);
    const model = new JsonTreeModel(page, 1);
    const search = new TreeSearch(page, 'carol.4');
    while (!search.step(50));
    expect(search.matches.length).toBeGreaterThan(0);
    for (const path of search.matches.slice(0, 20)) {
      const row = model.reveal(path);
      const [found] = model.rows(row, row + 1);
      const text = `${found?.key ?? ''} ${found?.text ?? ''}`.toLowerCase();
      expect(text).toContain('carol.4');
      expect(model.pathAt(row)).toMatch(/^items\[\d+\]/);
    }
  });

  it('answers for a 100,000-item array without walking it', () => {
    const items = Array.from({ length: 100_000 }, (_, index) => ({ id: index, tags: ['a', 'b'] }));
    const model = new JsonTreeModel({ items }, 1);
    expect(model.rowCount).toBe(100_002);
    model.toggle(50_001);
    expect(model.rowCount).toBe(100_004);
    expect(model.rows(50_001, 50_004).map((row) => row.key)).toEqual(['49999', 'id', 'tags']);
    expect(model.rows(100_003, 100_010).map((row) => row.key)).toEqual(['99999']);
    model.toggle(1);
    expect(model.rowCount).toBe(2);
    model.toggle(1);
    expect(model.rowCount).toBe(100_004);
    expect(model.pathAt(50_003)).toBe('items[49999].tags');
  });

  it('cuts long strings and previews collapsed containers', () => {
    const model = new JsonTreeModel({ long: 'x'.repeat(5_000), nested: { a: 1, b: [1, 2] } }, 0);
    const [, long, nested] = model.rows(0, 3);
    expect(long?.cut).toBe(3_000);
    expect(nested?.text).toBe('{a: 1, b: […]}');
  });
});
