// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defaultLimits, limitsForSend, setRequestLimits } from './request-limits';

describe('request limits', () => {
  it('start at main’s defaults and convert to what the bridge takes', () => {
    expect(defaultLimits).toEqual({ timeoutSeconds: 60, maxResponseMb: 100 });
    expect(limitsForSend(defaultLimits)).toEqual({ timeoutMs: 60_000, maxBytes: 100 * 1024 * 1024 });
  });

  it('keep changes within bounds and remember them', () => {
    setRequestLimits({ timeoutSeconds: 0 });
    setRequestLimits({ maxResponseMb: 5000 });
    expect(JSON.parse(localStorage.getItem('mailgun-explorer:request-limits') ?? '{}')).toEqual({ timeoutSeconds: 1, maxResponseMb: 1024 });
    setRequestLimits({ timeoutSeconds: Number.NaN });
    expect(JSON.parse(localStorage.getItem('mailgun-explorer:request-limits') ?? '{}').timeoutSeconds).toBe(1);
  });
});
