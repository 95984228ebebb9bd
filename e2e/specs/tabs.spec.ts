import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openEndpointFromCatalog, pointAppAtLocalServer } from '../../bench/custom-environment';
import { makeEventsJson } from '../../renderer/features/response/fixtures/make-events';
import { BODY_STREAM_READ_CHANNEL } from '../../shared/bridge/body-stream';
import { type AppUnderTest, expect, test } from '../fixtures';

/** Finds an endpoint with the catalog filter and clicks (or double-clicks) its row. */
async function openFromCatalog(page: Page, query: string, endpointId: string, how: 'click' | 'dblclick' = 'click'): Promise<void> {
  await page.getByTestId('catalog-filter').fill(query);
  const row = page.locator(`[data-testid="catalog-endpoint"][data-endpoint-id="${endpointId}"]`).getByRole('button').first();
  await row[how]();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', endpointId);
}

const tabs = (page: Page) => page.getByTestId('workbench-tab');
const tabTitles = (page: Page) => page.getByTestId('workbench-tab').locator('.workbench-tab-title');

/** Waits until main has been handed a workspace holding this text, so a restart has something to bring back. */
async function keptByMain(app: AppUnderTest, text: string): Promise<void> {
  await expect
    .poll(() => app.main.calls.filter((call) => call.method === 'saveWorkspace').some((call) => JSON.stringify(call.arg).includes(text)))
    .toBe(true);
}

const endpoints = [
  { query: 'Get a domain', id: 'domains.get', field: 'input-name', value: 'one.example.com', title: 'Get a domain' },
  { query: 'Look up a bounce', id: 'bounces.get', field: 'input-address', value: 'two@example.com', title: 'Look up a bounce' },
  { query: 'send a message', id: 'messages.send', field: 'input-subject', value: 'Three', title: 'Send a message assembled from fields' },
] as const;

async function openThree(page: Page): Promise<void> {
  for (const endpoint of endpoints) {
    await openFromCatalog(page, endpoint.query, endpoint.id);
    // Typing keeps the preview tab, so the next open gets a tab of its own.
    await page.getByTestId(endpoint.field).fill(endpoint.value);
  }
  await expect(tabs(page)).toHaveCount(3);
}

test('three tabs with a value each come back after the services restart on the same data folder', async ({ app }) => {
  const { page } = app;
  await openThree(page);
  await keptByMain(app, endpoints[2].value);

  await app.restart();
  await expect(tabTitles(page)).toHaveText(endpoints.map((endpoint) => endpoint.title));
  // The tab that was active is active again.
  await expect(page.getByTestId('tab-strip').getByRole('tab', { selected: true })).toContainText('Send a message');
  for (const [index, endpoint] of endpoints.entries()) {
    await tabs(page).nth(index).getByRole('tab').click();
    await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', endpoint.id);
    await expect(page.getByTestId(endpoint.field)).toHaveValue(endpoint.value);
  }
  const kept = await readFile(path.join(app.dataDir, 'workspace.json'), 'utf8');
  expect(kept).toContain('two@example.com');
  expect(app.consoleErrors).toEqual([]);
});

test('after the window reloads (as after a renderer crash) the tabs and drafts are back', async ({ app }) => {
  const { page } = app;
  await openThree(page);
  await keptByMain(app, endpoints[2].value);
  await page.reload();
  await expect(tabs(page)).toHaveCount(3);
  await expect(page.getByTestId(endpoints[2].field)).toHaveValue(endpoints[2].value);
});

test('a single click opens a preview tab that the next click replaces; a double click or an edit keeps it', async ({ app }) => {
  const { page } = app;
  await openFromCatalog(page, 'Get a domain', 'domains.get');
  await expect(tabs(page)).toHaveCount(1);
  await expect(tabs(page).first()).toHaveAttribute('data-preview', 'true');
  await expect(tabs(page).first().locator('.workbench-tab-title')).toHaveCSS('font-style', 'italic');

  await openFromCatalog(page, 'Look up a bounce', 'bounces.get');
  await expect(tabTitles(page)).toHaveText(['Look up a bounce']);

  await openFromCatalog(page, 'Look up a bounce', 'bounces.get', 'dblclick');
  await expect(tabs(page).first()).not.toHaveAttribute('data-preview', 'true');
  await openFromCatalog(page, 'Get a domain', 'domains.get');
  await expect(tabTitles(page)).toHaveText(['Look up a bounce', 'Get a domain']);

  await page.getByTestId('input-name').fill('kept.example.com');
  await expect(tabs(page).nth(1)).not.toHaveAttribute('data-preview', 'true');
  await openFromCatalog(page, 'send a message', 'messages.send');
  await expect(tabTitles(page)).toHaveText(['Look up a bounce', 'Get a domain', 'Send a message assembled from fields']);
});

