import type { JsonValue, ParamType, ParamValue } from '../catalog/types';
import { formatRfc2822, readRfc2822 } from '../dates/rfc2822';

/**
 * A file chosen by the user. shared/ never sees file contents: the handle is
 * resolved to a Blob by whoever sends the request (see `resolveFile`).
 */
export interface FileRef {
  readonly kind: 'file';
  readonly handle: string;
  readonly name: string;
  readonly size: number;
}

/** One value for one parameter, as the editor or a script supplies it. */
export type ParamScalar = JsonValue | Date | FileRef;

/** Repeatable parameters take a list; everything else a single value. */
export type ParamInput = ParamScalar | readonly ParamScalar[];

/**
 * A value that passed validation, in both the shapes it can travel in:
 * `form` for query strings and form bodies, `json` for JSON bodies.
 */
export type CheckedValue =
  | { readonly ok: true; readonly form: string; readonly json: JsonValue }
  | { readonly ok: true; readonly form: FileRef; readonly json: undefined }
  | { readonly ok: false; readonly message: string };

export function isFileRef(value: unknown): value is FileRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kind === 'file' && typeof v.handle === 'string' && typeof v.name === 'string' && typeof v.size === 'number';
}

/** Absent, null, blank text and empty lists all mean "not given". */
export function isEmptyInput(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmptyInput);
  return false;
}

/** C0 controls and DEL. A tab is allowed, as header values may contain one. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

const ANY_LINE_BREAK = /[\r\n]/;

/** RFC 9110 token characters: what an HTTP or MIME header name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function checkHeaderName(name: string): string | undefined {
  if (name === '') return 'A header name cannot be empty.';
  if (!HEADER_NAME.test(name))
    return `"${printable(name)}" is not a valid header name (letters, digits and - only, no spaces or line breaks).`;
  return undefined;
}

export function checkHeaderValue(value: string): string | undefined {
  if (hasControlChars(value)) return 'Header values cannot contain line breaks or other control characters.';
  return undefined;
}

/** Shows control characters visibly so an error message can quote the bad input. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^-?\d+(?:\.\d+)?$/;

/** Reads any date form we accept (Date, epoch seconds, ISO 8601, RFC 2822) into a Date. */
function readDate(
  value: unknown,
): { date: Date; wasRfc2822: boolean; wasEpoch: boolean; offsetMinutes?: number; strict?: boolean } | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { date: value, wasRfc2822: false, wasEpoch: false };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { date: new Date(value * 1000), wasRfc2822: false, wasEpoch: true } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (EPOCH.test(text)) return { date: new Date(Number(text) * 1000), wasRfc2822: false, wasEpoch: true };
  if (ISO_DATE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : { date: new Date(ms), wasRfc2822: false, wasEpoch: false };
  }
  const parsed = readRfc2822(text);
  return parsed.ok
    ? { date: new Date(parsed.ms), wasRfc2822: true, wasEpoch: false, offsetMinutes: parsed.offsetMinutes, strict: parsed.strict }
    : undefined;
}

const DOMAIN =
  /^(?=.{1,253}\.?$)(?:\*\.)?[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIp(text: string): boolean {
  if (IPV4.test(text)) return true;
  // The URL parser validates IPv6 literals for us, including compressed and IPv4-suffixed forms.
  return text.includes(':') && /^[0-9A-Fa-f:.]+$/.test(text) && URL.canParse(`http://[${text}]/`);
}

/** A bare address: no spaces, one `@`, something on both sides. */
const ADDR_SPEC = /^[^\s@<>()",;]+@[^\s@<>()",;]+$/;

/**
 * Mailgun accepts `addr@example.com`, `Name <addr@example.com>` and
 * comma-separated lists of either; quoted display names may contain commas.
 */
export function isValidAddressList(text: string): boolean {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) return false;
  parts.push(current);
  return parts.every((part) => {
    const p = part.trim();
    if (ADDR_SPEC.test(p)) return true;
    const m = /^(?:"[^"]*"|[^<>"]*)\s*<([^<>]+)>$/.exec(p);
    return m !== null && ADDR_SPEC.test((m[1] ?? '').trim());
  });
}

function describeInput(value: unknown): string {
  if (value instanceof Date) return 'a date';
  if (isFileRef(value)) return 'a file';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `"${printable(String(value))}"`;
}

const fail = (message: string): CheckedValue => ({ ok: false, message });
const text = (form: string, json: JsonValue = form): CheckedValue => ({ ok: true, form, json });

function checkNumber(type: { min?: number; max?: number }, value: unknown, integer: boolean): CheckedValue {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
  const what = integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(n)) return fail(`Expected ${what}, got ${describeInput(value)}.`);
  if (integer && !Number.isSafeInteger(n)) return fail(`Expected ${what}, got ${describeInput(value)}.`);
  if (type.min !== undefined && n < type.min) return fail(`Must be at least ${type.min}.`);
  if (type.max !== undefined && n > type.max) return fail(`Must be at most ${type.max}.`);
  return text(String(n), n);
}

function checkBoolean(style: 'yes-no' | 'true-false', value: unknown): CheckedValue {
  let b: boolean | undefined;
  if (typeof value === 'boolean') b = value;
  else if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'yes' || t === 'true') b = true;
    else if (t === 'no' || t === 'false') b = false;
  }
  if (b === undefined) return fail(`Expected yes/no or true/false, got ${describeInput(value)}.`);
  const form = style === 'yes-no' ? (b ? 'yes' : 'no') : b ? 'true' : 'false';
  return text(form, b);
}

