import type { Page } from '@playwright/test';
import { SANDBOX_API_KEY } from '../../shared/sandbox/constants';
import { expect, test } from '../fixtures';
import { callBridge as bridge } from '../harness/call-bridge';

/** Free-form requests: a pasted curl command or URL opens the catalog endpoint it calls, else a custom request. */

const KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';

/** Every value a form control holds right now, so the key can be looked for in all of them. */
async function fieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea, select')].map((el) => el.value),
  );
}

test('a pasted curl send with two -F to= opens "Send a message" with both recipients and the key nowhere', async ({ app }) => {
  const { page } = app;
  const command = [
    `curl -s --user 'api:${KEY}' \\`,
    '    https://api.mailgun.net/v3/sandbox.mg.example.com/messages \\',
    `    -F from='Excited User <mailgun@sandbox.mg.example.com>' \\`,
    '    -F to=alice@example.com \\',
    '    -F to="Bob <bob@example.com>" \\',
    `    -F subject='Hello' \\`,
    `    -F text='Testing some Mailgun awesomeness!'`,
  ].join('\n');

  await page.getByTestId('import-curl').click();
  const dialog = page.getByTestId('import-curl-dialog');
  await dialog.getByTestId('import-curl-text').fill(command);
  await dialog.getByTestId('import-curl-submit').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'messages.send');
  await expect(page.getByTestId('endpoint-title')).toHaveText('Send a message assembled from fields');
  await expect(page.getByTestId('input-to-0')).toHaveValue('alice@example.com');
  await expect(page.getByTestId('input-to-1')).toHaveValue('Bob <bob@example.com>');
  await expect(page.getByTestId('input-subject')).toHaveValue('Hello');
  await expect(page.getByTestId('import-notices')).toContainText(
    'The key in the command was not imported; your environment’s key is used.',
  );

  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('response-slot').getByTestId('status-chip')).toContainText('200');

  expect((await fieldValues(page)).filter((value) => value.includes(KEY))).toEqual([]);
  expect(await page.content()).not.toContain(KEY);
  const history = await bridge<{ entries: unknown[] }>(page, 'listHistory', {});
  expect(history.entries.length).toBeGreaterThan(0);
  expect(JSON.stringify(history)).not.toContain(KEY);
  expect(JSON.stringify(history)).toContain('bob@example.com');
  expect(app.consoleErrors).toEqual([]);
});

test('a Mailgun URL pasted into the URL bar opens its endpoint with the values; another path becomes a custom request sent to the sandbox', async ({
  app,
}) => {
  const { page } = app;
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');

  await page.getByTestId('url-edit').click();
  const input = page.getByTestId('url-input');
  await expect(input).toBeFocused();
  await input.fill('https://api.eu.mailgun.net/v3/sandbox.mg.example.com/events?event=delivered&limit=25');
  await input.press('Enter');
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'events.list');
  await expect(page.getByTestId('input-limit')).toHaveValue('25');
  await expect(page.getByTestId('resolved-url')).toContainText('/v3/sandbox.mg.example.com/events?');
  await expect(page.getByTestId('resolved-url')).toContainText('event=delivered');

  // A paste that replaces the whole URL opens at once, without Enter.
  await page.getByTestId('url-edit').click();
  await page.evaluate(() => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="url-input"]');
    const data = new DataTransfer();
    data.setData('text/plain', '/v3/sandbox.mg.example.com/not-in-the-catalog?probe=1');
    field?.select();
    field?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const custom = page.getByTestId('custom-request-view');
  await expect(custom).toBeVisible();
  await expect(custom.getByTestId('resolved-url')).toContainText('/v3/sandbox.mg.example.com/not-in-the-catalog?probe=1');
  await custom.getByTestId('send-button').click();
  // The sandbox answered (it has no such route): the request went through main to the loopback sandbox.
  await expect(custom.getByTestId('status-chip')).toContainText('404');
  const history = await bridge<{ entries: { path?: string; url?: string }[] }>(page, 'listHistory', {});
  expect(JSON.stringify(history.entries[0])).toContain('not-in-the-catalog');

  // Unreadable input says why and keeps the text for fixing.
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await page.getByTestId('url-edit').click();
  await page.getByTestId('url-input').fill('curl --frobnicate https://api.mailgun.net/v4/domains');
  await page.getByTestId('url-input').press('Enter');
  await expect(page.getByTestId('url-error')).toContainText('--frobnicate is not understood');
  expect(app.consoleErrors).toEqual([]);
});

