import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let now = Date.UTC(2026, 11, 1, 12, 0, 0);
beforeEach(async () => {
  now = Date.UTC(2026, 11, 1, 12, 0, 0);
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

async function sendOne(extra: (form: FormData) => void = () => {}): Promise<{ id: string; storageUrl: string }> {
  const form = new FormData();
  form.append('from', `Shop <shop@${US}>`);
  form.append('to', 'Alice <alice@example.com>');
  form.append('subject', 'Your receipt');
  form.append('text', 'Thanks for your order.');
  form.append('html', '<p>Thanks for your <b>order</b>.</p>');
  form.append('o:tag', 'receipts');
  form.append('h:Reply-To', 'help@example.com');
  extra(form);
  const sent = await t.call(`/v3/${US}/messages`, { form });
  expect(sent.status).toBe(200);
  const events = await t.call(`/v3/${US}/events?message-id=${encodeURIComponent(sent.body.id.slice(1, -1))}&event=accepted`);
  const storageUrl: string = events.body.items[0].storage.url;
  return { id: sent.body.id, storageUrl };
}

describe('stored messages', () => {
  it('answers the message actually sent at its storage key, not an example', async () => {
    const { id, storageUrl } = await sendOne((form) =>
      form.append('attachment', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'order.csv'),
    );
    const path = new URL(storageUrl).pathname.replace(/^\/us/, '');
    const stored = await t.call(path);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      From: `Shop <shop@${US}>`,
      To: 'Alice <alice@example.com>',
      Subject: 'Your receipt',
      'Message-Id': id,
      'X-Mailgun-Tag': 'receipts',
      'Reply-To': 'help@example.com',
      sender: `shop@${US}`,
      recipients: 'alice@example.com',
      'body-plain': 'Thanks for your order.',
      'body-html': '<p>Thanks for your <b>order</b>.</p>',
      attachments: [{ name: 'order.csv', 'content-type': 'text/csv', size: 8 }],
    });
    expect(stored.body['message-headers']).toContainEqual(['Subject', 'Your receipt']);
    const file = await fetch(stored.body.attachments[0].url, { headers: { authorization: (await import('./test-support')).sandboxAuth } });
    expect(await file.text()).toBe('a,b\n1,2\n');
  });

  it('resends the stored message to new recipients, who get their own events', async () => {
    const { storageUrl } = await sendOne();
    const path = new URL(storageUrl).pathname.replace(/^\/us/, '');
    const resent = await t.call(path, { form: { to: 'resent-to@example.org' } });
    expect(resent).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^<.+>$/), message: 'Queued. Thank you.' } });
    const events = await t.call(`/v3/${US}/events?recipient=resent-to@example.org&event=delivered`);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].message.headers.subject).toBe('Your receipt');
    expect((await t.call(path, { form: { to: 'not an address' } })).status).toBe(400);
  });

  it('forgets messages after the domain message_ttl, and unknown keys are 404', async () => {
    const { storageUrl } = await sendOne();
    const path = new URL(storageUrl).pathname.replace(/^\/us/, '');
    expect((await t.call(`/v3/domains/${US}/messages/no-such-key`)).status).toBe(404);
    now += 3 * 86_400_000 + 1000;
    expect(await t.call(path)).toMatchObject({ status: 404, body: { message: 'Message not found' } });
  });
});
