import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * The layout holds at the smallest supported window: long values scroll or wrap
 * inside their own box, so Send and the response stay on screen.
 */

async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) throw new Error(`${what} is not drawn`);
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} right edge`).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height, `${what} bottom edge`).toBeLessThanOrEqual(size.height);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const main = document.querySelector('main');
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
    };
  });
  expect(widths).toEqual({ page: 0, main: 0 });
}

async function expectUsable(page: Page): Promise<void> {
  await expectInViewport(page, page.getByTestId('send-button'), 'Send');
  await expectInViewport(page, page.getByTestId('status-chip'), 'the response status');
  await expectNoHorizontalScroll(page);
}

for (const viewport of [
  { width: 1360, height: 860 },
  { width: 1024, height: 640 },
]) {
  test(`at ${viewport.width}x${viewport.height} a 300-character value and "Next page" keep Send and the status on screen`, async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize(viewport);
    await page.getByTestId('catalog-filter').fill('events');
    await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="events.list"]').getByRole('button').first().click();
    await page.getByTestId('input-limit').fill('2');
    await page.getByTestId('input-message-id').fill(`<${'x'.repeat(280)}@sandbox.mg.example.com>`.slice(0, 300));
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('status-chip')).toBeVisible();
    await expectUsable(page);

    await page.getByTestId('input-message-id').fill('');
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('status-chip')).toContainText('200');
    await page.getByTestId('page-next').click();
    await expect(page.getByTestId('endpoint-title')).toHaveText('Fetch another page of an event search');
    await expect(page.getByTestId('status-chip')).toContainText('200');
    await expectUsable(page);
    expect(app.consoleErrors).toEqual([]);
  });
}

test('the sidebar and the request/response split resize by keyboard and drag, are remembered, and Ctrl+\\ collapses the sidebar', async ({
  app,
}) => {
  const { page } = app;
  const sidebar = page.locator('#app-sidebar');
  const width = async () => (await sidebar.boundingBox())?.width ?? 0;
  const before = await width();
  const handle = page.getByTestId('sidebar-split-handle');
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(width).toBeGreaterThan(before + 100);

  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  const response = page.getByTestId('response-slot');
  const responseTop = async () => (await response.boundingBox())?.y ?? 0;
  const top = await responseTop();
  const split = page.getByTestId('editor-split-handle');
  const box = await split.boundingBox();
  if (!box) throw new Error('no split handle');
  await page.mouse.move(box.x + box.width / 2, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 120, { steps: 4 });
  await page.mouse.up();
  await expect.poll(responseTop).toBeGreaterThan(top + 100);
  const movedTop = await responseTop();

  await page.getByTestId('placement-beside').click();
  await expect(page.getByTestId('editor-split')).toHaveClass(/ui-split-row/);

  const resized = await width();
  await app.restart();
  await expect.poll(width).toBe(resized);
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await expect(page.getByTestId('editor-split')).toHaveClass(/ui-split-row/);
  await page.getByTestId('placement-below').click();
  await expect.poll(responseTop).toBe(movedTop);

  await page.getByTestId('send-button').focus();
  await page.keyboard.press('Control+\\');
  await expect(sidebar).toBeHidden();
  await expect(page.getByTestId('sidebar-toggle')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Control+\\');
  await expect(sidebar).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('clicking an endpoint while the support tools are shown switches to the workbench', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('view-switch-support').click();
  await expect(page.getByTestId('support-panel')).toBeVisible();
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');
  await expect(page.getByTestId('view-switch-workbench')).toHaveAttribute('aria-pressed', 'true');
  expect(app.consoleErrors).toEqual([]);
});