function checkDate(format: 'rfc2822' | 'epoch' | 'either', value: unknown): CheckedValue {
  const read = readDate(value);
  if (!read) {
    return fail(
      `Expected a date (RFC 2822 such as "Thu, 13 Oct 2011 18:02:00 +0000", epoch seconds or ISO 8601), got ${describeInput(value)}.`,
    );
  }
  const epochSeconds = Math.floor(read.date.getTime() / 1000);
  if (format === 'epoch' || (format === 'either' && read.wasEpoch)) return text(String(epochSeconds), epochSeconds);
  // A valid RFC 2822 string is sent as typed, so a non-UTC offset survives; an obsolete form is rewritten in its own offset.
  if (read.wasRfc2822 && typeof value === 'string')
    return text(read.strict ? value.trim() : formatRfc2822(read.date, read.offsetMinutes ?? 0));
  return text(formatRfc2822(read.date));
}

function checkJson(value: unknown): CheckedValue {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as JsonValue;
      return text(value.trim(), parsed);
    } catch (error) {
      return fail(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (value instanceof Date || isFileRef(value) || value === undefined || typeof value === 'function') {
    return fail(`Expected JSON, got ${describeInput(value)}.`);
  }
  try {
    return text(JSON.stringify(value), value as JsonValue);
  } catch {
    return fail('This value cannot be written as JSON.');
  }
}

function checkString(type: Extract<ParamType, { kind: 'string' }>, value: unknown): CheckedValue {
  if (typeof value !== 'string' && typeof value !== 'number') return fail(`Expected text, got ${describeInput(value)}.`);
  const raw = String(value);
  const keepAsTyped = type.format === undefined || type.format === 'text';
  const s = keepAsTyped ? raw : raw.trim();
  if (type.maxLength !== undefined && s.length > type.maxLength)
    return fail(`At most ${type.maxLength} characters (this has ${s.length}).`);
  switch (type.format) {
    case 'domain':
      if (!DOMAIN.test(s)) return fail(`"${printable(s)}" is not a domain name.`);
      break;
    case 'ip':
      if (!isIp(s)) return fail(`"${printable(s)}" is not an IPv4 or IPv6 address.`);
      break;
    case 'id':
      if (hasControlChars(s) || /\s/.test(s)) return fail('Identifiers cannot contain spaces or control characters.');
      break;
    case 'mime-header':
      if (ANY_LINE_BREAK.test(s) || hasControlChars(s))
        return fail('Header values cannot contain line breaks or other control characters.');
      break;
    default:
      break;
  }
  return text(s);
}

/** Checks one (non-list) value against a parameter type and returns it in its wire forms. */
export function checkParamValue(type: ParamType, value: unknown): CheckedValue {
  if (type.kind === 'file') {
    if (!isFileRef(value)) return fail('Choose a file.');
    if (type.maxBytes !== undefined && value.size > type.maxBytes) {
      return fail(`The file is ${value.size} bytes; the limit here is ${type.maxBytes} bytes.`);
    }
    return { ok: true, form: value, json: undefined };
  }
  if (isFileRef(value)) return fail('A file is not allowed here.');
  switch (type.kind) {
    case 'string':
      return checkString(type, value);
    case 'integer':
      return checkNumber(type, value, true);
    case 'number':
      return checkNumber(type, value, false);
    case 'boolean':
      return checkBoolean(type.style, value);
    case 'enum': {
      const s = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
      if (s === undefined || !type.values.includes(s))
        return fail(`Expected one of ${type.values.join(', ')}; got ${describeInput(value)}.`);
      return text(s);
    }
    case 'date':
      return checkDate(type.format, value);
    case 'email': {
      const s = typeof value === 'string' ? value.trim() : '';
      if (!isValidAddressList(s) || hasControlChars(s)) return fail(`${describeInput(value)} is not an email address.`);
      return text(s);
    }
    case 'url': {
      const s = typeof value === 'string' ? value.trim() : '';
      const ok = URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);
      if (!ok) return fail(`${describeInput(value)} is not an http(s) URL.`);
      return text(s);
    }
    case 'json':
      return checkJson(value);
  }
}

/**
 * Is a catalog example (or default) acceptable for its own type? Examples for
 * files are file names; list examples are checked item by item.
 */
export function checkExample(type: ParamType, repeatable: boolean, example: ParamValue): string | undefined {
  if (type.kind === 'file') {
    const names = Array.isArray(example) ? example : [example];
    if (names.length === 0) return 'A file example needs a file name.';
    if (!repeatable && names.length > 1) return 'Only one file is allowed here.';
    return names.every((n) => typeof n === 'string' && n.trim() !== '') ? undefined : 'A file example must be a file name.';
  }
  if (Array.isArray(example) && type.kind !== 'json') {
    if (!repeatable) return 'A list example is only valid for a repeatable parameter.';
    if (example.length === 0) return 'A list example cannot be empty.';
    for (const item of example) {
      const checked = checkParamValue(type, item);
      if (!checked.ok) return checked.message;
    }
    return undefined;
  }
  const checked = checkParamValue(type, example);
  return checked.ok ? undefined : checked.message;
}
