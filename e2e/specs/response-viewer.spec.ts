import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { makeEventsJson } from '../../renderer/features/response/fixtures/make-events';
import { BODY_STREAM_CHUNK_BYTES, BODY_STREAM_READ_CHANNEL } from '../../shared/bridge/body-stream';
import { expect, test } from '../fixtures';

/**
 * The response viewer on real responses: a local server answers the events
 * endpoint of a custom-URL environment with whatever body each test needs,
 * and the viewer has to make sense of it.
 */

interface Canned {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Sent without a Content-Length, so only reading it shows how big it is. */
  readonly undeclared?: boolean;
}

interface CannedServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

async function startCannedServer(reply: Canned): Promise<CannedServer> {
  const bytes = Buffer.from(reply.body, 'utf8');
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(reply.status, {
        'content-type': reply.contentType,
        ...(reply.undeclared ? {} : { 'content-length': bytes.byteLength }),
      });
      response.end(bytes);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function selectLocalEnvironment(page: Page, baseUrl: string): Promise<void> {
  const outcome = await page.evaluate(async (baseUrl) => {
    type Bridge = Record<string, (arg?: unknown) => Promise<{ ok: boolean; value?: { id: string }; error?: unknown }>>;
    const bridge = (window as unknown as { mailgun: Bridge }).mailgun;
    const saved = await bridge.saveEnvironment?.({
      name: 'Canned answers',
      region: 'custom',
      baseUrl,
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'teal',
    });
    if (!saved?.ok || !saved.value) return { ok: false, error: saved?.error ?? 'saveEnvironment is not on the bridge' };
    const stored = await bridge.setApiKey?.({ environmentId: saved.value.id, key: 'key-e2e0viewer0a1b2c3d4e5f60718' });
    if (!stored?.ok) return { ok: false, error: stored?.error ?? 'setApiKey is not on the bridge' };
    const active = await bridge.setActiveEnvironment?.({ id: saved.value.id });
    return active?.ok ? { ok: true } : { ok: false, error: active?.error ?? 'setActiveEnvironment is not on the bridge' };
  }, baseUrl);
  expect(outcome).toEqual({ ok: true });
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('env-active-name')).toHaveText('Canned answers');
}

/** Sends the events list for the environment's domain and waits for the viewer to show the status. */
async function fetchEvents(page: Page, reply: Canned, timeout = 15_000): Promise<{ viewer: Locator; close: () => Promise<void> }> {
  const server = await startCannedServer(reply);
  await selectLocalEnvironment(page, server.baseUrl);
  await page.getByTestId('catalog-filter').fill('events');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="events.list"]').getByRole('button').first().click();
  await page.getByTestId('send-button').click();
  const viewer = page.getByTestId('response-viewer');
  // Generous: in the browser harness a large body crosses to the page through a test binding, not Electron's IPC.
  await expect(viewer.getByTestId('status-chip')).toContainText(String(reply.status), { timeout });
  return { viewer, close: () => server.close() };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function occurrences(text: string, term: string): number {
  return text.toLowerCase().split(term.toLowerCase()).length - 1;
}

