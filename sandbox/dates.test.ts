import { describe, expect, it } from 'vitest';
import { parseDate } from './format';

describe('sandbox date parameters', () => {
  it('refuses an RFC 2822 date without a zone instead of reading it in the host time zone', () => {
    expect(parseDate('Thu, 13 Oct 2011 18:02:00')).toBeNull();
  });

  it('reads the same moment whatever the host time zone, and takes epoch seconds', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Australia/Adelaide']) {
        process.env.TZ = tz;
        expect(parseDate('thu,13 oct 2011 18:02:00 +0100')).toBe(Date.UTC(2011, 9, 13, 17, 2));
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(parseDate('1318528920.5')).toBe(1318528920500);
  });
});
