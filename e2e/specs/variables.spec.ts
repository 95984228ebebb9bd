import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { callBridge } from '../harness/call-bridge';

/**
 * Environment variables end to end against the offline sandbox: defined in
 * the environment editor, used in a request field, shown resolved on hover,
 * sent resolved by main, and an undefined one flagged with nothing sent.
 * The secret's value must never reach the page, a bridge answer or a file.
 */

const SECRET = 'tok-E2E-VARIABLE-SECRET-4d5e6f7a';

async function defineVariables(page: Page): Promise<void> {
  await page.getByTestId('env-switcher-trigger').click();
  await page.getByTestId('env-manage').click();
  const manager = page.getByTestId('env-manager');
  await expect(manager).toBeVisible();
  const editor = manager.getByTestId('env-editor');
  await expect(editor).toBeVisible();
  const variables = editor.getByTestId('env-variables');
  await variables.getByTestId('env-variable-add').click();
  await expect(variables.getByTestId('env-variable-name').first()).toBeFocused();
  await page.keyboard.type('shop_domain');
  await variables.getByTestId('env-variable-value').first().fill('sandbox.mg.example.com');
  await variables.getByTestId('env-variable-add').click();
  const secretRow = variables.getByTestId('env-variable-row').nth(1);
  await secretRow.getByTestId('env-variable-name').fill('token');
  await secretRow.getByTestId('env-variable-secret').check();
  await expect(secretRow.getByTestId('env-variable-value')).toHaveAttribute('type', 'password');
  await secretRow.getByTestId('env-variable-value').fill(SECRET);
  await editor.getByTestId('env-save').click();
  await expect(editor.getByTestId('env-save-status')).toContainText('Saved');
  await expect(secretRow.getByTestId('env-variable-value')).toHaveAttribute('placeholder', /Secret, set/);
  await expect(secretRow.getByTestId('env-variable-value')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();
}

async function openGetDomain(page: Page): Promise<void> {
  await page.getByTestId('catalog-filter').fill('get a domain');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.get"]').getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-workbench')).toHaveAttribute('data-endpoint-id', 'domains.get');
}

function sends(page: { main: { calls: { method: string }[] } }): number {
  return page.main.calls.filter((call) => call.method === 'sendRequest').length;
}

test('a variable defined in the environment is shown on hover, sent resolved, and an undefined one is flagged and not sent', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByTestId('env-active-name')).toHaveText('Sandbox (offline)');
  await defineVariables(page);
  await openGetDomain(page);

  const field = page.getByTestId('input-name');
  await field.fill('{{shop_domain}}');
  const wrapper = page.getByTestId('variables-name');
  await field.hover();
  await expect(wrapper).toHaveAttribute('title', /Sent as: sandbox\.mg\.example\.com/);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  // A secret in a header: its hover says only that it is set.
  await page.getByTestId('tab-headers').click();
  await page.getByTestId('header-add').click();
  await page.getByTestId('header-row-name').fill('X-Token');
  await page.getByTestId('header-row-value').fill('{{token}}');
  await expect(page.getByTestId('header-row-value')).toHaveAttribute('title', '{{token}}: secret, set');
  await page.getByTestId('tab-params').click();

  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('status-chip')).toContainText('200');
  await expect(page.getByTestId('response-slot')).toContainText('sandbox.mg.example.com');
  const sent = app.main.calls.filter((call) => call.method === 'sendRequest').at(-1);
  expect(JSON.stringify(sent?.arg)).toContain('{{shop_domain}}');
  expect(JSON.stringify(sent?.result)).toContain('/v4/domains/sandbox.mg.example.com');

  // An undefined name: the field says so before sending, and main sends nothing.
  await field.fill('{{nope}}');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('error-name')).toHaveText(
    '{{nope}} is not defined in environment Sandbox (offline): define it in Environments → Variables.',
  );
  // The tab counts the problem as soon as the field shows it, before any send.
  await expect(page.getByTestId('tab-params').locator('.tab-errors')).toHaveText('1');
  const before = sends(app);
  const historyBefore = (await callBridge<{ entries: unknown[] }>(page, 'listHistory', {})).entries.length;
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('response-slot').getByRole('alert')).toContainText(
    '{{nope}} is not defined in environment Sandbox (offline)',
  );
  expect(sends(app)).toBe(before + 1);
  const last = app.main.calls.filter((call) => call.method === 'sendRequest').at(-1);
  expect(last?.result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect((await callBridge<{ entries: unknown[] }>(page, 'listHistory', {})).entries.length).toBe(historyBefore);

  // The secret went to the sandbox but never to the page, a bridge answer or the data folder.
  expect(await page.content()).not.toContain(SECRET);
  expect(JSON.stringify(app.main.calls.map((call) => call.result))).not.toContain(SECRET);
  for (const entry of await readdir(app.dataDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) expect(await readFile(path.join(entry.parentPath, entry.name), 'latin1')).not.toContain(SECRET);
  }
  expect(app.consoleErrors).toEqual([]);
});
