import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { pageBridgeScript } from './harness/bridge-bundle';
import { type MainHarness, startMainHarness } from './harness/main-harness';
import { type StaticServer, startStaticServer } from './harness/static-server';

const rendererDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export interface AppUnderTest {
  readonly page: Page;
  readonly main: MainHarness;
  readonly dataDir: string;
  /** Console errors and uncaught page errors seen so far; tests end by expecting none. */
  readonly consoleErrors: string[];
  /** Reloads the page against a fresh main on the same data folder, as an app restart would. */
  restart(): Promise<void>;
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

export const test = base.extend<{ app: AppUnderTest }, { rendererServer: StaticServer }>({
  rendererServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const server = await startStaticServer(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererServer }, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-e2e-'));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const startMain = () => startMainHarness(dataDir, { messagePreviewBase: rendererServer.previewBase });
    let main = await startMain();
    rendererServer.servePreviewsFrom((ref) => main.services.sandboxMail.previewHtml(ref));
    // The binding forwards to whichever main is current, so a restart swaps it underneath the page.
    await page.exposeBinding('__mailgunInvoke', (_source, channel: string, arg: unknown) => main.invoke(channel, arg));
    await page.addInitScript({ content: await pageBridgeScript() });
    await openApp(page, rendererServer.url);
    const app: AppUnderTest = {
      page,
      dataDir,
      consoleErrors,
      get main() {
        return main;
      },
      async restart() {
        await main.dispose();
        main = await startMain();
        await openApp(page, rendererServer.url);
      },
    };
    await use(app);
    rendererServer.servePreviewsFrom(null);
    await main.dispose();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
