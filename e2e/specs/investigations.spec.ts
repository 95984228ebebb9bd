import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * Investigations end to end in the built-in sandbox: the customer's "my mail
 * to bob@example.com is not arriving" answered in one sentence, and a value
 * seen in a response carried into a support tool in one action.
 */

/** Serious and critical axe findings inside one part of the page, as "rule: element" lines. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function openSupport(page: Page): Promise<void> {
  await page.getByTestId('view-switch-support').click();
  await expect(page.getByTestId('support-panel')).toBeVisible();
}

test('bob@example.com: not suppressed, nothing sent anywhere, and bob@example.org did get mail', async ({ app }) => {
  const { page } = app;
  await openSupport(page);
  await page.getByTestId('support-recipient-address').fill('bob@example.com');
  await page.getByTestId('support-recipient-submit').click();
  const verdict = page.getByTestId('support-recipient-verdict');
  await expect(verdict).toHaveText(
    /^Not suppressed, and nothing was sent to this address in the last 30 days on any domain \(2 domains in US and EU, with 1 subaccount searched\); similar addresses that did receive mail: bob@example\.org \(3\)\.$/,
    { timeout: 20_000 },
  );
  await expect(page.getByTestId('support-recipient-result')).toHaveAttribute('data-verdict', 'clear');
  await expect(page.getByTestId('support-recipient-domain')).toHaveCount(2);

  // The similar address is in the Tab order with its menu on Shift+F10, and one click away.
  const similar = page.getByTestId('support-similar').locator('[data-investigate="bob@example.org"]');
  await similar.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Investigate bob@example.org' });
  await expect(menu.getByRole('menuitem', { name: 'Investigate recipient' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(similar).toBeFocused();
  await page.getByTestId('support-similar-open').click();
  await expect(verdict).toContainText('3 messages were sent to it in the last 30 days: 3 delivered', { timeout: 20_000 });
  await expect(page.getByTestId('support-recipient-message')).toHaveCount(3);
  await expect(page.getByTestId('support-trail-current')).toHaveText('Recipient: bob@example.org (2 of 2)');
  await page.getByTestId('support-panel').press('Alt+ArrowLeft');
  await expect(page.getByTestId('support-trail-current')).toHaveText('Recipient: bob@example.com (1 of 2)');
  await expect(page.getByTestId('support-recipient-address')).toHaveValue('bob@example.com');
  await expect(verdict).toContainText('similar addresses that did receive mail', { timeout: 20_000 });
  expect(app.consoleErrors).toEqual([]);
});

test('an address in a response goes into the message trace from its context menu', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('catalog-filter').fill('events');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="events.list"]').getByRole('button').first().click();
  await page.getByTestId('send-button').click();
  const viewer = page.getByTestId('response-viewer');
  await expect(viewer.getByTestId('status-chip')).toContainText('200', { timeout: 15_000 });
  const rows = viewer.getByTestId('json-tree').getByTestId('json-row');
  await rows
    .filter({ hasText: /^[▸▾]\s*0:/ })
    .getByTestId('json-toggle')
    .click();
  const recipientRow = rows.filter({ hasText: /^\s*recipient: "[^"]+@[^"]+"\s*$/ }).first();
  const address = /"([^"]+)"/.exec((await recipientRow.textContent()) ?? '')?.[1] ?? '';
  expect(address).toContain('@');
  await recipientRow.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for this value' }).getByRole('menuitem', { name: 'Trace message' }).click();

  await expect(page.getByTestId('support-panel-trace')).toBeVisible();
  await expect(page.getByTestId('support-trace-recipient')).toHaveValue(address);
  await expect(page.getByTestId('support-trace-result')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('support-trace-result').getByTestId('support-event').first()).toBeVisible();
  // From the trace, the recipient verdict is one more click.
  await page.getByTestId('support-trace-verdict').first().click();
  await expect(page.getByTestId('support-recipient-address')).toHaveValue(address);
  await expect(page.getByTestId('support-recipient-verdict')).toBeVisible({ timeout: 20_000 });
  expect(app.consoleErrors).toEqual([]);
});

test('at 1024x640 every support tool tab is in reach without scrolling sideways', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 640 });
  await openSupport(page);
  const strip = page.getByRole('tablist', { name: 'Support tools' });
  const tabs = strip.getByRole('tab');
  await expect(tabs).toHaveCount(8);
  const fits = await strip.evaluate((element) => element.scrollWidth <= element.clientWidth);
  expect(fits).toBe(true);
  const panel = await page.getByTestId('support-panel').boundingBox();
  const last = await tabs.last().boundingBox();
  expect(panel && last).toBeTruthy();
  if (panel && last) {
    expect(last.x).toBeGreaterThanOrEqual(panel.x);
    expect(last.x + last.width).toBeLessThanOrEqual(panel.x + panel.width);
  }
  // The keyboard still walks the tabs in order, wrapped row or not.
  await tabs.first().click();
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.first()).toBeFocused();
  expect(app.consoleErrors).toEqual([]);
});

test('an address in the Table view goes into the recipient verdict from its context menu', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('catalog-filter').fill('events');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="events.list"]').getByRole('button').first().click();
  await page.getByTestId('send-button').click();
  const viewer = page.getByTestId('response-viewer');
  await expect(viewer.getByTestId('status-chip')).toContainText('200', { timeout: 15_000 });
  await viewer.getByTestId('tab-table').click();
  const table = viewer.getByTestId('table-view');
  const cell = table
    .getByRole('gridcell')
    .filter({ hasText: /^[^\s@]+@[^\s@]+\.[a-z]+$/ })
    .first();
  const address = ((await cell.textContent()) ?? '').trim();
  expect(address).toContain('@');
  await cell.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Investigate ${address}` });
  await expect(menu.getByRole('menuitem')).toHaveText(['Investigate recipient', 'Trace message', 'Open in workbench']);
  await menu.getByRole('menuitem', { name: 'Investigate recipient' }).click();

  await expect(page.getByTestId('support-panel-recipient')).toBeVisible();
  await expect(page.getByTestId('support-recipient-address')).toHaveValue(address);
  await expect(page.getByTestId('support-recipient-verdict')).toBeVisible({ timeout: 20_000 });

  // The same from the keyboard: the active cell's menu opens with Shift+F10.
  await page.getByTestId('view-switch-workbench').click();
  await viewer.getByTestId('tab-table').click();
  await cell.click();
  await expect(table).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Investigate recipient' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(table).toBeFocused();
  // Still a grid of rows and cells to assistive technology, with the table elements laid out as blocks.
  await expect(table.getByRole('columnheader', { name: 'recipient', exact: true })).toHaveCount(1);
  expect(await seriousViolations(page, '[data-testid="table-view"]')).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('an address a request was sent with goes from History into the recipient verdict', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('catalog-filter').fill('events');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="events.list"]').getByRole('button').first().click();
  await page.getByTestId('param-recipient').locator('input').fill('bob@example.org');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('response-viewer').getByTestId('status-chip')).toContainText('200', { timeout: 15_000 });

  await page.getByTestId('sidebar-tab-history').click();
  const row = page.getByTestId('history-row').first();
  await row.click({ button: 'right' });
  const rowMenu = page.getByRole('menu', { name: /^Investigate this request/ });
  await expect(rowMenu.getByRole('menuitem', { name: 'Domain health: sandbox.mg.example.com' })).toBeVisible();
  await rowMenu.getByRole('menuitem', { name: 'Investigate recipient: bob@example.org' }).click();
  await expect(page.getByTestId('support-panel-recipient')).toBeVisible();
  await expect(page.getByTestId('support-recipient-address')).toHaveValue('bob@example.org');
  await expect(page.getByTestId('support-recipient-verdict')).toContainText('3 messages were sent to it', { timeout: 20_000 });

  // The detail names the values it was sent with; each opens the same menu from the keyboard.
  await page.getByTestId('view-switch-workbench').click();
  await page.getByTestId('sidebar-tab-history').click();
  await page.getByTestId('history-row').first().click();
  const chip = page.getByTestId('history-detail').getByTestId('history-target').filter({ hasText: 'bob@example.org' });
  expect(await seriousViolations(page, '[data-testid="history-panel"]')).toEqual([]);
  await chip.focus();
  await page.keyboard.press('Shift+F10');
  const chipMenu = page.getByRole('menu', { name: 'Investigate bob@example.org' });
  await expect(chipMenu.getByRole('menuitem', { name: 'Investigate recipient' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('support-panel-trace')).toBeVisible();
  await expect(page.getByTestId('support-trace-recipient')).toHaveValue('bob@example.org');
  // The trace runs at once; its answer is awaited so no call is still writing when the test's data folder goes.
  await expect(page.getByTestId('support-trace-result')).toBeVisible({ timeout: 20_000 });
  expect(app.consoleErrors).toEqual([]);
});
