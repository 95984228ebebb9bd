/** How many requests a simulated account may make per window; null turns limiting off. */
export interface RateLimit {
  readonly requests: number;
  readonly perSeconds: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly resetAtMs: number };

export interface RateLimiter {
  check(bucket: string): RateDecision;
  set(limit: RateLimit | null): void;
  current(): RateLimit | null;
}

/** Fixed windows: simple to reason about in tests, and the reset time is exact. */
export function createRateLimiter(initial: RateLimit | null, now: () => number): RateLimiter {
  let limit = normalise(initial);
  let windowStart = 0;
  const counts = new Map<string, number>();
  return {
    check(bucket) {
      if (!limit) return { allowed: true };
      const windowMs = limit.perSeconds * 1000;
      const start = Math.floor(now() / windowMs) * windowMs;
      if (start !== windowStart) {
        windowStart = start;
        counts.clear();
      }
      const used = (counts.get(bucket) ?? 0) + 1;
      counts.set(bucket, used);
      return used <= limit.requests ? { allowed: true } : { allowed: false, resetAtMs: start + windowMs };
    },
    set(next) {
      limit = normalise(next);
      counts.clear();
    },
    current: () => limit,
  };
}

function normalise(limit: RateLimit | null): RateLimit | null {
  if (!limit) return null;
  const requests = Math.max(0, Math.floor(limit.requests));
  const perSeconds = Math.max(1, Math.floor(limit.perSeconds));
  return { requests, perSeconds };
}
