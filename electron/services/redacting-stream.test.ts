import { describe, expect, it } from 'vitest';
import { forwardBody } from './forward-body';
import { redactingStream } from './redacting-stream';
import { createRedactor, REDACTED } from './redaction';

const KEY = 'key-SPLIT-CANARY-0123456789abcdef';
const redactor = createRedactor([KEY]);
const secrets = redactor.secrets();

function throughStream(pieces: readonly string[], known: readonly string[] = secrets): string {
  const stream = redactingStream(known);
  return pieces.map((piece) => stream.push(piece)).join('') + stream.end();
}

async function* chunksOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

describe('redacting a text that arrives in pieces', () => {
  const text = `{"echo":"${KEY}","url":"/v3?key=${encodeURIComponent(KEY)}","auth":"Basic ${Buffer.from(`api:${KEY}`).toString('base64')}"}`;
  const whole = redactor.text(text);

  it('replaces every form of the key wherever the text is cut in two', () => {
    expect(whole).not.toContain(KEY);
    for (let at = 0; at <= text.length; at++) {
      expect(throughStream([text.slice(0, at), text.slice(at)]), `cut at ${at}`).toBe(whole);
    }
  });

  it('replaces a key that spans many small pieces, and passes on all but the held-back tail at once', () => {
    const stream = redactingStream(secrets);
    const pieces = text.match(/.{1,3}/gs) ?? [];
    let out = '';
    for (const piece of pieces) out += stream.push(piece);
    expect(whole.startsWith(out)).toBe(true);
    expect(whole.length - out.length).toBeLessThan(Math.max(...secrets.map((secret) => secret.length)));
    expect(out + stream.end()).toBe(whole);
  });

  it('prefers the longest secret at a position, as the whole-text redaction does', () => {
    expect(throughStream(['xx abc', 'def yy abc'], ['abc', 'abcdef'])).toBe(`xx ${REDACTED} yy ${REDACTED}`);
  });

  it('passes text through unchanged when no secret is known', () => {
    expect(throughStream(['a', 'b'], [])).toBe('ab');
  });
});

describe('forwarding a body as it arrives', () => {
  it('decodes a character split between network chunks and redacts a key split between them, in chunks of the size asked', async () => {
    const text = `é${'x'.repeat(10)}${KEY}€${'y'.repeat(10)}`;
    const bytes = Buffer.from(text, 'utf8');
    const expected = redactor.text(text);
    for (let at = 0; at <= bytes.length; at++) {
      const written: Uint8Array[] = [];
      let ended: number | undefined;
      const whole = await forwardBody(
        chunksOf(bytes.subarray(0, at), bytes.subarray(at)),
        'application/json',
        secrets,
        { push: (chunk) => written.push(chunk), end: (size) => (ended = size) },
        8,
      );
      expect(Buffer.from(whole).toString('utf8'), `cut at ${at}`).toBe(expected);
      expect(Buffer.concat(written).toString('utf8')).toBe(expected);
      expect(ended).toBe(Buffer.byteLength(expected));
      for (const chunk of written) expect(chunk.buffer.byteLength).toBe(chunk.byteLength);
      expect(written.slice(0, -1).every((chunk) => chunk.byteLength === 8)).toBe(true);
      expect(written.at(-1)?.byteLength).toBeLessThanOrEqual(8);
    }
  });

  it('sends UTF-8 whatever the declared charset', async () => {
    const written: Uint8Array[] = [];
    await forwardBody(chunksOf(Buffer.from('caf\xe9', 'latin1')), 'text/plain; charset=iso-8859-1', [], {
      push: (chunk) => written.push(chunk),
      end: () => undefined,
    });
    expect(Buffer.concat(written).toString('utf8')).toBe('café');
  });
});
