import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * Sending through the real UI and the real main-process sender to servers
 * built for each case on 127.0.0.1: one that records what arrives, one that
 * never answers, and a port nobody listens on.
 */

const apiKey = 'key-e2e0sending0a1b2c3d4e5f60718';

interface Captured {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

interface LocalServer {
  readonly baseUrl: string;
  readonly requests: Captured[];
  close(): Promise<void>;
}

type Reply = (request: Captured, response: ServerResponse) => void;

async function startServer(reply: Reply | null): Promise<LocalServer> {
  const requests: Captured[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const captured = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
      requests.push(captured);
      // Without a reply the request stalls until the client gives up or the test closes the server.
      reply?.(captured, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const queued: Reply = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: '<20250901120000.e2e@mg.example.com>', message: 'Queued. Thank you.' }));
};

/** A port that was just free: opened, then closed, so connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** A custom-URL environment pointing at a local server, created and selected through the bridge as the manager would. */
async function selectLocalEnvironment(page: Page, name: string, baseUrl: string): Promise<void> {
  const outcome = await page.evaluate(
    async ({ name, baseUrl, key }) => {
      type Bridge = Record<string, (arg?: unknown) => Promise<{ ok: boolean; value?: { id: string }; error?: unknown }>>;
      const bridge = (window as unknown as { mailgun: Bridge }).mailgun;
      const saved = await bridge.saveEnvironment?.({
        name,
        region: 'custom',
        baseUrl,
        domain: 'mg.example.com',
        keyKind: 'primary',
        readOnly: false,
        colour: 'teal',
      });
      if (!saved?.ok || !saved.value) return { ok: false, error: saved?.error ?? 'saveEnvironment is not on the bridge' };
      const stored = await bridge.setApiKey?.({ environmentId: saved.value.id, key });
      if (!stored?.ok) return { ok: false, error: stored?.error ?? 'setApiKey is not on the bridge' };
      const active = await bridge.setActiveEnvironment?.({ id: saved.value.id });
      return active?.ok ? { ok: true } : { ok: false, error: active?.error ?? 'setActiveEnvironment is not on the bridge' };
    },
    { name, baseUrl, key: apiKey },
  );
  expect(outcome).toEqual({ ok: true });
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('env-active-name')).toHaveText(name);
}

async function openMessageForm(page: Page): Promise<void> {
  await page.getByTestId('catalog-filter').fill('send message');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="messages.send"]').getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-title')).toHaveText('Send a message assembled from fields');
}

async function fillPlainMessage(page: Page): Promise<void> {
  await page.getByTestId('input-from').fill('Shop <orders@mg.example.com>');
  await page.getByTestId('input-to-0').fill('alice@example.com');
  await page.getByTestId('input-subject').fill('Your order');
  await page.getByTestId('input-text').fill('It is on its way.');
}

async function expectPlainMessageIntact(page: Page): Promise<void> {
  await expect(page.getByTestId('input-from')).toHaveValue('Shop <orders@mg.example.com>');
  await expect(page.getByTestId('input-to-0')).toHaveValue('alice@example.com');
  await expect(page.getByTestId('input-subject')).toHaveValue('Your order');
  await expect(page.getByTestId('input-text')).toHaveValue('It is on its way.');
}

