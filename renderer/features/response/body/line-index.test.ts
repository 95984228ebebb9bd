import { describe, expect, it } from 'vitest';
import { buildRowIndex, rowOfOffset, rowText } from './line-index';

describe('row index', () => {
  it('splits lines and cuts long ones into continuation rows', () => {
    const text = 'ab\ncdefg\n\nh';
    const index = buildRowIndex(text, 3);
    expect(Array.from({ length: index.count }, (_, row) => rowText(text, index, row))).toEqual(['ab', 'cde', 'fg', '', 'h']);
    expect(Array.from({ length: index.count }, (_, row) => index.lineOf(row))).toEqual([1, 2, 2, 3, 4]);
    expect(index.continues(2)).toBe(true);
    expect(index.continues(1)).toBe(false);
    expect(rowOfOffset(index, 6)).toBe(2);
  });

  it('handles empty text, a trailing newline and CRLF', () => {
    expect(buildRowIndex('', 3).count).toBe(1);
    const text = 'a\r\nb\n';
    const index = buildRowIndex(text, 10);
    expect(index.count).toBe(3);
    expect(rowText(text, index, 0)).toBe('a');
    expect(rowText(text, index, 2)).toBe('');
  });
});
