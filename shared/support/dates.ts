import { formatRfc2822, readRfc2822 } from '../dates/rfc2822';

/**
 * Converting between the date forms Mailgun uses: RFC 2822 with a numeric
 * offset (Events `begin`/`end`, `o:deliverytime`), epoch seconds (Events,
 * webhook timestamps) and ISO 8601 (what most code produces). Zone names
 * such as EST are accepted but flagged: outside the handful RFC 2822 defines,
 * a name can mean several offsets, and even the defined ones ignore daylight
 * saving when written by hand.
 */

export type DateForm = 'rfc2822' | 'iso8601' | 'epoch-seconds' | 'epoch-milliseconds';

export interface DateConversion {
  readonly input: string;
  readonly detected: DateForm;
  readonly epochSeconds: number;
  readonly epochMilliseconds: number;
  /** Always in UTC with `+0000`, the form Mailgun answers with. */
  readonly rfc2822: string;
  /** RFC 2822 kept in the input's own offset, when it had one other than UTC. */
  readonly rfc2822Original: string | null;
  readonly iso8601: string;
  readonly warnings: readonly string[];
}

export type DateConversionResult =
  | { readonly ok: true; readonly value: DateConversion }
  | { readonly ok: false; readonly message: string; readonly hint: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^-?\d+(?:\.\d+)?$/;

function failure(message: string, hint: string): DateConversionResult {
  return { ok: false, message, hint };
}

function validCalendar(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60;
}

interface Parsed {
  readonly ms: number;
  readonly detected: DateForm;
  readonly offsetMinutes: number | null;
  readonly warnings: string[];
}

function parseRfc(text: string): Parsed | DateConversionResult | null {
  // Only text that starts like an RFC 2822 date (a weekday or a day number, then a month name) is read as one.
  if (!/^(?:[A-Za-z]{3}\s*,\s*)?\d{1,2}\s+[A-Za-z]{3}\b/.test(text)) return null;
  const read = readRfc2822(text);
  if (!read.ok) return failure(read.message, read.hint);
  return { ms: read.ms, detected: 'rfc2822', offsetMinutes: read.offsetMinutes, warnings: [...read.warnings] };
}

function parseIso(text: string): Parsed | DateConversionResult | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const year = Number(y);
  const month = Number(mo) - 1;
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 0 || month > 11 || !validCalendar(year, month, day, hour, minute, second)) {
    return failure('That date or time does not exist.', 'Check the month, the day of the month and the time.');
  }
  const warnings: string[] = [];
  let offsetMinutes = 0;
  if (zone === undefined) {
    warnings.push('No offset was given, so the time was read as UTC. Add Z or an offset such as +02:00 to be explicit.');
  } else if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const hh = Number(digits.slice(1, 3));
    const mm = Number(digits.slice(3, 5));
    if (hh > 23 || mm > 59) return failure(`${zone} is not a valid offset.`, 'Use Z or ±hh:mm, e.g. +02:00.');
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (hh * 60 + mm);
  }
  const millis = fraction === undefined ? 0 : Math.round(Number(`0${fraction}`) * 1000);
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis) - offsetMinutes * 60_000;
  return { ms, detected: 'iso8601', offsetMinutes: zone === undefined ? null : offsetMinutes, warnings };
}

function parseEpoch(text: string): Parsed | null {
  if (!EPOCH.test(text)) return null;
  const value = Number(text);
  const warnings: string[] = [];
  const integerDigits = text.replace(/^-/, '').split('.')[0]?.length ?? 0;
  // Thirteen digits is milliseconds for any date between 2001 and 2286; seconds that large would be in the far future.
  if (integerDigits >= 13) {
    warnings.push('This looks like epoch milliseconds, so it was divided by 1000. Mailgun takes epoch seconds.');
    return { ms: value, detected: 'epoch-milliseconds', offsetMinutes: null, warnings };
  }
  return { ms: value * 1000, detected: 'epoch-seconds', offsetMinutes: null, warnings };
}

/** Reads a date in any of the accepted forms and gives it back in all of them. */
export function convertDate(input: string): DateConversionResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return failure('Enter a date.', 'For example 1718100000, 2024-06-11T10:00:00Z or Tue, 11 Jun 2024 10:00:00 +0000.');
  const parsed = parseEpoch(text) ?? parseIso(text) ?? parseRfc(text);
  if (parsed === null) {
    return failure(
      'This is not a date in a form the tools know.',
      'Use epoch seconds (1718100000), ISO 8601 (2024-06-11T10:00:00Z) or RFC 2822 (Tue, 11 Jun 2024 10:00:00 +0000).',
    );
  }
  if ('ok' in parsed) return parsed;
  const { ms, detected, offsetMinutes, warnings } = parsed;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return failure('That moment is out of range.', 'Check the number of digits.');
  const date = new Date(ms);
  if (date.getUTCFullYear() < 1970) warnings.push('The date is before 1970; Mailgun keeps no data that old.');
  if (date.getUTCFullYear() > 2100) warnings.push('The date is after 2100; check the number of digits.');
  if (ms % 1000 !== 0) warnings.push('Mailgun dates carry whole seconds; the fraction is dropped in the RFC 2822 form.');
  return {
    ok: true,
    value: {
      input,
      detected,
      epochSeconds: ms / 1000,
      epochMilliseconds: ms,
      rfc2822: formatRfc2822(date),
      rfc2822Original: offsetMinutes !== null && offsetMinutes !== 0 ? formatRfc2822(ms, offsetMinutes) : null,
      iso8601: date.toISOString(),
      warnings,
    },
  };
}
