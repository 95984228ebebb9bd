import type { z } from 'zod';
import type { requestMethods } from '../../../shared/bridge/requests';
import { AppFailure } from '../../../shared/errors';
import type { FileRegistry } from '../../services/file-handles';
import type { HistoryStore } from '../../services/history';
import type { RequestSender } from '../../services/send-request';
import type { Handlers } from '../dispatcher';

type RequestMethods = typeof requestMethods;
export type RequestHandlers = Pick<Handlers, keyof typeof requestMethods>;

export type FilePurpose = z.output<RequestMethods['pickFiles']['args']>['purpose'];

/** Native dialogs, opened by main; injected so the handlers run without Electron. */
export interface RequestDialogs {
  /** Paths the user chose, or none when the dialog was cancelled. */
  openFiles(purpose: FilePurpose, multiple: boolean): Promise<string[]>;
  saveFile(suggestedName: string, data: Uint8Array | string): Promise<{ saved: boolean }>;
}

export interface RequestHandlerDeps {
  readonly sender: Pick<RequestSender, 'send' | 'cancel' | 'getResponseBody'>;
  readonly files: Pick<FileRegistry, 'register' | 'release'>;
  readonly history: Pick<HistoryStore, 'list' | 'get' | 'getBodyBytes' | 'findByRequestId' | 'delete' | 'clear'>;
  readonly dialogs: RequestDialogs;
  /** Stores the user's limits in main, where every request reads them. */
  readonly setLimits: (limits: { timeoutMs: number; maxBytes: number }) => { timeoutMs: number; maxBytes: number };
}

const UNSAFE_NAME_CHARS = '<>:"|?*';

/** Only a plain file name reaches the save dialog, whatever the renderer suggested. */
export function safeFileName(suggested: string): string {
  const base = suggested.split(/[\\/]/).pop() ?? '';
  const replaced = [...base].map((char) =>
    char.charCodeAt(0) < 0x20 || char === '\u007f' || UNSAFE_NAME_CHARS.includes(char) ? '_' : char,
  );
  const cleaned = replaced.join('').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 200) || 'response';
}

export function createRequestHandlers(deps: RequestHandlerDeps): RequestHandlers {
  async function bodyToSave(arg: { historyId?: string | undefined; requestId?: string | undefined }) {
    if (arg.requestId) {
      const live = deps.sender.getResponseBody(arg.requestId);
      if (live) return { bytes: live.bytes, truncated: false };
      const historyId = await deps.history.findByRequestId(arg.requestId);
      if (historyId) return deps.history.getBodyBytes(historyId);
      return undefined;
    }
    return arg.historyId ? deps.history.getBodyBytes(arg.historyId) : undefined;
  }

  return {
    sendRequest: (arg) => deps.sender.send(arg, { streamLargeBody: true }),
    cancelRequest: async ({ requestId }) => ({ cancelled: deps.sender.cancel(requestId) }),
    setRequestLimits: async (limits) => deps.setLimits(limits),
    pickFiles: async ({ purpose, multiple }) => {
      const paths = await deps.dialogs.openFiles(purpose, multiple);
      return deps.files.register(multiple ? paths : paths.slice(0, 1));
    },
    releaseFiles: async ({ handles }) => ({ released: deps.files.release(handles) }),
    saveResponseBody: async (arg) => {
      const body = await bodyToSave(arg);
      if (!body || body.bytes.byteLength === 0) {
        throw new AppFailure('not-found', 'There is no response body to save.', 'Send the request again, then save its response.');
      }
      const { saved } = await deps.dialogs.saveFile(safeFileName(arg.suggestedName), body.bytes);
      return { saved, truncated: body.truncated };
    },
    listHistory: (arg) => deps.history.list(arg),
    getHistoryEntry: ({ id }) => deps.history.get(id),
    clearHistory: async () => ({ cleared: await deps.history.clear() }),
    deleteHistoryEntry: async ({ id }) => ({ deleted: await deps.history.delete(id) }),
  };
}
