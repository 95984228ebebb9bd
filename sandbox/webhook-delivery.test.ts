import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../shared/support/webhook-payload';
import { startTestSandbox, type TestSandbox, US } from './test-support';
import { isLoopbackUrl } from './webhook-delivery';

interface Received {
  readonly body: string;
  readonly contentType: string | undefined;
}

/** A local receiver answering each POST with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: readonly number[] = [200]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ body, contentType: req.headers['content-type'] });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestSandbox | null = null;
let hook: Awaited<ReturnType<typeof receiver>> | null = null;
afterEach(async () => {
  await t?.close();
  await hook?.close();
  t = null;
  hook = null;
});

const send = { from: `Shop <shop@${US}>`, to: 'webhook-reader@example.com', subject: 'Hooked', text: 'Hi' };

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('webhooks delivered', () => {
  it('posts each event to a loopback webhook, signed with the account signing key', async () => {
    hook = await receiver();
    t = await startTestSandbox();
    expect((await t.call(`/v3/domains/${US}/webhooks/delivered`, { method: 'PUT', form: { url: hook.url } })).status).toBe(200);
    expect((await t.call(`/v3/domains/${US}/webhooks`, { form: { id: 'accepted', url: hook.url } })).status).toBe(200);
    const sent = await t.call(`/v3/${US}/messages`, { form: send });
    await until(() => hook?.received.length === 2);

    const key: string = (await t.call('/v5/accounts/http_signing_key')).body.http_signing_key;
    const events = hook.received.map((r) => {
      expect(r.contentType).toBe('application/json');
      const parsed = JSON.parse(r.body);
      const { timestamp, token, signature } = parsed.signature;
      expect(signature).toBe(
        createHmac('sha256', key)
          .update(timestamp + token)
          .digest('hex'),
      );
      expect(parseWebhookPayload(r.body).ok).toBe(true);
      return parsed['event-data'];
    });
    expect(events.map((e) => e.event).sort()).toEqual(['accepted', 'delivered']);
    const delivered = events.find((e) => e.event === 'delivered');
    expect(delivered).toMatchObject({
      recipient: 'webhook-reader@example.com',
      message: { headers: { 'message-id': sent.body.id.slice(1, -1) } },
    });
    expect(delivered.storage.url).toMatch(new RegExp(`^${t.urls.usBaseUrl}/v3/domains/${US}/messages/`));
    expect(t.sandbox.admin.webhookDeliveries().map((d) => d.status)).toEqual(['delivered', 'delivered']);
  });

  it('retries a failed delivery on Mailgun’s schedule and stops on 406', async () => {
    hook = await receiver([500, 503, 200]);
    t = await startTestSandbox({ webhookRetryDelaysMs: [20, 20, 20] });
    await t.call(`/v3/domains/${US}/webhooks/delivered`, { method: 'PUT', form: { url: hook.url } });
    await t.call(`/v3/${US}/messages`, { form: send });
    await until(() => hook?.received.length === 3);
    await t.sandbox.admin.webhooksIdle();
    expect(t.sandbox.admin.webhookDeliveries().at(-1)).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    // Every attempt carries the same event.
    expect(new Set(hook.received.map((r) => JSON.parse(r.body)['event-data'].id)).size).toBe(1);

    await hook.close();
    hook = await receiver([406]);
    await t.call(`/v3/domains/${US}/webhooks/delivered`, { method: 'PUT', form: { url: hook.url } });
    await t.call(`/v3/${US}/messages`, { form: send });
    await until(() => hook?.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await t.sandbox.admin.webhooksIdle();
    expect(hook.received).toHaveLength(1);
    expect(t.sandbox.admin.webhookDeliveries().at(-1)).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 406 });
  });

  it('gives up after the last retry', async () => {
    hook = await receiver([500]);
    t = await startTestSandbox({ webhookRetryDelaysMs: [10, 10] });
    await t.call(`/v3/domains/${US}/webhooks/delivered`, { method: 'PUT', form: { url: hook.url } });
    await t.call(`/v3/${US}/messages`, { form: send });
    await until(() => hook?.received.length === 3);
    await t.sandbox.admin.webhooksIdle();
    expect(t.sandbox.admin.webhookDeliveries().at(-1)).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 500 });
  });

  it('stores other URLs but never calls them, and says so', async () => {
    const notes: string[] = [];
    t = await startTestSandbox({ log: (message) => notes.push(message) });
    const updated = await t.call(`/v3/domains/${US}/webhooks/delivered`, { method: 'PUT', form: { url: 'https://hooks.example.com/in' } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('x-sandbox-note')).toContain('never called');
    expect((await t.call(`/v3/domains/${US}/webhooks/delivered`)).body.webhook.urls).toEqual(['https://hooks.example.com/in']);
    await t.call(`/v3/${US}/messages`, { form: send });
    expect(t.sandbox.admin.webhookDeliveries().at(-1)).toMatchObject({
      url: 'https://hooks.example.com/in',
      status: 'not-called',
      attempts: 0,
    });
    expect(notes.join('\n')).toContain('https://hooks.example.com/in is stored but never called');
  });

  it('keeps account webhooks and posts every domain’s events to them, once per URL', async () => {
    hook = await receiver();
    t = await startTestSandbox();
    const created = await t.call('/v1/webhooks', {
      form: { url: hook.url, event_types: 'delivered,permanent_fail', description: 'all domains' },
    });
    expect(created).toMatchObject({ status: 200, body: { webhook_id: expect.any(String) } });
    const id: string = created.body.webhook_id;
    const seeded = expect.objectContaining({ webhook_id: '4b1d7d0b-8d2e-4c83-9d6e-7c1f0e9a2b31' });
    expect((await t.call('/v1/webhooks')).body.webhooks).toEqual([
      seeded,
      {
        webhook_id: id,
        url: hook.url,
        description: 'all domains',
        event_types: ['delivered', 'permanent_fail'],
        created_at: expect.stringMatching(/Z$/),
      },
    ]);
    expect((await t.call('/v1/webhooks', { region: 'eu' })).body.webhooks).toEqual([]);
    // The same URL on the domain too: still one call per event.
    await t.call(`/v3/domains/${US}/webhooks/delivered`, { method: 'PUT', form: { url: hook.url } });
    await t.call(`/v3/${US}/messages`, { form: send });
    await until(() => hook?.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await t.sandbox.admin.webhooksIdle();
    expect(hook.received).toHaveLength(1);

    expect((await t.call(`/v1/webhooks/${id}`, { method: 'PUT', form: { url: hook.url, event_types: 'opened' } })).status).toBe(204);
    expect((await t.call(`/v1/webhooks/${id}`)).body).toMatchObject({ event_types: ['opened'], description: '' });
    expect((await t.call('/v1/webhooks', { method: 'DELETE' })).status).toBe(400);
    expect((await t.call(`/v1/webhooks?webhook_ids=${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.call('/v1/webhooks')).body.webhooks).toEqual([seeded]);
  });

  it('counts only loopback addresses as loopback', () => {
    for (const url of ['http://127.0.0.1:9/h', 'http://localhost/h', 'http://[::1]:8080/h', 'https://127.8.9.10/'])
      expect(isLoopbackUrl(url)).toBe(true);
    for (const url of ['https://example.com/h', 'http://127.0.0.1.example.com/', 'http://10.0.0.1/', 'ftp://127.0.0.1/', 'nonsense'])
      expect(isLoopbackUrl(url)).toBe(false);
  });

  it('regenerates the signing key on request', async () => {
    t = await startTestSandbox();
    const before = (await t.call('/v5/accounts/http_signing_key')).body.http_signing_key;
    const after = await t.call('/v5/accounts/http_signing_key', { method: 'POST' });
    expect(after.body).toMatchObject({ message: expect.any(String), http_signing_key: expect.stringMatching(/^key-[0-9a-f]{32}$/) });
    expect(after.body.http_signing_key).not.toBe(before);
  });
});

describe('webhook test call', () => {
  const verify = (key: string, raw: string) => {
    const { timestamp, token, signature } = JSON.parse(raw).signature;
    return (
      signature ===
      createHmac('sha256', key)
        .update(timestamp + token)
        .digest('hex')
    );
  };

  it('posts one signed sample event to the URL given and reports what the receiver answered', async () => {
    hook = await receiver([200]);
    t = await startTestSandbox();
    const tested = await t.call(`/v3/domains/${US}/webhooks/permanent_fail/test`, { method: 'PUT', form: { url: hook.url } });
    expect(tested).toMatchObject({ status: 200, body: { code: 200, message: 'OK' } });
    expect(tested.headers.get('x-sandbox-example')).toBeNull();
    expect(hook.received).toHaveLength(1);
    const key: string = (await t.call('/v5/accounts/http_signing_key')).body.http_signing_key;
    const raw = hook.received[0]?.body ?? '';
    expect(verify(key, raw)).toBe(true);
    expect(parseWebhookPayload(raw).ok).toBe(true);
    expect(JSON.parse(raw)['event-data']).toMatchObject({ event: 'failed', severity: 'permanent', flags: { 'is-system-test': true } });
    // A test changes nothing: the URL was not added to the webhook.
    expect(JSON.stringify((await t.call(`/v3/domains/${US}/webhooks`)).body)).not.toContain(hook.url);
    expect(t.sandbox.admin.webhookDeliveries().at(-1)).toMatchObject({ webhook: 'permanent_fail', status: 'delivered', attempts: 1 });
  });

  it('tries the webhook’s stored URLs when none is given, once and without retries, and reports a failure', async () => {
    hook = await receiver([500]);
    t = await startTestSandbox({ webhookRetryDelaysMs: [10, 10] });
    await t.call(`/v3/domains/${US}/webhooks`, { form: { id: 'clicked', url: [hook.url, 'https://hooks.example.com/clicks'] } });
    const tested = await t.call(`/v3/domains/${US}/webhooks/clicked/test`, { method: 'PUT' });
    expect(tested).toMatchObject({ status: 200, body: { code: 500, message: 'Internal Server Error' } });
    expect(tested.headers.get('x-sandbox-note')).toContain('https://hooks.example.com/clicks: stored but never called');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await t.sandbox.admin.webhooksIdle();
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]?.body ?? '{}')['event-data'].event).toBe('clicked');
  });

  it('says when the receiver cannot be reached or is not loopback, and checks the webhook and URL', async () => {
    t = await startTestSandbox();
    const remote = await t.call(`/v3/domains/${US}/webhooks/delivered/test`, {
      method: 'PUT',
      form: { url: 'https://hooks.example.com/x' },
    });
    expect(remote.body).toEqual({ code: 0, message: expect.stringContaining('never called') });
    const closed = await receiver();
    const url = closed.url;
    await closed.close();
    const unreachable = await t.call(`/v3/domains/${US}/webhooks/delivered/test`, { method: 'PUT', form: { url } });
    expect(unreachable.body).toEqual({ code: 0, message: expect.stringContaining(`${url} did not answer`) });
    expect((await t.call(`/v3/domains/${US}/webhooks/bogus/test`, { method: 'PUT', form: { url } })).status).toBe(400);
    expect((await t.call(`/v3/domains/${US}/webhooks/complained/test`, { method: 'PUT' })).status).toBe(404);
    expect((await t.call(`/v3/domains/${US}/webhooks/delivered/test`, { method: 'PUT', form: { url: 'not a url' } })).status).toBe(400);
  });
});
