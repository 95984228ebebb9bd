import { AppFailure } from '../../shared/errors';

/**
 * Every API key main has seen (read from or written to the keychain), and
 * the forms it travels in: as typed, URL-encoded, and the Base64 `api:KEY`
 * of a Basic Authorization header. Anything that crosses the bridge or is
 * written to disk goes through `deep`/`text`/`bytes` first, so a server
 * echoing the key back, or a user pasting it into a field, never puts it in
 * front of the renderer or into a file.
 */
export const REDACTED = '[redacted]';

export interface Redactor {
  /** Adds a key (and its derived forms) to the set that is scrubbed. */
  learn(key: string | null | undefined): void;
  /** Every form of every known key, longest first. */
  secrets(): readonly string[];
  /** Whether the value holds any known key in any form. */
  contains(value: unknown): boolean;
  text(value: string): string;
  bytes(value: Uint8Array): Uint8Array;
  /** A copy with every string (keys of objects too) and byte array scrubbed; unchanged parts are shared, not copied. */
  deep<T>(value: T): T;
  error(error: unknown): unknown;
}

/** The forms a key takes on the wire: itself, URL-encoded, and Base64 of `api:KEY` (the Basic credentials). */
export function keyForms(key: string): string[] {
  const forms = new Set([key, encodeURIComponent(key), Buffer.from(`api:${key}`, 'utf8').toString('base64')]);
  return [...forms];
}

export function createRedactor(initial: readonly string[] = []): Redactor {
  const known = new Set<string>();
  let sorted: string[] = [];

  function learn(key: string | null | undefined): void {
    if (!key) return;
    let added = false;
    for (const form of keyForms(key)) {
      if (!known.has(form)) {
        known.add(form);
        added = true;
      }
    }
    // Longest first, so a key that contains another known key is replaced whole.
    if (added) sorted = [...known].sort((a, b) => b.length - a.length);
  }
  for (const key of initial) learn(key);

  function text(value: string): string {
    let out = value;
    for (const secret of sorted) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
    return out;
  }

  function bytes(value: Uint8Array): Uint8Array {
    if (sorted.length === 0) return value;
    const buffer = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    if (!sorted.some((secret) => buffer.includes(secret))) return value;
    // latin1 maps bytes one to one, so binary content survives the round trip.
    return new Uint8Array(Buffer.from(text(buffer.toString('latin1')), 'latin1'));
  }

  function deep<T>(value: T): T {
    if (sorted.length === 0) return value;
    return walk(value, 0) as T;
  }

  function walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return text(value);
    if (value instanceof Uint8Array) return bytes(value);
    // Bridge values are validated and bounded; this only guards against a cycle in main's own data.
    if (depth > 64 || value === null || typeof value !== 'object' || value instanceof Date || value instanceof Blob) return value;
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((item) => {
        const next = walk(item, depth + 1);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? out : value;
    }
    if (value instanceof AppFailure) return error(value);
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const nextKey = text(key);
      const next = walk(inner, depth + 1);
      if (nextKey !== key || next !== inner) changed = true;
      out[nextKey] = next;
    }
    return changed ? out : value;
  }

  function contains(value: unknown): boolean {
    if (sorted.length === 0) return false;
    return walk(value, 0) !== value;
  }

  function error(failure: unknown): unknown {
    if (failure instanceof AppFailure) {
      const message = text(failure.message);
      const hint = text(failure.hint);
      if (message === failure.message && hint === failure.hint) return failure;
      return new AppFailure(failure.code, message, hint, failure.field);
    }
    if (failure instanceof Error) {
      const message = text(failure.message);
      if (message === failure.message) return failure;
      const copy = new Error(message);
      copy.name = failure.name;
      return copy;
    }
    return typeof failure === 'string' ? text(failure) : failure;
  }

  return { learn, secrets: () => sorted, contains, text, bytes, deep, error };
}
