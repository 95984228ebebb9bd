/**
 * RFC 2822 dates (`Thu, 13 Oct 2011 18:02:00 +0000`), read and written in one
 * place for request validation, the date tool, the response viewer and the
 * sandbox. Everything is computed in UTC from the offset the text states, so
 * the host's time zone never matters. The obsolete forms RFC 2822 keeps for
 * reading (two-digit years, zone names, lower case, no space after the comma,
 * one-digit hours) are accepted with a warning where they could mislead; a
 * date without a zone, or with a zone name that means several offsets, is refused.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** The zone names RFC 2822 defines (plus UTC, which Mailgun itself writes), in minutes east of UTC. */
export const rfc2822ZoneOffsets: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** Common names that are not in RFC 2822 and stand for more than one offset around the world. */
const AMBIGUOUS_ZONES: ReadonlySet<string> = new Set([
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

const PATTERN =
  /^(?:([A-Za-z]{3})\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4})|\s+([A-Za-z]{1,5}))?$/;

export interface ParsedRfc2822 {
  readonly ok: true;
  /** Epoch milliseconds. */
  readonly ms: number;
  /** The offset the text states, minutes east of UTC. */
  readonly offsetMinutes: number;
  /** True when the text is in the current form (four-digit year, numeric zone or UT/GMT, two-digit hour). */
  readonly strict: boolean;
  readonly warnings: readonly string[];
}

export interface Rfc2822Failure {
  readonly ok: false;
  readonly message: string;
  readonly hint: string;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function fail(message: string, hint: string): Rfc2822Failure {
  return { ok: false, message, hint };
}

/** Reads RFC 2822 text, saying why when it cannot, and what it assumed when the form is obsolete. */
export function readRfc2822(input: string): ParsedRfc2822 | Rfc2822Failure {
  const text = input.trim().replace(/\s+/g, ' ');
  const m = PATTERN.exec(text);
  if (!m) return fail('This is not an RFC 2822 date.', 'Write it like Thu, 13 Oct 2011 18:02:00 +0000.');
  const [, weekday, dayText = '', monthText = '', yearText = '', hourText = '', minuteText = '', secondText, numericZone, namedZone] = m;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === monthText.toLowerCase());
  if (month < 0) return fail(`"${monthText}" is not a month.`, 'Use the English three-letter month, e.g. Oct.');
  const warnings: string[] = [];
  let strict = yearText.length === 4 && hourText.length === 2;
  let year = Number(yearText);
  if (yearText.length === 2) {
    // RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999.
    year += year < 50 ? 2000 : 1900;
    warnings.push(`The two-digit year was read as ${year}; write all four digits.`);
  } else if (yearText.length === 3) {
    return fail('The year has three digits.', 'Write the year with four digits, e.g. 2024.');
  }
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60)
    return fail('That date or time does not exist.', 'Check the day of the month and that the time is between 00:00:00 and 23:59:59.');
  let offsetMinutes: number;
  if (numericZone !== undefined) {
    const hh = Number(numericZone.slice(1, 3));
    const mm = Number(numericZone.slice(3, 5));
    if (hh > 23 || mm > 59) return fail(`${numericZone} is not a valid offset.`, 'Use +hhmm or -hhmm, e.g. +0000 or -0500.');
    offsetMinutes = (numericZone.startsWith('-') ? -1 : 1) * (hh * 60 + mm);
  } else if (namedZone === undefined) {
    return fail('The date has no time zone.', 'Add a numeric offset such as +0000; without one the moment is unknown.');
  } else {
    const name = namedZone.toUpperCase();
    const defined = rfc2822ZoneOffsets[name];
    if (defined === undefined) {
      const why = AMBIGUOUS_ZONES.has(name)
        ? `"${name}" is used for more than one offset and is not part of RFC 2822`
        : `"${name}" is not a time zone RFC 2822 knows`;
      return fail(`${why}, so the moment is unclear.`, 'Write the offset as numbers instead, e.g. +0100 or -0500.');
    }
    offsetMinutes = defined;
    if (name !== 'UT' && name !== 'GMT') strict = false;
    if (defined === 0 && name !== 'UT')
      warnings.push(`"${name}" was read as +0000; the numeric form +0000 is what Mailgun expects and answers with.`);
    if (defined !== 0)
      warnings.push(
        `"${name}" was read as ${offsetText(defined)}. Zone names are easy to get wrong (daylight saving, other countries using the same letters); write ${offsetText(defined)} instead.`,
      );
  }
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000;
  if (weekday !== undefined) {
    const expected = DAYS[new Date(Date.UTC(year, month, day)).getUTCDay()] ?? '';
    if (weekday.toLowerCase() !== expected.toLowerCase())
      warnings.push(`The weekday says ${weekday} but that date is a ${expected}; the date was kept and the weekday ignored.`);
  }
  return { ok: true, ms, offsetMinutes, strict, warnings };
}

/** The moment an RFC 2822 date names, or undefined when it cannot be read or names no single moment. */
export function parseRfc2822(text: string): Date | undefined {
  const read = readRfc2822(text);
  return read.ok ? new Date(read.ms) : undefined;
}

/**
 * Writes a moment the way Mailgun does: `Thu, 13 Oct 2011 18:02:00 +0000`, or in another offset
 * (`-0400`) when one is given. `zone` replaces the numeric offset with a UTC name some Mailgun resources use.
 */
export function formatRfc2822(moment: Date | number, offsetMinutes = 0, zone?: 'UTC' | 'GMT' | '-0000'): string {
  const ms = typeof moment === 'number' ? moment : moment.getTime();
  const shifted = new Date(ms + (zone ? 0 : offsetMinutes) * 60_000);
  return `${DAYS[shifted.getUTCDay()]}, ${pad(shifted.getUTCDate())} ${MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())} ${zone ?? offsetText(offsetMinutes)}`;
}
