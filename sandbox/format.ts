import { randomBytes, randomUUID } from 'node:crypto';
import { formatRfc2822, readRfc2822 } from '../shared/dates/rfc2822';
import { badRequest } from './errors';

/**
 * Formats and small parsers Mailgun's answers rely on. Mailgun writes dates
 * several ways depending on the resource, so each style is named here once.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `Tue, 03 Feb 2026 09:15:00 <zone>` in UTC; suffix is `UTC`, `GMT` or `-0000` depending on the resource. */
export function rfc2822(ms: number, zone: 'UTC' | 'GMT' | '-0000' | '+0000' = 'UTC'): string {
  return zone === '+0000' ? formatRfc2822(ms) : formatRfc2822(ms, 0, zone);
}

/** Tags use Go's default time format: `2026-02-03 09:15:00 +0000 UTC`. */
export function goTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 UTC`;
}

/** Keys use ISO without zone: `2026-02-03T09:15:00`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * Accepts what Mailgun documents for date parameters: RFC 2822 text or epoch
 * seconds (fractions allowed). Returns milliseconds, or null when unreadable or
 * when the text names no single moment (no zone, an ambiguous zone name).
 */
export function parseDate(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 100) return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
  }
  const read = readRfc2822(trimmed);
  return read.ok ? read.ms : null;
}

export function compactTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** Message ids look like `20260102120000.1.5F0A3B2C9D1E4F60@domain`. */
export function messageId(ms: number, sequence: number, domain: string): string {
  return `${compactTimestamp(ms)}.${sequence}.${randomBytes(8).toString('hex').toUpperCase()}@${domain}`;
}

/** Event ids are 22 url-safe characters. */
export function eventId(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

/** Domains, routes and similar objects use 24 hex characters. */
export function hexId(): string {
  return randomBytes(12).toString('hex');
}

export function uuid(): string {
  return randomUUID();
}

const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isBareAddress(value: string): boolean {
  return value.length <= 320 && ADDRESS.test(value);
}

export function isHostname(value: string): boolean {
  return HOSTNAME.test(value);
}

export function domainOfAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Splits a header-style list on commas outside quotes and angle brackets. */
export function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if (ch === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The bare address from `Name <a@b.c>` or `a@b.c`; null when it is not an address. */
export function extractAddress(value: string): string | null {
  const trimmed = value.trim();
  const angle = /<([^<>]*)>\s*$/.exec(trimmed);
  const candidate = (angle ? angle[1] : trimmed)?.trim() ?? '';
  return isBareAddress(candidate) ? candidate : null;
}

/** Mailgun form booleans: `yes`/`no`, `true`/`false`; anything else is refused. */
export function parseFlag(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === 'yes' || lower === 'true') return true;
  if (lower === 'no' || lower === 'false') return false;
  return badRequest(`Invalid boolean value for '${name}': ${value.slice(0, 40)}`);
}

export function parseIntParam(
  value: string | undefined,
  name: string,
  options: { min: number; max: number; fallback: number; tooLarge?: string },
): number {
  if (value === undefined || value.trim() === '') return options.fallback;
  const trimmed = value.trim();
  if (!/^-?\d{1,12}$/.test(trimmed)) return badRequest(`Invalid value for '${name}': expected an integer`);
  const n = Number(trimmed);
  if (n > options.max) return badRequest(options.tooLarge ?? `'${name}' must be ${options.max} or less`);
  if (n < options.min) return badRequest(`The '${name}' parameter can't be smaller than ${options.min}`);
  return n;
}
