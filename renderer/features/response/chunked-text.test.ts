import { describe, expect, it } from 'vitest';
import { ChunkedText } from './chunked-text';
import { textFromMessages } from './streamed-bodies';

function chunked(...pieces: string[]): ChunkedText {
  const text = new ChunkedText();
  for (const piece of pieces) text.append(piece);
  text.finish();
  return text;
}

describe('a text in pieces', () => {
  const whole = 'abc"de\\f"ghij';
  const pieces = ['abc"', 'de\\', 'f"g', 'hij'];

  it('reads like the string it spells, across piece borders', () => {
    const text = chunked(...pieces);
    expect(text.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(text.charCodeAt(i)).toBe(whole.charCodeAt(i));
    for (let a = 0; a <= whole.length; a++) for (let b = a; b <= whole.length; b++) expect(text.slice(a, b)).toBe(whole.slice(a, b));
    for (const search of ['"', '\\', 'e\\f', 'c"d', 'hij', 'x'])
      for (let from = 0; from <= whole.length; from++) expect(text.indexOf(search, from)).toBe(whole.indexOf(search, from));
    expect(text.toString()).toBe(whole);
    expect(text.pieceCount).toBe(1);
  });

  it('tells its listeners of every piece and of the end, and keeps a failure', () => {
    const text = new ChunkedText();
    let calls = 0;
    text.subscribe(() => calls++);
    text.append('a');
    text.fail('gone');
    expect(calls).toBe(2);
    expect(text.complete).toBe(true);
    expect(text.failure).toBe('gone');
  });
});

describe('decoding a streamed body', () => {
  it('keeps a character whose UTF-8 bytes are split between chunks whole', () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë 😀"}');
    const text = new ChunkedText();
    const feed = textFromMessages(text);
    // Split inside the 2-byte ë and inside the 4-byte emoji.
    const cuts = [0, 12, 15, 17, bytes.length];
    for (let i = 0; i + 1 < cuts.length; i++) expect(feed({ type: 'chunk', bytes: bytes.slice(cuts[i], cuts[i + 1]) })).toBe(false);
    expect(feed({ type: 'end', sizeBytes: bytes.length })).toBe(true);
    expect(text.toString()).toBe('{"name":"Zoë 😀"}');
    expect(text.complete).toBe(true);
  });

  it('turns an error message into a failure the viewer can show', () => {
    const text = new ChunkedText();
    textFromMessages(text)({ type: 'error', error: { code: 'not-found', message: 'Gone.', hint: 'Send again.' } });
    expect(text.failure).toBe('Gone. Send again.');
  });
});
