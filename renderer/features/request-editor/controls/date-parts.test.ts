import { describe, expect, it } from 'vitest';
import { parseRfc2822 } from '../../../../shared/request';
import { composeRfc2822, epochToLocal, isValidOffset, localToEpoch, nowParts, splitRfc2822 } from './date-parts';

describe('date parts', () => {
  it('composes RFC 2822 text with the weekday of the wall-clock date and the chosen offset', () => {
    const text = composeRfc2822({ local: '2011-10-14T12:00', offset: '+0200' });
    expect(text).toBe('Fri, 14 Oct 2011 12:00:00 +0200');
    expect(parseRfc2822(text ?? '')?.toISOString()).toBe('2011-10-14T10:00:00.000Z');
  });

  it('refuses impossible dates and malformed offsets', () => {
    expect(composeRfc2822({ local: '2023-02-30T10:00', offset: '+0000' })).toBeUndefined();
    expect(composeRfc2822({ local: '2023-02-03T10:00', offset: '0000' })).toBeUndefined();
    expect(isValidOffset('+2400')).toBe(false);
    expect(isValidOffset('-0930')).toBe(true);
  });

  it('splits text back into picker parts', () => {
    expect(splitRfc2822('Thu, 13 Oct 2011 18:02:05 -0500')).toEqual({ local: '2011-10-13T18:02:05', offset: '-0500' });
    expect(splitRfc2822('13 Oct 2011 18:02 +0000')).toEqual({ local: '2011-10-13T18:02', offset: '+0000' });
    expect(splitRfc2822('Thu, 13 Oct 2011 18:02:00 GMT')).toBeUndefined();
  });

  it('gives the current time at an offset', () => {
    expect(nowParts(new Date('2024-01-01T23:30:00Z'), '+0100')).toEqual({ local: '2024-01-02T00:30', offset: '+0100' });
  });

  it('round-trips epoch seconds through a UTC picker value', () => {
    expect(epochToLocal(1318514520)).toBe('2011-10-13T14:02');
    expect(localToEpoch('2011-10-13T14:02')).toBe(1318514520);
  });
});
