import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxServer, type SandboxServer } from '../../sandbox/server';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import { createSandboxMail } from './sandbox-tools';

let dataDir: string;
let sandbox: SandboxServer;
let saved: { name: string; data: Uint8Array }[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sandbox-mail-'));
  sandbox = createSandboxServer({ dataDir });
  saved = [];
});
afterEach(async () => {
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function mail() {
  return createSandboxMail({
    sandbox,
    clock: Date.now,
    previewBase: 'mailgun-preview://message',
    saveFile: async (name, data) => {
      saved.push({ name, data });
      return { saved: true };
    },
  });
}

async function sendWithAttachment(bytes: number): Promise<string> {
  const { usBaseUrl } = await sandbox.start();
  const form = new FormData();
  form.append('from', `shop@${SANDBOX_US_DOMAIN}`);
  form.append('to', 'ann@example.com');
  form.append('subject', 'With a file');
  form.append('html', '<p>See attached</p>');
  form.append('attachment', new Blob([new Uint8Array(bytes).fill(65)], { type: 'text/plain' }), 'notes.txt');
  const response = await fetch(`${usBaseUrl}/v3/${SANDBOX_US_DOMAIN}/messages`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}` },
    body: form,
  });
  return ((await response.json()) as { id: string }).id;
}

describe('sandbox mail', () => {
  it('lists the message just sent first and opens it with its parts', async () => {
    const id = await sendWithAttachment(10);
    const [first] = await mail().list();
    expect(first).toMatchObject({ region: 'us', domain: SANDBOX_US_DOMAIN, messageId: id, subject: 'With a file', attachmentCount: 1 });
    const detail = await mail().get({ region: 'us', domain: SANDBOX_US_DOMAIN, key: first?.key ?? '' });
    expect(detail.html).toBe('<p>See attached</p>');
    expect(detail.attachments).toEqual([{ index: 0, name: 'notes.txt', contentType: 'text/plain', size: 10, kept: true }]);
    expect(detail.mime).toContain('Subject: With a file');
    expect(detail.previewUrl).toBe(`mailgun-preview://message/us/${SANDBOX_US_DOMAIN}/${encodeURIComponent(first?.key ?? '')}`);
  });

  it('looks up a preview’s HTML by the message’s region, domain and key, and nothing else', async () => {
    await sendWithAttachment(10);
    const [first] = await mail().list();
    const key = first?.key ?? '';
    expect(await mail().previewHtml({ region: 'us', domain: SANDBOX_US_DOMAIN, key })).toBe('<p>See attached</p>');
    expect(await mail().previewHtml({ region: 'eu', domain: SANDBOX_US_DOMAIN, key })).toBeNull();
    expect(await mail().previewHtml({ region: 'us', domain: SANDBOX_US_DOMAIN, key: 'nope' })).toBeNull();
  });

  it('saves an attachment only through the save dialog, with its bytes', async () => {
    await sendWithAttachment(10);
    const [first] = await mail().list();
    expect(await mail().saveAttachment({ region: 'us', domain: SANDBOX_US_DOMAIN, key: first?.key ?? '', index: 0 })).toEqual({
      saved: true,
    });
    expect(saved[0]?.name).toBe('notes.txt');
    expect(Buffer.from(saved[0]?.data ?? []).toString()).toBe('A'.repeat(10));
    await expect(mail().saveAttachment({ region: 'us', domain: SANDBOX_US_DOMAIN, key: first?.key ?? '', index: 3 })).rejects.toMatchObject(
      {
        code: 'not-found',
      },
    );
  });

  it('says why an attachment too large to keep cannot be saved', async () => {
    await sendWithAttachment(1024 * 1024 + 1);
    const [first] = await mail().list();
    await expect(mail().saveAttachment({ region: 'us', domain: SANDBOX_US_DOMAIN, key: first?.key ?? '', index: 0 })).rejects.toMatchObject(
      {
        code: 'too-large',
      },
    );
    expect(saved).toEqual([]);
  });

  it('answers not-found for a message that is gone', async () => {
    await expect(mail().get({ region: 'eu', domain: SANDBOX_US_DOMAIN, key: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
