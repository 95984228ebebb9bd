import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { createSandboxServer } from '../../sandbox/server';
import type { AppInfo } from '../../shared/bridge/app';
import { catalog, getEndpoint, getGroup } from '../../shared/catalog';
import type { TextFileDialogs } from '../ipc/handlers/environments';
import { type RequestDialogs, safeFileName } from '../ipc/handlers/requests';
import { createRendererErrorSink } from '../logging/renderer-errors';
import { createAppInfoService } from './app-info';
import { createBodyStreams } from './body-streams';
import { createBulkCheck } from './bulk-check';
import { createConnectionTester } from './connection-test';
import { createDesktopSettings, type DesktopGlue, nodeFetchGlue } from './desktop-settings';
import { createEnvironmentsService, createEnvironmentsStore } from './environments';
import { createFileRegistry } from './file-handles';
import { createHistoryStore } from './history';
import { createHttpExecutor } from './http-executor';
import { createReadCaller } from './investigations/read-call';
import { guardKeyDestination } from './key-destination';
import { createKeychain, type KeytarLike } from './keychain';
import { createLiveTail } from './live-tail';
import { appPreviewBase } from './message-preview';
import { createRedactor } from './redaction';
import { createRequestPipeline, defaultLimits, type SendLimits } from './request-pipeline';
import { createSandboxEnvironment, withSandboxClientHeader } from './sandbox-environment';
import { withSandboxSigningKey } from './sandbox-signing-key';
import { createSandboxMail } from './sandbox-tools';
import { createSavedRequestsService } from './saved-requests';
import { createCustomSender } from './send-custom-request';
import { createRequestSender, type RequestSenderDeps, toSendEnvironment } from './send-request';
import { type ClipboardLike, type ConfirmDialog, createSnippetService } from './snippets';
import { createBaseUrlSender, createSupportServices } from './support';
import { createCallRunner } from './support/call-runner';
import { createVariablesService } from './variables';
import { createWebhookInbox } from './webhook-inbox';
import { createWorkspaceStore } from './workspace-store';

/** Every native dialog main opens; Electron's in the app, scripted ones in the test harness. */
export type MainDialogs = TextFileDialogs & RequestDialogs & { readonly confirm: ConfirmDialog };

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
  /** Electron's clipboard in the app; only "Copy with key" uses it, from main. */
  readonly clipboard?: ClipboardLike;
  readonly fetch?: typeof globalThis.fetch;
  readonly clock?: () => number;
  readonly logError?: (message: string, error: unknown) => void;
  /** Where errors the renderer reports go; main's log file in the app. */
  readonly logRendererError?: (message: string, detail: unknown) => void;
  /** Applies the proxy, certificate and theme settings; Electron's session and nativeTheme in the app. */
  readonly desktopGlue?: DesktopGlue;
  /** Where message previews are served; the app's preview scheme unless the browser harness serves them. */
  readonly messagePreviewBase?: string;
}

