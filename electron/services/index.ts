import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import type { AppInfo } from '../../shared/bridge/app';
import { getEndpoint } from '../../shared/catalog';
import type { TextFileDialogs } from '../ipc/handlers/environments';
import type { RequestDialogs } from '../ipc/handlers/requests';
import { createAppInfoService } from './app-info';
import { createConnectionTester } from './connection-test';
import { createEnvironmentsService, createEnvironmentsStore } from './environments';
import { createFileRegistry } from './file-handles';
import { createHistoryStore } from './history';
import { createHttpExecutor } from './http-executor';
import { createKeychain, type KeytarLike } from './keychain';
import { createRequestSender, toSendEnvironment } from './send-request';

/** Every native dialog main opens; Electron's in the app, scripted ones in the test harness. */
export type MainDialogs = TextFileDialogs & RequestDialogs;

/**
 * Everything main needs from the outside world, passed in so the same
 * services run in Electron and, for tests, in plain Node.
 */
export interface MainDeps {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly shell: AppInfo['shell'];
  readonly platform: string;
  readonly versions: AppInfo['versions'];
  readonly keytar: KeytarLike;
  /** Kept apart for tests so they never touch a developer's real entries. */
  readonly keychainServiceName?: string;
  readonly dialogs: MainDialogs;
  readonly openExternal: (url: string) => Promise<void>;
  readonly fetch?: typeof globalThis.fetch;
  readonly clock?: () => number;
  readonly logError?: (message: string, error: unknown) => void;
}

export async function createServices(deps: MainDeps) {
  const clock = deps.clock ?? Date.now;
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const appInfo = createAppInfoService({ version: deps.appVersion, shell: deps.shell, platform: deps.platform, versions: deps.versions });
  const keychain = createKeychain({ keytar: deps.keytar, ...(deps.keychainServiceName ? { serviceName: deps.keychainServiceName } : {}) });
  const environments = createEnvironmentsService({ store: createEnvironmentsStore({ dir: deps.dataDir, clock }), keychain, clock, newId: randomUUID });
  const connectionTest = createConnectionTester({ fetch: fetchImpl, getKey: keychain.getKey });
  const files = createFileRegistry({ openAsBlob });
  const history = createHistoryStore({ dir: deps.dataDir, clock, ...(deps.logError ? { logError: deps.logError } : {}) });
  const sender = createRequestSender({
    getEnvironment: async (id) => {
      const environment = await environments.find(id);
      return environment ? toSendEnvironment(environment) : undefined;
    },
    getKey: keychain.getKey,
    getEndpoint,
    executor: createHttpExecutor({ fetch: fetchImpl, clock }),
    files,
    history,
    ...(deps.logError ? { logError: deps.logError } : {}),
  });

  return {
    appInfo,
    openExternal: deps.openExternal,
    dialogs: deps.dialogs,
    environments,
    connectionTest,
    files,
    history,
    sender,
    dispose: async () => {},
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
