import { describe, expect, it } from 'vitest';
import { insertNewestFirst, sortNewestFirst } from './ordered-rows';

const row = (id: string, timestamp: number) => ({ id, timestamp });
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('live tail rows in event order', () => {
  it('puts an older event from a later poll at its place, not on top', () => {
    const first = insertNewestFirst([], [row('a', 100), row('c', 300)], 10);
    const second = insertNewestFirst(first, [row('b', 200), row('d', 400)], 10);
    expect(ids(second)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('never shows an id twice, and breaks timestamp ties the same way whatever the arrival order', () => {
    const one = insertNewestFirst(insertNewestFirst([], [row('x', 5), row('y', 5)], 10), [row('x', 5), row('z', 5)], 10);
    const other = insertNewestFirst(insertNewestFirst([], [row('z', 5)], 10), [row('y', 5), row('x', 5), row('z', 5)], 10);
    expect(ids(one)).toEqual(['z', 'y', 'x']);
    expect(ids(other)).toEqual(ids(one));
  });

  it('keeps at most `max` rows, dropping the oldest', () => {
    const rows = insertNewestFirst([], [row('a', 1), row('b', 2), row('c', 3)], 2);
    expect(ids(rows)).toEqual(['c', 'b']);
    expect(ids(insertNewestFirst(rows, [row('old', 0)], 2))).toEqual(['c', 'b']);
  });

  it('leaves the rows it was given alone', () => {
    const rows = [row('b', 2)];
    insertNewestFirst(rows, [row('a', 3)], 10);
    expect(ids(rows)).toEqual(['b']);
  });

  it('sorts an export the same way as the view', () => {
    expect(ids(sortNewestFirst([row('a', 1), row('c', 3), row('b', 3)]))).toEqual(['c', 'b', 'a']);
  });
});
