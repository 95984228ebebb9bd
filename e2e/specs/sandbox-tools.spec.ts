import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SANDBOX_API_KEY } from '../../shared/sandbox/constants';
import { type AppUnderTest, expect, test } from '../fixtures';

/**
 * The sandbox tools against the real main services: a domain webhook pointed
 * at the app's own webhook inbox receives the "delivered" event of a message
 * sent from the workbench, signed so the Support checker accepts it, and the
 * Messages view shows that message's HTML inside its sandboxed frame, with the
 * mail's own styles and nothing active.
 */

const sandboxDomain = 'sandbox.mg.example.com';

async function openEndpoint(page: Page, filter: string, endpointId: string): Promise<void> {
  await page.getByTestId('view-switch-workbench').click();
  await page.getByTestId('sidebar-tab-catalog').click();
  await page.getByTestId('catalog-filter').fill(filter);
  await page.locator(`[data-testid="catalog-endpoint"][data-endpoint-id="${endpointId}"]`).getByRole('button').first().click();
}

async function sendAndExpect(page: Page, status: number): Promise<void> {
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('response-viewer').getByTestId('status-chip')).toContainText(String(status));
}

async function openSandboxTools(page: Page, tab: 'messages' | 'inbox' | 'inbound'): Promise<void> {
  await page.getByTestId('view-switch-sandbox').click();
  await page.getByTestId(`sandbox-tools-tab-${tab}`).click();
}

/** A loopback stand-in for a remote host, counting what the message frame asks of it. */
async function startRemoteHost(): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sentMessageId(app: AppUnderTest): string {
  const sends = app.main.calls.filter((call) => call.method === 'sendRequest' && call.result.ok);
  const last = sends.at(-1)?.result;
  if (!last?.ok) throw new Error('No send has been answered');
  const body = (last.value as { body: { kind: string; text: string } }).body;
  return (JSON.parse(body.text) as { id: string }).id;
}

test('a sandbox webhook delivers a verified "delivered" event to the inbox, and the message’s HTML shows in its frame', async ({ app }) => {
  const { page } = app;
  const remote = await startRemoteHost();
  await openSandboxTools(page, 'inbox');
  const inboxUrl = (await page.getByTestId('webhook-inbox-url').textContent()) ?? '';
  await expect(page.getByTestId('webhook-inbox-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/);
  await expect(page.getByTestId('webhook-inbox-empty')).toBeVisible();

  // The domain webhook for "delivered", pointed at the inbox.
  await openEndpoint(page, 'register one url', 'webhooks.create-v4');
  await page.getByTestId('input-url').fill(inboxUrl);
  await page.getByTestId('input-event_types-0').selectOption('delivered');
  await sendAndExpect(page, 200);

  await openEndpoint(page, 'send message', 'messages.send');
  await page.getByTestId('input-from').fill(`Sandbox Shop <shop@${sandboxDomain}>`);
  await page.getByTestId('input-to-0').fill('inbox-reader@example.com');
  await page.getByTestId('input-subject').fill('Your parcel is on its way');
  await page.getByTestId('input-text').fill('Your parcel is on its way.');
  await page
    .getByTestId('input-html')
    .fill(
      '<style>.track { color: rgb(0, 0, 200); }</style><h1>Parcel shipped</h1>' +
        '<p class="when" style="color: rgb(200, 0, 0)">It arrives <b>tomorrow</b>.</p>' +
        `<p class="track"><a href="${remote.origin}/track">Track it online.</a></p>` +
        `<img alt="Tracking pixel" src="${remote.origin}/pixel.png"><link rel="stylesheet" href="${remote.origin}/mail.css">` +
        `<meta http-equiv="refresh" content="0; url=${remote.origin}/refresh">` +
        `<form action="${remote.origin}/form" method="post"><button name="go" value="1">Confirm</button></form>` +
        '<img alt="" src="data:," onerror="document.title = \'handler ran\'"><script>document.title = "ran"</script>',
    );
  await sendAndExpect(page, 200);
  const messageId = sentMessageId(app).slice(1, -1);

  await openSandboxTools(page, 'inbox');
  const row = page.locator(`[data-testid="webhook-inbox-row"][data-event="delivered"]`);
  await expect(row).toHaveCount(1, { timeout: 10_000 });
  await expect(row).toHaveAttribute('data-verdict', 'valid');
  await expect(row).toContainText('inbox-reader@example.com');
  await expect(row).toContainText(messageId);
  await expect(row).toContainText('verified');
  await expect(page.getByTestId('webhook-inbox-verdict')).toContainText('The signature is valid');
  await expect(page.getByTestId('webhook-inbox-body')).toContainText('"event": "delivered"');

  // The Support tools' checker agrees with the inbox about the very same body.
  const body = (await page.getByTestId('webhook-inbox-body').textContent()) ?? '';
  const checked = await app.main.invoke('mailgun:checkWebhookSignature', { environmentId: 'sandbox', payload: body });
  expect(checked).toMatchObject({ ok: true, value: { verdict: 'valid', signatureValid: true } });

  await openSandboxTools(page, 'messages');
  const item = page.locator(`[data-testid="sandbox-message-item"][data-message-id="<${messageId}>"]`);
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByTestId('sandbox-message-subject')).toHaveText('Your parcel is on its way');
  const frame = page.getByTestId('sandbox-message-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  const content = page.frameLocator('[data-testid="sandbox-message-frame"]');
  await expect(content.locator('h1')).toHaveText('Parcel shipped');
  await expect(content.locator('b')).toHaveText('tomorrow');
  // The mail's own styles apply: an inline style= attribute and a rule from its <style> element.
  await expect(content.locator('p.when')).toHaveCSS('color', 'rgb(200, 0, 0)');
  await expect(content.locator('p.track')).toHaveCSS('color', 'rgb(0, 0, 200)');
  // The frame runs no scripts, neither a <script> nor an on…= handler.
  expect(await content.locator('html').evaluate(() => document.title)).toBe('');
  // A form in the mail does not submit, and a link opens nothing, in the frame or in a window.
  await content.getByRole('button', { name: 'Confirm' }).click();
  await content.getByRole('link', { name: 'Track it online.' }).click();
  await expect(page.getByTestId('sandbox-message-frame-note')).toContainText('links do not open');
  // Nothing was loaded from the "remote" host: Chromium refused the image and the style sheet before asking,
  // and neither the form nor the meta refresh took the frame anywhere.
  await expect.poll(() => app.consoleErrors.filter(refusedLoad).length).toBeGreaterThanOrEqual(2);
  await expect.poll(() => app.consoleErrors.some(refusedForm)).toBe(true);
  await expect.poll(() => app.consoleErrors.some(refusedPopup)).toBe(true);
  expect(page.context().pages()).toEqual([page]);
  expect(app.consoleErrors.some(refusedRefresh)).toBe(true);
  await expect(content.locator('h1')).toHaveText('Parcel shipped');
  expect(remote.requests).toEqual([]);
  await remote.close();

  await page.getByTestId('sandbox-message-tab-text').click();
  await expect(page.getByTestId('sandbox-message-text')).toHaveText('Your parcel is on its way.');
  await page.getByTestId('sandbox-message-tab-mime').click();
  await expect(page.getByTestId('sandbox-message-mime')).toContainText('Subject: Your parcel is on its way');
  // Chromium reports the message's script it refused to run and the loads it refused; nothing else may have gone wrong.
  expect(app.consoleErrors.some(blocked)).toBe(true);
  expect(app.consoleErrors.filter((error) => !blocked(error) && !refusedByPreview(error))).toEqual([]);
});

test('simulating an inbound message shows which routes matched and that off-machine forwards are not called', async ({ app }) => {
  const { page } = app;
  await openSandboxTools(page, 'inbound');
  await page.getByTestId('inbound-to').fill(`support@${sandboxDomain}`);
  await page.getByTestId('inbound-submit').click();
  await expect(page.getByTestId('inbound-summary')).toContainText('1 of 1 route(s) matched');
  const route = page.getByTestId('inbound-route').first();
  await expect(route).toHaveAttribute('data-matched', 'true');
  await expect(route.locator('[data-testid="inbound-action"][data-outcome="not-called"]')).toContainText('never called');
  await expect(route.locator('[data-testid="inbound-action"][data-outcome="stop"]')).toBeVisible();
  expect(app.consoleErrors.filter((error) => !blocked(error))).toEqual([]);
});

/**
 * Chromium's word that the message frame ran no script (the mail's, or the harness's init script, which Playwright
 * offers every frame): the frame's purpose, not an error.
 */
const blocked = (error: string) =>
  /^Blocked script execution in 'http:\/\/127\.0\.0\.1:\d+\/(us|eu)\/[^']+' because the document's frame is sandboxed/.test(error);
/** Chromium's word that the preview refused a load (its policy), a form submission, a meta refresh or a popup (its sandbox). */
const refusedLoad = (error: string) =>
  /^Loading the (image|stylesheet) 'http:\/\/127\.0\.0\.1:\d+\/[^']*' violates the following Content Security Policy directive/.test(error);
