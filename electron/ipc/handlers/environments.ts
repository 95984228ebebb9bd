import type { environmentMethods } from '../../../shared/bridge/environments';
import type { ConnectionTester } from '../../services/connection-test';
import type { EnvironmentsService } from '../../services/environments';
import type { Handlers } from '../dispatcher';

/**
 * Thin glue from the bridge to the environments services. Nothing here can
 * read a key: the services it gets only store, delete or test with one.
 */

export interface TextFileDialogs {
  /** Shows a save dialog and writes the text itself; the text may contain keys, so it stays in main. */
  saveTextFile(suggestedName: string, text: string): Promise<{ saved: boolean; path?: string }>;
  openTextFile(filters: readonly { name: string; extensions: readonly string[] }[]): Promise<{ name: string; text: string } | null>;
}

export interface EnvironmentHandlerDeps {
  readonly environments: EnvironmentsService;
  readonly connectionTest: ConnectionTester;
  readonly dialogs: TextFileDialogs;
}

export type EnvironmentHandlers = Pick<Handlers, keyof typeof environmentMethods>;

const environmentFileFilters = [
  { name: 'Environment files', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
] as const;

export function createEnvironmentHandlers({ environments, connectionTest, dialogs }: EnvironmentHandlerDeps): EnvironmentHandlers {
  return {
    listEnvironments: () => environments.list(),
    saveEnvironment: (input) => environments.save(input),
    duplicateEnvironment: ({ id, copyKey }) => environments.duplicate(id, copyKey === undefined ? {} : { copyKey }),
    deleteEnvironment: ({ id, force }) => environments.remove(id, force === undefined ? {} : { force }),
    reorderEnvironments: ({ ids }) => environments.reorder(ids),
    setActiveEnvironment: ({ id }) => environments.setActive(id),
    setApiKey: ({ environmentId, key }) => environments.setApiKey(environmentId, key),
    deleteApiKey: ({ environmentId }) => environments.deleteApiKey(environmentId),
    hasApiKey: ({ environmentId }) => environments.keyStatus(environmentId),
    retryKeyDeletion: () => environments.retryKeyDeletion(),
    acknowledgeRecovery: ({ ids }) => environments.acknowledgeRecovery(ids),
    exportEnvironments: ({ format, ids }) => environments.exportText(ids === undefined ? { format } : { format, ids }),
    exportEnvironmentsToFile: ({ format, ids, includeKeys }) =>
      environments.exportToFile(ids === undefined ? { format, includeKeys } : { format, ids, includeKeys }, (name, text) =>
        dialogs.saveTextFile(name, text),
      ),
    importEnvironments: ({ text, format }) => environments.importText({ text, format }),
    importEnvironmentsFromFile: async ({ format }) => {
      const file = await dialogs.openTextFile(environmentFileFilters);
      if (file === null) return { cancelled: true };
      const result = await environments.importText({ text: file.text, format });
      return { cancelled: false, fileName: file.name, ...result };
    },
    testConnection: async ({ environmentId, requestId }) => connectionTest.test(await environments.get(environmentId), requestId),
  };
}
