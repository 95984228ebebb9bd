import { afterEach, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../shared/catalog';
import type { TailRead } from '../../shared/live-tail/types';
import { createReadCaller } from './investigations/read-call';
import { createLiveTail } from './live-tail';
import { toSendEnvironment } from './send-request';
import { type SupportHarness, startSupportHarness } from './support/test-harness';

let harness: SupportHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('live tail against the sandbox', () => {
  it('shows a message sent after the tail started, through the pipeline and outside history', async () => {
    harness = await startSupportHarness();
    const h = harness;
    const environment = await h.addEnvironment();
    const read = createReadCaller({
      getEnvironment: async (id) => {
        const found = await h.environments.find(id);
        return found ? toSendEnvironment(found) : undefined;
      },
      getEndpoint,
      pipeline: h.pipeline,
    });
    const tail = createLiveTail({ read, environments: h.environments, clock: Date.now, pollMs: 100 });
    const started = await tail.start({ environmentId: environment.id, domain: 'sandbox.mg.example.com' });
    expect(started.source).toBe('logs');
    const before = (await h.history.list({})).entries.length;
    await h.sender.send({
      requestId: 'send-1',
      environmentId: environment.id,
      endpointId: 'messages.send',
      values: {
        params: {
          domain_name: 'sandbox.mg.example.com',
          from: 'shop@sandbox.mg.example.com',
          to: 'tail@example.com',
          subject: 'Tail me',
          text: 'Hi',
        },
      },
    });
    let after = 0;
    const seen: TailRead['events'][number][] = [];
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !seen.some((e) => e.event === 'delivered')) {
      const answer = await tail.read({ tailId: started.tailId, after, waitMs: 500 });
      after = answer.lastSeq;
      seen.push(...answer.events);
    }
    tail.dispose();
    const mine = seen.filter((e) => e.recipient === 'tail@example.com');
    expect(mine.map((e) => e.event)).toEqual(expect.arrayContaining(['accepted', 'delivered']));
    expect(mine[0]?.subject).toBe('Tail me');
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    // Only the send itself went into history, not the polls.
    expect((await h.history.list({})).entries.length).toBe(before + 1);
  });
});
