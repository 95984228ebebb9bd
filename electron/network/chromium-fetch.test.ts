import { describe, expect, it } from 'vitest';
import { startLocalServer } from '../services/testing/local-server';
import { type ChromiumFetcher, chromiumFetch } from './chromium-fetch';

describe('the app fetch', () => {
  it('goes through the session (net.fetch) with the caller’s options, bypassing the app protocol', async () => {
    const server = await startLocalServer((_req, res) => res.end('ok'));
    try {
      const calls: Array<{ input: unknown; init: unknown }> = [];
      const session: ChromiumFetcher = {
        fetch: (input, init) => {
          calls.push({ input, init });
          return globalThis.fetch(input, init);
        },
      };
      const controller = new AbortController();
      const response = await chromiumFetch(session)(new URL(`${server.origin}/v3/domains`), {
        method: 'GET',
        redirect: 'manual',
        signal: controller.signal,
      });
      expect(await response.text()).toBe('ok');
      expect(calls).toEqual([
        {
          input: `${server.origin}/v3/domains`,
          init: { method: 'GET', redirect: 'manual', signal: controller.signal, bypassCustomProtocolHandlers: true },
        },
      ]);
    } finally {
      await server.close();
    }
  });
});
