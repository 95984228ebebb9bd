import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { channelFor } from '../../shared/bridge/contract';
import { expect, test } from '../fixtures';

/**
 * Damaged data files on a real profile: each is kept aside, the place in the
 * UI that shows its data says what happened, history is rebuilt from what is
 * on disk, and the rest of the app goes on working.
 */

test('a damaged history index, saved-requests file and sandbox state are kept aside and explained where they show', async ({ app }) => {
  const { page } = app;
  const sent = await app.main.invoke(channelFor('sendRequest'), {
    requestId: crypto.randomUUID(),
    environmentId: 'sandbox',
    endpointId: 'domains.list',
    values: { params: {} },
  });
  expect(sent.ok).toBe(true);
  expect((await app.main.invoke(channelFor('createCollection'), { name: 'Onboarding' })).ok).toBe(true);

  await app.main.dispose();
  await writeFile(path.join(app.dataDir, 'history', 'index.json'), '{"version":1,"entries":[{"id":');
  await writeFile(path.join(app.dataDir, 'saved-requests.json'), 'not json at all');
  await rm(path.join(app.dataDir, 'sandbox-state.json'));
  await mkdir(path.join(app.dataDir, 'sandbox-state.json', 'inner'), { recursive: true });
  await app.restart();

  await expect(page.getByTestId('env-active-name')).toHaveText('Sandbox (offline)');
  await expect(page.getByTestId('sandbox-warning')).toContainText('sandbox-state.json');

  await page.getByTestId('sidebar-tab-history').click();
  const history = page.getByTestId('history-recovery');
  await expect(history).toContainText('1 entry was rebuilt');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.getByTestId('history-row').click();
  await expect(page.getByTestId('history-detail')).toContainText('sandbox.mg.example.com');

  await page.getByTestId('sidebar-tab-saved').click();
  const saved = page.getByTestId('saved-recovery');
  await expect(saved).toContainText('saved-requests.json was not valid JSON');
  await expect(saved).toContainText('repair the kept file and rename it to saved-requests.json');
  const aside = (await readdir(app.dataDir)).find((name) => name.startsWith('saved-requests.json.corrupt-')) ?? '';
  expect(await readFile(path.join(app.dataDir, aside), 'utf8')).toBe('not json at all');
  await saved.getByTestId('saved-recovery-dismiss').click();
  await expect(saved).toBeHidden();
  expect(app.consoleErrors).toEqual([]);
});
