import { randomUUID } from 'node:crypto';
import { existsSync, openAsBlob } from 'node:fs';
import path from 'node:path';
import { createSandboxServer } from '../../sandbox/server';
import type { AppInfo } from '../../shared/bridge/app';
import { catalog, getEndpoint, getGroup } from '../../shared/catalog';
import type { TextFileDialogs } from '../ipc/handlers/environments';
import type { RequestDialogs } from '../ipc/handlers/requests';
import { createAppInfoService } from './app-info';
import { createConnectionTester } from './connection-test';
import { createEnvironmentsService, createEnvironmentsStore, environmentsFileName } from './environments';
import { createFileRegistry } from './file-handles';
import { createHistoryStore } from './history';
import { createHttpExecutor } from './http-executor';
import { createKeychain, type KeytarLike } from './keychain';
import { createSandboxEnvironment } from './sandbox-environment';
import { createSavedRequestsService } from './saved-requests';
import { createCustomSender } from './send-custom-request';
import { createRequestSender, type RequestSenderDeps, toSendEnvironment } from './send-request';
import { createSnippetService } from './snippets';
import { createBaseUrlSender, createSupportServices } from './support';

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
  const firstLaunch = !existsSync(path.join(deps.dataDir, environmentsFileName));
  const storedEnvironments = createEnvironmentsService({
    store: createEnvironmentsStore({ dir: deps.dataDir, clock }),
    keychain,
    clock,
    newId: randomUUID,
  });
  const sandbox = createSandboxServer({
    dataDir: deps.dataDir,
    clock,
    catalog: () => import('../../shared/catalog').then((module) => module.catalog),
    logError: (error) => deps.logError?.('sandbox server', error),
  });
  const sandboxEnvironment = createSandboxEnvironment({
    sandbox,
    environments: storedEnvironments,
    keychain,
    ...(deps.logError ? { logError: deps.logError } : {}),
  });
  if (firstLaunch) await sandboxEnvironment.seed();
  const environments = sandboxEnvironment.environments;
  const getKey = sandboxEnvironment.getKey;
  const connectionTest = createConnectionTester({ fetch: fetchImpl, getKey });
  const files = createFileRegistry({ openAsBlob });
  const history = createHistoryStore({ dir: deps.dataDir, clock, ...(deps.logError ? { logError: deps.logError } : {}) });
  const getEnvironment = async (id: string) => {
    const environment = await environments.find(id);
    return environment ? toSendEnvironment(environment) : undefined;
  };
  const executor = createHttpExecutor({ fetch: fetchImpl, clock });
  const logError = deps.logError ? { logError: deps.logError } : {};
  const senderDeps: RequestSenderDeps = { getEnvironment, getKey, getEndpoint, executor, files, history, ...logError };
  const sender = createRequestSender(senderDeps);
  const customSender = createCustomSender({ getEnvironment, getKey, executor, history, ...logError });
  const snippets = createSnippetService({ getEnvironment, getKey, getEndpoint });
  const savedRequests = createSavedRequestsService({
    dir: deps.dataDir,
    clock,
    newId: randomUUID,
    getEndpoint,
    catalog,
    groupTitle: (id) => getGroup(id as Parameters<typeof getGroup>[0])?.title ?? id,
    environments,
    getKey,
    sender,
    customSender,
  });
  const support = createSupportServices({ sender, probe: createBaseUrlSender(senderDeps), getEndpoint, environments, keychain, clock });

  return {
    appInfo,
    openExternal: deps.openExternal,
    dialogs: deps.dialogs,
    environments,
    connectionTest,
    files,
    history,
    sender,
    customSender,
    snippets,
    savedRequests,
    support,
    sandbox,
    dispose: () => sandbox.stop(),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
