import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { makeEventsJson } from '../renderer/features/response/fixtures/make-events';
import type { Workspace } from '../shared/bridge/workspace';
import { catalog } from '../shared/catalog';
import { type BenchBrowser, workersHeapMb } from './browser';
import { openEndpointFromCatalog, pointAppAtLocalServer } from './custom-environment';
import { type Figure, figure, percentile } from './stats';

/** Twenty kept tabs of different endpoints, each with a draft in the sandbox environment, the last one active. */
function twentyTabs(): Workspace {
  const endpoints = catalog.filter((endpoint) => !endpoint.deprecated);
  const tabs = endpoints.slice(0, 20).map((endpoint, index) => {
    const param = endpoint.params.find((p) => p.type.kind === 'string');
    return {
      id: `bench-tab-${index}`,
      target: { kind: 'endpoint' as const, endpointId: endpoint.id },
      preview: false,
      drafts: [{ environmentId: 'sandbox', values: { params: param ? { [param.name]: `value ${index}` } : {} } }],
    };
  });
  return { tabs, activeTabId: tabs.at(-1)?.id ?? null };
}

/**
 * From navigation to the first interactive screen with twenty tabs kept from the last session: the catalog drawn,
 * the strip holding every tab and the active tab's form drawn. Main is handed the tabs first; the page then reloads,
 * as the app starts on a profile that has them.
 */
export async function restoredTabsStartup(browser: BenchBrowser, runs = 8): Promise<Figure[]> {
  const samples: number[] = [];
  const workspace = twentyTabs();
  const last = workspace.tabs.at(-1)?.target;
  const activeEndpoint = last?.kind === 'endpoint' ? last.endpointId : '';
  for (let i = 0; i < runs; i += 1) {
    const app = await browser.open();
    try {
      app.main.services.workspace.save(workspace);
      await app.main.services.workspace.flush();
      await app.page.reload({ waitUntil: 'commit' });
      await app.page.waitForFunction(
        ({ count, endpointId }) =>
          document.querySelectorAll('[data-testid="workbench-tab"]').length === count &&
          document.querySelector(`[data-testid="endpoint-workbench"][data-endpoint-id="${endpointId}"] .param-field`) !== null &&
          document.querySelector('[data-testid="catalog-endpoint"]') !== null,
        { count: workspace.tabs.length, endpointId: activeEndpoint },
        { polling: 'raf', timeout: 30_000 },
      );
      const drawnAt = await app.page.evaluate(() => performance.now());
      if (i > 0) samples.push(drawnAt);
    } finally {
      await app.close();
    }
  }
  return [
    figure(
      'launch with 20 restored tabs to first interactive screen',
      'ms',
      samples,
      1000,
      `catalog, 20 tabs and the active tab's form drawn; ${samples.length} runs, first discarded`,
    ),
  ];
}

/**
 * The page's heap after a full collection, with the memory V8 keeps outside it: strings handed over by a CDP binding
 * (every response body here) live there, so `usedSize` alone would leave the bodies out.
 */
async function pageMemoryMb(page: Page): Promise<{ heap: number; outside: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
    backingStorageSize?: number;
  };
  await session.detach();
  const mb = (bytes: number) => bytes / (1024 * 1024);
  return { heap: mb(usage.usedSize), outside: mb((usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0)) };
}

/** Clicks a tab inside the page and waits for the frame in which its request and its response tree are drawn. */
async function switchTo(page: Page, tabId: string): Promise<{ requestMs: number; bothMs: number }> {
  return page.evaluate(
    (id) =>
      new Promise<{ requestMs: number; bothMs: number }>((resolve, reject) => {
        const button = document.getElementById(`workbench-tab-${id}`);
        if (!button) {
          reject(new Error(`no tab ${id}`));
          return;
        }
        const started = performance.now();
        let requestMs: number | undefined;
        button.click();
        const check = () => {
          const panel = document.querySelector(`[role="tabpanel"][aria-labelledby="workbench-tab-${id}"]`);
          const form = panel?.querySelector('[data-testid="endpoint-workbench"] .send-row');
          const row = panel?.querySelector('[data-testid="json-row"] [data-testid="json-toggle"]');
          if (form && requestMs === undefined) requestMs = performance.now() - started;
          if (form && row) resolve({ requestMs: requestMs ?? 0, bothMs: performance.now() - started });
          else if (performance.now() - started > 20_000) reject(new Error('the tab was not drawn within 20 s'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    tabId,
  );
}

/**
 * Five tabs, each holding a 10 MB events list it was sent (from a local server, through main's executor): the time
 * from a click on another tab to the frame in which that tab's form and response tree are drawn, and the page heap.
 */
export async function tabSwitching(browser: BenchBrowser, switches = 20): Promise<Figure[]> {
  const body = makeEventsJson(10);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = await browser.open();
  const { page } = app;
  try {
    const before = await pageMemoryMb(page);
    const heapBefore = before.heap + (await workersHeapMb(browser.browser));
    await pointAppAtLocalServer(page, baseUrl);
    await openEndpointFromCatalog(page, 'events', 'events.list');
    const tabIds: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      if (i > 0) {
        await page.getByTestId('workbench-tab').last().click({ button: 'right' });
        await page.getByTestId('tab-menu-duplicate').click();
      }
      await page.getByTestId('send-button').click();
      await page.getByTestId('json-toggle').first().waitFor({ timeout: 120_000 });
      tabIds.push((await page.getByTestId('workbench-tab').last().getAttribute('data-tab-id')) ?? '');
    }
    const runs: { requestMs: number; bothMs: number }[] = [];
    for (let i = 0; i < switches; i += 1) runs.push(await switchTo(page, tabIds[i % tabIds.length] ?? ''));
    const samples = runs.map((run) => run.bothMs);
    const requestOnly = runs.map((run) => run.requestMs);
    const after = await pageMemoryMb(page);
    const heapWith = after.heap + (await workersHeapMb(browser.browser));
    const outside = after.outside - before.outside;
    const bodyMb = body.length / (1024 * 1024);
    const heap = heapWith - heapBefore;
    return [
      figure(
        'switch tabs (5 tabs × 10 MB response): click to request and response drawn',
        'ms',
        samples,
        50,
        `${switches} switches, the frame with both drawn`,
      ),
      figure(
        'switch tabs (5 tabs × 10 MB response): click to request drawn',
        'ms',
        requestOnly,
        undefined,
        `the response follows in ${Math.round(percentile(samples, 50) - percentile(requestOnly, 50))} ms (median)`,
      ),
      figure(
        'page heap with those 5 tabs open (page and workers, above an empty app)',
        'MB',
        [heap],
        undefined,
        `${Math.round(heapWith)} MB in all; ${Math.round(outside)} MB more outside the JS heap (array buffers, external strings)`,
      ),
      figure('heap per tab ÷ response size', 'x', [heap / 5 / bodyMb], undefined, `${bodyMb.toFixed(1)} MB body per tab`),
    ];
  } finally {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
