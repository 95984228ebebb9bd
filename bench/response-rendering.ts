import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { makeEventsJson } from '../renderer/features/response/fixtures/make-events';
import { BODY_STREAM_CHUNK_BYTES, BODY_STREAM_READ_CHANNEL, BODY_STREAM_THRESHOLD_BYTES } from '../shared/bridge/body-stream';
import { type BenchBrowser, heapMb, type LongTask, longestAfter, watchLongTasks, workersHeapMb } from './browser';
import { openEndpointFromCatalog, pointAppAtLocalServer } from './custom-environment';
import type { PeerName } from './peers/peer-page';
import { startPeerServer } from './peers/peer-server';
import { type Figure, figure, percentile } from './stats';

/**
 * One clock for the app and every peer viewer: it starts when the last byte
 * of the response is in the page, and stops at the first animation frame in
 * which the `items` row is on screen with its expand control. For a body in
 * the `sendRequest` answer (up to 2 MB) that is when the answer's binding
 * call returns; for a streamed one, when the call that brought its `end`
 * message returns, the chunks before it having been indexed as they came.
 * Each peer reads the same bytes in pieces of the same size (the stream's
 * chunk size), and its clock starts when its call that says there is no
 * more returns (bench/peers/peer-page.ts).
 */
interface Run {
  readonly interactiveMs: number;
  /** The longest main-thread work from arrival to that frame, app work inside the delivering task included. */
  readonly longestTaskMs: number;
  /** Page and workers: JavaScript heaps, array buffers and Blink's heap, after a full collection. */
  readonly heapMb: number;
}

interface AppRun extends Run {
  readonly interactionLongestTaskMs: number;
  /** From the last byte to the whole body indexed (search and the table need that; the tree does not). */
  readonly indexedMs: number;
}

const PEERS: readonly Exclude<PeerName, 'JSON.parse'>[] = ['vanilla-jsoneditor', '@uiw/react-json-view', 'react-json-tree'];

/**
 * Starts a loop of animation-frame callbacks in the page that notes the first
 * frame where the viewer's `items` row is on screen and expandable, on the
 * page's clock at both ends. It runs from before the response can arrive, so
 * the clock does not depend on when the harness gets round to polling.
 */
async function watchForInteractive(page: Page, viewer: PeerName | 'app'): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __arrived?: number; __interactive?: { arrived: number; at: number } };
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    const find = (): Element | null | undefined => {
      switch (name) {
        case 'app':
          return all('[data-testid="json-row"]').find(
            (row) => row.querySelector('.jt-key')?.textContent === 'items' && row.querySelector('[data-testid="json-toggle"]'),
          );
        case 'vanilla-jsoneditor':
          return all('.jse-key').find(
            (key) => key.textContent === 'items' && key.closest('.jse-header')?.querySelector('button.jse-expand'),
          );
        case '@uiw/react-json-view':
          return all('.w-rjv-object-key').find((key) => key.textContent === '"items"' && key.parentElement?.querySelector('.w-rjv-arrow'));
        case 'react-json-tree':
          return all('label > span').find(
            (key) => key.textContent === 'items:' && key.closest('li')?.firstElementChild?.textContent === '▶',
          );
        default:
          return document.querySelector('#viewer[data-parsed]');
      }
    };
    const frame = () => {
      const element = w.__arrived === undefined ? undefined : find();
      const box = element?.getBoundingClientRect();
      if (element && box && !(box.height > 0 && (box.bottom <= 0 || box.top >= innerHeight))) {
        w.__interactive = { arrived: w.__arrived as number, at: performance.now() };
        return;
      }
      requestAnimationFrame(frame);
    };
    w.__interactive = undefined;
    requestAnimationFrame(frame);
  }, viewer);
}

/** The clock `watchForInteractive` noted. */
async function untilInteractive(page: Page): Promise<{ arrived: number; at: number }> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __interactive?: { arrived: number; at: number } }).__interactive ?? false,
    undefined,
    { timeout: 180_000 },
  );
  return (await handle.jsonValue()) as { arrived: number; at: number };
}

async function installArrivalProbe(page: Page): Promise<void> {
  // Wraps the harness binding the page bridge calls, to note when the last byte of a response is in the page.
  await page.addInitScript((readChannel) => {
    type Answer = { value?: { type?: string; body?: { kind?: string } } } | undefined;
    const w = window as unknown as { __mailgunInvoke?: (c: string, a: unknown) => Promise<unknown>; __arrived?: number };
    const original = w.__mailgunInvoke;
    if (!original) return;
    w.__mailgunInvoke = async (channel, arg) => {
      const result = (await original(channel, arg)) as Answer;
      const streamed = result?.value?.body?.kind === 'stream';
      if (channel === 'mailgun:sendRequest') (w as { __answered?: number }).__answered = performance.now();
      if ((channel === 'mailgun:sendRequest' && !streamed) || (channel === readChannel && result?.value?.type === 'end'))
        w.__arrived = performance.now();
      return result;
    };
  }, BODY_STREAM_READ_CHANNEL);
}

