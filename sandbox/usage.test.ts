import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rfc2822 } from './format';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let now = 0;
beforeEach(async () => {
  now = Date.UTC(2026, 11, 1, 12);
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

describe('usage metrics', () => {
  it('count validations, seed tests and accepted messages the sandbox handled', async () => {
    const query = {
      metrics: ['email_validation_count', 'seed_test_count', 'email_preview_count', 'processed_count'],
      duration: '1d',
      resolution: 'day',
      include_aggregates: true,
    };
    const before = (await t.call('/v1/analytics/usage/metrics', { json: query })).body.aggregates.metrics;
    const csv = new FormData();
    csv.append('file', new Blob(['email\na@example.com\nb@example.com\n']), 'list.csv');
    expect((await t.call('/v4/address/validate/bulk/usage-job', { form: csv })).status).toBeLessThan(300);
    await t.call('/v4/inbox/tests', { json: { from: `news@${US}`, subject: 'Seed', html: '<p>x</p>' } });
    await t.call(`/v3/${US}/messages`, { form: { from: `shop@${US}`, to: 'reader@example.com', subject: 'Hi', text: 'Hi' } });
    const after = (await t.call('/v1/analytics/usage/metrics', { json: query })).body;
    expect(after.aggregates.metrics).toEqual({
      email_validation_count: before.email_validation_count + 2,
      seed_test_count: before.seed_test_count + 1,
      email_preview_count: 0,
      processed_count: before.processed_count + 1,
    });
    expect(after.items.at(-1).dimensions[0]).toMatchObject({ dimension: 'time', value: rfc2822(Date.UTC(2026, 11, 1), '+0000') });
    expect(after.pagination).toMatchObject({ skip: 0, total: after.items.length });
    expect((await t.call('/v1/analytics/usage/metrics', { json: { metrics: ['clicks'] } })).status).toBe(400);
  });
});

describe('clearing the messages queue', () => {
  it('drops scheduled hand-overs and keeps what was accepted', async () => {
    const later = rfc2822(now + 3_600_000, '+0000');
    await t.call(`/v3/${US}/messages`, {
      form: { from: `shop@${US}`, to: 'later@example.com', subject: 'Later', text: 'x', 'o:deliverytime': later },
    });
    const events = async () =>
      (await t.sandbox.admin.state()).regions.us.domains
        .find((d) => d.name === US)
        ?.events.filter((e) => e.recipient === 'later@example.com')
        .map((e) => e.event)
        .sort();
    expect(await events()).toEqual(['accepted', 'delivered', 'opened']);
    expect((await t.call(`/v3/${US}/envelopes`, { method: 'DELETE' })).body).toEqual({ message: 'done' });
    expect(await events()).toEqual(['accepted']);
  });
});
