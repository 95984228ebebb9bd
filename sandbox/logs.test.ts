import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rfc2822 } from './format';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
const now = Date.UTC(2026, 11, 1, 12, 0, 0);
beforeEach(async () => {
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

describe('logs from the sandbox’s own events', () => {
  it('filters by time, event and attribute, and pages', async () => {
    await t.call(`/v3/${US}/messages`, {
      form: { from: `shop@${US}`, to: 'logs-reader@example.com', subject: 'Logged', text: 'x', 'o:tag': 'logged' },
    });
    const filter = {
      AND: [{ attribute: 'recipient', comparator: '=', values: [{ label: 'logs-reader@example.com', value: 'logs-reader@example.com' }] }],
    };
    const logs = await t.call('/v1/analytics/logs', {
      json: { start: rfc2822(now - 3_600_000, '+0000'), end: rfc2822(now + 3_600_000, '+0000'), filter },
    });
    expect(logs.status).toBe(200);
    expect(logs.body.items.map((i: { event: string }) => i.event).sort()).toEqual(['accepted', 'delivered', 'opened']);
    expect(logs.body.items[0]).toMatchObject({
      recipient: 'logs-reader@example.com',
      domain: { name: US },
      '@timestamp': expect.stringMatching(/Z$/),
    });
    expect(logs.body.pagination.total).toBe(3);

    const delivered = await t.call('/v1/analytics/logs', { json: { events: ['delivered'], filter, pagination: { limit: 1 } } });
    expect(delivered.body.items).toHaveLength(1);
    const tagged = await t.call('/v1/analytics/logs', {
      json: { filter: { AND: [{ attribute: 'tag', comparator: '=', values: ['logged'] }] }, pagination: { limit: 2 } },
    });
    expect(tagged.body.items).toHaveLength(2);
    const next = await t.call('/v1/analytics/logs', {
      json: {
        filter: { AND: [{ attribute: 'tag', comparator: '=', values: ['logged'] }] },
        pagination: { limit: 2, token: tagged.body.pagination.next },
      },
    });
    expect(next.body.items).toHaveLength(1);
    expect((await t.call('/v1/analytics/logs', { json: { start: 'yesterday' } })).status).toBe(400);
  });
});
