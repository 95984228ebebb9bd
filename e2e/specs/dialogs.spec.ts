import type { Locator, Page } from '@playwright/test';
import { type AppUnderTest, expect, test } from '../fixtures';

/**
 * Every dialog joins one modal stack that the global shortcuts consult, so
 * Ctrl/Cmd+Enter typed inside any of them never sends the request behind it.
 */

async function openDomainsList(page: Page): Promise<void> {
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');
}

const sends = (app: AppUnderTest) => app.main.calls.filter((call) => call.method === 'sendRequest').length;

async function pressSendInside(app: AppUnderTest, dialog: Locator, field?: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  if (field) await field.focus();
  await app.page.keyboard.press('Control+Enter');
  await app.page.keyboard.press('Meta+Enter');
  // A send would reach main within a frame or two; give it far longer.
  await app.page.waitForTimeout(150);
}

test('Ctrl/Cmd+Enter inside any open dialog sends nothing', async ({ app }) => {
  const { page } = app;
  await openDomainsList(page);
  // The shortcut works when no dialog is open.
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => sends(app)).toBe(1);
  await expect(page.getByTestId('status-chip')).toContainText('200');

  // Save request: the finding's dialog, with focus in its name field.
  await page.getByTestId('save-request').click();
  const save = page.getByTestId('save-request-dialog');
  await pressSendInside(app, save, page.getByTestId('save-request-name'));
  await expect(save).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(save).toBeHidden();

  // The command palette.
  await page.keyboard.press('Control+k');
  await pressSendInside(app, page.getByTestId('command-palette'), page.getByTestId('palette-input'));
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-palette')).toBeHidden();

  // The environment manager, and the confirmation opened over it.
  await page.getByTestId('env-switcher-trigger').click();
  await page.getByTestId('env-manage').click();
  const manager = page.getByTestId('env-manager');
  await pressSendInside(app, manager);
  await manager.getByTestId('env-delete').first().click();
  const confirm = page.getByTestId('env-delete-confirm');
  await pressSendInside(app, confirm);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(manager).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();

  // The saved requests panel's own dialogs.
  await page.getByTestId('sidebar-tab-saved').click();
  await page.getByTestId('saved-new-collection').click();
  await pressSendInside(app, page.getByTestId('collection-create'));
  await page.keyboard.press('Escape');

  expect(sends(app)).toBe(1);
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');
  // Focus went back to the page, and the shortcut sends again there.
  await page.getByTestId('sidebar-tab-catalog').click();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => sends(app)).toBe(2);
  expect(app.consoleErrors).toEqual([]);
});
