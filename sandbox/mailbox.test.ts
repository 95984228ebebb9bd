import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMailbox, mimeOf } from './mailbox';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('mailbox', () => {
  it('lists every accepted message newest first, with the parts to show and a MIME form', async () => {
    const form = new FormData();
    form.append('from', `Shop <shop@${US}>`);
    form.append('to', 'ann@example.com');
    form.append('subject', 'Your receipt');
    form.append('text', 'Plain words');
    form.append('html', '<p>Rich words</p>');
    form.append('h:X-Order', '42');
    form.append('attachment', new Blob(['hello file'], { type: 'text/plain' }), 'note.txt');
    const sent = await t.call(`/v3/${US}/messages`, { form });
    expect(sent.status).toBe(200);
    const [newest] = listMailbox(await t.sandbox.admin.state(), Date.now());
    expect(newest).toMatchObject({
      region: 'us',
      message: { messageId: sent.body.id, subject: 'Your receipt', html: '<p>Rich words</p>' },
    });
    const mime = mimeOf(newest?.message as NonNullable<typeof newest>['message'], () => 'B');
    expect(mime).toContain('Subject: Your receipt\r\n');
    expect(mime).toContain('X-Order: 42\r\n');
    expect(mime).toContain('Content-Type: multipart/mixed; boundary="mixed-B"');
    expect(mime).toContain('Content-Type: multipart/alternative; boundary="alt-B"');
    expect(mime).toContain('\r\n\r\n<p>Rich words</p>\r\n');
    expect(mime).toContain(
      `filename="note.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('hello file').toString('base64')}`,
    );
    expect(mime.trimEnd().endsWith('--mixed-B--')).toBe(true);
  });

  it('gives a messages.mime message back as it was posted', async () => {
    const raw = `From: shop@${US}\r\nTo: ann@example.com\r\nSubject: Raw one\r\n\r\nBody\r\n`;
    const form = new FormData();
    form.append('to', 'ann@example.com');
    form.append('message', new Blob([raw]), 'message.mime');
    expect((await t.call(`/v3/${US}/messages.mime`, { form })).status).toBe(200);
    const [newest] = listMailbox(await t.sandbox.admin.state(), Date.now());
    expect(newest && mimeOf(newest.message)).toBe(raw);
  });
});
