import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SANDBOX_API_KEY, SANDBOX_ENVIRONMENT_ID, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import { type AppUnderTest, expect, test } from '../fixtures';

/**
 * Live tail and bulk check end to end against the built-in sandbox: the real
 * renderer, the real main services (polling through the request pipeline)
 * and the real sandbox server.
 */

async function openSupportTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId('view-switch-support').click();
  await expect(page.getByTestId('support-panel')).toBeVisible();
  await page.getByTestId(`support-tab-${tab}`).click();
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="support-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((next) => {
    Object.defineProperty(document, 'visibilityState', { value: next, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test('a live tail shows a message sent from the workbench within a few seconds, and resumes after the window was hidden', async ({
  app,
}) => {
  const { page } = app;
  await openSupportTab(page, 'tail');
  await page.getByTestId('tail-start').click();
  await expect(page.getByTestId('tail-state')).toHaveAttribute('data-state', 'running');

  await page.getByTestId('view-switch-workbench').click();
  await page.getByTestId('sidebar-tab-catalog').click();
  await page.getByTestId('catalog-filter').fill('send message');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="messages.send"]').getByRole('button').first().click();
  await page.getByTestId('input-from').fill(`Shop <shop@${SANDBOX_US_DOMAIN}>`);
  await page.getByTestId('input-to-0').fill('tail-e2e@example.com');
  await page.getByTestId('input-subject').fill('Live tail e2e');
  await page.getByTestId('input-text').fill('Hello');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('response-viewer').getByTestId('status-chip')).toContainText('200');
  const sentAt = Date.now();

  await openSupportTab(page, 'tail');
  const mine = page.getByTestId('tail-row').filter({ hasText: 'tail-e2e@example.com' });
  await expect(mine.filter({ hasText: 'delivered' })).toHaveCount(1, { timeout: 5000 });
  await expect(mine.filter({ hasText: 'accepted' })).toHaveCount(1);
  expect(Date.now() - sentAt).toBeLessThan(5000);
  await expectNoSeriousViolations(page);
  await expect(page.getByTestId('tail-rate')).not.toContainText(/^0 /);

  // Hidden: main stops polling. Meanwhile another message is sent; shown again, it appears once.
  await setVisibility(page, 'hidden');
  await expect(page.getByTestId('tail-state')).toHaveAttribute('data-state', 'hidden');
  const sent = await app.main.invoke('mailgun:sendRequest', {
    requestId: crypto.randomUUID(),
    environmentId: SANDBOX_ENVIRONMENT_ID,
    endpointId: 'messages.send',
    values: { params: { from: `shop@${SANDBOX_US_DOMAIN}`, to: ['tail-hidden@example.com'], subject: 'While hidden', text: 'Hi' } },
  });
  expect(sent.ok).toBe(true);
  await page.waitForTimeout(2500);
  await expect(page.getByTestId('tail-row').filter({ hasText: 'tail-hidden@example.com' })).toHaveCount(0);
  await setVisibility(page, 'visible');
  await expect(page.getByTestId('tail-row').filter({ hasText: 'tail-hidden@example.com' }).filter({ hasText: 'delivered' })).toHaveCount(
    1,
    {
      timeout: 5000,
    },
  );
  // Nothing repeated across the hidden stretch.
  for (const event of ['accepted', 'delivered']) {
    await expect(mine.filter({ hasText: event })).toHaveCount(1);
    await expect(page.getByTestId('tail-row').filter({ hasText: 'tail-hidden@example.com' }).filter({ hasText: event })).toHaveCount(1);
  }

  const target = `${app.dataDir}/tail.csv`;
  app.main.dialogs.saveNextTo(target);
  await page.getByTestId('tail-export').click();
  await expect(page.getByTestId('tail-exported')).toContainText('Saved');
  const csv = await readFile(target, 'utf8');
  expect(csv.split('\n')[0]).toContain('time,event,domain,recipient');
  expect(csv).toContain('tail-hidden@example.com');
  expect(app.consoleErrors).toEqual([]);
});

/** Seeds suppressions the way any client would: Mailgun's JSON import of up to 1,000 entries, against the running sandbox. */
async function seed(app: AppUnderTest, list: 'bounces' | 'complaints' | 'unsubscribes', entries: object[]): Promise<void> {
  const { sandbox } = app.main.services;
  const base = sandbox.status().usBaseUrl;
  const response = await fetch(`${base}/v3/${SANDBOX_US_DOMAIN}/${list}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}`,
      'content-type': 'application/json',
      [sandbox.clientHeader.name]: sandbox.clientHeader.value,
    },
    body: JSON.stringify(entries),
  });
  expect(response.status).toBe(200);
}

