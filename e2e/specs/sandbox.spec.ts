import type { Locator, Page } from '@playwright/test';
import type { ResponseRecord } from '../../shared/requests/types';
import { type AppUnderTest, expect, test } from '../fixtures';

/**
 * The built-in offline sandbox on a fresh profile, driven through the UI as a
 * first-time user would: send, look at events, manage suppressions, page,
 * recover from a region mix-up, and reopen requests from history.
 */

const sandboxDomain = 'sandbox.mg.example.com';
const euDomain = 'eu.mg.example.com';

async function openEndpoint(page: Page, filter: string, endpointId: string, title: string): Promise<void> {
  await page.getByTestId('sidebar-tab-catalog').click();
  await page.getByTestId('catalog-filter').fill(filter);
  await page.locator(`[data-testid="catalog-endpoint"][data-endpoint-id="${endpointId}"]`).getByRole('button').first().click();
  await expect(page.getByTestId('endpoint-title')).toHaveText(title);
}

function viewer(page: Page): Locator {
  return page.getByTestId('response-viewer');
}

async function send(page: Page): Promise<void> {
  await page.getByTestId('send-button').click();
}

async function expectStatus(page: Page, status: number): Promise<void> {
  await expect(viewer(page).getByTestId('status-chip')).toContainText(String(status));
}

/** The body of the latest answer the page got from main, exactly as the viewer received it. */
function lastResponseJson(app: AppUnderTest): unknown {
  const sends = app.main.calls.filter((call) => call.method === 'sendRequest' && call.result.ok);
  const last = sends[sends.length - 1]?.result;
  if (!last?.ok) throw new Error('No response has arrived yet');
  const body = (last.value as ResponseRecord).body;
  if (body.kind !== 'text') throw new Error(`The latest response body is ${body.kind}`);
  return JSON.parse(body.text);
}

/** Searches the body in the viewer; the match counter it returns reads like "1 of 3". */
async function searchBody(page: Page, term: string): Promise<Locator> {
  await viewer(page).getByTestId('body-search').fill(term);
  return viewer(page).getByTestId('body-search-count');
}

async function sendMessage(app: AppUnderTest, to: string, subject: string): Promise<string> {
  const { page } = app;
  await openEndpoint(page, 'send message', 'messages.send', 'Send a message assembled from fields');
  await page.getByTestId('input-from').fill(`Sandbox Shop <shop@${sandboxDomain}>`);
  await page.getByTestId('input-to-0').fill(to);
  await page.getByTestId('input-subject').fill(subject);
  await page.getByTestId('input-text').fill('Hello from the end-to-end test.');
  await send(page);
  await expectStatus(page, 200);
  await expect(viewer(page).getByTestId('response-body')).toContainText('Queued. Thank you.');
  const body = lastResponseJson(app) as { id: string; message: string };
  expect(body.message).toBe('Queued. Thank you.');
  return body.id;
}

test('on a fresh profile the sandbox is active, takes a message and shows its events', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('env-active-name')).toHaveText('Sandbox (offline)');
  await expect(page.getByTestId('env-active').getByTestId('env-region-badge')).toHaveText('US');
  await expect(page.getByTestId('sandbox-banner')).toContainText('Offline sandbox');

  const recipient = 'e2e-reader@example.com';
  const messageId = await sendMessage(app, recipient, 'Sandbox e2e hello');
  expect(messageId).toMatch(new RegExp(`^<.+@${sandboxDomain.replaceAll('.', '\\.')}>$`));

  await openEndpoint(page, 'events', 'events.list', 'Search the event log of a domain');
  await page.getByTestId('input-recipient').fill(recipient);
  await send(page);
  await expectStatus(page, 200);
  const events = lastResponseJson(app) as { items: { event: string; recipient: string; message: { headers: { 'message-id': string } } }[] };
  expect(events.items.length).toBeGreaterThan(0);
  for (const item of events.items) expect(item.recipient).toBe(recipient);
  const ours = events.items.filter((item) => `<${item.message.headers['message-id']}>` === messageId);
  expect(ours.map((item) => item.event)).toEqual(expect.arrayContaining(['accepted', 'delivered']));
  // The viewer shows the same events: each carries the message id.
  await expect(await searchBody(page, messageId.slice(1, -1))).toHaveText(new RegExp(`^1 of ${ours.length}$`));
  await expect(viewer(page).getByTestId('json-tree')).toContainText('delivered');
  expect(app.consoleErrors).toEqual([]);
});

