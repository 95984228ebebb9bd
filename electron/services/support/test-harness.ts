import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSandbox, type TestSandbox } from '../../../sandbox/test-support';
import { catalog, getEndpoint } from '../../../shared/catalog';
import type { Environment, EnvironmentInput } from '../../../shared/environments/types';
import { SANDBOX_API_KEY } from '../../../shared/sandbox/constants';
import { createEnvironmentsService, createEnvironmentsStore, type EnvironmentsService } from '../environments';
import { createFileRegistry } from '../file-handles';
import { createHistoryStore } from '../history';
import { createHttpExecutor } from '../http-executor';
import { createKeychain, type KeytarLike } from '../keychain';
import { createRedactor } from '../redaction';
import { createRequestPipeline } from '../request-pipeline';
import { withSandboxClientHeader } from '../sandbox-environment';
import { createRequestSender, type RequestSenderDeps, toSendEnvironment } from '../send-request';
import { createBaseUrlSender } from './base-url-probe';
import { createSupportServices } from './index';

/** For the support service tests: the real sender, history and environments, talking to a started sandbox. */

export function memoryKeytar(): KeytarLike & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => {
      entries.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

export async function startSupportHarness(options: { now?: number } = {}) {
  const sandbox: TestSandbox = await startTestSandbox({
    catalog,
    ...(options.now === undefined ? {} : { clock: () => options.now as number }),
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'support-test-'));
  const clock = () => options.now ?? Date.now();
  const keytar = memoryKeytar();
  const keychain = createKeychain({ keytar, serviceName: 'support-tests' });
  let counter = 0;
  const stored = createEnvironmentsService({
    store: createEnvironmentsStore({ dir: dataDir, clock }),
    keychain,
    clock,
    newId: () => `env-${++counter}`,
  });
  // Like the app's built-in sandbox environment, every environment here with an official region is served by the local sandbox.
  const decorate = (environment: Environment): Environment =>
    environment.region === 'custom' ? environment : { ...environment, sandbox: { us: sandbox.urls.usBaseUrl, eu: sandbox.urls.euBaseUrl } };
  const environments: EnvironmentsService = {
    ...stored,
    get: async (id) => decorate(await stored.get(id)),
    find: async (id) => {
      const found = await stored.find(id);
      return found ? decorate(found) : undefined;
    },
  };
  const history = createHistoryStore({ dir: dataDir, clock });
  const redactor = createRedactor();
  const pipeline = createRequestPipeline({
    executor: createHttpExecutor({ fetch: withSandboxClientHeader(globalThis.fetch, sandbox.sandbox), clock }),
    getKey: keychain.getKey,
    history,
    redactor,
  });
  const senderDeps: RequestSenderDeps = {
    getEnvironment: async (id) => {
      const environment = await environments.find(id);
      return environment ? toSendEnvironment(environment) : undefined;
    },
    getEndpoint,
    files: createFileRegistry({ openAsBlob: async () => new Blob([]) }),
    pipeline,
  };
  const sender = createRequestSender(senderDeps);
  const support = createSupportServices({
    sender,
    probe: createBaseUrlSender(senderDeps),
    getEndpoint,
    environments,
    keychain,
    redactor,
    clock,
  });

  async function addEnvironment(overrides: Partial<EnvironmentInput> = {}, key: string | null = SANDBOX_API_KEY): Promise<Environment> {
    const created = await environments.save({
      name: 'Sandbox',
      region: 'us',
      domain: 'sandbox.mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'teal',
      ...overrides,
    });
    if (key !== null) await environments.setApiKey(created.id, key);
    return environments.get(created.id);
  }

  return {
    sandbox,
    sender,
    pipeline,
    support,
    environments,
    history,
    keychain,
    keytar,
    redactor,
    addEnvironment,
    async close() {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type SupportHarness = Awaited<ReturnType<typeof startSupportHarness>>;
