import type { BenchBrowser } from './browser';
import { type Figure, figure } from './stats';

/**
 * From navigation to the first interactive screen: the bundle parsed and run,
 * main answered, and the catalog drawn in the sidebar. Each run is a fresh
 * profile in a fresh browser context.
 */
export async function startup(browser: BenchBrowser, runs = 12): Promise<Figure[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const app = await browser.open({ waitForReady: false });
    await app.page.getByTestId('catalog-endpoint').first().waitFor();
    // Measured inside the page, from its own navigation start, so Playwright's round trips do not count.
    const drawnAt = await app.page.evaluate(() => performance.now());
    if (i > 0) samples.push(drawnAt);
    await app.close();
  }
  return [
    figure(
      'launch to first interactive screen (catalog drawn)',
      'ms',
      samples,
      1000,
      `${samples.length} fresh profiles, first run discarded`,
    ),
  ];
}

/**
 * Catalog filter latency: one keystroke from the input event until the new
 * results are in the DOM and laid out, for every prefix of several queries.
 */
export async function filterLatency(browser: BenchBrowser): Promise<Figure[]> {
  const app = await browser.open();
  await app.page.getByTestId('catalog-endpoint').first().waitFor();
  const queries = ['bounce', 'mesages', 'domain tracking', 'webhook', '/v3/lists', 'ip pool', 'template version', 'unsubscribe tag'];
  const samples = await app.page.evaluate(async (words) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="catalog-filter"]');
    if (!input) throw new Error('no catalog filter');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const channel = new MessageChannel();
    // A task-sized pause that lets React's scheduled (deferred) render run, without waiting for a frame.
    const yieldTask = () =>
      new Promise<void>((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    const type = async (text: string) => {
      const t0 = performance.now();
      setValue?.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The tree says which query its rows reflect; wait for this one, then force layout.
      for (let i = 0; i < 10_000; i += 1) {
        const tree = document.querySelector<HTMLElement>('[data-testid="catalog-tree"]');
        if (tree && tree.dataset.query === text.trim()) break;
        await yieldTask();
      }
      document.body.getBoundingClientRect();
      return performance.now() - t0;
    };
    const times: number[] = [];
    for (const word of words) {
      for (let n = 1; n <= word.length; n += 1) times.push(await type(word.slice(0, n)));
      await type('');
    }
    return times;
  }, queries);
  await app.close();
  return [
    figure('catalog filter, one keystroke to results laid out', 'ms', samples, 16, `${samples.length} keystrokes over the whole catalog`),
  ];
}
