import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
const now = Date.UTC(2026, 4, 20, 15, 30, 0);
beforeEach(async () => {
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

type Bucket = Record<string, { total: number }>;
const sum = (stats: Bucket[], name: string) => stats.reduce((total, s) => total + (s[name]?.total ?? 0), 0);

describe('stats', () => {
  it('computes daily totals from the stored events', async () => {
    const result = await t.call(`/v3/${US}/stats/total?event=accepted&event=delivered&event=failed&event=opened&duration=7d`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ resolution: 'day', start: 'Wed, 13 May 2026 00:00:00 UTC', end: 'Wed, 20 May 2026 15:30:00 UTC' });
    expect(result.body.stats).toHaveLength(8);
    const stats = result.body.stats as Bucket[];
    expect(sum(stats, 'accepted')).toBe(16);
    const failed = (result.body.stats as { failed: { permanent: { total: number }; temporary: { total: number } } }[]).reduce(
      (n, s) => n + s.failed.permanent.total + s.failed.temporary.total,
      0,
    );
    expect(sum(stats, 'accepted') - sum(stats, 'delivered')).toBe(failed);
    expect(stats[0]).toHaveProperty('accepted.outgoing');
    expect(stats[0]).toHaveProperty('failed.permanent.suppress-bounce');
    expect(stats[0]).toHaveProperty('opened.unique');
  });

  it('needs an event and refuses unknown ones and bad dates', async () => {
    expect(await t.call(`/v3/${US}/stats/total`)).toMatchObject({ status: 400, body: { message: 'Missing mandatory parameter: event' } });
    expect((await t.call(`/v3/${US}/stats/total?event=bounced`)).status).toBe(400);
    expect((await t.call(`/v3/${US}/stats/total?event=accepted&start=soon`)).status).toBe(400);
    expect((await t.call(`/v3/${US}/stats/total?event=accepted&resolution=week`)).status).toBe(400);
  });

  it('also answers for the whole account and by hour', async () => {
    const account = await t.call('/v3/stats/total?event=accepted&resolution=hour&duration=24h');
    expect(account.body.resolution).toBe('hour');
    expect(account.body.stats).toHaveLength(25);
  });
});

describe('tags', () => {
  it('lists tags seen in sends, and gets, updates and deletes one', async () => {
    const listed = await t.call(`/v3/${US}/tags`);
    expect(listed.body.items.map((x: { tag: string }) => x.tag)).toEqual(['newsletter', 'promotions', 'receipts', 'welcome']);
    expect(listed.body.items[0]).toEqual({
      tag: 'newsletter',
      description: 'Weekly newsletter',
      'first-seen': expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000 UTC$/),
      'last-seen': expect.any(String),
    });
    expect((await t.call(`/v3/${US}/tags?prefix=re`)).body.items.map((x: { tag: string }) => x.tag)).toEqual(['receipts']);
    expect((await t.call(`/v3/${US}/tag?tag=receipts`, { method: 'PUT', form: { description: 'Bills' } })).body).toEqual({
      message: 'Tag updated',
    });
    expect((await t.call(`/v3/${US}/tag?tag=receipts`)).body.description).toBe('Bills');
    const tagStats = await t.call(`/v3/${US}/tag/stats?tag=receipts&event=accepted`);
    expect(tagStats.body).toMatchObject({ tag: 'receipts', description: 'Bills' });
    expect(sum(tagStats.body.stats, 'accepted')).toBeGreaterThan(0);
    expect((await t.call(`/v3/${US}/tag?tag=receipts`, { method: 'DELETE' })).body).toEqual({ message: 'Tag deleted' });
    expect((await t.call(`/v3/${US}/tag?tag=receipts`)).status).toBe(404);
    expect((await t.call(`/v3/${US}/tag`)).status).toBe(400);
  });

  it('pages tags with the tag pivot', async () => {
    await t.sandbox.admin.seedMany('tags', 30);
    const first = await t.call(`/v3/${US}/tags?limit=20`);
    const next = await t.call(first.body.paging.next.replace(t.urls.usBaseUrl, ''));
    expect(first.body.items).toHaveLength(20);
    expect(next.body.items).toHaveLength(14);
  });
});

describe('metrics', () => {
  it('summarises counts and rates per day', async () => {
    const result = await t.call('/v1/analytics/metrics', {
      json: { metrics: ['accepted_count', 'delivered_count', 'opened_rate'], resolution: 'day', duration: '7d', include_aggregates: true },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ resolution: 'day', duration: '7d', pagination: { total: 8 } });
    expect(result.body.items[0].dimensions[0]).toMatchObject({ dimension: 'time' });
    expect(result.body.aggregates.metrics.accepted_count).toBe(16);
    expect(result.body.aggregates.metrics.opened_rate).toMatch(/^\d\.\d{4}$/);
  });

  it('groups by domain and filters', async () => {
    const byDomain = await t.call('/v1/analytics/metrics', {
      json: { metrics: ['accepted_count'], dimensions: ['domain'], duration: '7d' },
    });
    expect(byDomain.body.items.map((i: { dimensions: { value: string }[] }) => i.dimensions[0]?.value).sort()).toEqual([US]);
    const filtered = await t.call('/v1/analytics/metrics', {
      json: {
        metrics: ['accepted_count'],
        duration: '7d',
        include_aggregates: true,
        filter: { AND: [{ attribute: 'tag', comparator: '=', values: [{ label: 'r', value: 'receipts' }] }] },
      },
    });
    expect(filtered.body.aggregates.metrics.accepted_count).toBe(5);
  });

  it('refuses unknown metrics, dimensions and non-JSON bodies', async () => {
    expect((await t.call('/v1/analytics/metrics', { json: { metrics: ['joy_count'] } })).status).toBe(400);
    expect((await t.call('/v1/analytics/metrics', { json: { dimensions: ['planet'] } })).status).toBe(400);
    expect((await t.call('/v1/analytics/metrics', { form: { metrics: 'x' } })).status).toBe(400);
    expect((await t.call('/v1/analytics/metrics', { json: [1] })).status).toBe(400);
  });
});
