import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { makeEventsJson } from '../renderer/features/response/fixtures/make-events';
import { type BenchBrowser, heapMb, longest, watchLongTasks } from './browser';
import { openEndpointFromCatalog, pointAppAtLocalServer } from './custom-environment';
import { type Figure, figure } from './stats';

interface Run {
  readonly firstScreenMs: number;
  /** Tasks that began once the response was in the page: the viewer's own work. */
  readonly longestTaskMs: number;
  /** The task that handed the response to the page: the harness's transport, not the app's. */
  readonly deliveryTaskMs: number;
  readonly interactionLongestTaskMs: number;
  readonly heapMb: number;
  readonly peakRssMb: number;
}

/** Resident memory of Chromium's renderer processes (the page and its workers live there), in MB. */
function rendererRssMb(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss?.[1]) total += Number(rss[1]) / 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

async function installArrivalProbe(page: Page): Promise<void> {
  // Wraps the harness binding the page bridge calls, to note when a response has fully arrived in the page.
  await page.addInitScript(() => {
    const w = window as unknown as { __mailgunInvoke?: (c: string, a: unknown) => Promise<unknown>; __arrived?: number };
    const original = w.__mailgunInvoke;
    if (!original) return;
    w.__mailgunInvoke = async (channel, arg) => {
      const result = await original(channel, arg);
      if (channel === 'mailgun:sendRequest') w.__arrived = performance.now();
      return result;
    };
  });
}

async function oneRun(browser: BenchBrowser, baseUrl: string): Promise<Run> {
  const app = await browser.open();
  const { page } = app;
  try {
    await installArrivalProbe(page);
    await pointAppAtLocalServer(page, baseUrl);
    await openEndpointFromCatalog(page, 'events', 'events.list');
    const longTasks = await watchLongTasks(page);
    let peakRss = rendererRssMb();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rendererRssMb());
    }, 50);
    await page.evaluate(() => {
      (window as unknown as { __arrived?: number }).__arrived = undefined;
    });
    await page.getByTestId('send-button').click();
    const drawn = await page
      .waitForFunction(
        () => {
          const w = window as unknown as { __arrived?: number };
          if (w.__arrived === undefined || !document.querySelector('[data-testid="json-row"], [data-testid="json-preview-row"]'))
            return false;
          return { arrived: w.__arrived, firstScreenMs: performance.now() - w.__arrived };
        },
        undefined,
        { timeout: 120_000, polling: 'raf' },
      )
      .then((handle) => handle.jsonValue() as Promise<{ arrived: number; firstScreenMs: number }>);
    await page.getByTestId('json-row').first().waitFor({ timeout: 120_000 });
    const tasks = await longTasks.stop();
    const firstScreenMs = drawn.firstScreenMs;
    const longestTaskMs = longest(tasks.filter((task) => task.start >= drawn.arrived));
    const deliveryTaskMs = longest(tasks.filter((task) => task.start < drawn.arrived));

    // Scrolling and collapsing the drawn tree.
    const interaction = await watchLongTasks(page);
    const tree = page.getByTestId('json-tree');
    await tree.hover();
    for (let i = 0; i < 20; i += 1) await page.mouse.wheel(0, 2000);
    await page.getByTestId('json-toggle').first().click();
    await page.getByTestId('json-toggle').first().click();
    await page.getByTestId('tree-collapse-all').click();
    await page.getByTestId('json-toggle').first().click();
    const interactionLongestTaskMs = longest(await interaction.stop());
    clearInterval(sampler);
    peakRss = Math.max(peakRss, rendererRssMb());
    return { firstScreenMs, longestTaskMs, deliveryTaskMs, interactionLongestTaskMs, heapMb: await heapMb(page), peakRssMb: peakRss };
  } finally {
    await app.close();
  }
}

/**
 * Events lists of 1, 10 and 50 MB from a local server, through main's
 * executor and the bridge, into the response viewer.
 */
export async function responseRendering(browser: BenchBrowser, sizes: readonly number[], runs = 3): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const megabytes of sizes) {
    const body = makeEventsJson(megabytes);
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const results: Run[] = [];
    try {
      for (let i = 0; i < runs; i += 1) results.push(await oneRun(browser, baseUrl));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const big = megabytes >= 50;
    figures.push(
      figure(
        `${megabytes} MB events: response in page to first screen`,
        'ms',
        results.map((r) => r.firstScreenMs),
        big ? 1000 : undefined,
      ),
      figure(
        `${megabytes} MB events: longest task from arrival until drawn`,
        'ms',
        results.map((r) => r.longestTaskMs),
        big ? 200 : undefined,
      ),
      figure(
        `${megabytes} MB events: task handing the response to the page`,
        'ms',
        results.map((r) => r.deliveryTaskMs),
        undefined,
        'harness transport (CDP binding), not Electron IPC',
      ),
      figure(
        `${megabytes} MB events: longest task scrolling and collapsing`,
        'ms',
        results.map((r) => r.interactionLongestTaskMs),
        big ? 200 : undefined,
      ),
    );
    if (big) {
      figures.push(
        figure(
          `${megabytes} MB events open: page JS heap`,
          'MB',
          results.map((r) => r.heapMb),
          300,
          'after a full collection; the parsing worker is not included',
        ),
        figure(
          `${megabytes} MB events open: renderer processes, peak RSS`,
          'MB',
          results.map((r) => r.peakRssMb),
          undefined,
          'page + worker + Chromium, sampled every 50 ms',
        ),
      );
    }
  }
  return figures;
}
