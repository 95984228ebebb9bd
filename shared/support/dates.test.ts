import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRfc2822 as formatRfc2822WithOffset } from '../dates/rfc2822';
import { convertDate } from './dates';

function ok(input: string) {
  const result = convertDate(input);
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result.value;
}

describe('convertDate', () => {
  it('reads epoch seconds, milliseconds, ISO 8601 and RFC 2822 as the same moment', () => {
    const moment = { epochSeconds: 1718100000, iso8601: '2024-06-11T10:00:00.000Z', rfc2822: 'Tue, 11 Jun 2024 10:00:00 +0000' };
    expect(ok('1718100000')).toMatchObject({ detected: 'epoch-seconds', ...moment, warnings: [] });
    expect(ok('1718100000000')).toMatchObject({ detected: 'epoch-milliseconds', ...moment });
    expect(ok('1718100000000').warnings[0]).toContain('milliseconds');
    expect(ok('2024-06-11T10:00:00Z')).toMatchObject({ detected: 'iso8601', ...moment, warnings: [] });
    expect(ok('2024-06-11T12:00:00+02:00')).toMatchObject({ ...moment, rfc2822Original: 'Tue, 11 Jun 2024 12:00:00 +0200' });
    expect(ok('Tue, 11 Jun 2024 10:00:00 +0000')).toMatchObject({ detected: 'rfc2822', ...moment, warnings: [], rfc2822Original: null });
    expect(ok('11 Jun 2024 06:00:00 -0400')).toMatchObject({ ...moment, rfc2822Original: 'Tue, 11 Jun 2024 06:00:00 -0400' });
  });

  it('warns about zone names and reads the defined ones', () => {
    const est = ok('Tue, 11 Jun 2024 05:00:00 EST');
    expect(est.epochSeconds).toBe(1718100000);
    expect(est.warnings[0]).toMatch(/"EST" was read as -0500/);
    expect(ok('Tue, 11 Jun 2024 10:00:00 GMT').warnings[0]).toContain('+0000');
    expect(ok('Tue, 11 Jun 2024 10:00:00 UT').warnings).toEqual([]);
  });

  it('refuses names that mean several offsets, and dates without a zone', () => {
    const cet = convertDate('Tue, 11 Jun 2024 10:00:00 CET');
    expect(cet).toMatchObject({ ok: false, hint: expect.stringContaining('+0100') });
    expect(convertDate('Tue, 11 Jun 2024 10:00:00 IST')).toMatchObject({
      ok: false,
      message: expect.stringContaining('more than one offset'),
    });
    expect(convertDate('Tue, 11 Jun 2024 10:00:00')).toMatchObject({ ok: false, message: 'The date has no time zone.' });
  });

  it('notices wrong weekdays, missing offsets and impossible dates', () => {
    expect(ok('Mon, 11 Jun 2024 10:00:00 +0000').warnings[0]).toContain('Tue');
    expect(ok('2024-06-11T10:00:00').warnings[0]).toContain('read as UTC');
    expect(convertDate('Fri, 31 Feb 2024 10:00:00 +0000')).toMatchObject({ ok: false });
    expect(convertDate('2024-13-01')).toMatchObject({ ok: false });
    expect(convertDate('next tuesday')).toMatchObject({ ok: false });
    expect(convertDate('  ')).toMatchObject({ ok: false });
  });

  it('round-trips any second through every form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (seconds, offset) => {
        const asRfc = formatRfc2822WithOffset(seconds * 1000, offset);
        expect(ok(asRfc).epochSeconds).toBe(seconds);
        const value = ok(String(seconds));
        expect(ok(value.rfc2822).epochSeconds).toBe(seconds);
        expect(ok(value.iso8601).epochSeconds).toBe(seconds);
      }),
    );
  });
});
