import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { AppFailure } from '../shared/errors';
import type { FilePurpose } from './ipc/handlers/requests';
import type { MainDialogs } from './services';

/** Text files bigger than this are not environment or collection files; refusing them keeps main responsive. */
const maxTextFileBytes = 20 * 1024 * 1024;

const purposeFilters: Readonly<Record<FilePurpose, Electron.FileFilter[]>> = {
  attachment: [{ name: 'All files', extensions: ['*'] }],
  inline: [
    { name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'] },
    { name: 'All files', extensions: ['*'] },
  ],
  import: [
    { name: 'CSV, MIME and PEM files', extensions: ['csv', 'eml', 'mime', 'txt', 'pem'] },
    { name: 'All files', extensions: ['*'] },
  ],
  other: [{ name: 'All files', extensions: ['*'] }],
};

/** Native open, save and question dialogs; main reads and writes only the files the user picks here. */
export function electronDialogs(dialog: Dialog, parent: () => BrowserWindow | null): MainDialogs {
  const window = () => parent() ?? undefined;
  return {
    async confirm({ title, message, detail, confirmLabel }) {
      const owner = window();
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title,
        message,
        detail,
        buttons: ['Cancel', confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const result = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return result.response === 1;
    },
    async openFiles(purpose, multiple) {
      const options: Electron.OpenDialogOptions = {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: purposeFilters[purpose],
      };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(suggestedName, data) {
      const owner = window();
      const options: Electron.SaveDialogOptions = { defaultPath: suggestedName };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false };
      await writeFile(result.filePath, data);
      return { saved: true };
    },
    async saveTextFile(suggestedName, text) {
      const owner = window();
      const options: Electron.SaveDialogOptions = { defaultPath: suggestedName, filters: [{ name: 'JSON', extensions: ['json'] }] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false };
      await writeFile(result.filePath, text, { encoding: 'utf8', mode: 0o600 });
      return { saved: true, path: result.filePath };
    },
    async openTextFile(filters) {
      const owner = window();
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile'],
        filters: filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const file = result.canceled ? undefined : result.filePaths[0];
      if (!file) return null;
      if ((await stat(file)).size > maxTextFileBytes) {
        throw new AppFailure(
          'import-failed',
          `${path.basename(file)} is larger than 20 MB.`,
          'Pick the exported file itself, not a folder or an archive.',
        );
      }
      return { name: path.basename(file), text: await readFile(file, 'utf8') };
    },
  };
}
