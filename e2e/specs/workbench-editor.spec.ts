import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

interface EnvironmentFields {
  readonly name: string;
  readonly readOnly?: boolean;
}

/** Creates an EU environment through the bridge, as the environment switcher would, and reloads so the app reads it. */
async function useEnvironment(page: Page, { name, readOnly = false }: EnvironmentFields): Promise<void> {
  const outcome = await page.evaluate(
    async ({ name, readOnly }) => {
      type Bridge = Record<string, (arg?: unknown) => Promise<{ ok: boolean; value?: { id: string }; error?: unknown }>>;
      const bridge = (window as unknown as { mailgun: Bridge }).mailgun;
      const saved = await bridge.saveEnvironment?.({
        name,
        region: 'eu',
        domain: 'mg.example.com',
        keyKind: 'primary',
        readOnly,
        colour: 'teal',
      });
      if (!saved?.ok || !saved.value) return { ok: false, error: saved?.error ?? 'saveEnvironment is not on the bridge' };
      const active = await bridge.setActiveEnvironment?.({ id: saved.value.id });
      return active?.ok ? { ok: true } : { ok: false, error: active?.error ?? 'setActiveEnvironment is not on the bridge' };
    },
    { name, readOnly },
  );
  expect(outcome).toEqual({ ok: true });
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

test('finds an endpoint with the filter, fills its form and shows the live URL', async ({ app }) => {
  const { page } = app;
  await useEnvironment(page, { name: 'EU staging' });

  await page.keyboard.press('/');
  await expect(page.getByTestId('catalog-filter')).toBeFocused();
  await page.keyboard.type('bounce');
  const row = page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="bounces.get"]');
  await expect(row).toBeVisible();
  await row.getByRole('button').first().click();

  await expect(page.getByTestId('endpoint-title')).toHaveText('Look up a bounce');
  const url = page.getByTestId('resolved-url');
  await expect(url).toHaveText('https://api.eu.mailgun.net/v3/mg.example.com/bounces/{address}');
  await page.getByTestId('input-address').fill('alice@example.com');
  await expect(url).toHaveText('https://api.eu.mailgun.net/v3/mg.example.com/bounces/alice%40example.com');
  await page.getByTestId('input-domain_name').fill('other.example.com');
  await expect(url).toHaveText('https://api.eu.mailgun.net/v3/other.example.com/bounces/alice%40example.com');

  await page.getByTestId('tab-docs').click();
  await expect(page.getByTestId('docs-params')).toContainText('address');
  expect(app.consoleErrors).toEqual([]);
});

test('jumps to an endpoint with the palette and keeps its values when switching away and back', async ({ app }) => {
  const { page } = app;
  await useEnvironment(page, { name: 'EU staging' });

  await page.keyboard.press('Control+k');
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await input.fill('recipient-variables');
  const first = page.getByTestId('palette-option').first();
  await expect(first).toHaveAttribute('data-endpoint-id', 'messages.send');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toHaveCount(0);
  await expect(page.getByTestId('endpoint-title')).toHaveText('Send a message assembled from fields');

  await page.getByTestId('input-from').fill('Shop <orders@mg.example.com>');
  await page.getByTestId('input-to-0').fill('alice@example.com');
  await page.getByTestId('input-to-add').click();
  await page.getByTestId('input-to-1').fill('bob@example.com');
  await expect(page.getByTestId('resolved-url')).toHaveText('https://api.eu.mailgun.net/v3/mg.example.com/messages');

  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('list bounces');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('endpoint-workbench')).not.toHaveAttribute('data-endpoint-id', 'messages.send');

  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('send message fields');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('input-from')).toHaveValue('Shop <orders@mg.example.com>');
  await expect(page.getByTestId('input-to-1')).toHaveValue('bob@example.com');

  // A send with required fields missing is stopped in the page, before main sees anything.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('error-subject')).toHaveText('Required.');
  expect(app.main.calls.filter((c) => c.method === 'sendRequest')).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('a read-only environment blocks endpoints that change data', async ({ app }) => {
  const { page } = app;
  await useEnvironment(page, { name: 'Production', readOnly: true });
  await page.getByTestId('catalog-filter').fill('send message');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="messages.send"]').getByRole('button').first().click();
  await expect(page.getByTestId('send-blocked')).toContainText('“Production” is read-only');
  await expect(page.getByTestId('send-button')).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  expect(app.main.calls.filter((c) => c.method === 'sendRequest')).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
