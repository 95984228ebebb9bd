/**
 * The date control edits a wall-clock time plus a numeric UTC offset and writes
 * them as RFC 2822 text, e.g. `Fri, 14 Oct 2011 12:00:00 +0200`. Keeping the
 * offset the user chose (rather than converting to UTC) is what Mailgun shows back.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface DateParts {
  /** `YYYY-MM-DDTHH:mm`, the value of an `<input type="datetime-local">`. */
  readonly local: string;
  /** `+HHMM` or `-HHMM`. */
  readonly offset: string;
}

const OFFSET = /^[+-](?:[01]\d|2[0-3])[0-5]\d$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const RFC2822_PARTS =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4})$/;

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

export function isValidOffset(offset: string): boolean {
  return OFFSET.test(offset);
}

/** Composes RFC 2822 text; undefined while either part is incomplete. */
export function composeRfc2822(parts: DateParts): string | undefined {
  const m = LOCAL.exec(parts.local);
  if (!m || !isValidOffset(parts.offset)) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const year = Number(y);
  const month = Number(mo) - 1;
  const day = Number(d);
  const wall = new Date(Date.UTC(year, month, day));
  if (wall.getUTCMonth() !== month) return undefined;
  return `${DAYS[wall.getUTCDay()]}, ${pad(day)} ${MONTHS[month]} ${year} ${h}:${mi}:${s ?? '00'} ${parts.offset}`;
}

/** Splits RFC 2822 text with a numeric offset back into parts; undefined for anything else. */
export function splitRfc2822(text: string): DateParts | undefined {
  const m = RFC2822_PARTS.exec(text.trim());
  if (!m) return undefined;
  const [, d, mon, y, h, mi, s, offset] = m;
  const month = MONTHS.indexOf(mon as (typeof MONTHS)[number]) + 1;
  const seconds = s && s !== '00' ? `:${s}` : '';
  return { local: `${y}-${pad(month)}-${pad(d ?? '')}T${h}:${mi}${seconds}`, offset: offset ?? '+0000' };
}

/** The offset of this machine's zone at a given moment, as `+HHMM`. */
export function localOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The current wall-clock time at the given offset, as a datetime-local value. */
export function nowParts(now: Date, offset: string): DateParts {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const shifted = new Date(now.getTime() + minutes * 60_000);
  const local = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  return { local, offset };
}

/** Epoch seconds to and from a UTC datetime-local value. */
export function epochToLocal(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function localToEpoch(local: string): number | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
