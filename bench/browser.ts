import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { pageBridgeScript } from '../e2e/harness/bridge-bundle';
import { headlessChromium } from '../e2e/harness/chromium';
import { type MainHarness, startMainHarness } from '../e2e/harness/main-harness';
import { type StaticServer, startStaticServer } from '../e2e/harness/static-server';

export const rendererDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export interface BenchApp {
  readonly page: Page;
  readonly main: MainHarness;
  close(): Promise<void>;
}

/** The built app as the end-to-end tests run it: real renderer, real main services, Debian's Chromium. */
export class BenchBrowser {
  private constructor(
    readonly browser: Browser,
    private readonly server: StaticServer,
  ) {}

  static async start(): Promise<BenchBrowser> {
    const browser = await chromium.launch(headlessChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']));
    return new BenchBrowser(browser, await startStaticServer(rendererDir));
  }

  /** A fresh profile and a fresh page; resolves once the page has started loading. */
  async open(options: { waitForReady?: boolean } = {}): Promise<BenchApp & { navigationStarted: number }> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-bench-'));
    const main = await startMainHarness(dataDir);
    const context = await this.browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.exposeBinding('__mailgunInvoke', (_source, channel: string, arg: unknown) => main.invoke(channel, arg));
    await context.addInitScript({ content: await pageBridgeScript() });
    // tsx compiles the benchmark with esbuild's keepNames, which wraps functions passed to page.evaluate in a `__name` helper.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const page = await context.newPage();
    const navigationStarted = performance.now();
    await page.goto(this.server.url, { waitUntil: 'commit' });
    if (options.waitForReady !== false) await page.getByTestId('app-ready').waitFor();
    return {
      page,
      main,
      navigationStarted,
      close: async () => {
        await context.close();
        await main.dispose();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/** Collects long tasks (over 50 ms) the page runs from now on, with their start times on the page's clock. */
export async function watchLongTasks(page: Page): Promise<{ stop(): Promise<LongTask[]> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __observer?: PerformanceObserver };
    w.__longTasks = [];
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    });
    w.__observer.observe({ type: 'longtask', buffered: false });
  });
  return {
    stop: () =>
      page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __observer?: PerformanceObserver };
        w.__observer?.disconnect();
        return w.__longTasks;
      }),
  };
}

export function longest(tasks: readonly LongTask[]): number {
  return tasks.reduce((max, task) => Math.max(max, task.duration), 0);
}

/**
 * The longest stretch of main-thread work after `from`: a task that began
 * earlier counts for the part of it that ran after `from` (the app's own work
 * inside the task that delivered the response).
 */
export function longestAfter(tasks: readonly LongTask[], from: number, until = Number.POSITIVE_INFINITY): number {
  let max = 0;
  for (const task of tasks) {
    const end = Math.min(task.start + task.duration, until);
    if (end <= from) continue;
    max = Math.max(max, end - Math.max(task.start, from));
  }
  return max;
}

/** What CDP's Runtime.getHeapUsage reports of one JavaScript context. */
interface HeapUsage {
  readonly usedSize: number;
  readonly backingStorageSize?: number;
  readonly embedderHeapUsedSize?: number;
}

/**
 * The JavaScript heap alone, or (`withBuffers`) also the array buffers'
 * backing stores and Blink's own heap: typed arrays such as an index keep
 * their bytes outside the JavaScript heap.
 */
function usageBytes(usage: HeapUsage, withBuffers: boolean): number {
  return usage.usedSize + (withBuffers ? (usage.backingStorageSize ?? 0) + (usage.embedderHeapUsedSize ?? 0) : 0);
}

/** The page's live JavaScript heap, in MB, after a full collection. */
export async function heapMb(page: Page, withBuffers = false): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as HeapUsage;
  await session.detach();
  return usageBytes(usage, withBuffers) / (1024 * 1024);
}

/**
 * The live heap of every dedicated worker the browser runs, in MB, after a
 * full collection in each. Playwright opens CDP sessions on pages only, so
 * this attaches to worker targets through the browser session and speaks to
 * them with Target.sendMessageToTarget.
 */
export async function workersHeapMb(browser: Browser, withBuffers = false): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    let total = 0;
    for (const target of targetInfos.filter((info) => info.type === 'worker')) {
      const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
        sessionId: string;
      };
      const replies = new Map<number, (result: Record<string, unknown>) => void>();
      const listener = (event: { sessionId: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
        if (message.id !== undefined) replies.get(message.id)?.(message.result ?? {});
      };
      session.on('Target.receivedMessageFromTarget', listener);
      const ask = (id: number, method: string) =>
        new Promise<Record<string, unknown>>((resolve) => {
          replies.set(id, resolve);
          void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
        });
      await ask(1, 'HeapProfiler.collectGarbage');
      const usage = await ask(2, 'Runtime.getHeapUsage');
      total += usageBytes(usage as unknown as HeapUsage, withBuffers);
      session.off('Target.receivedMessageFromTarget', listener);
      await session.send('Target.detachFromTarget', { sessionId });
    }
    return total / (1024 * 1024);
  } finally {
    await session.detach();
  }
}
