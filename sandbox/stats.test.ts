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

describe('account stats filtered, grouped and per domain', () => {
  const send = (to: string, tag: string) =>
    t.call(`/v3/${US}/messages`, { form: { from: `shop@${US}`, to, subject: 'Count me', text: 'x', 'o:tag': tag } });

  it('counts the sandbox’s own events by filter and group, not a fixed example', async () => {
    const before = await t.call('/v3/stats/filter?event=accepted&group=total&duration=1d');
    expect(before.status).toBe(200);
    expect(before.headers.get('x-sandbox-example')).toBeNull();
    const counted = (body: { stats: { accepted: { total: number } }[] }) => body.stats.reduce((n, s) => n + s.accepted.total, 0);
    const base = counted(before.body);
    await send('filter-one@example.com', 'filter-tag');
    await send('filter-two@example.org', 'filter-tag');
    expect(counted((await t.call('/v3/stats/filter?event=accepted&group=total&duration=1d')).body)).toBe(base + 2);

    const byProvider = await t.call('/v3/stats/filter?event=accepted&event=delivered&group=provider&duration=1d&filter=tag:filter-tag');
    expect(byProvider.body.stats).toEqual([
      expect.objectContaining({ provider: 'example.com', accepted: { incoming: 0, outgoing: 1, total: 1 }, delivered: expect.anything() }),
      expect.objectContaining({ provider: 'example.org', accepted: { incoming: 0, outgoing: 1, total: 1 } }),
    ]);
    const both = await t.call('/v3/stats/filter?event=accepted&group=tag&duration=1d&filter=tag:filter-tag&filter=provider:example.org');
    expect(both.body.stats.map((s: { tag: string; accepted: { total: number } }) => [s.tag, s.accepted.total])).toEqual([
      ['filter-tag', 1],
    ]);
    const byDomain = await t.call(`/v3/stats/filter?event=accepted&group=domain&filter=domain:${US}&duration=1d`);
    expect(byDomain.body.stats.map((s: { domain: string }) => s.domain)).toEqual([US]);
    const overTime = await t.call('/v3/stats/filter?event=accepted&group=time&resolution=hour&duration=24h');
    expect(overTime.body).toMatchObject({ description: '', resolution: 'hour' });
    expect(overTime.body.stats).toHaveLength(25);
    expect(counted(overTime.body)).toBeGreaterThanOrEqual(2);
  });

  it('gives each domain’s totals for the bucket holding the timestamp', async () => {
    await send('per-domain@example.com', 'x');
    const result = await t.call(`/v3/stats/total/domains?event=accepted&event=failed&resolution=day&timestamp=${Math.floor(now / 1000)}`);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-sandbox-example')).toBeNull();
    expect(result.body).toMatchObject({ start: 'Wed, 20 May 2026 00:00:00 UTC', end: 'Wed, 20 May 2026 23:59:59 UTC', resolution: 'day' });
    const mine = result.body.stats.find((s: { domain: string }) => s.domain === US);
    expect(mine).toMatchObject({ time: 'Wed, 20 May 2026 00:00:00 UTC', failed: { permanent: { total: expect.any(Number) } } });
    expect(mine.accepted.total).toBeGreaterThanOrEqual(1);
    const skipped = await t.call(`/v3/stats/total/domains?event=accepted&limit=1&timestamp=${Math.floor(now / 1000)}`);
    expect(skipped.body.stats).toHaveLength(result.body.stats.length - 1);
  });

  it('refuses a missing timestamp, an unknown group or a malformed filter', async () => {
    expect((await t.call('/v3/stats/total/domains?event=accepted')).status).toBe(400);
    expect((await t.call('/v3/stats/filter?event=accepted&group=planet')).status).toBe(400);
    expect((await t.call('/v3/stats/filter?event=accepted&filter=domain')).status).toBe(400);
    expect((await t.call('/v3/stats/filter?event=accepted&filter=colour:red')).status).toBe(400);
    expect((await t.call('/v3/stats/filter')).status).toBe(400);
  });
});
