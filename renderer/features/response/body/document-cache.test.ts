import { describe, expect, it } from 'vitest';
import { DocumentCache, TAB_DOCUMENT_LIMITS } from './document-cache';
import { TreeClient } from './tree-client';

const MB = 1024 * 1024;
/** One string of each size, shared by every entry: the cache weighs a text by its length, never copies it. */
const tenMb = 'x'.repeat(10 * MB);
const fortyMb = 'x'.repeat(40 * MB);

function documentOn() {
  return { client: TreeClient.local() };
}

describe('DocumentCache', () => {
  it('keeps the five documents left last and disposes the least recently used beyond them', () => {
    const cache = new DocumentCache(TAB_DOCUMENT_LIMITS);
    const documents = Array.from({ length: 7 }, documentOn);
    const nth = (index: number) => documents[index] as ReturnType<typeof documentOn>;
    // Five 10 MB bodies fit.
    for (const [index, document] of documents.slice(0, 5).entries()) expect(cache.keep(`r${index}`, { text: tenMb, document })).toBe(true);
    expect(cache.size).toBe(5);
    expect(documents.some((document) => document.client.disposed)).toBe(false);
    // Shown again (found, then reclaimed by its viewer) and left again: r0 is now the most recent, so r1 goes next.
    const again = cache.find('r0', tenMb);
    expect(again?.document).toBe(nth(0));
    cache.reclaim('r0', nth(0).client);
    expect(cache.size).toBe(4);
    cache.keep('r0', { text: tenMb, document: nth(0) });
    cache.keep('r5', { text: tenMb, document: nth(5) });
    expect(nth(1).client.disposed).toBe(true);
    expect(cache.has('r1')).toBe(false);
    expect(cache.has('r0')).toBe(true);
    expect(cache.size).toBe(5);
    for (const document of documents.slice(2, 6)) expect(document.client.disposed).toBe(false);
  });

  it('holds at most 64 MB of text: a second 40 MB body sends the first away, and one over the budget is not kept', () => {
    const cache = new DocumentCache(TAB_DOCUMENT_LIMITS);
    const first = documentOn();
    const second = documentOn();
    cache.keep('a', { text: fortyMb, document: first });
    cache.keep('b', { text: fortyMb, document: second });
    expect(first.client.disposed).toBe(true);
    expect(cache.has('a')).toBe(false);
    expect(cache.chars).toBe(40 * MB);
    const huge = documentOn();
    expect(cache.keep('c', { text: `${fortyMb}${fortyMb}`, document: huge })).toBe(false);
    // The caller disposes what was refused; the cache keeps what it had.
    expect(huge.client.disposed).toBe(false);
    expect(cache.has('b')).toBe(true);
  });

  it('drops the documents of responses that can no longer be shown, and refuses them later', () => {
    const cache = new DocumentCache(TAB_DOCUMENT_LIMITS);
    const closed = documentOn();
    const open = documentOn();
    cache.keep('closed', { text: tenMb, document: closed });
    cache.keep('open', { text: tenMb, document: open });
    cache.retainOnly(new Set(['open', 'shown']));
    expect(closed.client.disposed).toBe(true);
    expect(open.client.disposed).toBe(false);
    expect(cache.keep('gone', { text: tenMb, document: documentOn() })).toBe(false);
    expect(cache.keep('shown', { text: tenMb, document: documentOn() })).toBe(true);
  });

  it('keeps a document found for a viewer until the viewer reclaims it, so a newer one cannot push it out first', () => {
    const cache = new DocumentCache({ maxEntries: 2, maxChars: 64 * MB });
    const wanted = documentOn();
    const other = documentOn();
    cache.keep('wanted', { text: tenMb, document: wanted });
    cache.keep('other', { text: tenMb, document: other });
    expect(cache.find('wanted', tenMb)?.document).toBe(wanted);
    // The tab left in the same switch is laid aside before the shown one's viewer has mounted.
    cache.keep('left', { text: tenMb, document: documentOn() });
    expect(other.client.disposed).toBe(true);
    expect(wanted.client.disposed).toBe(false);
    cache.reclaim('wanted', wanted.client);
    expect(cache.has('wanted')).toBe(false);
  });

  it('does not hand back a document opened on another text for the same response', () => {
    const cache = new DocumentCache(TAB_DOCUMENT_LIMITS);
    const document = documentOn();
    cache.keep('r', { text: tenMb, document });
    expect(cache.find('r', fortyMb)).toBeUndefined();
    expect(document.client.disposed).toBe(true);
    expect(cache.size).toBe(0);
  });
});