test('a 5 MB events page shows as a tree that expands, collapses and searches, with raw and table views', async ({ app }) => {
  // 5 MB crosses to the page through a Playwright binding here; on a busy two-core machine that alone takes seconds.
  test.setTimeout(60_000);
  const { page } = app;
  const text = makeEventsJson(5);
  const document = JSON.parse(text) as { items: { recipient: string }[] };
  const { viewer, close } = await fetchEvents(page, { status: 200, contentType: 'application/json', body: text });
  try {
    await expect(viewer.getByTestId('response-size')).toContainText('MB');
    const tree = viewer.getByTestId('json-tree');
    await expect(tree).toBeVisible({ timeout: 15_000 });
    const rows = tree.getByTestId('json-row');
    const itemsRow = rows.filter({ hasText: /^[▸▾]\s*items:/ });
    const firstItem = rows.filter({ hasText: /^[▸▾]\s*0:/ });
    // The recipient as a row of its own, not inside the one-line preview of its collapsed event.
    const firstRecipient = rows.filter({
      hasText: new RegExp(`^\\s*recipient: "${escapeRegExp(document.items[0]?.recipient ?? '')}"\\s*$`),
    });
    await expect(itemsRow).toContainText(`${document.items.length.toLocaleString('en-GB')} items`);
    await expect(itemsRow).toHaveAttribute('aria-expanded', 'true');
    await expect(firstItem).toHaveAttribute('aria-expanded', 'false');
    await expect(firstRecipient).toHaveCount(0);

    await firstItem.getByTestId('json-toggle').click();
    await expect(firstItem).toHaveAttribute('aria-expanded', 'true');
    await expect(firstRecipient).toHaveCount(1);
    await firstItem.getByTestId('json-toggle').click();
    await expect(firstRecipient).toHaveCount(0);

    await itemsRow.getByTestId('json-toggle').click();
    await expect(itemsRow).toHaveAttribute('aria-expanded', 'false');
    await expect(firstItem).toHaveCount(0);
    await itemsRow.getByTestId('json-toggle').click();
    await expect(firstItem).toHaveCount(1);

    await viewer.getByTestId('tree-collapse-all').click();
    // The root stays open, so collapsing everything leaves its two members, closed.
    await expect(rows).toHaveCount(3);
    await expect(itemsRow).toHaveAttribute('aria-expanded', 'false');
    await expect(rows.filter({ hasText: /^[▸▾]\s*paging:/ })).toHaveAttribute('aria-expanded', 'false');

    // A recipient deep in the list: it appears in three fields of its own event and nowhere else.
    const term = document.items[2345]?.recipient ?? 'missing';
    const matches = occurrences(text, term);
    expect(matches).toBe(3);
    const search = viewer.getByTestId('body-search');
    const count = viewer.getByTestId('body-search-count');
    await search.fill(term);
    await expect(count).toHaveText(`1 of ${matches}`, { timeout: 15_000 });
    const current = tree.locator('.jt-row.current-match');
    await expect(current).toContainText(term);
    await viewer.getByTestId('body-search-next').click();
    await expect(count).toHaveText(`2 of ${matches}`);
    await expect(current).toContainText(term);
    await search.press('Enter');
    await expect(count).toHaveText(`3 of ${matches}`);
    await viewer.getByTestId('body-search-prev').click();
    await expect(count).toHaveText(`2 of ${matches}`);
    await search.press('Shift+Enter');
    await search.press('Shift+Enter');
    await expect(count).toHaveText(`${matches} of ${matches}`);

    await viewer.getByTestId('tab-raw').click();
    const raw = viewer.getByTestId('raw-view');
    await expect(raw).toBeVisible({ timeout: 15_000 });
    await expect(count).toHaveText(`1 of ${matches}`, { timeout: 15_000 });
    await expect(raw.locator('.raw-row.current-match')).toContainText(term);
    await search.fill('');
    await raw.evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect(raw.getByTestId('raw-row').first()).toContainText('{');

    await viewer.getByTestId('tab-table').click();
    const table = viewer.getByTestId('table-view');
    await expect(table).toBeVisible();
    await expect(table).toHaveAttribute('aria-label', new RegExp(`^items as a table, ${document.items.length} rows$`));
    const columns = await table.getByTestId('table-column').allTextContents();
    expect(columns).toEqual(expect.arrayContaining(['event', 'recipient', 'timestamp']));
    await expect(table.getByTestId('table-row').first()).toContainText(document.items[0]?.recipient ?? '');

    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test.describe('a 50 MB response', () => {
  // A long task is wall-clock time: on a 2-core machine where the other worker runs a spec, preemption alone can
  // stretch one past 50 ms, so this runs in the `browser-alone` project, after the others. The retries cover
  // whatever else the machine is doing; a real regression fails every try.
  test.describe.configure({ retries: 2 });

  test('a 50 MB events page is expanded, searched and scrolled to its last item without a main-thread task over 50 ms', {
    tag: '@alone',
  }, async ({ app }) => {
    // 50 MB crosses to the page in 1 MB chunks through a Playwright binding here, which takes seconds on a busy machine.
    test.setTimeout(240_000);
    const { page } = app;
    const text = makeEventsJson(50);
    const items = (JSON.parse(text) as { items: { recipient: string }[] }).items;
    const last = items.length - 1;
    const { viewer, close } = await fetchEvents(page, { status: 200, contentType: 'application/json', body: text }, 120_000);
    try {
      const tree = viewer.getByTestId('json-tree');
      await expect(tree).toBeVisible({ timeout: 30_000 });
      const rows = tree.getByTestId('json-row');
      const itemsRow = rows.filter({ hasText: /^[▸▾]\s*items:/ });
      await expect(itemsRow).toContainText(`${items.length.toLocaleString('en-GB')} items`, { timeout: 60_000 });
      await expect(viewer.getByTestId('tree-row-count')).not.toContainText('Reading', { timeout: 60_000 });
      // The body came as a stream: the answer names it, and no message to the page carried more than one chunk.
      const answer = app.main.calls.find((call) => call.method === 'sendRequest')?.result;
      expect(answer?.ok && (answer.value as { body: { kind: string } }).body.kind).toBe('stream');
      const chunks = app.main.calls.filter((call) => call.method === BODY_STREAM_READ_CHANNEL).map((call) => call.result);
      expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(text.length / BODY_STREAM_CHUNK_BYTES));
      for (const chunk of chunks) {
        const message = chunk.ok ? (chunk.value as { type: string; bytes?: Uint8Array }) : undefined;
        expect(message?.bytes?.byteLength ?? 0).toBeLessThanOrEqual(BODY_STREAM_CHUNK_BYTES);
      }

      // From here on, every task the page runs is watched: the viewer's own work, not the harness's delivery.
      await page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks.push(Math.round(entry.duration));
        }).observe({ type: 'longtask' });
      });

      const firstItem = rows.filter({ hasText: /^[▸▾]\s*0:/ });
      await firstItem.getByTestId('json-toggle').click();
      await expect(firstItem).toHaveAttribute('aria-expanded', 'true');
      await expect(rows.filter({ hasText: new RegExp(`^\\s*recipient: "${escapeRegExp(items[0]?.recipient ?? '')}"`) })).toHaveCount(1);

      const term = items[last - 7]?.recipient ?? 'missing';
      expect(occurrences(text, term)).toBe(3);
      const search = viewer.getByTestId('body-search');
      const count = viewer.getByTestId('body-search-count');
      await search.fill(term);
      await expect(count).toHaveText('1 of 3', { timeout: 90_000 });
      await expect(tree.locator('.jt-row.current-match')).toContainText(term);
      await search.press('Enter');
      await expect(count).toHaveText('2 of 3');
      await search.fill('');

      await viewer.getByTestId('tree-collapse-all').click();
      await expect(rows).toHaveCount(3);
      await itemsRow.getByTestId('json-toggle').click();
      await expect(itemsRow).toHaveAttribute('aria-expanded', 'true');
      await tree.focus();
      await tree.press('End');
      const lastItem = rows.filter({ hasText: new RegExp(`^[▸▾]\\s*${last}:`) });
      await expect(lastItem).toBeVisible();
      await lastItem.getByTestId('json-toggle').click();
      await expect(rows.filter({ hasText: new RegExp(`^\\s*recipient: "${escapeRegExp(items[last]?.recipient ?? '')}"`) })).toBeVisible();

      const longTasks = await page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return (window as unknown as { __longTasks: number[] }).__longTasks;
      });
      expect(longTasks.filter((duration) => duration > 50)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});

