import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { type AppUnderTest, expect, test } from '../fixtures';

/**
 * Environments end to end, with the real environments service and the real
 * keychain (run through scripts/with-keyring.sh for a throw-away
 * gnome-keyring). The canary keys must never show up anywhere but the keychain.
 */

const usKey = 'key-CANARY-7f3a9c1e2b5d';
const euKey = 'key-CANARY-0e4d8a6b1c9f';
const canaries = [usKey, euKey, 'CANARY'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function expectNoCanary(where: string, text: string): void {
  for (const canary of canaries) expect(text.includes(canary), `${where} contains ${canary}`).toBe(false);
}

async function expectNoKeyAnywhere(app: AppUnderTest, bridgeResults: unknown[], consoleLines: string[]): Promise<void> {
  for (const file of await filesUnder(app.dataDir)) expectNoCanary(file, await readFile(file, 'latin1'));
  expectNoCanary('page DOM', await app.page.content());
  const storage = await app.page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expectNoCanary('web storage', storage);
  const inputs = await app.page.evaluate(() => [...document.querySelectorAll('input')].map((input) => input.value).join('\n'));
  expectNoCanary('input values', inputs);
  expectNoCanary('bridge results', JSON.stringify([...bridgeResults, ...app.main.calls.map((call) => call.result)]));
  expectNoCanary('console', consoleLines.join('\n'));
  expectNoCanary('main errors', app.main.mainErrors.join('\n'));
}

function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
  return lines;
}

interface NewEnvironment {
  readonly name: string;
  readonly region: 'us' | 'eu';
  readonly domain: string;
  readonly key: string;
}

async function createEnvironment(page: Page, environment: NewEnvironment): Promise<void> {
  const editor = page.getByTestId('env-editor');
  await expect(editor.getByRole('heading', { name: 'New environment' })).toBeVisible();
  await editor.getByTestId('env-field-name').fill(environment.name);
  await editor.getByTestId(`env-region-${environment.region}`).check();
  await editor.getByTestId('env-field-domain').fill(environment.domain);
  await editor.getByTestId('env-key-input').fill(environment.key);
  await editor.getByTestId('env-save').click();
  await expect(editor.getByTestId('env-save-status')).toHaveText(`Saved “${environment.name}”.`);
  await expect(editor.getByTestId('env-key-stored')).toContainText(`Stored in the OS keychain ••••${environment.key.slice(-4)}`);
}

/** First launch selects the built-in offline sandbox, so the manager opens from the switcher. */
async function openManagerForNew(page: Page): Promise<void> {
  await page.getByTestId('env-switcher-trigger').click();
  await page.getByTestId('env-manage').click();
  await expect(page.getByRole('dialog', { name: 'Environments' })).toBeVisible();
  await page.getByTestId('env-new').click();
}

test('US and EU environments keep their keys in the keychain only, and survive a restart', async ({ app }) => {
  const { page } = app;
  const consoleLines = recordConsole(page);
  await expect(page.getByTestId('env-active-name')).toHaveText('Sandbox (offline)');

  await openManagerForNew(page);
  const manager = page.getByRole('dialog', { name: 'Environments' });
  await createEnvironment(page, { name: 'Prod US', region: 'us', domain: 'mg.example.com', key: usKey });
  await manager.getByTestId('env-new').click();
  await manager.getByTestId('env-field-domain').fill('Bücher.example');
  await expect(manager.getByTestId('env-domain-normalised')).toContainText('xn--bcher-kva.example');
  // The region's hosts sit folded under the region select and follow it; each has a copy button.
  const hosts = manager.getByTestId('env-region-hosts');
  await expect(hosts.getByText('smtp.mailgun.org', { exact: true })).toBeHidden();
  await hosts.locator('summary').click();
  await expect(hosts.getByText('smtp.mailgun.org', { exact: true })).toBeVisible();
  await expect(hosts.getByTestId('env-region-hosts-ports')).toHaveText('587, 465, 2525, 25');
  await manager.getByTestId('env-region-eu').check();
  await expect(hosts.getByText('mxb.eu.mailgun.org', { exact: true })).toBeVisible();
  await expect(hosts.getByText('smtp.mailgun.org', { exact: true })).toHaveCount(0);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await hosts.getByRole('button', { name: 'Copy smtp.eu.mailgun.org' }).click();
  await expect(page.getByTestId('toast').last()).toHaveText(/Copied smtp\.eu\.mailgun\.org/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('smtp.eu.mailgun.org');
  await createEnvironment(page, { name: 'Staging EU', region: 'eu', domain: 'eu.example.com', key: euKey });
  await expect(manager.getByTestId('env-row')).toHaveCount(3);

  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();
  await expect(page.getByTestId('env-active-name')).toHaveText('Sandbox (offline)');

  // Ctrl/Cmd+Alt+1..9 follow the list order: the sandbox, then the two new ones.
  await page.keyboard.press('Control+Alt+2');
  await expect(page.getByTestId('env-active-name')).toHaveText('Prod US');
  const active = page.getByTestId('env-active');
  await expect(active.getByTestId('env-region-badge')).toHaveText('US');
  await expect(active.getByTestId('env-key-status')).toHaveText(`••••${usKey.slice(-4)}`);

  await page.keyboard.press('Control+e');
  const listbox = page.getByRole('listbox', { name: 'Environments' });
  await expect(listbox).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('env-active-name')).toHaveText('Staging EU');
  await expect(active.getByTestId('env-region-badge')).toHaveText('EU');
  await expect(active.getByTestId('env-key-status')).toHaveText(`••••${euKey.slice(-4)}`);

  // The canaries did cross the bridge once each, as input to setApiKey, so the checks below are not vacuous.
  const storedKeys = app.main.calls.filter((call) => call.method === 'setApiKey').map((call) => (call.arg as { key: string }).key);
  expect(storedKeys).toEqual(expect.arrayContaining([usKey, euKey]));
  const beforeRestart = app.main.calls.map((call) => call.result);
  await app.restart();

  await expect(page.getByTestId('env-active-name')).toHaveText('Staging EU');
  // The switcher re-reads the key status from the keychain, so "stored" here means the keychain still has it.
  await expect(active.getByTestId('env-key-status')).toHaveAttribute('data-state', 'stored');
  await expect(active.getByTestId('env-key-status')).toHaveText(`••••${euKey.slice(-4)}`);
  await page.getByTestId('env-switcher-trigger').click();
  const options = page.getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(1)).toContainText('Prod US');
  await expect(options.nth(1)).toContainText(`••••${usKey.slice(-4)}`);
  await expect(options.nth(2)).toContainText(`••••${euKey.slice(-4)}`);
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');

  const ours = (await app.main.services.environments.list()).environments.filter((environment) =>
    ['Prod US', 'Staging EU'].includes(environment.name),
  );
  expect(ours).toHaveLength(2);
  for (const environment of ours) {
    expect(await app.main.services.environments.keyStatus(environment.id)).toMatchObject({ hasKey: true, warning: null });
  }

  await expectNoKeyAnywhere(app, beforeRestart, consoleLines);
  expect(app.consoleErrors).toEqual([]);

  for (const environment of ours) await app.main.services.environments.remove(environment.id);
});

