import { describe, expect, it } from 'vitest';
import { editDistance, similarAddresses } from './similar-addresses';

describe('similar addresses from recipients seen in the logs', () => {
  it('counts typos, including swapped letters, as one edit', () => {
    expect(editDistance('gmail', 'gmial')).toBe(1);
    expect(editDistance('bob', 'bobby')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });

  it('finds the same mailbox at another domain first, then near typos, never the address itself', () => {
    const seen = new Map([
      ['bob@example.org', 12],
      ['bob@example.com', 4],
      ['rob@example.com', 3],
      ['b0b@exampel.com', 1],
      ['alice@example.com', 30],
      ['bob@example.net', 0],
    ]);
    expect(similarAddresses('Bob@example.com', seen)).toEqual([
      { address: 'bob@example.org', delivered: 12, why: 'other-domain' },
      { address: 'rob@example.com', delivered: 3, why: 'typo' },
      { address: 'b0b@exampel.com', delivered: 1, why: 'typo' },
    ]);
    expect(similarAddresses('alice@exmaple.com', seen)).toEqual([{ address: 'alice@example.com', delivered: 30, why: 'other-domain' }]);
    expect(similarAddresses('zed@nowhere.test', seen)).toEqual([]);
  });
});
