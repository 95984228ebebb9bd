import type { bulkCheckMethods } from '../../../shared/bridge/bulk-check';
import type { BulkCheck } from '../../services/bulk-check';
import { parseAddressList } from '../../services/investigations/address-list';
import type { Handlers } from '../dispatcher';
import type { TextFileDialogs } from './environments';

export interface BulkCheckHandlerDeps {
  readonly bulkCheck: BulkCheck;
  readonly dialogs: Pick<TextFileDialogs, 'saveTextFile' | 'openTextFile'>;
}

export type BulkCheckHandlers = Pick<Handlers, keyof typeof bulkCheckMethods>;

const listFilters = [
  { name: 'Address lists', extensions: ['csv', 'txt', 'tsv'] },
  { name: 'All files', extensions: ['*'] },
] as const;

export function createBulkCheckHandlers({ bulkCheck, dialogs }: BulkCheckHandlerDeps): BulkCheckHandlers {
  return {
    parseBulkAddresses: async ({ text }) => parseAddressList(text),
    importBulkAddresses: async () => {
      const file = await dialogs.openTextFile(listFilters);
      return file === null ? null : parseAddressList(file.text, file.name);
    },
    startBulkCheck: (arg) => bulkCheck.start(arg),
    bulkCheckStatus: async (arg) => bulkCheck.status(arg),
    bulkCheckResults: async (arg) => bulkCheck.results(arg),
    cancelBulkCheck: async (arg) => bulkCheck.cancel(arg),
    retryBulkCheck: async (arg) => bulkCheck.retry(arg),
    releaseBulkCheck: (arg) => bulkCheck.release(arg),
    exportBulkCheck: (arg) => bulkCheck.exportCsv(arg, (name, text) => dialogs.saveTextFile(name, text)),
  };
}
