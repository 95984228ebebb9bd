import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { callBridge } from '../harness/call-bridge';

/**
 * Code snippets and Postman collections through the real renderer and main
 * services. The canary key may appear only on the clipboard main writes, and never
 * in files, history or the query cache.
 */

const key = 'key-CANARY-5b1e2d3c4a6f';
const fixture = fileURLToPath(
  new URL('../../electron/services/postman/__fixtures__/mailgun-essentials.postman_collection.json', import.meta.url),
);

async function environmentWithKey(page: Page): Promise<string> {
  const environment = await callBridge<{ id: string }>(page, 'saveEnvironment', {
    name: 'Snippets',
    region: 'eu',
    domain: 'mg.example.com',
    keyKind: 'primary',
    subaccountId: 'sub-7',
    readOnly: false,
    colour: 'teal',
  });
  await callBridge(page, 'setApiKey', { environmentId: environment.id, key });
  return environment.id;
}

const messageValues = {
  params: { from: 'Me <me@mg.example.com>', to: ['alice@example.com', 'bob@example.com'], subject: 'Hi', text: 'Hello' },
};

test('snippets carry the region, subaccount and key variable; the key only on the clipboard, by main, once confirmed', async ({ app }) => {
  const environmentId = await environmentWithKey(app.page);
  const snippets = await callBridge<{ language: string; code: string }[]>(app.page, 'generateSnippets', {
    environmentId,
    endpointId: 'messages.send',
    values: messageValues,
  });
  expect(snippets.map((s) => s.language)).toContain('curl');
  for (const snippet of snippets) {
    expect(snippet.code).toContain('https://api.eu.mailgun.net');
    expect(snippet.code).toContain('sub-7');
    expect(snippet.code).not.toContain(key);
  }
  expect(await app.page.evaluate(() => 'revealSnippetWithKey' in (window as unknown as { mailgun: object }).mailgun)).toBe(false);

  await callBridge(app.page, 'setActiveEnvironment', { id: environmentId });
  await app.page.reload();
  await expect(app.page.getByTestId('env-active-name')).toHaveText('Snippets');
  await app.page.getByTestId('catalog-filter').fill('list domains');
  await app.page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
  await app.page.getByTestId('tab-code').click();
  await app.page.getByTestId('snippet-tab-go').click();
  // The question is main's (a native dialog); refused, nothing is copied.
  await app.page.getByTestId('snippet-copy-with-key').click();
  await expect(app.page.getByTestId('snippet-copy-status')).toHaveText('Not copied');
  expect(app.main.clipboard.text).toBe('');
  app.main.dialogs.answerNext(true);
  await app.page.getByTestId('snippet-copy-with-key').click();
  await expect(app.page.getByTestId('snippet-key-note')).toContainText('Copied with the API key');
  expect(app.main.dialogs.questions.at(-1)?.message).toMatch(/Go \(net\/http\) snippet with the real API key of "Snippets"/);
  expect(app.main.clipboard.text).toContain(key);
  await expect(app.page.getByTestId('snippet-code')).not.toContainText(key);
  expect(JSON.stringify(app.main.calls.map((call) => call.result))).not.toContain(key);
  expect(app.consoleErrors).toEqual([]);
});

test('a Postman collection imports, runs through the panel and exports again', async ({ app }) => {
  const environmentId = await environmentWithKey(app.page);
  await app.page.getByTestId('sidebar-tab-saved').click();
  const panel = app.page.getByTestId('saved-requests-panel');

  app.main.dialogs.pickNext(fixture);
  await panel.getByTestId('saved-import').click();
  await expect(panel.getByTestId('saved-outcome')).toContainText('Imported 10 requests');
  await expect(panel.getByTestId('saved-outcome')).toContainText('10 matched catalog endpoints, 0 kept as custom requests');
  await expect(panel.getByTestId('saved-collection-Sending')).toBeVisible();
  await expect(panel.getByTestId('saved-request-Send a message with an attachment')).toContainText('needs report.pdf');

  const target = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-export.postman_collection.json`);
  app.main.dialogs.saveNextTo(target);
  await panel.getByTestId('saved-export').click();
  await app.page.getByTestId('export-with-environment').uncheck();
  await app.page.getByTestId('export-confirm').click();
  await expect(panel.getByTestId('saved-outcome')).toContainText('Exported 10 requests');
  const exported = JSON.parse(await readFile(target, 'utf8'));
  expect(exported.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
  expect(JSON.stringify(exported)).not.toContain(key);

  const saved = await callBridge<{ requests: { id: string; name: string }[] }>(app.page, 'listSavedRequests');
  expect(saved.requests).toHaveLength(10);
  expect(environmentId).not.toBe('');
  expect(app.consoleErrors).toEqual([]);
});