export async function createServices(deps: MainDeps) {
  const clock = deps.clock ?? Date.now;
  const redactor = createRedactor();
  // Whatever is logged may quote a server's answer or a failed value; it goes out without any key in it.
  const logError = deps.logError
    ? { logError: (message: string, error: unknown) => deps.logError?.(redactor.text(message), redactor.error(error)) }
    : {};
  const appInfo = createAppInfoService({ version: deps.appVersion, shell: deps.shell, platform: deps.platform, versions: deps.versions });
  const rawKeychain = createKeychain({
    keytar: deps.keytar,
    ...(deps.keychainServiceName ? { serviceName: deps.keychainServiceName } : {}),
  });
  // Every key main reads or stores becomes one the redactor scrubs.
  const keychain: typeof rawKeychain = {
    ...rawKeychain,
    getKey: async (id) => {
      const key = await rawKeychain.getKey(id);
      redactor.learn(key);
      return key;
    },
    setKey: async (id, key) => {
      redactor.learn(key);
      await rawKeychain.setKey(id, key);
    },
  };
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
    logError: (error) => logError.logError?.('sandbox server', error),
  });
  const fetchImpl = withSandboxClientHeader(deps.fetch ?? globalThis.fetch, sandbox);
  const sandboxEnvironment = createSandboxEnvironment({
    sandbox,
    environments: storedEnvironments,
    keychain,
    ...logError,
  });
  await sandboxEnvironment.ensure();
  const environments = guardKeyDestination(sandboxEnvironment.environments, (question) => deps.dialogs.confirm(question));
  const getKey = sandboxEnvironment.getKey;
  const variables = createVariablesService({ environments, keychain });
  await learnStoredKeys(environments, getKey, 3_000, () => variables.learnSecrets());
  const files = createFileRegistry({ openAsBlob });
  const history = createHistoryStore({ dir: deps.dataDir, clock, ...logError });
  const getEnvironment = async (id: string) => {
    const environment = await environments.find(id);
    return environment ? toSendEnvironment(environment) : undefined;
  };
  const executor = createHttpExecutor({ fetch: fetchImpl, clock });
  let userLimits: SendLimits = defaultLimits;
  const bodyStreams = createBodyStreams();
  const pipeline = createRequestPipeline({ executor, getKey, history, redactor, limits: () => userLimits, ...logError, bodyStreams });
  const setLimits = (next: SendLimits): SendLimits => {
    userLimits = { timeoutMs: next.timeoutMs, maxBytes: next.maxBytes };
    return userLimits;
  };
  const desktopGlue = deps.desktopGlue ?? nodeFetchGlue;
  const connectionTest = createConnectionTester({ pipeline, resolveProxy: (url) => desktopGlue.resolveProxy(url) });
  const senderDeps: RequestSenderDeps = { getEnvironment, getEndpoint, files, pipeline, resolveVariables: variables.resolveValues };
  const sender = createRequestSender(senderDeps);
  const customSender = createCustomSender({ getEnvironment, pipeline, resolveVariables: variables.resolveCustom });
  const snippets = createSnippetService({
    getEnvironment,
    getKey,
    getEndpoint,
    confirm: (question) => deps.dialogs.confirm(question),
    ...(deps.clipboard ? { clipboard: deps.clipboard } : {}),
  });
  const savedRequests = createSavedRequestsService({
    dir: deps.dataDir,
    clock,
    newId: randomUUID,
    getEndpoint,
    catalog,
    groupTitle: (id) => getGroup(id as Parameters<typeof getGroup>[0])?.title ?? id,
    environments,
    getKey,
    redactor,
    sender,
    customSender,
    variables,
  });
  const desktopSettings = createDesktopSettings({
    dir: deps.dataDir,
    clock,
    glue: desktopGlue,
    keychain,
    openTextFile: (filters) => deps.dialogs.openTextFile(filters),
  });
  await desktopSettings.start();
  const workspace = createWorkspaceStore({ dir: deps.dataDir, clock, redactor, ...logError });
  const signingKeychain = withSandboxSigningKey(keychain, async () => (await sandbox.admin.state()).webhookSigningKey);
  const supportServices = createSupportServices({
    sender,
    probe: createBaseUrlSender(senderDeps),
    getEndpoint,
    environments,
    keychain: signingKeychain,
    redactor,
    clock,
  });
  const webhookInbox = createWebhookInbox({ check: (arg) => supportServices.webhooks.check(arg), clock, fetch: globalThis.fetch });
  // The inbox keeps its verdicts until a signing key changes.
  const support: typeof supportServices = {
    ...supportServices,
    webhooks: {
      ...supportServices.webhooks,
      setKey: (...args) => supportServices.webhooks.setKey(...args).finally(() => webhookInbox.forgetVerdicts()),
      deleteKey: (...args) => supportServices.webhooks.deleteKey(...args).finally(() => webhookInbox.forgetVerdicts()),
    },
  };
  const sandboxMail = createSandboxMail({
    sandbox,
    clock,
    saveFile: (name, data) => deps.dialogs.saveFile(safeFileName(name), data),
    previewBase: deps.messagePreviewBase ?? appPreviewBase,
  });
  const readCall = createReadCaller({ getEnvironment, getEndpoint, pipeline });
  const liveTail = createLiveTail({ read: readCall, environments, clock });
  const bulkCheck = createBulkCheck({ read: readCall, runner: createCallRunner({ sender, getEndpoint }), environments, clock });

  return {
    appInfo,
    openExternal: deps.openExternal,
    dialogs: deps.dialogs,
    environments,
    variables,
    connectionTest,
    files,
    history,
    sender,
    customSender,
    snippets,
    savedRequests,
    support,
    liveTail,
    bulkCheck,
    sandbox,
    webhookInbox,
    sandboxMail,
    desktopSettings,
    rendererErrors: createRendererErrorSink({
      write: (message, detail) => (deps.logRendererError ?? deps.logError)?.(redactor.text(message), redactor.error(detail)),
    }),
    pipeline,
    bodyStreams,
    redactor,
    setLimits,
    workspace,
    // The open tabs waiting to be written go to disk before the sandbox stops and the app quits.
    dispose: async () => {
      liveTail.dispose();
      await workspace.flush();
      await Promise.all([sandbox.stop(), webhookInbox.stop()]);
    },
  };
}

/**
 * Reads every stored key (and secret variable) once at start, so redaction knows them before any
 * request is made (a key typed into a field must be caught even if that
 * environment never sent anything). A keychain that waits for the user to
 * unlock it must not hold the window back, so start-up waits at most
 * `waitMs`; the reads carry on and teach the redactor when they answer.
 */
async function learnStoredKeys(
  environments: { list(): Promise<{ environments: readonly { id: string; hasKey: boolean }[] }> },
  getKey: (id: string) => Promise<string | null>,
  waitMs: number,
  learnSecrets: () => Promise<void>,
): Promise<void> {
  const reads = (async () => {
    const { environments: all } = await environments.list();
    await Promise.all(all.filter((item) => item.hasKey).map((item) => getKey(item.id).catch(() => null)));
    await learnSecrets();
  })().catch(() => {
    // Listing failed: the environments service reports that itself when asked.
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([reads, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

export type Services = Awaited<ReturnType<typeof createServices>>;