test('Ctrl+W closes the tab, Ctrl+Shift+T brings it back with its value, Ctrl+1…9 and Ctrl+Tab select', async ({ app }) => {
  const { page } = app;
  await openThree(page);
  const selected = page.getByTestId('tab-strip').getByRole('tab', { selected: true });

  await page.keyboard.press('Control+1');
  await expect(selected).toContainText('Get a domain');
  await page.keyboard.press('Control+9');
  await expect(selected).toContainText('Send a message');
  await page.keyboard.press('Control+2');
  await expect(selected).toContainText('Look up a bounce');
  await page.keyboard.press('Control+Tab');
  await expect(selected).toContainText('Send a message');
  await page.keyboard.press('Control+PageUp');
  await expect(selected).toContainText('Look up a bounce');
  await page.keyboard.press('Control+Shift+PageDown');
  await expect(tabTitles(page)).toHaveText(['Get a domain', 'Send a message assembled from fields', 'Look up a bounce']);

  await page.keyboard.press('Control+w');
  await expect(tabTitles(page)).toHaveText(['Get a domain', 'Send a message assembled from fields']);
  await expect(selected).toContainText('Send a message');
  await page.keyboard.press('Control+Shift+T');
  await expect(tabTitles(page)).toHaveText(['Get a domain', 'Send a message assembled from fields', 'Look up a bounce']);
  await expect(page.getByTestId('input-address')).toHaveValue('two@example.com');

  // The tab strip itself: arrows move along it, Delete closes the focused tab.
  await selected.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(selected).toContainText('Send a message');
  await expect(selected).toBeFocused();

  // Middle click closes.
  await tabs(page).first().click({ button: 'middle' });
  await expect(tabTitles(page)).toHaveText(['Send a message assembled from fields', 'Look up a bounce']);
});

test('each tab keeps where its form was scrolled', async ({ app }) => {
  const { page } = app;
  await openThree(page);
  const form = page.locator('.editor-panel');
  await form.evaluate((element) => {
    element.scrollTop = 400;
  });
  await expect.poll(() => form.evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
  const scrolled = await form.evaluate((element) => element.scrollTop);
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.get');
  await expect.poll(() => form.evaluate((element) => element.scrollTop)).toBe(0);
  await page.keyboard.press('Control+3');
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'messages.send');
  await expect.poll(() => form.evaluate((element) => element.scrollTop)).toBe(scrolled);
});

test('Ctrl+T opens the palette into a new tab', async ({ app }) => {
  const { page } = app;
  await openFromCatalog(page, 'Get a domain', 'domains.get', 'dblclick');
  await page.keyboard.press('Control+t');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await expect(tabTitles(page)).toHaveText(['Get a domain', 'New tab']);
  await page.keyboard.type('Look up a bounce');
  await page.getByTestId('palette-option').first().click();
  await expect(tabTitles(page)).toHaveText(['Get a domain', 'Look up a bounce']);
  await expect(tabs(page).nth(1)).not.toHaveAttribute('data-preview', 'true');

  // Into a new tab even when another tab shows the same endpoint.
  await page.keyboard.press('Control+t');
  await page.keyboard.type('Get a domain');
  await page.locator('[data-testid="palette-option"][data-endpoint-id="domains.get"]').click();
  await expect(tabTitles(page)).toHaveText(['Get a domain', 'Look up a bounce', 'Get a domain']);
});

test('the context menu closes the other tabs and duplicates one', async ({ app }) => {
  const { page } = app;
  await openThree(page);
  await tabs(page).nth(1).click({ button: 'right' });
  await page.getByTestId('tab-menu-duplicate').click();
  await expect(tabTitles(page)).toHaveText([
    'Get a domain',
    'Look up a bounce',
    'Look up a bounce',
    'Send a message assembled from fields',
  ]);
  await expect(page.getByTestId('input-address')).toHaveValue('two@example.com');

  await tabs(page).nth(2).click({ button: 'right' });
  await expect(page.getByTestId('tab-menu')).toBeVisible();
  await page.getByTestId('tab-menu-close-others').click();
  await expect(tabTitles(page)).toHaveText(['Look up a bounce']);
  await expect(page.getByTestId('input-address')).toHaveValue('two@example.com');
});

