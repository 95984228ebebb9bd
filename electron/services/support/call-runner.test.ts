import { describe, expect, it } from 'vitest';
import { getEndpoint } from '../../../shared/catalog';
import type { HttpHeaderList, ResponseRecord } from '../../../shared/requests/types';
import type { SendRequestArgs } from '../send-request';
import { createCallRunner, createLimiter } from './call-runner';

function record(args: SendRequestArgs, status: number, headers: HttpHeaderList = []): ResponseRecord {
  return {
    requestId: args.requestId,
    status,
    statusText: '',
    headers,
    timings: { startedAt: 1_000, ttfbMs: 3, totalMs: 4.4 },
    sizeBytes: 2,
    contentType: 'application/json',
    body: { kind: 'text', text: '{}' },
    historyId: `h-${args.requestId}`,
    request: { method: 'GET', url: 'https://api.mailgun.net/v3/mg.example.com/bounces/a%40x.com', headerNames: [], authSent: true },
  };
}

const spec = {
  label: 'Bounce',
  environmentId: 'env',
  endpointId: 'bounces.get',
  params: { domain_name: 'mg.example.com', address: 'a@x.com' },
};

describe('the support call runner and Mailgun’s rate limits', () => {
  it('waits as long as Retry-After says after a 429, then asks again as a new request', async () => {
    const answers = [429, 429, 200];
    const sent: SendRequestArgs[] = [];
    const waits: number[] = [];
    let id = 0;
    const runner = createCallRunner({
      sender: {
        send: async (args) => {
          sent.push(args);
          return record(args, answers.shift() ?? 200, [['Retry-After', '2']]);
        },
      },
      getEndpoint,
      newId: () => `r${++id}`,
      sleep: async (ms) => void waits.push(ms),
    });
    const result = await runner.run(spec);
    expect(result.ok).toBe(true);
    expect(waits).toEqual([2000, 2000]);
    expect(sent.map((a) => a.requestId)).toEqual(['r1', 'r2', 'r3']);
    expect(result.call).toMatchObject({ status: 200, url: expect.stringContaining('/bounces/'), startedAt: 1000, durationMs: 4 });
  });

  it('reads X-RateLimit-Reset when there is no Retry-After, and gives up with the 429 when the wait is too long', async () => {
    const now = 1_700_000_000_000;
    const waits: number[] = [];
    let calls = 0;
    const reset = (seconds: number) => [['X-RateLimit-Reset', String(now / 1000 + seconds)]] as const;
    const runner = createCallRunner({
      sender: { send: async (args) => (++calls === 1 ? record(args, 429, reset(3)) : record(args, 429, reset(600))) },
      getEndpoint,
      clock: () => now,
      sleep: async (ms) => void waits.push(ms),
    });
    const result = await runner.run(spec);
    expect(waits).toEqual([3000]);
    expect(calls).toBe(2);
    expect(result).toMatchObject({ ok: false, status: 429 });
  });

  it('keeps at most the limit of tasks in flight', async () => {
    const limited = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limited(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
          active -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