test('adds a bounce, then deletes it after a confirmation that names the address', async ({ app }) => {
  const { page } = app;
  const address = 'e2e-bounced@example.com';
  await openEndpoint(page, 'add bounce', 'bounces.create', 'Add a bounce');
  await page.getByTestId('input-Content-Type').selectOption('multipart/form-data');
  await page.getByTestId('input-address').fill(address);
  await page.getByTestId('input-code').fill('550');
  await page.getByTestId('input-error').fill('Mailbox does not exist');
  await send(page);
  await expectStatus(page, 200);
  await expect(viewer(page).getByTestId('response-body')).toContainText(address);
  let state = await app.main.services.sandbox.admin.state();
  expect(state.regions.us.domains.find((d) => d.name === sandboxDomain)?.bounces.map((b) => b.address)).toContain(address);

  await openEndpoint(page, 'delete bounce', 'bounces.delete-one', 'Remove a bounce');
  await page.getByTestId('input-address').fill(address);
  await send(page);
  const dialog = page.getByTestId('delete-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('delete-confirm-title')).toHaveText(`Delete bounce for ${address} on ${sandboxDomain}?`);
  await expect(dialog.getByTestId('delete-confirm-cancel')).toBeFocused();
  await dialog.getByTestId('delete-confirm-confirm').click();
  await expect(dialog).toBeHidden();
  await expectStatus(page, 200);
  state = await app.main.services.sandbox.admin.state();
  expect(state.regions.us.domains.find((d) => d.name === sandboxDomain)?.bounces.map((b) => b.address)).not.toContain(address);
  expect(app.consoleErrors).toEqual([]);
});

/** The addresses on the bounces page shown, read from the response the viewer got. */
function bouncePage(app: AppUnderTest): string[] {
  return (lastResponseJson(app) as { items: { address: string }[] }).items.map((item) => item.address);
}

test('pages through 250 bounces with First, Previous, Next and Last', async ({ app }) => {
  const { page } = app;
  await app.main.services.sandbox.admin.seedMany('bounces', 250);
  const seeded = Array.from({ length: 250 }, (_, i) => `bounce-${String(i).padStart(6, '0')}@seed.example.com`);

  await openEndpoint(page, 'list bounces', 'bounces.list', 'List bounces');
  await page.getByTestId('input-limit').fill('100');
  // Only the seeded addresses: the sample data has a bounce of its own starting with "bounce-".
  await page.getByTestId('input-term').fill('bounce-0');
  await send(page);
  await expectStatus(page, 200);
  const bar = viewer(page).getByTestId('pagination-bar');
  await expect(bar).toContainText('100 items on this page');
  const firstPage = bouncePage(app);
  expect(firstPage).toEqual(seeded.slice(0, 100));
  await expect(viewer(page).getByTestId('json-tree')).toContainText('bounce-000000@seed.example.com');

  const go = async (direction: 'first' | 'previous' | 'next' | 'last', count: number) => {
    const before = app.main.calls.length;
    await bar.getByTestId(`page-${direction}`).click();
    await expect.poll(() => app.main.calls.slice(before).some((call) => call.method === 'sendRequest')).toBe(true);
    await expect(bar).toContainText(`${count} items on this page`);
    await expect(bar.getByTestId('page-next')).toBeEnabled();
  };

  await go('next', 100);
  expect(bouncePage(app)).toEqual(seeded.slice(100, 200));
  await expect(viewer(page).getByTestId('json-tree')).toContainText('bounce-000100@seed.example.com');
  await go('next', 50);
  expect(bouncePage(app)).toEqual(seeded.slice(200, 250));
  await go('previous', 100);
  expect(bouncePage(app)).toEqual(seeded.slice(100, 200));
  await go('first', 100);
  expect(bouncePage(app)).toEqual(firstPage);
  // Like Mailgun, the last page is the last `limit` addresses.
  await go('last', 100);
  expect(bouncePage(app)).toEqual(seeded.slice(150, 250));
  await expect(viewer(page).getByTestId('json-tree')).toContainText('bounce-000150@seed.example.com');
  expect(app.consoleErrors).toEqual([]);
});

test('a domain from the other region gets a 404 with a diagnosis that switches the environment to EU', async ({ app }) => {
  const { page } = app;
  await openEndpoint(page, 'get domain', 'domains.get', 'Get a domain');
  await page.getByTestId('input-name').fill(euDomain);
  await send(page);
  await expectStatus(page, 404);
  await expect(viewer(page).getByTestId('response-body')).toContainText('Domain not found');
  const diagnosis = viewer(page).getByTestId('diagnosis-panel');
  await expect(diagnosis).toBeVisible();
  const switchToEu = diagnosis.getByTestId('action-switch-region');
  await expect(switchToEu).toContainText('EU');
  await switchToEu.click();

  const active = page.getByTestId('env-active');
  await expect(active.getByTestId('env-region-badge')).toHaveText('EU');
  await expect(page.getByTestId('sandbox-banner')).toContainText('EU region');
  await expect(page.getByTestId('input-name')).toHaveValue(euDomain);
  await send(page);
  await expectStatus(page, 200);
  await expect(viewer(page).getByTestId('json-tree')).toContainText(euDomain);
  expect(app.consoleErrors).toEqual([]);
});

test('a mailing list from the other region gets a 404 whose diagnosis asks EU, finds it there and switches', async ({ app }) => {
  const { page } = app;
  const address = `news@${euDomain}`;
  await openEndpoint(page, 'show one mailing list', 'mailing-lists.get', 'Show one mailing list');
  await page.getByTestId('input-list_address').fill(address);
  await send(page);
  await expectStatus(page, 404);
  const diagnosis = viewer(page).locator('[data-diagnosis-id="not-found-here"]');
  await expect(diagnosis.getByTestId('region-probe-result')).toContainText(
    `The mailing list ${address} exists in the Sandbox EU region, not in the Sandbox US region.`,
  );
  await diagnosis.getByTestId('region-probe-switch').click();
  await expect(page.getByTestId('env-active').getByTestId('env-region-badge')).toHaveText('EU');
  await send(page);
  await expectStatus(page, 200);
  await expect(viewer(page).getByTestId('json-tree')).toContainText(address);
  expect(app.consoleErrors).toEqual([]);
});

test('a message for an EU domain sent to the US region gets 401 Forbidden and the region diagnosis', async ({ app }) => {
  const { page } = app;
  await openEndpoint(page, 'send message', 'messages.send', 'Send a message assembled from fields');
  await page.getByTestId('input-domain_name').fill(euDomain);
  await page.getByTestId('input-from').fill(`Shop <shop@${euDomain}>`);
  await page.getByTestId('input-to-0').fill('reader@example.com');
  await page.getByTestId('input-subject').fill('Wrong region');
  await page.getByTestId('input-text').fill('This goes to the wrong region first.');
  await send(page);
  await expectStatus(page, 401);
  await expect(viewer(page).getByTestId('response-body')).toContainText('Forbidden');
  const diagnosis = viewer(page).getByTestId('diagnosis-panel');
  await expect(diagnosis).toContainText('other region');
  await diagnosis.getByTestId('action-switch-region').click();
  await expect(page.getByTestId('env-active').getByTestId('env-region-badge')).toHaveText('EU');
  await send(page);
  await expectStatus(page, 200);
  await expect(viewer(page).getByTestId('response-body')).toContainText('Queued. Thank you.');
  expect(app.consoleErrors).toEqual([]);
});

test('an event search pages forwards through its paging links', async ({ app }) => {
  const { page } = app;
  await openEndpoint(page, 'events', 'events.list', 'Search the event log of a domain');
  await page.getByTestId('input-limit').fill('5');
  await send(page);
  await expectStatus(page, 200);
  const first = (lastResponseJson(app) as { items: { id: string }[] }).items.map((item) => item.id);
  expect(first).toHaveLength(5);

  await viewer(page).getByTestId('page-next').click();
  await expect(page.getByTestId('endpoint-title')).toHaveText('Fetch another page of an event search');
  await expectStatus(page, 200);
  await expect.poll(() => (lastResponseJson(app) as { items: { id: string }[] }).items.map((item) => item.id)).not.toEqual(first);
  const second = (lastResponseJson(app) as { items: { id: string }[] }).items.map((item) => item.id);
  expect(second.length).toBeGreaterThan(0);
  expect(second.some((id) => first.includes(id))).toBe(false);

  await viewer(page).getByTestId('page-next').click();
  await expectStatus(page, 200);
  await expect.poll(() => (lastResponseJson(app) as { items: { id: string }[] }).items.map((item) => item.id)).not.toEqual(second);
  expect(app.consoleErrors).toEqual([]);
});

test('sent requests are listed in History, and opening one puts its values back in the editor', async ({ app }) => {
  const { page } = app;
  await sendMessage(app, 'history-check@example.com', 'Remember me');
  await openEndpoint(page, 'get domain', 'domains.get', 'Get a domain');
  await page.getByTestId('input-name').fill(sandboxDomain);
  await send(page);
  await expectStatus(page, 200);

  await page.getByTestId('sidebar-tab-history').click();
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`/v4/domains/${sandboxDomain}`);
  await expect(rows.nth(0).getByTestId('history-status')).toHaveText('200');
  await expect(rows.nth(1)).toContainText(`/v3/${sandboxDomain}/messages`);
  await expect(rows.nth(1)).toContainText('Sandbox (offline)');

  // Empty the message form first, so the values seen afterwards can only have come from history.
  await openEndpoint(page, 'send message', 'messages.send', 'Send a message assembled from fields');
  await page.getByTestId('clear-form').click();
  await expect(page.getByTestId('input-subject')).toHaveValue('');

  await page.getByTestId('sidebar-tab-history').click();
  await rows.nth(1).click();
  const detail = page.getByTestId('history-detail');
  await expect(detail).toContainText('Queued. Thank you.');
  await detail.getByTestId('history-open').click();
  await expect(page.getByTestId('endpoint-title')).toHaveText('Send a message assembled from fields');
  await expect(page.getByTestId('input-from')).toHaveValue(`Sandbox Shop <shop@${sandboxDomain}>`);
  await expect(page.getByTestId('input-to-0')).toHaveValue('history-check@example.com');
  await expect(page.getByTestId('input-subject')).toHaveValue('Remember me');
  await expect(page.getByTestId('input-text')).toHaveValue('Hello from the end-to-end test.');
  expect(app.consoleErrors).toEqual([]);
});

test('Fill examples on a bounce look-up uses the sandbox domain, and a 404 is explained as "not suppressed" with a way to the events', async ({
  app,
}) => {
  const { page } = app;
  await openEndpoint(page, 'look up a bounce', 'bounces.get', 'Look up a bounce');
  await page.getByTestId('fill-examples').click();
  await expect(page.getByTestId('input-domain_name')).toHaveValue(sandboxDomain);
  await send(page);
  await expectStatus(page, 200);

  await page.getByTestId('input-address').fill('never-bounced@example.com');
  await send(page);
  await expectStatus(page, 404);
  const diagnosis = viewer(page).locator('[data-diagnosis-id="not-suppressed"]');
  await expect(diagnosis).toContainText('Not suppressed: never-bounced@example.com is not on the bounce list');
  await expect(viewer(page).locator('[data-diagnosis-id="wrong-region"]')).toHaveCount(0);
  await diagnosis.getByTestId('action-open-endpoint').click();
  await expect(page.getByTestId('endpoint-title')).toHaveText('Search message event logs');
});
