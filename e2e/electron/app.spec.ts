import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import { findElectronBinary } from '../harness/electron-binary';

const binary = findElectronBinary();
// On the desktop workflow's runners a missing binary is a broken install, not a reason to skip.
if ('missing' in binary && process.env.MAILGUN_EXPLORER_REQUIRE_ELECTRON === '1')
  throw new Error(`Electron is required here: ${binary.missing}`);

/** Calls a bridge method from the page exactly as the renderer does. */
function bridgeCall(page: Page, method: string, arg?: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  return page.evaluate(
    ([name, value]) =>
      (window as unknown as Record<string, Record<string, (arg: unknown) => Promise<{ ok: boolean }>>>).mailgun?.[name as string]?.(
        value,
      ) ?? Promise.reject(new Error('no bridge')),
    [method, arg] as const,
  );
}

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    ...('path' in binary ? { executablePath: binary.path } : {}),
    args: ['dist/electron/main.cjs'],
    env: { ...process.env, MAILGUN_EXPLORER_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  return { app, page };
}

test.describe('the packaged shell (real Electron)', () => {
  test.skip(
    'missing' in binary,
    `Electron cannot run here: ${'missing' in binary ? binary.missing : ''}. The browser project covers the same renderer and main services.`,
  );

  let userData: string;
  test.beforeEach(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-electron-'));
  });
  test.afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  test('opens the window with the hardened options and no Node in the page', async () => {
    const { app, page } = await launch(userData);
    try {
      await expect(page.getByTestId('app-info')).toContainText('Electron');
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
      expect(url).toBe('app://mailgun-explorer/index.html');
      // The options themselves are pinned by window-options.test.ts; here is what they do in a real renderer.
      const surface = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
        bridgeFrozen: Object.isFrozen((window as unknown as { mailgun?: object }).mailgun),
      }));
      expect(surface).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', bridgeFrozen: true });
      // Navigation away from the app is refused.
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(300);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL())).toBe(
        'app://mailgun-explorer/index.html',
      );
    } finally {
      await app.close();
    }
  });

  test('a sandbox request makes the round trip through Chromium’s network stack', async () => {
    const { app, page } = await launch(userData);
    try {
      const result = await bridgeCall(page, 'sendRequest', {
        requestId: '0b6f3a52-4a53-4c9e-9a53-1f1f1f1f1f1f',
        environmentId: 'sandbox',
        endpointId: 'domains.list',
        values: { params: {} },
      });
      expect(result).toMatchObject({ ok: true, value: { status: 200 } });
      const proxy = await bridgeCall(page, 'resolveProxy', { url: 'http://127.0.0.1/' });
      expect(proxy).toMatchObject({ ok: true, value: { rule: 'DIRECT' } });
    } finally {
      await app.close();
    }
  });

  test('copies to the clipboard from the page (the permission is granted to the app only)', async () => {
    const { app, page } = await launch(userData);
    try {
      await page.bringToFront();
      await page.evaluate(() => navigator.clipboard.writeText('copied from Mailgun Explorer'));
      expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe('copied from Mailgun Explorer');
    } finally {
      await app.close();
    }
  });

  test('keeps the sandbox key in the system keychain', async () => {
    const { app, page } = await launch(userData);
    try {
      expect(await bridgeCall(page, 'hasApiKey', { environmentId: 'sandbox' })).toMatchObject({ ok: true, value: { hasKey: true } });
    } finally {
      await app.close();
    }
  });

  test('quitting right after a change keeps it', async () => {
    const first = await launch(userData);
    const created = bridgeCall(first.page, 'createCollection', { name: 'Written just before quit' });
    await first.app.close();
    await created.catch(() => undefined);
    const second = await launch(userData);
    try {
      const list = (await bridgeCall(second.page, 'listSavedRequests')) as { value: { collections: { name: string }[] } };
      expect(list.value.collections.map((collection) => collection.name)).toContain('Written just before quit');
    } finally {
      await second.app.close();
    }
  });
});
