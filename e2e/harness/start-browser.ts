// `npm run start:browser`: the real UI in a visible Chromium window, backed by
// the real main-process services in this Node process. For machines where the
// Electron binary cannot be installed; the app itself is `npm start`.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { pageBridgeScript } from './bridge-bundle';
import { chromiumPath, quietChromiumArgs } from './chromium';
import { startMainHarness } from './main-harness';
import { startStaticServer } from './static-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = path.resolve(process.env.MAILGUN_EXPLORER_USER_DATA ?? path.join(root, '.tmp', 'browser-profile'));

await mkdir(dataDir, { recursive: true });
const server = await startStaticServer(path.join(root, 'dist', 'renderer'));
const main = await startMainHarness(dataDir, { messagePreviewBase: server.previewBase });
server.servePreviewsFrom((ref) => main.services.sandboxMail.previewHtml(ref));
const browser = await chromium.launch({
  headless: false,
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [...quietChromiumArgs, `--app=${server.url}`],
});
const context = await browser.newContext({ viewport: null });
await context.exposeBinding('__mailgunInvoke', (_source, channel: string, arg: unknown) => main.invoke(channel, arg));
await context.addInitScript({ content: await pageBridgeScript() });
const page = await context.newPage();
await page.goto(server.url);
console.warn(`Mailgun Explorer (browser harness) is open. Data folder: ${dataDir}. Close the window to stop.`);

const stop = async () => {
  await main.dispose();
  await server.close();
  process.exit(0);
};
browser.on('disconnected', () => void stop());
page.on('close', () => void browser.close());
process.on('SIGINT', () => void browser.close());
