import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * axe-core over the main screens, in light and dark. Serious and critical
 * findings fail; each one is listed with the elements it names.
 */

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${screen}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, report.join('\n')).toEqual([]);
}

async function sendDomainsList(page: Page): Promise<void> {
  await page.getByTestId('catalog-filter').fill('list domains');
  await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('status-chip')).toContainText('200');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the workbench screens (${colorScheme})`, async ({ app }) => {
    test.setTimeout(150_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme });

    await expectNoSeriousViolations(page, 'empty workbench');
    await sendDomainsList(page);
    await expectNoSeriousViolations(page, 'workbench with a response');

    await page.getByTestId('tab-code').click();
    await expect(page.getByTestId('snippet-code')).toBeVisible();
    await expectNoSeriousViolations(page, 'code tab');
    await page.getByTestId('tab-docs').click();
    await expectNoSeriousViolations(page, 'docs tab');

    await page.getByTestId('save-request').click();
    await expect(page.getByTestId('save-request-dialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'save request dialog');
    await page.getByTestId('save-request-new-collection').fill('Checks');
    await page.getByTestId('save-request-confirm').click();
    await expect(page.getByTestId('save-request-dialog')).toBeHidden();

    await page.getByTestId('sidebar-tab-saved').click();
    await expect(page.locator('.saved-request').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'saved requests');

    await page.locator('.saved-request').first().getByTestId('saved-run').click();
    await expect(page.getByTestId('response-slot').getByTestId('status-chip')).toContainText('200');
    await expectNoSeriousViolations(page, 'a saved request run in the workbench');

    await page.getByTestId('sidebar-tab-history').click();
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await page.getByTestId('history-row').first().click();
    await expectNoSeriousViolations(page, 'history');
    await page.getByTestId('sidebar-tab-catalog').click();

    await page
      .locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]')
      .getByRole('button')
      .first()
      .click({ button: 'right' });
    await expect(page.getByTestId('endpoint-menu')).toBeVisible();
    await expectNoSeriousViolations(page, 'endpoint context menu');
    await page.keyboard.press('Escape');

    await page.getByTestId('placement-beside').click();
    await expectNoSeriousViolations(page, 'response beside the request');
    await page.getByTestId('placement-below').click();

    expect(app.consoleErrors).toEqual([]);
  });

  test(`axe finds no serious or critical violation on the palette, environments and support tools (${colorScheme})`, async ({ app }) => {
    test.setTimeout(150_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme });
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('events');
    await expect(page.getByTestId('palette-option').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'command palette');
    await page.keyboard.press('Escape');

    await page.getByTestId('env-switcher-trigger').click();
    await expectNoSeriousViolations(page, 'environment switcher');
    await page.getByTestId('env-manage').click();
    await expect(page.getByTestId('env-manager')).toBeVisible();
    await expectNoSeriousViolations(page, 'environment manager');
    await page.keyboard.press('Escape');

    await page.getByTestId('view-switch-support').click();
    await expect(page.getByTestId('support-panel')).toBeVisible();
    for (const tool of ['recipient', 'trace', 'health', 'region', 'webhook', 'dates']) {
      await page.getByTestId(`support-tab-${tool}`).click();
      await expectNoSeriousViolations(page, `support tools: ${tool}`);
    }
    expect(app.consoleErrors).toEqual([]);
  });
}
