import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRfc2822, offsetText, parseRfc2822, readRfc2822, rfc2822ZoneOffsets } from './rfc2822';

/** Whole seconds from 1970 to 2099: the range Mailgun dates live in. */
const moments = fc.integer({ min: 0, max: 4_102_444_799 }).map((s) => s * 1000);
/** Every offset a numeric zone can write, -23:59 to +23:59. */
const offsets = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

function read(text: string) {
  const result = readRfc2822(text);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result;
}

describe('RFC 2822 properties', () => {
  it('reads back what it writes, in any offset, as the same moment and offset', () => {
    fc.assert(
      fc.property(moments, offsets, (ms, offset) => {
        const text = formatRfc2822(ms, offset);
        const back = read(text);
        expect(back.ms).toBe(ms);
        expect(back.offsetMinutes).toBe(offset);
        expect(back.strict).toBe(true);
        expect(back.warnings).toEqual([]);
        expect(formatRfc2822(back.ms, back.offsetMinutes)).toBe(text);
      }),
    );
  });

  it('writes one moment in different offsets that all read as that moment', () => {
    fc.assert(
      fc.property(moments, offsets, offsets, (ms, a, b) => {
        expect(read(formatRfc2822(ms, a)).ms).toBe(read(formatRfc2822(ms, b)).ms);
      }),
    );
  });

  it('reads every obsolete zone name as its numeric offset', () => {
    fc.assert(
      fc.property(moments, fc.constantFrom(...Object.keys(rfc2822ZoneOffsets)), (ms, name) => {
        const offset = rfc2822ZoneOffsets[name] as number;
        const numeric = formatRfc2822(ms, offset);
        const named = `${numeric.slice(0, -5)}${name}`;
        expect(read(named).ms).toBe(ms);
        expect(read(named).offsetMinutes).toBe(offset);
      }),
    );
  });

  it('never depends on the host time zone', () => {
    const before = process.env.TZ;
    try {
      const results = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'].map((tz) => {
        process.env.TZ = tz;
        return [parseRfc2822('Thu, 13 Oct 2011 18:02:00 +0200')?.getTime(), formatRfc2822(Date.UTC(2011, 9, 13, 16, 2), 120)];
      });
      for (const r of results) expect(r).toEqual([Date.UTC(2011, 9, 13, 16, 2), 'Thu, 13 Oct 2011 18:02:00 +0200']);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('where the old parsers disagreed', () => {
  const moment = Date.UTC(2011, 9, 13, 18, 2);

  it('lower-case day, month and zone names', () => {
    expect(read('thu, 13 oct 2011 18:02:00 gmt').ms).toBe(moment);
    expect(read('THU, 13 OCT 2011 18:02:00 +0000').ms).toBe(moment);
  });

  it('one-digit hours, read but not sent as typed', () => {
    const r = read('Thu, 13 Oct 2011 8:02:00 -1000');
    expect(r.ms).toBe(moment);
    expect(r.strict).toBe(false);
  });

  it('no space after the comma', () => {
    expect(read('Thu,13 Oct 2011 18:02:00 +0000').ms).toBe(moment);
  });

  it('two-digit years, with the RFC 2822 century rule and a warning', () => {
    const r = read('13 Oct 11 18:02:00 +0000');
    expect(r.ms).toBe(moment);
    expect(r.warnings[0]).toMatch(/read as 2011/);
    expect(new Date(read('13 Oct 99 18:02:00 +0000').ms).getUTCFullYear()).toBe(1999);
    expect(readRfc2822('13 Oct 011 18:02:00 +0000').ok).toBe(false);
  });

  it('refuses a date without a zone and warns about ambiguous zone names', () => {
    expect(readRfc2822('Thu, 13 Oct 2011 18:02:00')).toMatchObject({ ok: false, message: 'The date has no time zone.' });
    expect(readRfc2822('Thu, 13 Oct 2011 18:02:00 IST')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than one offset/),
    });
    expect(read('Thu, 13 Oct 2011 14:02:00 EDT').warnings[0]).toMatch(/"EDT" was read as -0400/);
  });

  it('writes offsets with their sign and padding', () => {
    expect([offsetText(0), offsetText(-300), offsetText(330), offsetText(-59)]).toEqual(['+0000', '-0500', '+0530', '-0059']);
  });
});
