import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalServer } from '../../electron/services/testing/local-server';
import { expect, test } from '../fixtures';
import { callBridge } from '../harness/call-bridge';

/**
 * The canary run: one key goes into the keychain, then every path that
 * could leak it is exercised (a server echoing it back, a key typed into a
 * custom path, a request saved with the key in it and no environment,
 * Postman export and import, copy with key, history search, exports,
 * "Test connection"). Afterwards the key and its Base64 `api:KEY` form must
 * be nowhere: not in the data folder, the exported files, the page, any
 * bridge answer or any log. Only the keychain (and the clipboard main wrote
 * on request, which it clears after a minute) may hold it.
 */

const CANARY = 'key-CANARY-e2e-9f8e7d6c5b4a3210';
const CANARY_BASIC = Buffer.from(`api:${CANARY}`).toString('base64');

async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const name of names) {
    const full = path.join(dir, String(name));
    if ((await stat(full)).isFile()) files.push(full);
  }
  return files;
}

function leaksIn(text: string): string[] {
  return [CANARY, CANARY_BASIC, encodeURIComponent(CANARY)].filter((secret) => text.includes(secret));
}

test('the canary key appears nowhere but the keychain after every path that could leak it', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const exportDir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-canary-'));
  // A careless proxy: it echoes the credentials it got in a header and in the body.
  const server = await startLocalServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-echo-authorization': String(req.headers.authorization) });
    res.end(JSON.stringify({ items: [{ seen: req.headers.authorization, key: CANARY, path: req.url }], domain: { state: 'active' } }));
  });
  try {
    const environment = await callBridge<{ id: string }>(page, 'saveEnvironment', {
      name: 'Canary',
      region: 'custom',
      baseUrl: server.origin,
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'teal',
    });
    await callBridge(page, 'setApiKey', { environmentId: environment.id, key: CANARY });
    await callBridge(page, 'setActiveEnvironment', { id: environment.id });
    await page.reload();
    await expect(page.getByTestId('env-active-name')).toHaveText('Canary');

    // 1. A catalog request to the echoing server, shown in the workbench.
    await page.getByTestId('catalog-filter').fill('list domains');
    await page.locator('[data-testid="catalog-endpoint"][data-endpoint-id="domains.list"]').getByRole('button').first().click();
    await page.getByTestId('send-button').click();
    await expect(page.getByTestId('status-chip')).toContainText('200');
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${CANARY_BASIC}`);
    await expect(page.getByTestId('response-slot')).toContainText('[redacted]');

    // 2. The response body saved to a file.
    const history = await callBridge<{ entries: { id: string }[] }>(page, 'listHistory', {});
    const bodyFile = path.join(exportDir, 'body.json');
    app.main.dialogs.saveNextTo(bodyFile);
    await callBridge(page, 'saveResponseBody', { historyId: history.entries[0]?.id, suggestedName: 'body.json' });

    // 3. The key typed into a custom request's path.
    await callBridge(page, 'sendCustomRequest', {
      requestId: crypto.randomUUID(),
      environmentId: environment.id,
      request: { method: 'GET', path: `/v3/address/${CANARY}`, query: [], headers: [], body: { kind: 'none' } },
    });

    // 4. A request saved with the key in it and no environment, then exported to Postman.
    const collection = await callBridge<{ id: string }>(page, 'createCollection', { name: 'Canary' });
    const saved = await callBridge<{ keyRemoved?: boolean }>(page, 'saveRequest', {
      collectionId: collection.id,
      name: 'Key inside',
      target: {
        kind: 'custom',
        request: {
          method: 'GET',
          path: '/v3/domains',
          query: [{ name: 'api_key', value: CANARY }],
          headers: [{ name: 'X-Auth', value: `Basic ${CANARY_BASIC}` }],
          body: { kind: 'none' },
        },
      },
    });
    expect(saved.keyRemoved).toBe(true);
    app.main.dialogs.saveNextTo(path.join(exportDir, 'export.postman_collection.json'));
    await callBridge(page, 'exportCollectionToFile', { scope: 'saved', includeKeys: false, environmentId: environment.id });

    // 5. A Postman collection carrying the key in its variables, a query value and a header.
    const postman = {
      info: { name: 'Canary import', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'api_key', value: CANARY }],
      item: [
        {
          name: 'Events',
          request: {
            method: 'GET',
            header: [{ key: 'X-Api-Key', value: CANARY }],
            url: {
              raw: `https://api.mailgun.net/v3/mg.example.com/events?api_key=${CANARY}`,
              protocol: 'https',
              host: ['api', 'mailgun', 'net'],
              path: ['v3', 'mg.example.com', 'events'],
              query: [{ key: 'api_key', value: CANARY }],
            },
          },
        },
      ],
    };
    const imported = await callBridge<{ warnings: string[] }>(page, 'importPostmanCollection', { text: JSON.stringify(postman) });
    expect(imported.warnings.join(' ')).toMatch(/API key was taken out/);

    // 6. Copy with key: main asks, main writes the clipboard.
    await page.getByTestId('tab-code').click();
    app.main.dialogs.answerNext(true);
    await page.getByTestId('snippet-copy-with-key').click();
    await expect(page.getByTestId('snippet-key-note')).toContainText('Copied with the API key');
    expect(app.main.clipboard.text).toContain(CANARY);

    // 7. History search for the key finds nothing.
    await page.getByTestId('sidebar-tab-history').click();
    await page.getByTestId('history-search').fill(CANARY.slice(4));
    await expect(page.getByTestId('history-empty')).toBeVisible();
    const searched = await callBridge<{ entries: unknown[] }>(page, 'listHistory', { query: CANARY });
    expect(searched.entries).toEqual([]);

    // 8. Environment exports and "Test connection" against the echoing server.
    await callBridge(page, 'exportEnvironments', { format: 'json', includeKeys: false });
    await callBridge(page, 'exportEnvironments', { format: 'postman', ids: [environment.id], includeKeys: false });
    await callBridge(page, 'testConnection', { environmentId: environment.id });

    // Nowhere on disk: the data folder and every file the app wrote for the user.
    for (const file of [...(await filesUnder(app.dataDir)), ...(await filesUnder(exportDir))]) {
      expect(leaksIn(await readFile(file, 'latin1')), file).toEqual([]);
    }
    // Nowhere in the page.
    expect(leaksIn(await page.content())).toEqual([]);
    const inputs = await page
      .locator('input, textarea')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLInputElement).value));
    expect(leaksIn(inputs.join('\n'))).toEqual([]);
    // In no bridge answer (what the page sent in, like the key typed into setApiKey, is the user's own input).
    expect(app.main.calls.length).toBeGreaterThan(10);
    for (const call of app.main.calls) {
      const answer = JSON.stringify(call.result, (_key, value) =>
        value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
      );
      expect(leaksIn(answer), call.method).toEqual([]);
    }
    // In no log.
    expect(leaksIn([...app.main.mainErrors, ...app.consoleErrors].join('\n'))).toEqual([]);
  } finally {
    await server.close();
    await rm(exportDir, { recursive: true, force: true });
  }
});
