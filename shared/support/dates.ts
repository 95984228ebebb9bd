import { formatRfc2822, rfc2822ZoneOffsets } from '../request';

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Common names that are not in RFC 2822 and cannot be trusted to mean one offset. */
const AMBIGUOUS_ZONES = new Set([
  'BST',
  'IST',
  'CET',
  'CEST',
  'EET',
  'EEST',
  'WET',
  'WEST',
  'AEST',
  'AEDT',
  'JST',
  'HST',
  'AKST',
  'AKDT',
  'MSK',
  'SGT',
  'NZST',
  'NZDT',
  'ACST',
  'AWST',
  'KST',
  'HKT',
]);

const RFC2822 =
  /^(?:([A-Za-z]{3}),?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-]\d{4})|([A-Za-z]{1,5}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^-?\d+(?:\.\d+)?$/;

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** RFC 2822 in a given offset, e.g. `Tue, 11 Jun 2024 08:00:00 -0400`. */
export function formatRfc2822WithOffset(ms: number, offsetMinutes: number): string {
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const day = DAYS[shifted.getUTCDay()] ?? 'sun';
  const month = MONTHS[shifted.getUTCMonth()] ?? 'jan';
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(day)}, ${pad(shifted.getUTCDate())} ${cap(month)} ${shifted.getUTCFullYear()} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())} ${offsetText(offsetMinutes)}`;
}

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
  const m = RFC2822.exec(text);
  if (!m) return null;
  const [, weekday, dayText, monthText, yearText, hourText, minuteText, secondText, numericZone, namedZone] = m;
  const month = MONTHS.indexOf((monthText ?? '').toLowerCase());
  if (month < 0) return null;
  const warnings: string[] = [];
  let year = Number(yearText);
  if ((yearText ?? '').length === 2) {
    year += year < 50 ? 2000 : 1900;
    warnings.push(`The two-digit year was read as ${year}; write all four digits.`);
  } else if ((yearText ?? '').length === 3) {
    return failure('The year has three digits.', 'Write the year with four digits, e.g. 2024.');
  }
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (!validCalendar(year, month, day, hour, minute, second)) {
    return failure('That date or time does not exist.', 'Check the day of the month and that the time is between 00:00:00 and 23:59:59.');
  }
  let offsetMinutes: number;
  if (numericZone !== undefined) {
    const hh = Number(numericZone.slice(1, 3));
    const mm = Number(numericZone.slice(3, 5));
    if (hh > 23 || mm > 59) return failure(`${numericZone} is not a valid offset.`, 'Use +hhmm or -hhmm, e.g. +0000 or -0500.');
    offsetMinutes = (numericZone.startsWith('-') ? -1 : 1) * (hh * 60 + mm);
  } else if (namedZone === undefined) {
    return failure('The date has no time zone.', 'Add a numeric offset such as +0000; Mailgun needs one to know the moment you mean.');
  } else {
    const name = namedZone.toUpperCase();
    const defined = rfc2822ZoneOffsets[name];
    if (defined === undefined) {
      const why = AMBIGUOUS_ZONES.has(name)
        ? `"${name}" is used for more than one offset and is not part of RFC 2822`
        : `"${name}" is not a time zone RFC 2822 knows`;
      return failure(`${why}, so the moment is unclear.`, 'Write the offset as numbers instead, e.g. +0100 or -0500.');
    }
    offsetMinutes = defined;
    if (!['UT', 'UTC', 'GMT', 'Z'].includes(name)) {
      warnings.push(
        `"${name}" was read as ${offsetText(defined)}. Abbreviated zone names are easy to get wrong (daylight saving, other countries using the same letters); write ${offsetText(defined)} instead.`,
      );
    } else if (name !== 'UT') {
      warnings.push(`"${name}" was read as +0000; the numeric form +0000 is what Mailgun expects and answers with.`);
    }
  }
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000;
  if (weekday !== undefined) {
    const expected = DAYS[new Date(Date.UTC(year, month, day)).getUTCDay()];
    if (weekday.toLowerCase() !== expected) {
      warnings.push(
        `The weekday says ${weekday} but that date is a ${formatRfc2822WithOffset(Date.UTC(year, month, day), 0).slice(0, 3)}; the date was kept and the weekday ignored.`,
      );
    }
  }
  return { ms, detected: 'rfc2822', offsetMinutes, warnings };
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
      rfc2822Original: offsetMinutes !== null && offsetMinutes !== 0 ? formatRfc2822WithOffset(ms, offsetMinutes) : null,
      iso8601: date.toISOString(),
      warnings,
    },
  };
}
