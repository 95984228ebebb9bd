import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures';

const caFile = fileURLToPath(new URL('../../electron/network/__fixtures__/ca.pem', import.meta.url));

test('settings: a manual proxy with a keychain password, a theme, an extra CA certificate, and which proxy applies', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('settings-open').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('settings-proxy-system')).toBeChecked();

  await page.getByTestId('settings-proxy-manual').check();
  await page.getByTestId('settings-proxy-url').fill('proxy.corp.example:3128');
  await expect(page.getByTestId('settings-proxy-url-problem')).toContainText('scheme://host:port');
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await page.getByTestId('settings-proxy-url').fill('http://proxy.corp.example:3128');
  await page.getByTestId('settings-proxy-username').fill('support');
  await page.getByTestId('settings-theme').selectOption('dark');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  await page.getByTestId('settings-proxy-password').fill('proxy-CANARY-password');
  await page.getByTestId('settings-proxy-password-save').click();
  await expect(page.getByTestId('settings-proxy-password')).toHaveAttribute('placeholder', 'A password is stored');
  await expect(page.getByTestId('settings-proxy-password')).toHaveValue('');

  app.main.dialogs.pickNext(caFile);
  await page.getByTestId('settings-add-certificate').click();
  await expect(page.getByTestId('settings-certificate')).toContainText('CN=Corp Inspection Test CA');

  // Prefilled with the active environment's base URL: the sandbox's, on this machine.
  await expect(page.getByTestId('settings-probe-url')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/us$/);
  // The harness sends with Node's fetch, which goes direct; the app asks Chromium.
  await page.getByTestId('settings-probe').click();
  await expect(page.getByTestId('settings-probe-result')).toContainText('a direct connection (no proxy)');

  await page.getByTestId('settings-close').click();
  await app.restart();
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('settings-proxy-manual')).toBeChecked();
  await expect(page.getByTestId('settings-proxy-url')).toHaveValue('http://proxy.corp.example:3128');
  await expect(page.getByTestId('settings-theme')).toHaveValue('dark');
  await expect(page.getByTestId('settings-certificate')).toHaveCount(1);

  const saved = await readFile(path.join(app.dataDir, 'desktop-settings.json'), 'utf8');
  expect(saved).toContain('proxy.corp.example');
  expect(saved).not.toContain('proxy-CANARY-password');
  expect(await page.content()).not.toContain('proxy-CANARY-password');
  expect(app.consoleErrors).toEqual([]);
});
