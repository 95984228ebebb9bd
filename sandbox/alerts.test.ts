import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
const now = Date.UTC(2026, 11, 1, 12, 0, 0);
beforeEach(async () => {
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

const base = '/v1/thresholds/alerts/send';

describe('send-threshold alerts', () => {
  it('are created, read, updated and deleted, and hit when the sandbox’s own events cross them', async () => {
    const created = await t.call(base, {
      form: { name: 'bounces', metric: 'hard_bounce_rate', comparator: '>', limit: '0.2', period: '1h', alert_channels: 'email' },
    });
    expect(created).toMatchObject({
      status: 200,
      body: { name: 'bounces', metric: 'hard_bounce_rate', limit: '0.2', id: expect.any(String) },
    });
    expect((await t.call(`${base}/bounces`)).body.comparator).toBe('>');
    expect((await t.call(base)).body).toMatchObject({ total: 2, items: [{ name: 'complaint rate' }, { name: 'bounces' }] });
    const hit = async () => (await t.call('/v1/thresholds/hits')).body.items.find((h: { name: string }) => h.name === 'bounces');
    expect(await hit()).toMatchObject({ triggered: false, latest_value: '0.000' });

    for (const to of ['bounce-one@example.com', 'ok-one@example.com'])
      await t.call(`/v3/${US}/messages`, { form: { from: `shop@${US}`, to, subject: 's', text: 't' } });
    expect(await hit()).toMatchObject({ triggered: true, latest_value: '0.500' });

    expect((await t.call(`${base}/bounces`, { method: 'PUT', form: { limit: '0.9' } })).body).toEqual({ message: 'threshold updated' });
    expect((await hit()).triggered).toBe(false);
    expect((await t.call(base, { form: { name: 'x', metric: 'nonsense', comparator: '>', limit: '1' } })).status).toBe(400);
    expect((await t.call(`${base}/bounces`, { method: 'DELETE' })).body).toEqual({ message: 'threshold deleted' });
    expect((await t.call(`${base}/bounces`)).status).toBe(404);
  });
});
