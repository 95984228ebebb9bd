import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BodyLimits,
  type BodyOutcome,
  createBodyParser,
  defaultBodyLimits,
  parseBody,
  parseContentType,
  parseHeaderParams,
} from './body-parser';

async function encodeMultipart(form: FormData): Promise<{ contentType: string; bytes: Buffer }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { contentType: request.headers.get('content-type') ?? '', bytes: Buffer.from(await request.arrayBuffer()) };
}

/** Feeds bytes in the given chunk sizes, as a socket would. */
function feed(contentType: string, bytes: Uint8Array, sizes: readonly number[], limits: BodyLimits = defaultBodyLimits): BodyOutcome {
  const parser = createBodyParser(contentType, limits);
  let offset = 0;
  let i = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[i++ % Math.max(1, sizes.length)] ?? 1);
    const error = parser.write(bytes.subarray(offset, offset + size));
    if (error) return { ok: false, error };
    offset += size;
  }
  return parser.end();
}

function formOf(outcome: BodyOutcome) {
  if (!outcome.ok || outcome.body.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(outcome)}`);
  return outcome.body.form;
}

describe('content type parsing', () => {
  it('reads the type and quoted parameters', () => {
    expect(parseContentType('Multipart/Form-Data; boundary="a b;c"; charset=utf-8')).toEqual({
      type: 'multipart/form-data',
      params: { boundary: 'a b;c', charset: 'utf-8' },
    });
    expect(parseContentType(undefined)).toEqual({ type: '', params: {} });
  });

  it('decodes RFC 5987 extended values and ignores junk', () => {
    expect(parseHeaderParams(`form-data; name="f"; filename*=UTF-8''na%C3%AFve.txt`)).toMatchObject({ name: 'f', filename: 'naïve.txt' });
    expect(parseHeaderParams(';;; =x; novalue; a="unterminated')).toMatchObject({ a: 'unterminated' });
  });
});

describe('multipart parsing', () => {
  it('reads fields, repeated fields and files from what fetch sends', async () => {
    const form = new FormData();
    form.append('from', 'Sender <s@example.com>');
    form.append('to', 'a@example.com');
    form.append('to', 'b@example.com');
    form.append('text', 'línea 1\r\n--not-a-boundary\r\nline 3');
    form.append('attachment', new Blob([new Uint8Array([0, 1, 2, 13, 10, 45, 45, 255])], { type: 'application/octet-stream' }), 'bin.dat');
    const { contentType, bytes } = await encodeMultipart(form);
    const parsed = formOf(parseBody(contentType, bytes));
    expect(parsed.fields.filter((f) => f.name === 'to').map((f) => f.value)).toEqual(['a@example.com', 'b@example.com']);
    expect(parsed.fields.find((f) => f.name === 'text')?.value).toBe('línea 1\r\n--not-a-boundary\r\nline 3');
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]?.filename).toBe('bin.dat');
    expect([...(parsed.files[0]?.data ?? [])]).toEqual([0, 1, 2, 13, 10, 45, 45, 255]);
  });

  it('gives the same result however the bytes are chunked', async () => {
    const form = new FormData();
    form.append('a', 'x'.repeat(300));
    form.append('b', 'y');
    form.append('file', new Blob(['z'.repeat(1000)]), 'z.txt');
    const { contentType, bytes } = await encodeMultipart(form);
    const whole = formOf(parseBody(contentType, bytes));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        const chunked = formOf(feed(contentType, bytes, sizes));
        expect(chunked.fields).toEqual(whole.fields);
        expect(chunked.files.map((f) => f.data.toString())).toEqual(whole.files.map((f) => f.data.toString()));
      }),
      { numRuns: 60 },
    );
  });

  it('reports a missing boundary, a missing end and an empty body distinctly', () => {
    expect(parseBody('multipart/form-data', Buffer.from('x'))).toMatchObject({ ok: false, error: { status: 400 } });
    const unterminated = parseBody(
      'multipart/form-data; boundary=XX',
      Buffer.from('--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'),
    );
    expect(unterminated).toMatchObject({ ok: false, error: { status: 400, message: expect.stringContaining('closing boundary') } });
    expect(parseBody('multipart/form-data; boundary=XX', Buffer.alloc(0))).toEqual({ ok: true, body: { kind: 'empty', bytes: 0 } });
  });

  it('enforces the part, header, field and total limits', () => {
    const limits: BodyLimits = { maxBytes: 2000, maxParts: 2, maxHeaderBytes: 100, maxFieldBytes: 50 };
    const part = (name: string, value: string) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    expect(
      parseBody('multipart/form-data; boundary=B', Buffer.from(`${part('a', '1')}${part('b', '2')}${part('c', '3')}--B--`), limits),
    ).toMatchObject({ ok: false, error: { status: 400 } });
    expect(parseBody('multipart/form-data; boundary=B', Buffer.from(`${part('a', 'x'.repeat(60))}--B--`), limits)).toMatchObject({
      ok: false,
      error: { status: 413 },
    });
    expect(
      parseBody('multipart/form-data; boundary=B', Buffer.from(`--B\r\nX-Long: ${'h'.repeat(200)}\r\n\r\nv\r\n--B--`), limits),
    ).toMatchObject({ ok: false, error: { status: 400 } });
    expect(parseBody('multipart/form-data; boundary=B', Buffer.alloc(2001, 97), limits)).toMatchObject({
      ok: false,
      error: { status: 413 },
    });
  });

  it('never throws on random bytes, whatever the boundary and chunking', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        (boundary, bytes, sizes) => {
          const outcome = feed(`multipart/form-data; boundary="${boundary}"`, bytes, sizes, {
            maxBytes: 500,
            maxParts: 5,
            maxHeaderBytes: 64,
            maxFieldBytes: 100,
          });
          expect(typeof outcome.ok).toBe('boolean');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on random text shaped like multipart', () => {
    const piece = fc.constantFrom(
      '--B',
      '--B--',
      '\r\n',
      '\r\n\r\n',
      'Content-Disposition: form-data; name="a"',
      '; filename="f"',
      'x',
      '"',
      ':',
      '--',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 4 }),
        (pieces, sizes) => {
          const outcome = feed('multipart/form-data; boundary=B', Buffer.from(pieces.join('')), sizes);
          expect(typeof outcome.ok).toBe('boolean');
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('urlencoded and JSON bodies', () => {
  it('decodes urlencoded pairs, plus signs and repeats', () => {
    const form = formOf(
      parseBody('application/x-www-form-urlencoded', Buffer.from('to=a%40b.com&to=c%40d.com&subject=hello+world&empty=')),
    );
    expect(form.fields).toEqual([
      { name: 'to', value: 'a@b.com' },
      { name: 'to', value: 'c@d.com' },
      { name: 'subject', value: 'hello world' },
      { name: 'empty', value: '' },
    ]);
  });

  it('limits the number of urlencoded pairs', () => {
    const limits = { ...defaultBodyLimits, maxParts: 3 };
    expect(parseBody('application/x-www-form-urlencoded', Buffer.from('a=1&b=2&c=3&d=4'), limits)).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
  });

  it('parses JSON and reports bad JSON as a 400', () => {
    expect(parseBody('application/json; charset=utf-8', Buffer.from('[{"address":"a@b.c"}]'))).toEqual({
      ok: true,
      body: { kind: 'json', value: [{ address: 'a@b.c' }], bytes: 21 },
    });
    expect(parseBody('application/json', Buffer.from('{"a":'))).toEqual({
      ok: false,
      error: { status: 400, message: 'request body is not valid JSON' },
    });
  });

  it('counts but does not keep bodies of other types', () => {
    expect(parseBody('text/plain', Buffer.from('hello'))).toEqual({
      ok: true,
      body: { kind: 'other', contentType: 'text/plain', bytes: 5 },
    });
    expect(parseBody(undefined, Buffer.alloc(0))).toEqual({ ok: true, body: { kind: 'empty', bytes: 0 } });
  });

  it('never throws on random bytes for any content type', () => {
    const types = fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/form-data',
      'multipart/form-data',
      '',
    );
    fc.assert(
      fc.property(types, fc.uint8Array({ maxLength: 300 }), (type, bytes) => {
        expect(typeof parseBody(type, bytes).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