const refusedForm = (error: string) =>
  /^Blocked form submission to 'http:\/\/127\.0\.0\.1:\d+\/form' because the form's frame is sandboxed/.test(error);
const refusedRefresh = (error: string) => error.startsWith("Refused to execute the redirect specified via '<meta http-equiv='refresh'");
const refusedPopup = (error: string) =>
  /^Blocked opening 'http:\/\/127\.0\.0\.1:\d+\/track' in a new window because the request was made in a sandboxed frame/.test(error);
const refusedByPreview = (error: string) => refusedLoad(error) || refusedForm(error) || refusedRefresh(error) || refusedPopup(error);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the sandbox tools (${colorScheme})`, async ({ app }) => {
    test.setTimeout(90_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme });
    await openSandboxTools(page, 'inbox');
    const inboxUrl = (await page.getByTestId('webhook-inbox-url').textContent()) ?? '';
    await expect(page.getByTestId('webhook-inbox-url')).toHaveText(/^http/);
    // A delivery to list, posted as the sandbox would for any accepted message.
    const { usBaseUrl } = app.main.services.sandbox.status();
    const auth = { Authorization: `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}` };
    await fetch(`${usBaseUrl}/v4/domains/${sandboxDomain}/webhooks`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ url: inboxUrl, event_types: 'accepted' }),
    });
    const form = new FormData();
    for (const [name, value] of Object.entries({ from: `shop@${sandboxDomain}`, to: 'axe@example.com', subject: 'Axe', html: '<p>Hi</p>' }))
      form.append(name, value);
    await fetch(`${usBaseUrl}/v3/${sandboxDomain}/messages`, { method: 'POST', headers: auth, body: form });
    await expect(page.getByTestId('webhook-inbox-row')).toHaveCount(1, { timeout: 10_000 });
    for (const tab of ['inbox', 'messages', 'inbound'] as const) {
      await page.getByTestId(`sandbox-tools-tab-${tab}`).click();
      if (tab === 'inbound') await page.getByTestId('inbound-submit').click();
      if (tab === 'inbound') await expect(page.getByTestId('inbound-summary')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = serious.map((v) => `${tab}: ${v.id} ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
      expect(report, report.join('\n')).toEqual([]);
    }
    // axe tries to inject itself into the message frame, which refuses every script.
    expect(app.consoleErrors.filter((error) => !blocked(error))).toEqual([]);
  });
}
