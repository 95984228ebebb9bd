import type { collectionMethods } from '../../../shared/bridge/collections';
import type { SavedRequestsService } from '../../services/saved-requests';
import type { CustomSender } from '../../services/send-custom-request';
import type { Handlers } from '../dispatcher';
import type { TextFileDialogs } from './environments';

export type CollectionHandlers = Pick<Handlers, keyof typeof collectionMethods>;

export interface CollectionHandlerDeps {
  readonly savedRequests: SavedRequestsService;
  readonly customSender: CustomSender;
  readonly dialogs: TextFileDialogs;
}

const collectionFileFilters = [
  { name: 'Postman collections', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
] as const;

export function createCollectionHandlers({ savedRequests, customSender, dialogs }: CollectionHandlerDeps): CollectionHandlers {
  return {
    listSavedRequests: () => savedRequests.list(),
    createCollection: ({ name }) => savedRequests.createCollection(name),
    renameCollection: ({ id, name }) => savedRequests.renameCollection(id, name),
    deleteCollection: ({ id }) => savedRequests.deleteCollection(id),
    saveRequest: (arg) => savedRequests.save(arg),
    renameSavedRequest: ({ id, name }) => savedRequests.rename(id, name),
    deleteSavedRequest: ({ id }) => savedRequests.remove(id),
    moveSavedRequest: ({ id, collectionId }) => savedRequests.move(id, collectionId),
    importPostmanCollection: ({ text, environmentId }) => savedRequests.importText(text, environmentId),
    importPostmanCollectionFromFile: async ({ environmentId }) => {
      const file = await dialogs.openTextFile(collectionFileFilters);
      if (file === null) return { cancelled: true };
      const result = await savedRequests.importText(file.text, environmentId);
      return { cancelled: false, fileName: file.name, ...result };
    },
    exportCollectionToFile: (arg) => savedRequests.exportToFile(arg, (name, text) => dialogs.saveTextFile(name, text)),
    sendSavedRequest: (arg) => savedRequests.sendSaved(arg),
    sendCustomRequest: (arg) => customSender.send(arg, { streamLargeBody: true }),
  };
}
