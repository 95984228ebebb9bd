import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterSeconds } from './backoff';

describe('backoff', () => {
  it('doubles from the base and stops at the maximum', () => {
    const options = { baseMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 50].map((n) => backoffDelay(n, null, options))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('waits at least as long as Retry-After asks, within the maximum', () => {
    const options = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(1, 7, options)).toBe(7000);
    expect(backoffDelay(1, 600, options)).toBe(60_000);
    expect(backoffDelay(4, 1, options)).toBe(8000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterSeconds('12', now)).toBe(12);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});
