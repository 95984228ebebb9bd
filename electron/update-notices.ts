import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { UpdateNotices } from './updates';

/** The update notices as native message boxes over the app window. */
export function updateNotices(dialog: Dialog, parent: () => BrowserWindow | null): UpdateNotices {
  const show = async (options: MessageBoxOptions) => {
    const owner = parent();
    return owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options);
  };
  return {
    async ready(version) {
      const { response } = await show({
        type: 'info',
        message: `Mailgun Explorer ${version} is ready to install`,
        detail: 'Restart now to use it. If you choose Later, it is installed when you next quit.',
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
      });
      return response === 0;
    },
    upToDate: () => void show({ type: 'info', message: 'Mailgun Explorer is up to date.' }),
    downloading: (version) =>
      void show({
        type: 'info',
        message: `Downloading Mailgun Explorer ${version}`,
        detail: 'You will be asked to restart when it is ready.',
      }),
    failed: (message) =>
      void show({
        type: 'warning',
        message: 'Could not check for updates',
        detail: `${message}\n\nCheck your internet connection and the proxy in Settings, then try again from the menu.`,
      }),
  };
}