test('a tree row copies its value and its path from the context menu, by mouse and keyboard', async ({ app }) => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const body = JSON.stringify({ items: [{ event: 'delivered', recipient: 'ana@example.com', tags: ['a', 'b'] }] });
  const { viewer, close } = await fetchEvents(page, { status: 200, contentType: 'application/json', body });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  try {
    const tree = viewer.getByTestId('json-tree');
    const rows = tree.getByTestId('json-row');
    await rows
      .filter({ hasText: /^[▸▾]\s*0:/ })
      .getByTestId('json-toggle')
      .click();
    await rows.filter({ hasText: /^\s*recipient:/ }).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for this value' });
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Copy value',
      'Copy path',
      'Investigate recipient',
      'Trace message',
      'Open in workbench',
    ]);
    await menu.getByRole('menuitem', { name: 'Copy value' }).click();
    await expect(page.getByTestId('toaster')).toContainText('Value copied.');
    expect(await clipboard()).toBe('ana@example.com');

    await rows.filter({ hasText: /^[▸▾]\s*tags:/ }).click();
    await tree.press('Shift+F10');
    await expect(menu.getByRole('menuitem', { name: 'Copy value' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(clipboard).toBe(JSON.stringify(['a', 'b'], null, 2));
    await tree.press('ContextMenu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(clipboard).toBe('items[0].tags');
    await expect(tree).toBeFocused();
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('a streamed body that passes the size cap on its way shows the cap error and what to do, not a half tree', async ({ app }) => {
  const { page } = app;
  const server = await startCannedServer({ status: 200, contentType: 'application/json', body: makeEventsJson(6), undeclared: true });
  try {
    await selectLocalEnvironment(page, server.baseUrl);
    await page.getByTestId('catalog-filter').fill('events');
    await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="events.list"]').getByRole('button').first().click();
    await page.getByTestId('request-limits').locator('summary').click();
    await page.getByTestId('limit-size').fill('4');
    await expect(page.getByTestId('request-limits').locator('summary')).toContainText('4 MB');
    await page.getByTestId('send-button').click();
    const viewer = page.getByTestId('response-viewer');
    const failed = viewer.getByTestId('body-stream-failed');
    await expect(failed).toContainText('The body stopped arriving', { timeout: 15_000 });
    await expect(failed).toContainText('larger than the 4 MB limit');
    await expect(failed).toContainText('raise the response size limit');
    await expect(viewer.getByTestId('json-tree')).toHaveCount(0);
    await expect(viewer.getByTestId('copy-body')).toHaveCount(0);
    const answer = app.main.calls.find((call) => call.method === 'sendRequest')?.result;
    expect(answer?.ok && (answer.value as { body: { kind: string } }).body.kind).toBe('stream');
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('a body that claims to be JSON but is not is shown as text, with a warning', async ({ app }) => {
  const body = '{"items": [{"event": "delivered"}, ';
  const { viewer, close } = await fetchEvents(app.page, { status: 200, contentType: 'application/json', body });
  try {
    await expect(viewer.getByTestId('body-note')).toContainText('is not valid JSON');
    await expect(viewer.getByTestId('tab-tree')).toHaveCount(0);
    await expect(viewer.getByTestId('tab-raw')).toHaveAttribute('aria-selected', 'true');
    await expect(viewer.getByTestId('raw-view')).toContainText(body.trim());
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('an empty body marked as JSON says so instead of failing to parse', async ({ app }) => {
  const { viewer, close } = await fetchEvents(app.page, { status: 200, contentType: 'application/json; charset=utf-8', body: '' });
  try {
    await expect(viewer.getByTestId('body-note')).toContainText('has no body');
    await expect(viewer.getByTestId('empty-body')).toContainText('The response has no body');
    await expect(viewer.getByTestId('response-size')).toHaveText('0 B');
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('a 502 HTML page from a proxy is flagged and shown as the raw page', async ({ app }) => {
  const body = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1><p>nginx</p></body></html>\n';
  const { viewer, close } = await fetchEvents(app.page, { status: 502, contentType: 'text/html', body });
  try {
    await expect(viewer.getByTestId('status-chip')).toHaveClass(/status-5xx/);
    await expect(viewer.getByTestId('body-note').first()).toContainText('answered 502 with a web page');
    await expect(viewer.getByTestId('raw-view')).toContainText('<h1>Bad Gateway</h1>');
    // The page is text to read, never markup to render.
    await expect(viewer.locator('h1', { hasText: 'Bad Gateway' })).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('the API-root greeting is explained as a wrong path', async ({ app }) => {
  const { viewer, close } = await fetchEvents(app.page, { status: 200, contentType: 'text/plain', body: 'Mailgun Magnificent API' });
  try {
    const diagnosis = viewer.getByTestId('diagnosis');
    await expect(diagnosis).toHaveAttribute('data-diagnosis-id', 'wrong-path');
    await expect(diagnosis).toContainText('API root');
    await expect(viewer.getByTestId('raw-view')).toContainText('Mailgun Magnificent API');
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});
