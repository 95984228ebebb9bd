import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from '../../../shared/bridge/requests';
import { call } from '../../bridge/client';

/** How long main waits for an answer and how big an answer it accepts; user preferences, not secrets. */
export interface RequestLimits {
  readonly timeoutSeconds: number;
  readonly maxResponseMb: number;
}

export const limitBounds = {
  timeoutSeconds: { min: 1, max: 600 },
  maxResponseMb: { min: 1, max: 1024 },
} as const;

export const defaultLimits: RequestLimits = {
  timeoutSeconds: DEFAULT_TIMEOUT_MS / 1000,
  maxResponseMb: DEFAULT_MAX_RESPONSE_BYTES / (1024 * 1024),
};

const storageKey = 'mailgun-explorer:request-limits';
const listeners = new Set<() => void>();
let cached: RequestLimits | undefined;

function clamp(value: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

function read(): RequestLimits {
  if (cached) return cached;
  let stored: Partial<RequestLimits> = {};
  try {
    stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<RequestLimits>;
  } catch {
    stored = {};
  }
  cached = {
    timeoutSeconds: clamp(stored.timeoutSeconds, limitBounds.timeoutSeconds, defaultLimits.timeoutSeconds),
    maxResponseMb: clamp(stored.maxResponseMb, limitBounds.maxResponseMb, defaultLimits.maxResponseMb),
  };
  return cached;
}

export function setRequestLimits(next: Partial<RequestLimits>): void {
  const current = read();
  cached = {
    timeoutSeconds: clamp(next.timeoutSeconds ?? current.timeoutSeconds, limitBounds.timeoutSeconds, current.timeoutSeconds),
    maxResponseMb: clamp(next.maxResponseMb ?? current.maxResponseMb, limitBounds.maxResponseMb, current.maxResponseMb),
  };
  localStorage.setItem(storageKey, JSON.stringify(cached));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRequestLimits(): RequestLimits {
  return useSyncExternalStore(subscribe, read);
}

/** What the send carries to main, which applies its own bounds again. */
export function limitsForSend(limits: RequestLimits): { timeoutMs: number; maxBytes: number } {
  return { timeoutMs: limits.timeoutSeconds * 1000, maxBytes: limits.maxResponseMb * 1024 * 1024 };
}

/**
 * Keeps main's copy of the limits in step: main applies them to every request
 * it makes, including saved runs, support tools and "Test connection".
 */
export function useRequestLimitsInMain(): void {
  const limits = useRequestLimits();
  useEffect(() => {
    call('setRequestLimits', limitsForSend(limits)).catch(() => undefined);
  }, [limits]);
}
