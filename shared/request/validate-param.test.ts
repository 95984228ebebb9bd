import { describe, expect, it } from 'vitest';
import type { ParamType } from '../catalog/types';
import { formatRfc2822, parseRfc2822 } from '../dates/rfc2822';
import { checkExample, checkHeaderName, checkHeaderValue, checkParamValue, isEmptyInput, isValidAddressList } from './validate-param';

const ok = (type: ParamType, value: unknown) => {
  const r = checkParamValue(type, value);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(value)} to pass: ${r.message}`);
  return r;
};
const bad = (type: ParamType, value: unknown) => {
  const r = checkParamValue(type, value);
  expect(r.ok, `expected ${JSON.stringify(value)} to fail`).toBe(false);
  return r.ok ? '' : r.message;
};

describe('dates', () => {
  it('sends a current RFC 2822 date as typed, and rewrites an obsolete form in its own offset', () => {
    const date = { kind: 'date', format: 'rfc2822' } as const;
    expect(checkParamValue(date, 'Thu, 13 Oct 2011 20:02:00 +0200')).toMatchObject({ ok: true, form: 'Thu, 13 Oct 2011 20:02:00 +0200' });
    expect(checkParamValue(date, 'thu,13 oct 11 8:02:00 EST')).toMatchObject({ ok: true, form: 'Thu, 13 Oct 2011 08:02:00 -0500' });
    expect(checkParamValue(date, 'Thu, 13 Oct 2011 18:02:00')).toMatchObject({ ok: false });
  });

  it('parses RFC 2822 with offsets and named zones', () => {
    expect(parseRfc2822('Thu, 13 Oct 2011 18:02:00 +0000')?.toISOString()).toBe('2011-10-13T18:02:00.000Z');
    expect(parseRfc2822('Mon, 08 Jul 2024 00:00:00 -0000')?.toISOString()).toBe('2024-07-08T00:00:00.000Z');
    expect(parseRfc2822('13 Oct 2011 20:02 +0200')?.toISOString()).toBe('2011-10-13T18:02:00.000Z');
    expect(parseRfc2822('Thu, 13 Oct 2011 18:02:00 GMT')?.toISOString()).toBe('2011-10-13T18:02:00.000Z');
  });

  it('rejects malformed and impossible dates', () => {
    expect(parseRfc2822('2011-10-13T18:02:00Z')).toBeUndefined();
    expect(parseRfc2822('Thu, 31 Feb 2011 18:02:00 +0000')).toBeUndefined();
    expect(parseRfc2822('Thu, 13 Oct 2011 25:02:00 +0000')).toBeUndefined();
    expect(parseRfc2822('Thu, 13 Foo 2011 18:02:00 +0000')).toBeUndefined();
  });

  it('formats in UTC the way Mailgun writes dates', () => {
    expect(formatRfc2822(new Date('2011-10-13T18:02:00Z'))).toBe('Thu, 13 Oct 2011 18:02:00 +0000');
    expect(formatRfc2822(new Date('2024-01-05T03:04:05Z'))).toBe('Fri, 05 Jan 2024 03:04:05 +0000');
  });

  it('passes valid RFC 2822 through and converts Date, ISO and epoch input', () => {
    const rfc: ParamType = { kind: 'date', format: 'rfc2822' };
    expect(ok(rfc, 'Thu, 13 Oct 2011 20:02:00 +0200').form).toBe('Thu, 13 Oct 2011 20:02:00 +0200');
    expect(ok(rfc, new Date('2011-10-13T18:02:00Z')).form).toBe('Thu, 13 Oct 2011 18:02:00 +0000');
    expect(ok(rfc, '2011-10-13T18:02:00Z').form).toBe('Thu, 13 Oct 2011 18:02:00 +0000');
    expect(ok(rfc, 1318528920).form).toBe('Thu, 13 Oct 2011 18:02:00 +0000');
    bad(rfc, 'next tuesday');
    bad(rfc, new Date('invalid'));
  });

  it('sends epoch dates as whole seconds', () => {
    const epoch: ParamType = { kind: 'date', format: 'epoch' };
    expect(ok(epoch, 'Thu, 13 Oct 2011 18:02:00 +0000')).toMatchObject({ form: '1318528920', json: 1318528920 });
    expect(ok(epoch, new Date('2011-10-13T18:02:00.900Z')).form).toBe('1318528920');
    expect(ok(epoch, '1318528920').form).toBe('1318528920');
    expect(ok(epoch, 1318528920.5).form).toBe('1318528920');
  });

  it('keeps "either" dates in the form they were given', () => {
    const either: ParamType = { kind: 'date', format: 'either' };
    expect(ok(either, '1318528920').form).toBe('1318528920');
    expect(ok(either, 'Thu, 13 Oct 2011 18:02:00 +0000').form).toBe('Thu, 13 Oct 2011 18:02:00 +0000');
    expect(ok(either, new Date('2011-10-13T18:02:00Z')).form).toBe('Thu, 13 Oct 2011 18:02:00 +0000');
  });
});

describe('numbers', () => {
  it('checks integers and their bounds', () => {
    const t: ParamType = { kind: 'integer', min: 1, max: 1000 };
    expect(ok(t, '25')).toMatchObject({ form: '25', json: 25 });
    expect(ok(t, 1000).form).toBe('1000');
    expect(bad(t, 0)).toMatch(/at least 1/);
    expect(bad(t, '1001')).toMatch(/at most 1000/);
    bad(t, '2.5');
    bad(t, 'ten');
    bad(t, true);
  });

  it('accepts decimals for number parameters', () => {
    expect(ok({ kind: 'number', min: 0 }, '0.5').json).toBe(0.5);
    bad({ kind: 'number', max: 1 }, 1.5);
    bad({ kind: 'number' }, 'Infinity');
  });
});

describe('booleans', () => {
  it('encodes per style and keeps a real boolean for JSON', () => {
    expect(ok({ kind: 'boolean', style: 'yes-no' }, true)).toMatchObject({ form: 'yes', json: true });
    expect(ok({ kind: 'boolean', style: 'yes-no' }, 'false')).toMatchObject({ form: 'no', json: false });
    expect(ok({ kind: 'boolean', style: 'true-false' }, 'YES')).toMatchObject({ form: 'true', json: true });
    expect(ok({ kind: 'boolean', style: 'true-false' }, false)).toMatchObject({ form: 'false', json: false });
    bad({ kind: 'boolean', style: 'yes-no' }, 'maybe');
  });
});

describe('JSON', () => {
  it('sends JSON text as typed and parses it for JSON bodies', () => {
    expect(ok({ kind: 'json' }, '{"a": 1}')).toMatchObject({ form: '{"a": 1}', json: { a: 1 } });
    expect(ok({ kind: 'json' }, { b: [1, 2] })).toMatchObject({ form: '{"b":[1,2]}', json: { b: [1, 2] } });
    expect(bad({ kind: 'json' }, '{a: 1}')).toMatch(/Not valid JSON/);
  });
});

describe('strings and other kinds', () => {
  it('validates domains, IPs and identifiers', () => {
    ok({ kind: 'string', format: 'domain' }, 'mg.example.com');
    ok({ kind: 'string', format: 'domain' }, ' sandbox123.mailgun.org ');
    bad({ kind: 'string', format: 'domain' }, 'mg example.com');
    bad({ kind: 'string', format: 'domain' }, 'a/b');
    ok({ kind: 'string', format: 'ip' }, '192.0.2.1');
    ok({ kind: 'string', format: 'ip' }, '2001:db8::1');
    bad({ kind: 'string', format: 'ip' }, '192.0.2.256');
    bad({ kind: 'string', format: 'id' }, 'has space');
  });

  it('refuses line breaks in MIME header values', () => {
    bad({ kind: 'string', format: 'mime-header' }, 'a\r\nBcc: victim@example.com');
    ok({ kind: 'string', format: 'mime-header' }, 'plain value');
  });

  it('enforces maxLength and keeps free text as typed', () => {
    bad({ kind: 'string', maxLength: 3 }, 'abcd');
    expect(ok({ kind: 'string' }, '  spaced  ').form).toBe('  spaced  ');
  });

  it('checks enums, URLs and email addresses', () => {
    ok({ kind: 'enum', values: ['yes', 'no', 'htmlonly'] }, 'htmlonly');
    bad({ kind: 'enum', values: ['yes', 'no'] }, 'YES');
    ok({ kind: 'url' }, 'https://example.com/hook');
    bad({ kind: 'url' }, 'ftp://example.com');
    bad({ kind: 'url' }, 'example.com');
    ok({ kind: 'email' }, 'Excited User <mailgun@mg.example.com>');
    ok({ kind: 'email' }, 'alice@example.com, "Bob, Jr." <bob@example.com>');
    bad({ kind: 'email' }, 'not an address');
    bad({ kind: 'email' }, 'alice@example.com\r\nBcc: x@example.com');
  });

  it('requires a file reference for files and honours maxBytes', () => {
    const file = { kind: 'file', handle: 'h1', name: 'a.csv', size: 10 } as const;
    expect(ok({ kind: 'file' }, file).form).toEqual(file);
    bad({ kind: 'file', maxBytes: 5 }, file);
    bad({ kind: 'file' }, 'a.csv');
    bad({ kind: 'string' }, file);
  });
});

describe('helpers', () => {
  it('treats blank input as empty', () => {
    expect(isEmptyInput(undefined)).toBe(true);
    expect(isEmptyInput('  ')).toBe(true);
    expect(isEmptyInput(['', ' '])).toBe(true);
    expect(isEmptyInput(0)).toBe(false);
    expect(isEmptyInput(false)).toBe(false);
  });

  it('checks header names and values', () => {
    expect(checkHeaderName('X-Campaign')).toBeUndefined();
    expect(checkHeaderName('X Campaign')).toBeDefined();
    expect(checkHeaderName('X-A\r\nB')).toBeDefined();
    expect(checkHeaderValue('ok\tvalue')).toBeUndefined();
    expect(checkHeaderValue('bad\nvalue')).toBeDefined();
    expect(checkHeaderValue('bad\u0000value')).toBeDefined();
  });

  it('parses address lists with quoted commas', () => {
    expect(isValidAddressList('"Doe, Jane" <jane@example.com>')).toBe(true);
    expect(isValidAddressList('"unterminated <jane@example.com>')).toBe(false);
  });

  it('checks catalog examples, including lists and file names', () => {
    expect(checkExample({ kind: 'email' }, true, ['a@example.com', 'b@example.com'])).toBeUndefined();
    expect(checkExample({ kind: 'email' }, false, ['a@example.com', 'b@example.com'])).toBeDefined();
    expect(checkExample({ kind: 'file' }, false, 'members.csv')).toBeUndefined();
    expect(checkExample({ kind: 'json' }, false, [{ a: 1 }])).toBeUndefined();
    expect(checkExample({ kind: 'integer', max: 10 }, false, 11)).toBeDefined();
  });
});
