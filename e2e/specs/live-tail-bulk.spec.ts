import type { Page } from '@playwright/test';
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import { expect, test } from '../fixtures';

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
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(target, 'utf8');
  expect(csv.split('\n')[0]).toContain('time,event,domain,recipient');
  expect(csv).toContain('tail-hidden@example.com');
  expect(app.consoleErrors).toEqual([]);
});