/** Page and workers: JavaScript heaps, array buffers and Blink's heap, after a full collection in each. */
async function totalHeapMb(browser: BenchBrowser, page: Page): Promise<number> {
  return (await heapMb(page, true)) + (await workersHeapMb(browser.browser, true));
}

function longestWhile(tasks: readonly LongTask[], clock: { arrived: number; at: number }): number {
  return longestAfter(tasks, clock.arrived, clock.at);
}

async function appRun(browser: BenchBrowser, baseUrl: string, searchTerm: string): Promise<AppRun> {
  const app = await browser.open();
  const { page } = app;
  try {
    await installArrivalProbe(page);
    // The default limit (100 MB) would refuse the 100 MB body; a user would raise it in the workbench the same way.
    await page.evaluate(() =>
      localStorage.setItem('mailgun-explorer:request-limits', JSON.stringify({ timeoutSeconds: 120, maxResponseMb: 200 })),
    );
    await pointAppAtLocalServer(page, baseUrl);
    await openEndpointFromCatalog(page, 'events', 'events.list');
    const longTasks = await watchLongTasks(page);
    await watchForInteractive(page, 'app');
    await page.getByTestId('send-button').click();
    const clock = await untilInteractive(page);
    const indexedAt = (await (
      await page.waitForFunction(
        () => {
          const count = document.querySelector('[data-testid="tree-row-count"]');
          return count && !count.textContent?.includes('Reading') ? performance.now() : false;
        },
        undefined,
        { timeout: 180_000, polling: 'raf' },
      )
    ).jsonValue()) as number;
    // A streamed body's chunks are indexed as they come: its tasks count from the answer on, not from the last byte.
    const answered = await page.evaluate(() => (window as unknown as { __answered?: number }).__answered ?? 0);
    const longestTaskMs = longestAfter(await longTasks.stop(), Math.min(answered, clock.arrived), clock.at);

    // Scrolling, collapsing, expanding and searching the drawn tree.
    const interaction = await watchLongTasks(page);
    const tree = page.getByTestId('json-tree');
    await tree.hover();
    for (let i = 0; i < 20; i += 1) await page.mouse.wheel(0, 2000);
    await page.getByTestId('json-toggle').first().click();
    await page.getByTestId('json-toggle').first().click();
    await page.getByTestId('tree-collapse-all').click();
    await page.getByTestId('json-toggle').first().click();
    await page.getByTestId('body-search').fill(searchTerm);
    await page.getByTestId('body-search-count').filter({ hasText: / of / }).waitFor({ timeout: 120_000 });
    await page.locator('.jt-row.current-match').waitFor({ timeout: 60_000 });
    const interactionLongestTaskMs = longestAfter(await interaction.stop(), 0);
    return {
      interactiveMs: clock.at - clock.arrived,
      indexedMs: Math.max(0, indexedAt - clock.arrived),
      longestTaskMs,
      interactionLongestTaskMs,
      heapMb: await totalHeapMb(browser, page),
    };
  } finally {
    await app.close();
  }
}

/** The app's stream chunk: the events JSON is ASCII, so as many characters as the app's chunks have bytes. */
const BODY_PIECE_CHARS = BODY_STREAM_CHUNK_BYTES;

/** The body for the peer page, one piece per call of its binding; null after the last. */
async function exposeBody(context: BrowserContext, body: string): Promise<void> {
  await context.exposeBinding('__benchBody', (_source, piece: number) =>
    piece * BODY_PIECE_CHARS < body.length ? body.slice(piece * BODY_PIECE_CHARS, (piece + 1) * BODY_PIECE_CHARS) : null,
  );
}

async function peerRun(browser: BenchBrowser, peerUrl: string, body: string, peer: PeerName): Promise<Run> {
  const context = await browser.browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    await exposeBody(context, body);
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const page = await context.newPage();
    await page.goto(peerUrl);
    const longTasks = await watchLongTasks(page);
    await watchForInteractive(page, peer);
    await page.evaluate((name) => (window as unknown as { __show: (p: string) => Promise<void> }).__show(name), peer);
    const clock = await untilInteractive(page);
    const longestTaskMs = longestWhile(await longTasks.stop(), clock);
    return { interactiveMs: clock.at - clock.arrived, longestTaskMs, heapMb: await totalHeapMb(browser, page) };
  } finally {
    await context.close();
  }
}

function sizeLabel(megabytes: number): string {
  return megabytes < 1 ? `${Math.round(megabytes * 1000)} kB` : `${megabytes} MB`;
}

const medianOf = (values: readonly number[]) => percentile(values, 50);

