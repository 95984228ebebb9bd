import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../harness/electron-binary';

const binary = findElectronBinary();

test.describe('the packaged shell (real Electron)', () => {
  test.skip(
    'missing' in binary,
    `Electron cannot run here: ${'missing' in binary ? binary.missing : ''}. The browser project covers the same renderer and main services.`,
  );

  test('starts hardened, loads the app and answers over the bridge', async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-electron-'));
    const app = await electron.launch({
      ...('path' in binary ? { executablePath: binary.path } : {}),
      args: ['dist/electron/main.cjs'],
      env: { ...process.env, MAILGUN_EXPLORER_USER_DATA: userData },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-ready')).toBeVisible();
      await expect(page.getByTestId('app-info')).toContainText('Electron');
      const preferences = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents;
        return contents ? { url: contents.getURL() } : null;
      });
      expect(preferences?.url).toBe('app://mailgun-explorer/index.html');
      const surface = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(surface).toEqual({ require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      await rm(userData, { recursive: true, force: true });
    }
  });
});