test('a CSV of 500 addresses is checked and two of them released', async ({ app }) => {
  const { page } = app;
  const bounced = Array.from({ length: 8 }, (_, i) => `bulk-bounced-${i}@example.com`);
  const complained = ['bulk-complained@example.com'];
  await seed(
    app,
    'bounces',
    bounced.map((address) => ({ address, code: '550', error: 'No such mailbox' })),
  );
  await seed(
    app,
    'complaints',
    complained.map((address) => ({ address })),
  );
  const addresses = [...bounced, ...complained, ...Array.from({ length: 491 }, (_, i) => `bulk-fine-${i}@example.com`)];
  // A spreadsheet export: BOM, header row, quoted cells, the address in the second column, a duplicate and a bad row.
  const csv = `\uFEFFname,email\r\n${addresses.map((a, i) => `"Customer ${i}, Ltd",${a}`).join('\r\n')}\r\nAgain,${addresses[0]}\r\nBroken,not-an-address\r\n`;
  const file = `${app.dataDir}/customer-list.csv`;
  await writeFile(file, csv, 'utf8');

  await openSupportTab(page, 'bulk');
  await expect(page.getByTestId('bulk-cost-note')).toContainText('paid');
  app.main.dialogs.pickNext(file);
  await page.getByTestId('bulk-import').click();
  await expect(page.getByTestId('bulk-list-summary')).toContainText('500 addresses from customer-list.csv');
  await expect(page.getByTestId('bulk-list-summary')).toContainText('1 duplicates');
  await expect(page.getByTestId('bulk-list-summary')).toContainText('1 values that are not addresses');

  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-result')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('bulk-summary')).toContainText('9 of 500 suppressed, 491 clear');

  await page.getByTestId('bulk-show').selectOption('suppressed');
  await expect(page.getByTestId('bulk-row')).toHaveCount(9);
  await expectNoSeriousViolations(page);
  for (const address of [bounced[0], complained[0]]) {
    await page.locator(`[data-testid="bulk-row"][data-address="${address}"]`).getByTestId('bulk-select').check();
  }
  await page.getByTestId('bulk-release').click();
  await expect(page.getByTestId('bulk-confirm')).toContainText('harm your reputation');
  await expect(page.getByTestId('bulk-confirm-cancel')).toBeFocused();
  await page.getByTestId('bulk-confirm-confirm').click();
  await expect(page.getByTestId('bulk-release-message')).toHaveText('2 released.');
  await expect(page.getByTestId('bulk-summary')).toContainText('7 of 500 suppressed');

  const state = await app.main.services.sandbox.admin.state();
  const domain = state.regions.us.domains.find((d) => d.name === SANDBOX_US_DOMAIN);
  expect(domain?.bounces.map((b) => b.address)).not.toContain(bounced[0]);
  expect(domain?.bounces.map((b) => b.address)).toContain(bounced[1]);
  expect(domain?.complaints.map((c) => c.address)).not.toContain(complained[0]);

  const target = `${app.dataDir}/results.csv`;
  app.main.dialogs.saveNextTo(target);
  await page.getByTestId('bulk-export').click();
  await expect(page.getByTestId('bulk-exported')).toContainText('Saved');
  const results = await readFile(target, 'utf8');
  expect(results.split('\n')[0]?.trim()).toBe('address,status,domain,list,detail,listed_at,released');
  expect(results).toContain(`${bounced[0]},clear,,,,,bounces@${SANDBOX_US_DOMAIN}`);
  expect(app.consoleErrors).toEqual([]);
});

test('a bulk check in a read-only environment offers no release', async ({ app }) => {
  const { page } = app;
  await seed(app, 'bounces', [{ address: 'ro-bounced@example.com', code: '550', error: 'gone' }]);
  const current = await app.main.services.environments.get(SANDBOX_ENVIRONMENT_ID);
  const saved = await app.main.invoke('mailgun:saveEnvironment', {
    id: current.id,
    name: current.name,
    region: current.region,
    domain: current.domain,
    keyKind: current.keyKind,
    readOnly: true,
    colour: current.colour,
  });
  expect(saved.ok).toBe(true);
  await page.reload();
  await openSupportTab(page, 'bulk');
  await page.getByTestId('bulk-text').fill('ro-bounced@example.com\nother@example.com');
  await page.getByTestId('bulk-read').click();
  await page.getByTestId('bulk-start').click();
  await expect(page.getByTestId('bulk-summary')).toContainText('1 of 2 suppressed', { timeout: 20_000 });
  await expect(page.getByTestId('bulk-read-only')).toBeVisible();
  await expect(page.getByTestId('bulk-release')).toHaveCount(0);
  await expect(page.locator('[data-testid="bulk-row"][data-address="ro-bounced@example.com"]').getByTestId('bulk-select')).toBeDisabled();
});