test('Copy as cURL gives a command with $MAILGUN_API_KEY, never the key, that imports back as the same request', async ({ app }) => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('import-curl').click();
  await page
    .getByTestId('import-curl-text')
    .fill(
      `curl https://api.mailgun.net/v3/sandbox.mg.example.com/messages -F from=a@sandbox.mg.example.com -F to=x@example.com -F to=y@example.com -F subject=Round -F text=trip`,
    );
  await page.getByTestId('import-curl-submit').click();
  await expect(page.getByTestId('input-to-1')).toHaveValue('y@example.com');

  await page.getByTestId('copy-as-curl').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('$MAILGUN_API_KEY');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).not.toContain(SANDBOX_API_KEY);
  expect(copied).toContain('y@example.com');

  // Back in through the dialog, from a custom request, lands on the same endpoint and values.
  await page.getByTestId('url-edit').click();
  await page.getByTestId('url-input').fill('/v3/sandbox.mg.example.com/elsewhere');
  await page.getByTestId('url-input').press('Enter');
  await expect(page.getByTestId('custom-request-view')).toBeVisible();
  await page.getByTestId('import-curl').click();
  await page.getByTestId('import-curl-text').fill(copied);
  await page.getByTestId('import-curl-submit').click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'messages.send');
  await expect(page.getByTestId('input-to-0')).toHaveValue('x@example.com');
  await expect(page.getByTestId('input-to-1')).toHaveValue('y@example.com');
  await expect(page.getByTestId('input-subject')).toHaveValue('Round');

  // A custom request copies too, with the same placeholder.
  await page.getByTestId('url-edit').click();
  await page.getByTestId('url-input').fill('/v3/sandbox.mg.example.com/elsewhere?x=1');
  await page.getByTestId('url-input').press('Enter');
  await page.getByTestId('custom-request-view').getByTestId('copy-as-curl').click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/curl -X POST .*\/v3\/sandbox\.mg\.example\.com\/elsewhere\?x=1.*\$MAILGUN_API_KEY/s);
  expect(app.consoleErrors).toEqual([]);
});

test('"Store the key" hands the command to main, which keeps its key as the environment’s; the page never shows it', async ({ app }) => {
  const { page } = app;
  const environment = await bridge<{ id: string }>(page, 'saveEnvironment', {
    name: 'Work',
    region: 'eu',
    domain: 'mg.example.org',
    keyKind: 'primary',
    readOnly: false,
    colour: 'teal',
  });
  await bridge(page, 'setActiveEnvironment', { id: environment.id });
  await page.reload();
  await expect(page.getByTestId('env-active-name')).toHaveText('Work');

  await page.getByTestId('import-curl').click();
  await page.getByTestId('import-curl-text').fill(`curl -u 'api:${KEY}' https://api.eu.mailgun.net/v4/domains?limit=5`);
  await page.getByTestId('import-curl-store-key').check();
  await page.getByTestId('import-curl-submit').click();
  await expect(page.getByTestId('import-curl-dialog')).toBeHidden();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.list');
  await expect(page.getByTestId('import-notices')).toContainText('is now the key of “Work” (ending eol0)');

  const status = await bridge<{ hasKey: boolean; keyLast4: string | null }>(page, 'hasApiKey', { environmentId: environment.id });
  expect(status).toMatchObject({ hasKey: true, keyLast4: 'eol0' });
  expect(await page.content()).not.toContain(KEY);
  expect((await fieldValues(page)).filter((value) => value.includes(KEY))).toEqual([]);
  expect(app.main.calls.filter((call) => call.method === 'setApiKey')).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('the command palette opens the import dialog by keyboard alone', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('palette-input');
  await input.fill('curl');
  await expect(page.getByTestId('palette-command').first()).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  const dialog = page.getByTestId('import-curl-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-curl-text')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(app.consoleErrors).toEqual([]);
});
