import type { Page } from '@playwright/test';
import { SANDBOX_API_KEY } from '../../shared/sandbox/constants';
import { expect, test } from '../fixtures';

// `npm run screenshots`: the README's pictures, taken from the real UI against the built-in sandbox.
const out = (name: string) => `docs/screenshots/${name}.png`;

/** A double-click keeps the tab, as a user who works in several would; a single click opens a preview. */
async function openEndpoint(page: Page, filter: string, endpointId: string, keep = false): Promise<void> {
  await page.getByTestId('catalog-filter').fill(filter);
  const item = page.locator(`[data-testid="catalog-endpoint"][data-endpoint-id="${endpointId}"]`).getByRole('button').first();
  await (keep ? item.dblclick() : item.click());
  await page.getByTestId('endpoint-workbench').waitFor();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens (${scheme})`, async ({ app }) => {
    test.setTimeout(60_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });

    // A few kept tabs, as after a morning's work.
    await openEndpoint(page, 'send a message', 'messages.send', true);
    await openEndpoint(page, 'list domains', 'domains.list', true);
    await openEndpoint(page, 'events', 'events.list', true);
    await page.getByTestId('catalog-filter').fill('');
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('status-chip')).toContainText('200');
    await page.getByTestId('json-toggle').nth(1).click();
    await page.screenshot({ path: out(`workbench-${scheme}`) });
    // The other layout: the response beside the request, the split dragged a little towards the editor.
    await page.getByTestId('placement-beside').click();
    await page.screenshot({ path: out(`workbench-beside-${scheme}`) });
    await page.getByTestId('placement-below').click();

    await openEndpoint(page, 'domain', 'domains.get');
    await page.getByTestId('input-name').fill('eu.mg.example.com');
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('diagnosis-panel')).toBeVisible();
    await page.screenshot({ path: out(`diagnosis-${scheme}`) });

    await page.getByTestId('tab-code').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out(`code-${scheme}`) });

    await page.getByTestId('env-switcher-trigger').first().click();
    await page.getByTestId('env-manage').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out(`environments-${scheme}`) });
    await page.keyboard.press('Escape');

    await page.getByTestId('view-switch-support').click();
    await page.getByTestId('support-panel').waitFor();
    await page.screenshot({ path: out(`support-${scheme}`) });

    // The smallest supported window, after "Next page": everything still on screen.
    await page.setViewportSize({ width: 1024, height: 640 });
    await openEndpoint(page, 'events', 'events.list');
    await page.getByTestId('catalog-filter').fill('');
    await expect(page.getByTestId('status-chip')).toContainText('200');
    await page.getByTestId('page-next').click();
    await expect(page.getByTestId('endpoint-title')).toHaveText('Fetch another page of an event search');
    await expect(page.getByTestId('status-chip')).toContainText('200');
    await page.screenshot({ path: out(`workbench-small-${scheme}`) });
  });
}

test('messages view (light)', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  // A templated message, sent the way a user's own app would, straight to the sandbox.
  const { usBaseUrl } = app.main.services.sandbox.status();
  const form = new FormData();
  form.append('from', 'Sandbox Shop <shop@sandbox.mg.example.com>');
  form.append('to', 'ann@example.com');
  form.append('subject', 'Welcome to the shop, Ann');
  form.append('template', 'welcome');
  form.append('t:variables', JSON.stringify({ name: 'Ann' }));
  form.append('text', 'Welcome, Ann! Thanks for joining.');
  form.append('attachment', new Blob(['Order,Total\n1001,25.00\n'], { type: 'text/csv' }), 'first-order.csv');
  const sent = await fetch(`${usBaseUrl}/v3/sandbox.mg.example.com/messages`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}` },
    body: form,
  });
  expect(sent.status).toBe(200);
  await page.getByTestId('view-switch-sandbox').click();
  await expect(page.frameLocator('[data-testid="sandbox-message-frame"]').locator('h1')).toHaveText('Welcome, Ann!');
  await page.screenshot({ path: out('messages-light') });
});
