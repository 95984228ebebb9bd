import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('account tags (/v1/analytics/tags)', () => {
  it('lists the tags the domains recorded, in the spec shape, with metrics from the events', async () => {
    const listed = await t.call('/v1/analytics/tags', { json: { pagination: { sort: 'tag:asc', limit: 2 }, include_metrics: true } });
    expect(listed.status).toBe(200);
    expect(listed.body.pagination).toMatchObject({ sort: 'tag:asc', skip: 0, limit: 2, total: 5 });
    expect(listed.body.items.map((i: { tag: string }) => i.tag)).toEqual(['newsletter', 'promotions']);
    const [newsletter] = listed.body.items;
    expect(newsletter).toMatchObject({
      account_id: expect.any(String),
      parent_account_id: '',
      description: 'Weekly newsletter',
      account_name: expect.any(String),
    });
    expect(newsletter.first_seen).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(newsletter.metrics.accepted_count).toBeGreaterThan(0);
  });

  it('updates and deletes a tag, and counts them against the limit', async () => {
    expect((await t.call('/v1/analytics/tags', { method: 'PUT', json: { tag: 'receipts', description: 'Order mail' } })).body).toEqual({
      message: 'Tag updated',
    });
    expect((await t.call(`/v3/${US}/tag?tag=receipts`)).body.description).toBe('Order mail');
    expect(await t.call('/v1/analytics/tags/limits')).toMatchObject({ status: 200, body: { limit: 5000, count: 5, limit_reached: false } });
    expect((await t.call('/v1/analytics/tags?tag=receipts', { method: 'DELETE' })).body).toEqual({ message: 'Tag deleted' });
    expect((await t.call('/v1/analytics/tags/limits')).body.count).toBe(3);
    expect((await t.call(`/v3/domains/${US}/limits/tag`)).body).toEqual({ id: US, limit: 5000, count: 3 });
    expect((await t.call('/v1/analytics/tags?tag=receipts', { method: 'DELETE' })).status).toBe(404);
  });
});
