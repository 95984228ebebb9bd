import { describe, expect, it } from 'vitest';
import { parseAddressList } from './address-list';

describe('address list', () => {
  it('reads one address a line', () => {
    const list = parseAddressList('a@example.com\nb@example.com\n\n');
    expect(list.addresses).toEqual(['a@example.com', 'b@example.com']);
    expect(list).toMatchObject({ headerSkipped: false, invalidCount: 0, duplicates: 0, column: 1 });
  });

  it('skips a byte order mark and a header row, and finds the address column', () => {
    const list = parseAddressList('\uFEFFname,email,plan\r\nAl,al@example.com,pro\r\nBo,BO@Example.COM,free\r\n');
    expect(list.addresses).toEqual(['al@example.com', 'bo@example.com']);
    expect(list).toMatchObject({ headerSkipped: true, column: 2, rows: 3 });
  });

  it('follows CSV quoting: commas, quotes and line breaks inside a quoted cell', () => {
    const list = parseAddressList('email,note\n"quoted@example.com","says ""hi"", twice"\nplain@example.com,"two\nlines"\n');
    expect(list.addresses).toEqual(['quoted@example.com', 'plain@example.com']);
    expect(list.invalidCount).toBe(0);
  });

  it('counts duplicates (any case) once and lists invalid values with their row', () => {
    const list = parseAddressList('email\na@example.com\nA@EXAMPLE.COM\nnot-an-address\n@example.com\nb@example.com\nb@example\n');
    expect(list.addresses).toEqual(['a@example.com', 'b@example.com']);
    expect(list.duplicates).toBe(1);
    expect(list.invalid).toEqual([
      { row: 4, value: 'not-an-address' },
      { row: 5, value: '@example.com' },
      { row: 7, value: 'b@example' },
    ]);
  });

  it('reads display-name forms and mailto links, even with quotes CSV does not allow', () => {
    expect(parseAddressList('Bob Smith <bob@example.com>\n"Smith, Al <al@example.com>"\nmailto:cy@example.com\n').addresses).toEqual([
      'bob@example.com',
      'al@example.com',
      'cy@example.com',
    ]);
    expect(parseAddressList('"Bob Smith" <bob@example.com>\n"Al" <al@example.com>\n').addresses).toEqual([
      'bob@example.com',
      'al@example.com',
    ]);
  });

  it('reads semicolon and tab separated files', () => {
    expect(parseAddressList('id;email\n1;x@example.com\n2;y@example.com').addresses).toEqual(['x@example.com', 'y@example.com']);
    expect(parseAddressList('id\temail\n1\tx@example.com').addresses).toEqual(['x@example.com']);
  });

  it('stops at the limit and says so', () => {
    const text = Array.from({ length: 12 }, (_, i) => `u${i}@example.com`).join('\n');
    const list = parseAddressList(text, 'list.csv', 10);
    expect(list.addresses).toHaveLength(10);
    expect(list).toMatchObject({ truncated: true, fileName: 'list.csv' });
  });

  it('an empty text is an empty list, not an error', () => {
    expect(parseAddressList('')).toMatchObject({ addresses: [], rows: 0, invalidCount: 0 });
  });
});
