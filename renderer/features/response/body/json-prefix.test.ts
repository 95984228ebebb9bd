import { describe, expect, it } from 'vitest';
import { parsePrefix } from './json-prefix';

describe('parsePrefix', () => {
  it('keeps the complete items at the start and closes what is open', () => {
    const text = JSON.stringify({ items: [{ id: 1, s: 'a}]"\\' }, { id: 2 }, { id: 3 }], paging: { next: 'x' } });
    const cut = text.indexOf('{"id":3') + 3;
    expect(parsePrefix(text, cut)).toEqual({ items: [{ id: 1, s: 'a}]"\\' }, { id: 2 }] });
  });

  it('gives up when nothing nested is complete, or when the text is short', () => {
    expect(parsePrefix(`{"a":"${'x'.repeat(100)}"}`, 50)).toBeUndefined();
    expect(parsePrefix('{"a":1}', 100)).toBeUndefined();
  });
});
