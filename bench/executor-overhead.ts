import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpExecutor } from '../electron/services/http-executor';
import { type Figure, figure } from './stats';

const body = JSON.stringify({
  items: Array.from({ length: 20 }, (_, i) => ({
    address: `user${i}@example.com`,
    code: '550',
    error: 'mailbox unavailable',
    created_at: 'Thu, 13 Oct 2011 18:02:00 UTC',
  })),
  paging: {
    next: 'https://api.mailgun.net/v3/mg.example.com/bounces?page=next',
    previous: 'https://api.mailgun.net/v3/mg.example.com/bounces?page=prev',
  },
});

/**
 * The executor against a plain fetch of the same request to the same local
 * server, interleaved so both see the same machine load. Each sample is one
 * request's wall time.
 */
export async function executorOverhead(requests = 2000): Promise<Figure[]> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${baseUrl}/v3/mg.example.com/bounces?limit=20`;
  const executor = createHttpExecutor();
  const auth = `Basic ${Buffer.from('api:bench-key').toString('base64')}`;
  const plain: number[] = [];
  const ours: number[] = [];
  const options = { baseUrl, getApiKey: async () => 'bench-key', timeoutMs: 10_000, maxBytes: 100 * 1024 * 1024 };
  try {
    for (let i = 0; i < 100; i += 1) {
      await (await fetch(url, { headers: { authorization: auth } })).arrayBuffer();
      await executor.execute({ method: 'GET', url, headers: {} }, options);
    }
    for (let i = 0; i < requests; i += 1) {
      const a = performance.now();
      await (await fetch(url, { headers: { authorization: auth } })).arrayBuffer();
      const b = performance.now();
      await executor.execute({ method: 'GET', url, headers: {} }, options);
      const c = performance.now();
      plain.push(b - a);
      ours.push(c - b);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  const plainFigure = figure('plain fetch, one request', 'ms', plain);
  const oursFigure = figure('executor, one request', 'ms', ours);
  const ratios = ours.map((value, i) => value / (plain[i] ?? value));
  return [plainFigure, oursFigure, figure('executor overhead vs plain fetch', 'x', ratios, 1.2, `median of ${requests} paired requests`)];
}
