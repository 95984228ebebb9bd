import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('webhooks (v3)', () => {
  const base = `/v3/domains/${US}/webhooks`;

  it('lists the seeded webhooks', async () => {
    const listed = await t.call(base);
    expect(listed.body.webhooks).toEqual({
      delivered: { urls: ['https://hooks.example.com/mailgun/delivered'] },
      permanent_fail: { urls: ['https://hooks.example.com/mailgun/failed'] },
    });
  });

  it('creates, gets, updates and deletes one', async () => {
    expect(await t.call(base, { form: { id: 'opened', url: ['https://a.example.com/h', 'https://b.example.com/h'] } })).toMatchObject({
      status: 200,
      body: { message: 'Webhook has been created', webhook: { urls: ['https://a.example.com/h', 'https://b.example.com/h'] } },
    });
    expect((await t.call(`${base}/opened`)).body).toEqual({ webhook: { urls: ['https://a.example.com/h', 'https://b.example.com/h'] } });
    expect((await t.call(`${base}/opened`, { method: 'PUT', form: { url: 'https://c.example.com/h' } })).body.webhook.urls).toEqual([
      'https://c.example.com/h',
    ]);
    expect((await t.call(`${base}/opened`, { method: 'DELETE' })).body).toMatchObject({
      message: 'Webhook has been deleted',
      webhook: { urls: ['https://c.example.com/h'] },
    });
    expect(await t.call(`${base}/opened`)).toMatchObject({ status: 404, body: { message: 'Webhook not found' } });
  });

  it('refuses unknown ids, bad or too many URLs and duplicates', async () => {
    expect((await t.call(base, { form: { id: 'bounced', url: 'https://a.example.com' } })).status).toBe(400);
    expect(await t.call(base, { form: { id: 'clicked', url: 'ftp://a.example.com' } })).toMatchObject({
      status: 400,
      body: { Reason: 'ftp://a.example.com is not a valid url' },
    });
    expect((await t.call(base, { form: { id: 'clicked' } })).status).toBe(400);
    expect(
      (
        await t.call(base, {
          form: {
            id: 'clicked',
            url: ['https://1.example.com', 'https://2.example.com', 'https://3.example.com', 'https://4.example.com'],
          },
        })
      ).status,
    ).toBe(400);
    expect((await t.call(base, { form: { id: 'delivered', url: 'https://x.example.com' } })).status).toBe(400);
    expect((await t.call(`${base}/clicked`, { method: 'PUT', form: { url: 'https://x.example.com' } })).status).toBe(404);
  });
});

describe('webhooks (v4)', () => {
  const base = `/v4/domains/${US}/webhooks`;
  it('attaches one URL to several event types, replaces and removes it', async () => {
    const added = await t.call(base, { urlencoded: { url: 'https://v4.example.com/h', event_types: ['clicked', 'opened'] } });
    expect(added.body.webhooks).toMatchObject({
      clicked: { urls: ['https://v4.example.com/h'] },
      opened: { urls: ['https://v4.example.com/h'] },
    });
    const replaced = await t.call(base, { method: 'PUT', urlencoded: { url: 'https://v4.example.com/h', event_types: 'clicked' } });
    expect(replaced.body.webhooks.opened).toBeUndefined();
    const removed = await t.call(`${base}?url=${encodeURIComponent('https://v4.example.com/h')}`, { method: 'DELETE' });
    expect(removed.body.webhooks.clicked).toBeUndefined();
    expect((await t.call(base, { urlencoded: { url: 'https://v4.example.com/h', event_types: 'nope' } })).status).toBe(400);
  });
});
