import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

const valid = { from: `Shop <shop@${US}>`, to: 'alice@example.com', subject: 'Hello', text: 'Hi there' };
const path = `/v3/${US}/messages`;

function without(name: keyof typeof valid): Record<string, string> {
  const copy: Record<string, string> = { ...valid };
  delete copy[name];
  return copy;
}

describe('POST /v3/{domain}/messages', () => {
  it('queues a valid message with a Mailgun-style id', async () => {
    const result = await t.call(path, { form: valid });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      id: expect.stringMatching(new RegExp(`^<20\\d{12}\\.\\d+\\.[0-9A-F]{16}@${US.replace(/\./g, '\\.')}>$`)),
      message: 'Queued. Thank you.',
    });
  });

  it('accepts urlencoded bodies too', async () => {
    expect((await t.call(path, { urlencoded: { ...valid, to: ['a@example.com', 'b@example.com'] } })).status).toBe(200);
  });

  it.each([
    ['from', "'from' parameter is missing"],
    ['to', "'to' parameter is missing"],
    ['subject', "'subject' parameter is missing"],
  ] as const)('requires %s', async (name, message) => {
    expect(await t.call(path, { form: without(name) })).toMatchObject({ status: 400, body: { message } });
  });

  it('requires one of text, html, amp-html or template', async () => {
    const result = await t.call(path, { form: without('text') });
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/text, html, amp-html or template/);
    for (const name of ['html', 'amp-html'])
      expect((await t.call(path, { form: { ...without('text'), [name]: '<p>x</p>' } })).status).toBe(200);
  });

  it('checks addresses', async () => {
    expect(await t.call(path, { form: { ...valid, to: 'not-an-address' } })).toMatchObject({
      status: 400,
      body: { message: 'to parameter is not a valid address. please check documentation' },
    });
    expect(await t.call(path, { form: { ...valid, cc: 'a@example.com, broken@' } })).toMatchObject({
      status: 400,
      body: { message: 'cc parameter is not a valid address. please check documentation' },
    });
    expect((await t.call(path, { form: { ...valid, from: 'nobody' } })).body.message).toMatch(/'from' parameter is not a valid address/);
    expect((await t.call(path, { form: { ...valid, to: '"Doe, Jane" <jane@example.com>, bob@example.org' } })).status).toBe(200);
  });

  it('allows at most 1000 recipients', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.com`);
    expect((await t.call(path, { form: { ...valid, to: many(999), cc: 'x@example.com' } })).status).toBe(200);
    const over = await t.call(path, { form: { ...valid, to: many(1000), bcc: 'x@example.com' } });
    expect(over.status).toBe(400);
    expect(over.body.message).toMatch(/at most 1000/);
  });

  it('limits o:, h:, v: and t: parameters to 16KB together', async () => {
    expect((await t.call(path, { form: { ...valid, 'v:a': 'x'.repeat(8000), 'h:X-B': 'y'.repeat(8000) } })).status).toBe(200);
    const over = await t.call(path, { form: { ...valid, 'v:a': 'x'.repeat(9000), 'o:tag': 'y'.repeat(8000) } });
    expect(over.status).toBe(400);
    expect(over.body.message).toMatch(/16KB/);
  });

  it('validates delivery time, recipient variables and tags', async () => {
    expect((await t.call(path, { form: { ...valid, 'o:deliverytime': 'tomorrow' } })).status).toBe(400);
    expect((await t.call(path, { form: { ...valid, 'o:deliverytime': 'Thu, 13 Oct 2033 18:02:00 +0000' } })).status).toBe(200);
    expect((await t.call(path, { form: { ...valid, 'recipient-variables': '[1,2]' } })).status).toBe(400);
    expect((await t.call(path, { form: { ...valid, 'o:tag': Array.from({ length: 11 }, (_, i) => `t${i}`) } })).status).toBe(400);
  });

  it('refuses JSON bodies', async () => {
    expect((await t.call(path, { json: valid })).status).toBe(400);
  });

  it('accepts attachments and refuses messages over 25MB with 413', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(valid)) form.append(k, v);
    form.append('attachment', new Blob(['hello']), 'a.txt');
    form.append('inline', new Blob(['png']), 'logo.png');
    expect((await t.call(path, { form })).status).toBe(200);
    const events = await t.call(`/v3/${US}/events?event=accepted&limit=1`);
    expect(events.body.items[0].message.attachments).toEqual([
      { filename: 'a.txt', 'content-type': 'application/octet-stream', size: 5 },
      { filename: 'logo.png', 'content-type': 'application/octet-stream', size: 3 },
    ]);

    const big = new FormData();
    for (const [k, v] of Object.entries(valid)) big.append(k, v);
    big.append('attachment', new Blob([new Uint8Array(26 * 1024 * 1024)]), 'big.bin');
    const tooBig = await t.call(path, { form: big });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.message).toMatch(/25MB/);
  });

  it('checks templates exist', async () => {
    expect((await t.call(path, { form: { ...without('text'), template: 'welcome' } })).status).toBe(200);
    expect((await t.call(path, { form: { ...without('text'), template: 'welcome', 't:version': 'v2' } })).status).toBe(200);
    expect((await t.call(path, { form: { ...without('text'), template: 'missing' } })).status).toBe(400);
    expect((await t.call(path, { form: { ...without('text'), template: 'welcome', 't:version': 'nope' } })).status).toBe(400);
    expect((await t.call(path, { form: { ...valid, html: '<p/>', template: 'welcome' } })).status).toBe(400);
  });

  it('records events that follow the simulated outcome rules', async () => {
    const sent = await t.call(path, {
      form: { ...valid, to: 'bounce-me@example.com, defer+x@example.com, ok@example.com, angry@example.com', 'o:tag': 'rules' },
    });
    const id = (sent.body.id as string).slice(1, -1);
    const events = await t.call(`/v3/${US}/events?message-id=${encodeURIComponent(id)}&ascending=yes&limit=300`);
    const summary = events.body.items.map((e: { event: string; recipient: string; severity?: string; reason?: string }) => [
      e.event,
      e.recipient,
      e.severity ?? null,
      e.reason ?? null,
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['accepted', 'bounce-me@example.com', null, null],
        ['failed', 'bounce-me@example.com', 'permanent', 'bounce'],
        ['failed', 'defer+x@example.com', 'temporary', 'generic'],
        ['delivered', 'ok@example.com', null, null],
        ['opened', 'ok@example.com', null, null],
        ['failed', 'angry@example.com', 'permanent', 'suppress-complaint'],
      ]),
    );
    expect((await t.call(`/v3/${US}/bounces/bounce-me@example.com`)).status).toBe(200);
    expect((await t.call(`/v3/${US}/tag?tag=rules`)).status).toBe(200);
  });

  it('marks test-mode sends and skips opens for them', async () => {
    const sent = await t.call(path, { form: { ...valid, to: 'quiet@example.com', 'o:testmode': 'yes' } });
    const id = (sent.body.id as string).slice(1, -1);
    const events = await t.call(`/v3/${US}/events?message-id=${encodeURIComponent(id)}`);
    expect(events.body.items.map((e: { event: string }) => e.event).sort()).toEqual(['accepted', 'delivered']);
    expect(events.body.items[0].flags['is-test-mode']).toBe(true);
  });
});

describe('POST /v3/{domain}/messages.mime', () => {
  const mime = 'From: Shop <shop@sandbox.mg.example.com>\r\nTo: alice@example.com\r\nSubject: Raw hello\r\n\r\nBody';

  it('queues a MIME message and reads its headers for the events', async () => {
    const form = new FormData();
    form.append('to', 'alice@example.com');
    form.append('message', new Blob([mime]), 'message.mime');
    const result = await t.call(`/v3/${US}/messages.mime`, { form });
    expect(result).toMatchObject({ status: 200, body: { message: 'Queued. Thank you.' } });
    const events = await t.call(`/v3/${US}/events?subject=Raw%20hello&event=accepted`);
    expect(events.body.items[0].message.headers).toMatchObject({ from: 'Shop <shop@sandbox.mg.example.com>', subject: 'Raw hello' });
  });

  it('requires to and message', async () => {
    expect(await t.call(`/v3/${US}/messages.mime`, { form: { message: mime } })).toMatchObject({
      status: 400,
      body: { message: "'to' parameter is missing" },
    });
    expect(await t.call(`/v3/${US}/messages.mime`, { form: { to: 'a@example.com' } })).toMatchObject({
      status: 400,
      body: { message: "'message' parameter is missing" },
    });
  });
});
