import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Saved requests open and run in the workbench, with the answer in the same viewer as a sent request. */

async function bridge<T>(page: Page, method: string, arg?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([name, value]) =>
      (window as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>).mailgun?.[name as string]?.(value),
    [method, arg] as const,
  );
  const typed = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!typed.ok) throw new Error(`${method}: ${typed.error?.message}`);
  return typed.value as T;
}

test("a saved request's Run shows its response in the workbench viewer; a custom one opens and runs", async ({ app }) => {
  const { page } = app;
  const collection = await bridge<{ id: string }>(page, 'createCollection', { name: 'Checks' });
  await bridge(page, 'saveRequest', {
    collectionId: collection.id,
    name: 'All domains',
    target: { kind: 'catalog', endpointId: 'domains.list', values: { params: { limit: 3 } } },
  });
  await bridge(page, 'saveRequest', {
    collectionId: collection.id,
    name: 'Bounces by hand',
    target: {
      kind: 'custom',
      request: {
        method: 'GET',
        path: '/v3/{{domain}}/bounces',
        query: [{ name: 'limit', value: '2' }],
        headers: [],
        body: { kind: 'none' },
      },
    },
  });
  await page.getByTestId('sidebar-tab-saved').click();

  const catalogRow = page.getByTestId('saved-request-All domains');
  await catalogRow.getByTestId('saved-run').click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');
  await expect(page.getByTestId('input-limit')).toHaveValue('3');
  const viewer = page.getByTestId('response-slot').getByTestId('response-viewer');
  await expect(viewer.getByTestId('status-chip')).toContainText('200');
  await expect(viewer.getByTestId('response-body')).toContainText('total_count');

  const customRow = page.getByTestId('saved-request-Bounces by hand');
  await customRow.getByTestId('saved-open').click();
  const custom = page.getByTestId('custom-request-view');
  await expect(custom.getByTestId('endpoint-title')).toHaveText('Bounces by hand');
  await expect(custom.getByTestId('resolved-url')).toContainText('/v3/sandbox.mg.example.com/bounces?limit=2');
  await custom.getByTestId('send-button').click();
  await expect(custom.getByTestId('status-chip')).toContainText('200');
  await expect(custom.getByTestId('response-body')).toContainText('items');

  // Run from the list shows the custom request's answer there too, and an endpoint click goes back to the form.
  await page.getByTestId('sidebar-tab-saved').click();
  await page.getByTestId('saved-request-Bounces by hand').getByTestId('saved-run').click();
  await expect(page.getByTestId('custom-request-view').getByTestId('status-chip')).toContainText('200');
  await page.getByTestId('sidebar-tab-catalog').click();
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');
  expect(app.consoleErrors).toEqual([]);
});
