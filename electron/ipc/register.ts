import { channelFor, methodNames } from '../../shared/bridge/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from './dispatcher';

/** The part of Electron's ipcMain we use, so registration is testable without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, arg: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/**
 * One handler per declared method, nothing else. Calls from frames other than
 * the app's own page are refused before they reach the dispatcher.
 */
export function registerBridgeHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, isTrustedSender: (url: string) => boolean): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), async (event, arg): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) {
        return {
          ok: false,
          error: {
            code: 'invalid-argument',
            message: 'Call refused: it did not come from the app window.',
            hint: 'Reload the app window.',
          },
        };
      }
      return dispatch(name, arg);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(channelFor(name));
  };
}
