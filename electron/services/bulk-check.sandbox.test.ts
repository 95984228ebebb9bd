import { afterEach, describe, expect, it } from 'vitest';
import { getEndpoint } from '../../shared/catalog';
import { createBulkCheck } from './bulk-check';
import { createReadCaller } from './investigations/read-call';
import { toSendEnvironment } from './send-request';
import { createCallRunner } from './support/call-runner';
import { type SupportHarness, startSupportHarness } from './support/test-harness';

let harness: SupportHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('bulk check against the sandbox', () => {
  it('checks 1,500 addresses on every domain in pages, then releases two, refusing in read-only mode', async () => {
    harness = await startSupportHarness();
    const h = harness;
    const suppressed = Array.from({ length: 1200 }, (_, i) => ({
      address: `bulk${String(i).padStart(4, '0')}@example.com`,
      code: '550',
      error: 'gone',
    }));
    for (let i = 0; i < suppressed.length; i += 1000) {
      const seeded = await h.sandbox.call('/v3/sandbox.mg.example.com/bounces', { method: 'POST', json: suppressed.slice(i, i + 1000) });
      expect(seeded.status).toBe(200);
    }
    const environment = await h.addEnvironment();
    const getEnvironment = async (id: string) => {
      const found = await h.environments.find(id);
      return found ? toSendEnvironment(found) : undefined;
    };
    const check = createBulkCheck({
      read: createReadCaller({ getEnvironment, getEndpoint, pipeline: h.pipeline }),
      runner: createCallRunner({ sender: h.sender, getEndpoint }),
      environments: h.environments,
      clock: Date.now,
    });
    const addresses = [
      ...suppressed.slice(0, 1000).map((s) => s.address),
      ...Array.from({ length: 500 }, (_, i) => `fine${i}@example.com`),
    ];
    const historyBefore = (await h.history.list({})).entries.length;
    const started = await check.start({ environmentId: environment.id, addresses });
    let status = started;
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = check.status({ checkId: started.checkId });
    }
    expect(status.failures).toEqual([]);
    expect(status.counts).toEqual({ suppressed: 1000, clear: 500, unknown: 0 });
    // Far fewer calls than 1,500 addresses × lists × domains: a few pages per list.
    expect(status.calls).toBeLessThan(status.listsTotal * 3 + 2);
    expect((await h.history.list({})).entries.length).toBe(historyBefore);

    const items = [
      { address: 'bulk0000@example.com', domain: 'sandbox.mg.example.com', list: 'bounces' as const },
      { address: 'bulk0001@example.com', domain: 'sandbox.mg.example.com', list: 'bounces' as const },
    ];
    const released = await check.release({ checkId: started.checkId, items, confirmed: true });
    expect(released).toMatchObject({ released: 2, failed: [] });
    expect((await h.sandbox.call('/v3/sandbox.mg.example.com/bounces/bulk0000@example.com')).status).toBe(404);
    expect((await h.sandbox.call('/v3/sandbox.mg.example.com/bounces/bulk0002@example.com')).status).toBe(200);
    // The releases are in history, like any change.
    expect((await h.history.list({})).entries.length).toBe(historyBefore + 2);

    await h.environments.save({ ...(await h.environments.get(environment.id)), readOnly: true });
    await expect(
      check.release({ checkId: started.checkId, items: [{ ...items[0], address: 'bulk0002@example.com' }] as never, confirmed: true }),
    ).rejects.toMatchObject({ code: 'read-only' });
    expect((await h.sandbox.call('/v3/sandbox.mg.example.com/bounces/bulk0002@example.com')).status).toBe(200);
  });
});
