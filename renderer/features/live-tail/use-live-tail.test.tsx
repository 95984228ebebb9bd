// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NumberedEvent, TailRead, TailStatus } from '../../../shared/live-tail/types';
import { call } from '../../bridge/client';
import { useLiveTail } from './use-live-tail';

vi.mock('../../bridge/client', () => ({
  call: vi.fn(),
  toAppError: (error: unknown) => ({ code: 'internal', message: String(error), hint: '' }),
}));

const callMock = vi.mocked(call) as unknown as ReturnType<typeof vi.fn>;

const status: TailStatus = {
  tailId: 'tail-1',
  state: 'running',
  source: 'logs',
  filter: { domain: null, recipient: '', event: '', tag: '' },
  domains: ['mg.example.com'],
  settleSeconds: 1,
  pollMs: 2000,
  perMinute: 0,
  received: 0,
  polls: 1,
  fromIso: '2026-12-01T10:00:00.000Z',
  lastPollIso: null,
  problem: null,
  retryInMs: null,
  note: null,
};

function event(id: string, timestamp: number, seq: number): NumberedEvent {
  return {
    id,
    seq,
    event: 'delivered',
    timestamp,
    iso: new Date(timestamp * 1000).toISOString(),
    recipient: `${id}@example.com`,
    domain: 'mg.example.com',
    messageId: '',
    subject: '',
    severity: null,
    reason: null,
    logLevel: null,
    smtp: null,
    tags: [],
  };
}

afterEach(() => {
  cleanup();
  callMock.mockReset();
});

describe('useLiveTail', () => {
  it('orders rows by event time, newest first, when an older event arrives in a later poll', async () => {
    // Each read is one poll as main hands it over (oldest first within the poll).
    const reads: TailRead[] = [
      { events: [event('a', 100, 1), event('c', 300, 2)], lastSeq: 2, missed: 0, status },
      { events: [event('b', 200, 3), event('d', 400, 4)], lastSeq: 4, missed: 0, status },
    ];
    let release: () => void = () => undefined;
    const held = new Promise<TailRead>((resolve) => {
      release = () => resolve({ events: [], lastSeq: 4, missed: 0, status: { ...status, state: 'stopped' } });
    });
    callMock.mockImplementation(async (method: string) => {
      if (method === 'startLiveTail') return status;
      if (method === 'readLiveTail') return reads.shift() ?? held;
      return status;
    });
    const { result } = renderHook(() => useLiveTail('env-1'));
    await act(() => result.current.start({ environmentId: 'env-1', domain: '', recipient: '', event: '', tag: '' }));
    await waitFor(() => expect(result.current.rows).toHaveLength(4));
    expect(result.current.rows.map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
    await act(async () => release());
  });
});