/**
 * Mailgun events lists of each size from a local server, through main's
 * executor and the bridge, into the response viewer; and the same bytes,
 * through the same kind of binding, into each peer viewer.
 */
export async function responseRendering(browser: BenchBrowser, sizes: readonly number[], runs = 3): Promise<Figure[]> {
  const figures: Figure[] = [];
  const peerServer = await startPeerServer();
  try {
    for (const megabytes of sizes) {
      try {
        figures.push(...(await oneSize(browser, peerServer.url, megabytes, runs)));
      } catch (error) {
        // One size failing (a crashed page, a timeout) still leaves the other sizes' figures in the report.
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        figures.push(figure(`${sizeLabel(megabytes)} events: run failed`, 'ms', [], undefined, message));
      }
    }
  } finally {
    await peerServer.close();
  }
  return figures;
}

async function oneSize(browser: BenchBrowser, peerUrl: string, megabytes: number, runs: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const body = makeEventsJson(megabytes);
  const bodyMb = body.length / (1024 * 1024);
  const streamed = body.length > BODY_STREAM_THRESHOLD_BYTES;
  const searchTerm = /"recipient": ?"([^"]+)"/.exec(body.slice(Math.floor(body.length * 0.9)))?.[1] ?? 'delivered';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A small body's run takes about a second, and its clocks are a frame or two, where one late frame moves a
  // median of three by a third: small sizes get three times the runs.
  const count = megabytes >= 100 ? Math.min(runs, 2) : megabytes < 10 ? runs * 3 : runs;
  const app: AppRun[] = [];
  const peers = new Map<PeerName, Run[]>();
  let appFailure: string | undefined;
  try {
    // Interleaved, so a burst of load from other work on the machine lands on every viewer alike.
    for (let i = 0; i < count; i += 1) {
      try {
        app.push(await appRun(browser, baseUrl, searchTerm));
      } catch (error) {
        // The peers still run on these bytes: their figures say what the app has to beat.
        appFailure = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      }
      for (const peer of [...PEERS, 'JSON.parse'] as const) {
        const list = peers.get(peer) ?? [];
        list.push(await peerRun(browser, peerUrl, body, peer));
        peers.set(peer, list);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  const label = `${sizeLabel(megabytes)} events`;
  const appMs = medianOf(app.map((r) => r.interactiveMs));
  const fastest = Math.min(...PEERS.map((peer) => medianOf((peers.get(peer) ?? []).map((r) => r.interactiveMs))));
  const share = megabytes >= 10 ? 0.5 : 1;
  if (app.length === 0) figures.push(figure(`${label}: app, run failed`, 'ms', [], undefined, appFailure));
  else
    figures.push(
      figure(
        `${label}: app, arrival to interactive tree`,
        'ms',
        app.map((r) => r.interactiveMs),
        fastest * share,
        `target: ${share === 1 ? 'the fastest peer' : 'half the fastest peer'}`,
      ),
    );
  for (const peer of [...PEERS, 'JSON.parse'] as const) {
    const list = peers.get(peer) ?? [];
    const ms = medianOf(list.map((r) => r.interactiveMs));
    const task = Math.round(medianOf(list.map((r) => r.longestTaskMs)));
    const heap = Math.round(medianOf(list.map((r) => r.heapMb)));
    figures.push(
      figure(
        `${label}: ${peer === 'JSON.parse' ? 'floor, JSON.parse in the page' : peer}`,
        'ms',
        list.map((r) => r.interactiveMs),
        undefined,
        `peer/app ${app.length === 0 ? 'n/a' : `${(ms / appMs).toFixed(2)}x`}; longest task ${task} ms; heap ${heap} MB`,
      ),
    );
  }
  if (app.length === 0) return figures;
  figures.push(
    figure(`${label}: app / fastest peer`, 'x', [appMs / fastest], share, 'same clock, same bytes, same Chromium session'),
    figure(
      `${label}: app, last byte to whole body indexed`,
      'ms',
      app.map((r) => r.indexedMs),
      undefined,
      'search and table wait for it; the tree does not',
    ),
    figure(
      `${label}: app, longest main-thread task, answer to interactive`,
      'ms',
      app.map((r) => r.longestTaskMs),
      50,
    ),
    figure(
      `${label}: app, longest task scrolling, collapsing, expanding, searching`,
      'ms',
      app.map((r) => r.interactionLongestTaskMs),
      50,
    ),
    figure(
      `${label}: app, page + worker memory with the body open`,
      'MB',
      app.map((r) => r.heapMb),
      megabytes >= 50 ? 1.5 * bodyMb : undefined,
      `body ${bodyMb.toFixed(1)} MB; heaps, array buffers and Blink's heap after a full collection${streamed ? ' (a streamed text is held as TextDecoder strings, which Chromium keeps outside the JavaScript heap and counts with the array buffers)' : ''}`,
    ),
  );
  return figures;
}
