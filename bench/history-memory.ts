import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BenchBrowser, heapMb } from './browser';
import { pointAppAtLocalServer } from './custom-environment';
import { type Figure, figure } from './stats';

function mainHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/**
 * Sends many requests through main's real sender (each lands in history with
 * its stored body), then opens the History tab: main's heap growth and the
 * page's heap with the list drawn.
 */
export async function historyMemory(browser: BenchBrowser, requests: number): Promise<Figure[]> {
  const body = JSON.stringify({
    items: Array.from({ length: 10 }, (_, i) => ({ address: `user${i}@example.com`, code: '550', error: 'No such user' })),
    paging: {},
  });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const app = await browser.open();
  try {
    await pointAppAtLocalServer(app.page, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const list = await app.main.services.environments.list();
    const environmentId = list.activeId ?? '';
    const before = mainHeapMb();
    for (let i = 0; i < requests; i += 1) {
      await app.main.services.sender.send({
        requestId: crypto.randomUUID(),
        environmentId,
        endpointId: 'domains.list',
        values: { params: { limit: 10, skip: i } },
      });
    }
    const after = mainHeapMb();
    await app.page.reload();
    await app.page.getByTestId('app-ready').waitFor();
    await app.page.getByTestId('sidebar-tab-history').click();
    await app.page.getByTestId('history-row').first().waitFor();
    return [
      figure(
        `main heap growth after ${requests} requests in history`,
        'MB',
        [after - before],
        undefined,
        'Node heap of the main services, after a full collection',
      ),
      figure(`page JS heap with ${requests} requests in the History tab`, 'MB', [await heapMb(app.page)]),
    ];
  } finally {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
