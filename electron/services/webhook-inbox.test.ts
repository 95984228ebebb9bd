import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environments/types';
import { SANDBOX_ENVIRONMENT_ID } from '../../shared/sandbox/constants';
import { createKeychain } from './keychain';
import { withSandboxSigningKey } from './sandbox-signing-key';
import { createWebhookSignatureChecker } from './support/webhook-signature';
import { startLocalServer } from './testing/local-server';
import { createWebhookInbox, type WebhookInbox } from './webhook-inbox';

const SIGNING_KEY = 'sandbox-signing-key-for-tests';
const OTHER_ENVIRONMENT = 'other-env';

function inboxUnderTest(maxBodyBytes?: number, items = new Map<string, string>()) {
  const keychain = withSandboxSigningKey(
    createKeychain({
      platform: 'linux',
      keytar: {
        getPassword: async (_service, account) => items.get(account) ?? null,
        setPassword: async (_service, account, password) => void items.set(account, password),
        deletePassword: async (_service, account) => items.delete(account),
      },
    }),
    async () => SIGNING_KEY,
  );
  const environments = {
    get: async (id: string) => ({ id, hasKey: false }) as Environment,
  };
  const checker = createWebhookSignatureChecker({ keychain, environments, clock: Date.now });
  return createWebhookInbox({ check: checker.check, clock: Date.now, fetch: globalThis.fetch, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
}

function signedBody(key: string, event = 'delivered') {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = 'a'.repeat(50);
  const signature = createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
  return JSON.stringify({
    signature: { timestamp, token, signature },
    'event-data': { event, recipient: 'alice@example.com', message: { headers: { 'message-id': 'abc@sandbox.mg.example.com' } } },
  });
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

let inbox: WebhookInbox | null = null;
afterEach(async () => {
  await inbox?.stop();
  inbox = null;
});

describe('webhook inbox', () => {
  it('listens on 127.0.0.1 only and lists each delivery with its event, recipient and message id', async () => {
    inbox = inboxUnderTest();
    const url = await inbox.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/);
    expect((await post(url, signedBody(SIGNING_KEY))).status).toBe(200);
    const { deliveries } = await inbox.list(SANDBOX_ENVIRONMENT_ID);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: 'delivered', recipient: 'alice@example.com', messageId: 'abc@sandbox.mg.example.com' });
  });

  it('verifies the signature against the environment’s signing key (the sandbox’s own key for the sandbox)', async () => {
    inbox = inboxUnderTest();
    const url = await inbox.start();
    await post(url, signedBody('some-other-key', 'opened'));
    await post(url, signedBody(SIGNING_KEY));
    const [good, forged] = (await inbox.list(SANDBOX_ENVIRONMENT_ID)).deliveries;
    expect(good?.verdict).toBe('valid');
    expect(forged?.verdict).toBe('invalid');
    // Another environment has no signing key stored: the inbox says so rather than guessing.
    expect((await inbox.list(OTHER_ENVIRONMENT)).deliveries[0]?.verdict).toBe('no-signing-key');
    expect((await inbox.list(undefined)).deliveries[0]?.verdict).toBe('unchecked');
    const detail = await inbox.get(good?.id ?? '', SANDBOX_ENVIRONMENT_ID);
    expect(detail.check?.signatureValid).toBe(true);
    expect(JSON.parse(detail.body)['event-data'].event).toBe('delivered');
  });

  it('checks with a signing key the user saved for the sandbox instead, once told the key changed', async () => {
    const items = new Map<string, string>();
    inbox = inboxUnderTest(undefined, items);
    const url = await inbox.start();
    await post(url, signedBody('user-chosen-key'));
    expect((await inbox.list(SANDBOX_ENVIRONMENT_ID)).deliveries[0]?.verdict).toBe('invalid');
    items.set(`${SANDBOX_ENVIRONMENT_ID}:webhook-signing-key`, 'user-chosen-key');
    // Polling does not read the keychain again for a delivery already checked...
    expect((await inbox.list(SANDBOX_ENVIRONMENT_ID)).deliveries[0]?.verdict).toBe('invalid');
    // ...until a key is saved or removed.
    inbox.forgetVerdicts();
    expect((await inbox.list(SANDBOX_ENVIRONMENT_ID)).deliveries[0]?.verdict).toBe('valid');
  });

  it('keeps a body that is not JSON as unreadable and answers it 400', async () => {
    inbox = inboxUnderTest();
    const url = await inbox.start();
    const response = await post(url, '{"signature": nope');
    expect(response.status).toBe(400);
    const [entry] = (await inbox.list(SANDBOX_ENVIRONMENT_ID)).deliveries;
    expect(entry?.verdict).toBe('unreadable');
    expect(entry?.verdictMessage).toMatch(/not valid JSON/);
    expect((await inbox.get(entry?.id ?? '', SANDBOX_ENVIRONMENT_ID)).body).toBe('{"signature": nope');
  });

  it('refuses bodies over the cap, declared or streamed, and keeps nothing of them', async () => {
    inbox = inboxUnderTest(1024);
    const url = await inbox.start();
    expect((await post(url, 'x'.repeat(2048))).status).toBe(413);
    const streamed = await fetch(url, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(512)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit).catch(() => null);
    if (streamed) expect(streamed.status).toBe(413);
    expect((await inbox.list(undefined)).deliveries).toHaveLength(0);
  });

  it('refuses web pages, other paths and other methods', async () => {
    inbox = inboxUnderTest();
    const url = await inbox.start();
    expect((await post(url, signedBody(SIGNING_KEY), { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(url)).status).toBe(405);
    expect((await post(url.replace('/webhooks', '/other'), signedBody(SIGNING_KEY))).status).toBe(404);
    expect((await inbox.list(undefined)).deliveries).toHaveLength(0);
  });

  it('keeps only the latest deliveries', async () => {
    const items = createWebhookInbox({
      check: async () => {
        throw new Error('not used');
      },
      clock: Date.now,
      fetch: globalThis.fetch,
      maxEntries: 3,
    });
    inbox = items;
    const url = await items.start();
    for (let i = 0; i < 5; i++) await post(url, signedBody(SIGNING_KEY, `event-${i}`));
    expect((await items.list(undefined)).deliveries.map((d) => d.event)).toEqual(['event-4', 'event-3', 'event-2']);
  });

  it('replays the exact body to a loopback URL and refuses any other host', async () => {
    inbox = inboxUnderTest();
    const url = await inbox.start();
    const body = signedBody(SIGNING_KEY);
    await post(url, body);
    const [entry] = (await inbox.list(undefined)).deliveries;
    const target = await startLocalServer((_req, res) => res.writeHead(202).end('thanks'));
    try {
      const result = await inbox.replay(entry?.id ?? '', `${target.origin}/hook`);
      expect(result).toMatchObject({ status: 202, bodyExcerpt: 'thanks', truncated: false });
      expect(target.requests[0]?.body.toString('utf8')).toBe(body);
      expect(target.requests[0]?.headers['content-type']).toBe('application/json');
    } finally {
      await target.close();
    }
    await expect(inbox.replay(entry?.id ?? '', 'https://hooks.example.com/hook')).rejects.toMatchObject({ code: 'forbidden-host' });
    await expect(inbox.replay('missing', `${url}`)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stops listening when stopped', async () => {
    inbox = inboxUnderTest();
    const url = await inbox.start();
    await inbox.stop();
    await expect(post(url, signedBody(SIGNING_KEY))).rejects.toThrow();
    await expect(inbox.start()).rejects.toMatchObject({ code: 'unsupported' });
  });
});