test('a message filled in the form arrives as exactly that multipart body, with Basic auth', async ({ app }) => {
  const { page } = app;
  const server = await startServer(queued);
  const folder = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-attachments-'));
  try {
    const textFile = path.join(folder, 'notes.txt');
    const binaryFile = path.join(folder, 'pixel.bin');
    const textBytes = Buffer.from('Delivery notes: leave at the door.\n', 'utf8');
    const binaryBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await writeFile(textFile, textBytes);
    await writeFile(binaryFile, binaryBytes);

    await selectLocalEnvironment(page, 'Capture server', server.baseUrl);
    await openMessageForm(page);
    await page.getByTestId('input-from').fill('Shop <orders@mg.example.com>');
    await page.getByTestId('input-to-0').fill('alice@example.com');
    await page.getByTestId('input-to-add').click();
    await page.getByTestId('input-to-1').fill('bob@example.org');
    await page.getByTestId('input-subject').fill('Your order #42');
    await page.getByTestId('input-text').fill('Thanks for shopping with us.');

    app.main.dialogs.pickNext(textFile, binaryFile);
    await page.getByTestId('input-attachment-choose').click();
    const picked = page.getByTestId('input-attachment-file');
    await expect(picked).toHaveCount(2);
    await expect(picked.nth(0)).toContainText('notes.txt');
    await expect(picked.nth(1)).toContainText('pixel.bin');

    const editor = page.getByTestId('request-editor');
    await editor.getByTestId('tab-options').click();
    await page.getByTestId('family-add-o').click();
    const tagRow = page.getByTestId('family-o').getByTestId('family-row');
    await tagRow.getByTestId('family-row-name').fill('tag');
    await tagRow.getByTestId('family-row-value').fill('september-sale');
    await page.getByTestId('family-add-v').click();
    const variableRow = page.getByTestId('family-v').getByTestId('family-row');
    await variableRow.getByTestId('family-row-name').fill('order-id');
    await variableRow.getByTestId('family-row-value').fill('42');
    await expect(page.getByTestId('resolved-url')).toHaveText(`${server.baseUrl}/v3/mg.example.com/messages`);

    await page.getByTestId('send-button').click();
    const viewer = page.getByTestId('response-viewer');
    await expect(viewer.getByTestId('status-chip')).toContainText('200');
    await expect(viewer.getByTestId('response-body')).toContainText('Queued. Thank you.');

    const sent = server.requests.filter((request) => request.url.endsWith('/messages'));
    expect(sent).toHaveLength(1);
    const [request] = sent as [Captured];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v3/mg.example.com/messages');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}`);
    const contentType = request.headers['content-type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; ?boundary=/);

    const form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType } }).formData();
    expect(form.getAll('from')).toEqual(['Shop <orders@mg.example.com>']);
    expect(form.getAll('to')).toEqual(['alice@example.com', 'bob@example.org']);
    expect(form.getAll('subject')).toEqual(['Your order #42']);
    expect(form.getAll('text')).toEqual(['Thanks for shopping with us.']);
    expect(form.getAll('o:tag')).toEqual(['september-sale']);
    expect(form.getAll('v:order-id')).toEqual(['42']);
    const attachments = form.getAll('attachment');
    expect(attachments).toHaveLength(2);
    const [first, second] = attachments as [File, File];
    expect(first.name).toBe('notes.txt');
    expect(Buffer.from(await first.arrayBuffer()).equals(textBytes)).toBe(true);
    expect(second.name).toBe('pixel.bin');
    expect(Buffer.from(await second.arrayBuffer()).equals(binaryBytes)).toBe(true);
    expect(new Set(form.keys())).toEqual(new Set(['from', 'to', 'subject', 'text', 'attachment', 'o:tag', 'v:order-id']));

    expect(app.consoleErrors).toEqual([]);
  } finally {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('a stalled send can be cancelled with Escape or the Cancel button, and the form keeps its values', async ({ app }) => {
  const { page } = app;
  const server = await startServer(null);
  try {
    await selectLocalEnvironment(page, 'Stalling server', server.baseUrl);
    await openMessageForm(page);
    await fillPlainMessage(page);

    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('response-pending')).toBeVisible();
    await expect.poll(() => server.requests.length).toBe(1);
    await page.keyboard.press('Escape');
    const error = page.getByTestId('send-error');
    await expect(error).toHaveAttribute('data-error-code', 'cancelled');
    await expect(error).toContainText('Cancelled');
    await expect(error).toContainText('The request was cancelled.');
    await expect(page.getByTestId('send-button')).toBeEnabled();
    await expectPlainMessageIntact(page);

    await page.getByTestId('send-button').click();
    await expect.poll(() => server.requests.length).toBe(2);
    await page.getByTestId('cancel-button').click();
    await expect(error).toHaveAttribute('data-error-code', 'cancelled');
    await expect(page.getByTestId('send-button')).toBeVisible();
    await expectPlainMessageIntact(page);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('a refused connection shows what happened and what to do, and the form keeps its values', async ({ app }) => {
  const { page } = app;
  const port = await closedPort();
  await selectLocalEnvironment(page, 'Nobody listening', `http://127.0.0.1:${port}`);
  await openMessageForm(page);
  await fillPlainMessage(page);

  await page.getByTestId('send-button').click();
  const error = page.getByTestId('send-error');
  await expect(error).toHaveAttribute('data-error-code', 'connection-refused');
  await expect(error).toContainText('Connection refused');
  await expect(error.locator('.send-error-message')).toContainText(`127.0.0.1:${port}`);
  await expect(error.locator('.send-error-hint')).not.toBeEmpty();
  await expectPlainMessageIntact(page);
  expect(app.consoleErrors).toEqual([]);
});

test('a server that never answers times out after the timeout set in the workbench', async ({ app }) => {
  const { page } = app;
  const server = await startServer(null);
  try {
    await selectLocalEnvironment(page, 'Slow server', server.baseUrl);
    await openMessageForm(page);
    await fillPlainMessage(page);
    await page.getByTestId('request-limits').locator('summary').click();
    await page.getByTestId('limit-timeout').fill('1');
    await expect(page.getByTestId('request-limits').locator('summary')).toContainText('1 s');

    await page.getByTestId('send-button').click();
    const error = page.getByTestId('send-error');
    await expect(error).toHaveAttribute('data-error-code', 'timeout', { timeout: 10_000 });
    await expect(error).toContainText('Timed out');
    await expect(error.locator('.send-error-message')).not.toBeEmpty();
    await expect(error.locator('.send-error-hint')).not.toBeEmpty();
    expect(server.requests).toHaveLength(1);
    await expectPlainMessageIntact(page);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await server.close();
  }
});
