import type { JsonValue } from '../shared/catalog/types';
import { rfc2822 } from './format';

/**
 * Catalog examples were written on fixed days (2024, 2025). Answered as they
 * are, they contradict the sandbox's clock ("paused until Tue, 11 Jun 2024"
 * in 2026), so every date in an example is moved by one offset that puts the
 * example's latest date at "now", keeping the distances between its dates
 * and each date's own format.
 */

const RFC2822 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (UTC|GMT|[+-]0000)$/;
const ISO = /^(\d{4}-\d{2}-\d{2})([T ])(\d{2}:\d{2}:\d{2})(\.\d+)?(Z| ?[+-]\d{2}:?\d{2}(?: UTC)?)?$/;
/** Epoch seconds (or milliseconds) in fields named like timestamps, within 2015..2035. */
const TIME_KEY = /(^|_|-)(timestamp|time|at|date|start|end|created|updated)$/i;
const MIN_SECONDS = 1_420_070_400;
const MAX_SECONDS = 2_051_222_400;

type DateForm =
  | { readonly kind: 'rfc2822'; readonly zone: string }
  | { readonly kind: 'iso'; readonly separator: string; readonly fraction: string; readonly zone: string }
  | { readonly kind: 'seconds' | 'millis' };

type Found = { ms: number; form: DateForm };

function readString(value: string): Found | null {
  const rfc = RFC2822.exec(value);
  if (rfc) {
    const ms = Date.parse(value.replace(/ UTC$/, ' GMT'));
    return Number.isNaN(ms) ? null : { ms, form: { kind: 'rfc2822', zone: rfc[1] ?? 'UTC' } };
  }
  const iso = ISO.exec(value);
  if (iso) {
    const zone = iso[5] ?? '';
    // Only UTC forms are moved; an offset other than zero would need its own arithmetic for no gain.
    if (zone !== '' && !/^(Z| ?[+-]00:?00( UTC)?)$/.test(zone)) return null;
    const ms = Date.parse(`${iso[1]}T${iso[3]}${iso[4] ?? ''}Z`);
    return Number.isNaN(ms) ? null : { ms, form: { kind: 'iso', separator: iso[2] ?? 'T', fraction: iso[4] ?? '', zone } };
  }
  return null;
}

function readNumber(key: string | undefined, value: number): Found | null {
  if (key === undefined || !TIME_KEY.test(key) || !Number.isFinite(value)) return null;
  if (value >= MIN_SECONDS && value <= MAX_SECONDS) return { ms: value * 1000, form: { kind: 'seconds' } };
  if (value >= MIN_SECONDS * 1000 && value <= MAX_SECONDS * 1000) return { ms: value, form: { kind: 'millis' } };
  return null;
}

function write(ms: number, form: DateForm, original: number | string): JsonValue {
  switch (form.kind) {
    case 'rfc2822':
      return rfc2822(ms, form.zone as Parameters<typeof rfc2822>[1]);
    case 'iso': {
      const iso = new Date(ms).toISOString();
      const fraction = form.fraction === '' ? '' : `.${iso.slice(20, 23).padEnd(form.fraction.length - 1, '0')}`;
      return `${iso.slice(0, 10)}${form.separator}${iso.slice(11, 19)}${fraction}${form.zone}`;
    }
    case 'seconds':
      return Number.isInteger(original) ? Math.round(ms / 1000) : ms / 1000;
    case 'millis':
      return Math.round(ms);
  }
}

function visit(value: JsonValue, key: string | undefined, each: (found: Found, original: number | string) => JsonValue): JsonValue {
  if (typeof value === 'string' || typeof value === 'number') {
    const found = typeof value === 'string' ? readString(value) : readNumber(key, value);
    return found ? each(found, value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => visit(item, key, each));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = visit(v as JsonValue, k, each);
    return out;
  }
  return value;
}

export function rebaseExampleDates(body: JsonValue, now: number): JsonValue {
  let latest = Number.NEGATIVE_INFINITY;
  visit(body, undefined, (found, original) => {
    latest = Math.max(latest, found.ms);
    return original;
  });
  if (!Number.isFinite(latest)) return body;
  // Whole seconds, so second-precision formats stay exact.
  const shift = Math.floor((now - latest) / 1000) * 1000;
  return visit(body, undefined, (found, original) => write(found.ms + shift, found.form, original));
}
