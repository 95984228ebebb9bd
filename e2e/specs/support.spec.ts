import { createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import { type AppUnderTest, expect, test } from '../fixtures';

/**
 * The support toolkit end to end against the built-in sandbox (the default
 * environment): real renderer, real main services, real sandbox server.
 * The panel is reached through the top-level "Support" view switch.
 */

async function openSupport(page: Page, tab: 'recipient' | 'trace' | 'health' | 'region' | 'webhook' | 'dates'): Promise<void> {
  await page.getByTestId('view-switch-support').click();
  await expect(page.getByTestId('support-panel')).toBeVisible();
  await page.getByTestId(`support-tab-${tab}`).click();
}

async function invoke(app: AppUnderTest, method: string, arg: unknown): Promise<unknown> {
  const result = await app.main.invoke(`mailgun:${method}`, arg);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

test('a suppressed recipient is found and released', async ({ app }) => {
  const { page } = app;
  await openSupport(page, 'recipient');
  await page.getByTestId('support-recipient-address').fill('no-more@example.com');
  await page.getByTestId('support-recipient-submit').click();
  const result = page.getByTestId('support-recipient-result');
  await expect(result).toHaveAttribute('data-verdict', 'blocked');
  await expect(page.getByTestId('support-recipient-verdict')).toContainText('unsubscribe list');
  await expect(result.getByTestId('support-event').filter({ hasText: 'suppress-unsubscribe' }).first()).toBeVisible();

  await page.getByTestId('support-release').click();
  await expect(page.getByTestId('support-confirm-cancel')).toBeFocused();
  await page.getByTestId('support-confirm-confirm').click();
  await expect(page.getByTestId('support-release-message')).toContainText('was removed from the unsubscribe list');
  await expect(result).toHaveAttribute('data-verdict', 'clear');

  const release = app.main.calls.find((call) => call.method === 'releaseRecipient');
  expect(release?.arg).toMatchObject({ list: 'unsubscribes', address: 'no-more@example.com', confirmed: true });
  const state = await app.main.services.sandbox.admin.state();
  expect(state.regions.us.domains.find((d) => d.name === SANDBOX_US_DOMAIN)?.unsubscribes.map((u) => u.address)).not.toContain(
    'no-more@example.com',
  );

  await page.getByTestId('support-calls').locator('summary').click();
  await expect(page.getByTestId('support-call').filter({ hasText: 'DELETE' })).toHaveCount(1);
  expect(app.consoleErrors).toEqual([]);
});

/** Sends a message from the sandbox domain through main, then traces it by its Message-Id in the support panel. */
async function sendAndTrace(app: AppUnderTest, to: readonly string[]) {
  const sent = (await invoke(app, 'sendRequest', {
    requestId: randomUUID(),
    environmentId: SANDBOX_ENVIRONMENT_ID,
    endpointId: 'messages.send',
    values: { params: { from: `shop@${SANDBOX_US_DOMAIN}`, to: [...to], subject: 'Trace me', text: 'Hello' } },
  })) as { body: { kind: string; text: string } };
  const messageId = (JSON.parse(sent.body.text) as { id: string }).id;
  await openSupport(app.page, 'trace');
  await app.page.getByTestId('support-trace-message-id').fill(messageId);
  await app.page.getByTestId('support-trace-submit').click();
  return app.page.getByTestId('support-trace-result');
}

test('a sent message is traced', async ({ app }) => {
  const result = await sendAndTrace(app, ['trace-e2e@example.com']);
  await expect(result).toHaveAttribute('data-status', 'delivered');
  const events = result.getByTestId('support-event');
  await expect(events.first()).toHaveAttribute('data-event', 'accepted');
  await expect(events.filter({ hasText: '250' })).toHaveCount(1);
  expect(app.consoleErrors).toEqual([]);
});

test('a failed attempt is traced with Mailgun’s bounce classification beside it', async ({ app }) => {
  const result = await sendAndTrace(app, ['bounce-e2e@gmail.com', 'defer-e2e@gmail.com']);
  await expect(result.getByTestId('support-trace-classification')).toHaveAttribute('data-state', 'classified');
  const classified = result.getByTestId('support-event-classification');
  await expect(classified.filter({ hasText: 'Gmail · BOUNCE · PERMANENT · NON-CRITICAL' })).toHaveCount(1);
  await expect(classified.filter({ hasText: 'Gmail · GENERIC · TEMPORARY · NON-CRITICAL' })).toHaveCount(1);
  await result.getByTestId('support-calls').locator('summary').click();
  await expect(result.getByTestId('support-calls')).toContainText('Bounce classification of failures to gmail.com');
  expect(app.consoleErrors).toEqual([]);
});

test('a domain health report is produced and exported', async ({ app }) => {
  const { page } = app;
  await openSupport(page, 'health');
  await page.getByTestId('support-health-submit').click();
  const result = page.getByTestId('support-health-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('support-dns-summary')).toContainText('DNS records are in place');
  await expect(result.getByTestId('support-dns-record')).toHaveCount(5);

  const target = path.join(app.dataDir, 'health.md');
  app.main.dialogs.saveNextTo(target);
  await page.getByTestId('support-export-markdown').click();
  await expect(page.getByTestId('support-export-status')).toContainText('Saved');
  const markdown = await readFile(target, 'utf8');
  expect(markdown).toContain(`# Domain health: ${SANDBOX_US_DOMAIN}`);
  expect(markdown).toContain('## DNS records');

  const jsonTarget = path.join(app.dataDir, 'health.json');
  app.main.dialogs.saveNextTo(jsonTarget);
  await page.getByTestId('support-export-json').click();
  await expect(page.getByTestId('support-export-status')).toContainText('health.json');
  expect(JSON.parse(await readFile(jsonTarget, 'utf8'))).toMatchObject({ domain: SANDBOX_US_DOMAIN });
  expect(app.consoleErrors).toEqual([]);
});

test('a region mismatch is found and fixed', async ({ app }) => {
  const { page } = app;
  await openSupport(page, 'region');
  await page.getByTestId('support-region-domain').fill(SANDBOX_EU_DOMAIN);
  await page.getByTestId('support-region-submit').click();
  const result = page.getByTestId('support-region-result');
  await expect(result).toHaveAttribute('data-mismatch', 'true');
  await expect(page.getByTestId('support-region-message')).toContainText('lives in Sandbox EU');
  await page.getByTestId('support-region-apply').click();
  await expect(page.getByTestId('support-region-applied')).toContainText('now points at Sandbox EU');
  await expect(result).toHaveAttribute('data-mismatch', 'false');
  const list = (await invoke(app, 'listEnvironments', undefined)) as { environments: { id: string; region: string }[] };
  expect(list.environments.find((e) => e.id === SANDBOX_ENVIRONMENT_ID)?.region).toBe('eu');
  expect(app.consoleErrors).toEqual([]);
});

test('a valid and a tampered webhook payload are told apart', async ({ app }) => {
  const signingKey = `whk-${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = randomUUID().replace(/-/g, '').padEnd(50, '0');
  const signature = createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
  const body = (sig: string) =>
    JSON.stringify({
      signature: { timestamp, token, signature: sig },
      'event-data': { event: 'delivered', recipient: 'alice@example.com', timestamp: Number(timestamp) },
    });

  const { page } = app;
  await openSupport(page, 'webhook');
  await page.getByTestId('support-signing-key').fill(signingKey);
  await page.getByTestId('support-signing-key-save').click();
  await expect(page.getByTestId('support-signing-key-status')).toHaveText('key stored');

  await page.getByTestId('support-webhook-payload').fill(body(signature));
  await page.getByTestId('support-webhook-submit').click();
  await expect(page.getByTestId('support-webhook-result')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('support-webhook-verdict')).toContainText('Signature valid');

  const tampered = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
  await page.getByTestId('support-webhook-payload').fill(body(tampered));
  await page.getByTestId('support-webhook-submit').click();
  await expect(page.getByTestId('support-webhook-result')).toHaveAttribute('data-verdict', 'invalid');
  await expect(page.getByTestId('support-webhook-verdict')).toContainText('does not match');

  expect(JSON.stringify(app.main.calls.map((call) => call.result))).not.toContain(signingKey);
  expect(await page.content()).not.toContain(signingKey);
  await invoke(app, 'deleteWebhookSigningKey', { environmentId: SANDBOX_ENVIRONMENT_ID });
  expect(app.consoleErrors).toEqual([]);
});