test('a corrupt environments file is moved aside, explained, the sandbox comes back, and the app keeps working', async ({ app }) => {
  const { page } = app;
  await writeFile(path.join(app.dataDir, 'environments.json'), '{"environments": [ this is not json');
  await app.restart();

  const banner = page.getByTestId('env-recovery-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('environments.json was not valid JSON');
  const movedTo = await banner.getByTestId('env-recovery-moved-to').textContent();
  expect(movedTo).toBeTruthy();
  const kept = await readFile(path.join(app.dataDir, movedTo ?? ''), 'utf8');
  expect(kept).toContain('this is not json');

  // The built-in sandbox is added again, selected since nothing else is.
  await expect(page.getByTestId('env-active-name')).toHaveText('Sandbox (offline)');
  await openManagerForNew(page);
  await page.getByTestId('env-field-name').fill('After recovery');
  await page.getByTestId('env-field-domain').fill('mg.example.com');
  await page.getByTestId('env-save').click();
  await expect(page.getByTestId('env-save-status')).toHaveText('Saved “After recovery”.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Alt+2');
  await expect(page.getByTestId('env-active-name')).toHaveText('After recovery');

  await banner.getByTestId('env-recovery-dismiss').click();
  await expect(banner).toBeHidden();
  await app.restart();
  await expect(page.getByTestId('env-active-name')).toHaveText('After recovery');
  await expect(page.getByTestId('env-recovery-banner')).toBeHidden();
  expect(app.consoleErrors).toEqual([]);
});

test('the editor shows inline errors and will not save until they are fixed', async ({ app }) => {
  const { page } = app;
  await openManagerForNew(page);
  const editor = page.getByTestId('env-editor');
  await editor.getByTestId('env-region-custom').check();
  await editor.getByTestId('env-field-baseUrl').fill('http://proxy.example.com');
  await editor.getByTestId('env-field-domain').fill('not a domain');
  await editor.getByTestId('env-key-input').fill('key with spaces');
  await editor.getByTestId('env-save').click();
  await expect(editor.getByTestId('env-error-name')).toBeVisible();
  await expect(editor.getByTestId('env-error-baseUrl')).toContainText('http://');
  await expect(editor.getByTestId('env-error-domain')).toBeVisible();
  await expect(editor.getByTestId('env-key-error')).toContainText('spaces');
  await expect(editor.getByTestId('env-field-name')).toBeFocused();
  expect(app.main.calls.filter((call) => call.method === 'saveEnvironment')).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('"Test connection" on the sandbox says which route the base URL takes', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('env-switcher-trigger').click();
  await page.getByTestId('env-manage').click();
  const manager = page.getByRole('dialog', { name: 'Environments' });
  await manager.getByTestId('env-test-run').click();
  await expect(manager.getByTestId('env-test-result')).toHaveAttribute('data-ok', 'true');
  // The harness sends with Node's fetch, which never uses a proxy.
  await expect(manager.getByTestId('env-test-route')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/\w+: direct connection$/);
  expect(app.consoleErrors).toEqual([]);
});
