/**
 * How long a live tail waits after a failed poll: Mailgun's Retry-After when
 * it sends one (a 429), else doubling from `baseMs`, never over `maxMs`.
 */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, maxMs: 60_000 };

/** `failures` counts the failed polls in a row, from 1. */
export function backoffDelay(failures: number, retryAfterSeconds: number | null, options: BackoffOptions = defaultBackoff): number {
  const doubling = options.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 20));
  const asked = retryAfterSeconds !== null && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
  return Math.min(options.maxMs, Math.max(doubling, asked));
}

/** Retry-After as seconds, from either of its forms (a number of seconds or an HTTP date); null when absent or unusable. */
export function retryAfterSeconds(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