test('closing a tab with unsaved changes to a saved request asks first; Ctrl+S saves over it after the first time', async ({ app }) => {
  const { page } = app;
  await openFromCatalog(page, 'Get a domain', 'domains.get');
  await page.getByTestId('input-name').fill('saved.example.com');

  // The first Ctrl+S asks where to save.
  await page.keyboard.press('Control+s');
  const dialog = page.getByTestId('save-request-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('save-request-name').fill('Check saved domain');
  await page.getByTestId('save-request-new-collection').fill('Daily');
  await page.getByTestId('save-request-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(tabTitles(page)).toHaveText(['Check saved domain']);
  await expect(tabs(page).first()).not.toHaveAttribute('data-unsaved', 'true');

  await page.getByTestId('input-name').fill('changed.example.com');
  await expect(tabs(page).first()).toHaveAttribute('data-unsaved', 'true');
  await page.keyboard.press('Control+w');
  const question = page.getByTestId('close-unsaved');
  await expect(question).toBeVisible();
  await expect(page.getByTestId('close-unsaved-title')).toHaveText('Close “Check saved domain” without saving?');
  await page.getByTestId('close-unsaved-cancel').click();
  await expect(tabs(page)).toHaveCount(1);

  // Saving again writes over the same saved request without asking.
  await page.keyboard.press('Control+s');
  await expect(tabs(page).first()).not.toHaveAttribute('data-unsaved', 'true');
  await expect(dialog).toBeHidden();
  const saves = app.main.calls.filter((call) => call.method === 'saveRequest');
  expect(saves).toHaveLength(2);
  expect((saves[1]?.arg as { id?: string } | undefined)?.id).toBeTruthy();

  await page.getByTestId('input-name').fill('again.example.com');
  await tabs(page).first().click({ button: 'middle' });
  await expect(question).toBeVisible();
  await page.getByTestId('close-unsaved-confirm').click();
  await expect(tabs(page)).toHaveCount(0);
  await expect(page.getByTestId('workbench-empty')).toBeVisible();
});

test('switching between two tabs with big responses and back shows each tree as it was left, without reading the body again', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  // Over 2 MB, so each body is streamed to the page and indexed as it arrives.
  const body = Buffer.from(makeEventsJson(5), 'utf8');
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await pointAppAtLocalServer(page, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await openEndpointFromCatalog(page, 'events', 'events.list');
    const tree = page.getByTestId('json-tree');
    const rows = tree.getByTestId('json-row');
    const sendAndRead = async () => {
      await page.getByTestId('send-button').click();
      await expect(page.getByTestId('tree-row-count')).not.toContainText('Reading', { timeout: 60_000 });
    };
    await sendAndRead();
    await tabs(page).first().click({ button: 'right' });
    await page.getByTestId('tab-menu-duplicate').click();
    await expect(tabs(page)).toHaveCount(2);
    await sendAndRead();

    // In the second tab: scrolled down a little, and an item there expanded.
    await tree.evaluate((element) => {
      element.scrollTop = 440;
    });
    const item = rows.filter({ hasText: /^[▸▾]\s*25:/ });
    await item.getByTestId('json-toggle').click();
    await expect(item).toHaveAttribute('aria-expanded', 'true');
    const scrolled = await tree.evaluate((element) => element.scrollTop);
    const streamReads = () => app.main.calls.filter((call) => call.method === BODY_STREAM_READ_CHANNEL).length;
    const reads = streamReads();

    await tabs(page).first().getByRole('tab').click();
    await expect(tabs(page).first().getByRole('tab')).toHaveAttribute('aria-selected', 'true');
    await expect(tree).toBeVisible();
    await expect(rows.filter({ hasText: /^[▸▾]\s*25:/ })).toHaveCount(0);
    // Back: in the first frame with the tree, it is whole (not indexed again, so no reading step) and the item is still expanded.
    const firstFrame = await page.evaluate(
      (id) =>
        new Promise<{ note: string; expanded: string | null }>((resolve) => {
          document.getElementById(`workbench-tab-${id}`)?.click();
          const check = () => {
            const tab = document.querySelector(`[role="tabpanel"][aria-labelledby="workbench-tab-${id}"]`);
            const note = tab?.querySelector('[data-testid="tree-row-count"]')?.textContent;
            if (note === undefined || note === null) requestAnimationFrame(check);
            else {
              const row = [...(tab?.querySelectorAll('[data-testid="json-row"]') ?? [])].find((r) =>
                /^[▸▾]\s*25:/.test(r.textContent ?? ''),
              );
              resolve({ note, expanded: row?.getAttribute('aria-expanded') ?? null });
            }
          };
          requestAnimationFrame(check);
        }),
      await tabs(page).nth(1).getAttribute('data-tab-id'),
    );
    expect(firstFrame.note).not.toContain('Reading');
    expect(firstFrame.expanded).toBe('true');
    await expect(item).toHaveAttribute('aria-expanded', 'true');
    await expect(item.locator('xpath=following-sibling::*[1]')).toHaveAttribute('aria-level', '4');
    await expect.poll(() => tree.evaluate((element) => element.scrollTop)).toBe(scrolled);
    // Nor was the body fetched from main again.
    expect(streamReads()).toBe(reads);

    // Search still works on the document shown again.
    const recipient = (JSON.parse(body.toString('utf8')) as { items: { recipient: string }[] }).items[25]?.recipient ?? 'missing';
    await page.getByTestId('body-search').fill(recipient);
    await expect(page.getByTestId('body-search-count')).toContainText('1 of', { timeout: 30_000 });
    await expect(tree.locator('.jt-row.current-match')).toContainText(recipient);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
