import { createSandboxServer } from '../../../sandbox/server';
import { catalog, getEndpoint } from '../../../shared/catalog';
import { AppFailure } from '../../../shared/errors';
import { createWindowStateStore } from '../../window-state';
import { createEnvironmentsService, createEnvironmentsStore } from '../environments';
import { createHistoryStore, type NewHistoryEntry } from '../history';
import { createKeychain } from '../keychain';
import { createRedactor } from '../redaction';
import { createSavedRequestsService } from '../saved-requests';

/**
 * Every store of the data folder, opened the way main opens it, with one read
 * and one change each, so the corruption matrix (and a child process running
 * as another user) can treat them alike.
 */

export interface StoreProbe {
  /** What the app shows after loading: how many items, and the notice telling the user, if any. */
  read(): Promise<{ items: number; notice: string | null }>;
  /** One change as the app makes it: null when saved, else the error code the user is shown. */
  write(): Promise<string | null>;
  close(): Promise<void>;
}

export interface StoreUnderTest {
  /** Relative to the data folder. */
  readonly file: string;
  /** Whether a failed save reaches the user; the window position is deliberately saved quietly. */
  readonly reportsWriteFailure: boolean;
  open(dataDir: string): StoreProbe;
}

const clock = () => Date.UTC(2026, 0, 2);
let counter = 0;
const newId = () => `probe-${process.pid}-${++counter}`;

function memoryKeychain() {
  const items = new Map<string, string>();
  return createKeychain({
    platform: 'linux',
    keytar: {
      getPassword: async (_s, account) => items.get(account) ?? null,
      setPassword: async (_s, account, password) => {
        items.set(account, password);
      },
      deletePassword: async (_s, account) => items.delete(account),
    },
  });
}

async function codeOf(change: () => Promise<unknown>): Promise<string | null> {
  try {
    await change();
    return null;
  } catch (error) {
    return error instanceof AppFailure ? error.code : `untyped: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function environmentsService(dataDir: string) {
  return createEnvironmentsService({ store: createEnvironmentsStore({ dir: dataDir, clock }), keychain: memoryKeychain(), clock, newId });
}

const historyEntry: NewHistoryEntry = {
  requestId: '00000000-0000-4000-8000-000000000001',
  environment: { id: 'env-1', name: 'Production', baseUrl: 'https://api.mailgun.net' },
  endpoint: { id: 'domains.list', method: 'GET', path: '/v4/domains' },
  request: { method: 'GET', url: 'https://api.mailgun.net/v4/domains', headers: [] },
  values: { params: {} },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    contentType: 'application/json',
    sizeBytes: 13,
    timings: { startedAt: 1, ttfbMs: 1, totalMs: 2 },
  },
  bodyBytes: new TextEncoder().encode('{"items":[1]}'),
  bodyKind: 'text',
};

export const storesUnderTest: Record<string, StoreUnderTest> = {
  environments: {
    file: 'environments.json',
    reportsWriteFailure: true,
    open(dataDir) {
      const service = environmentsService(dataDir);
      return {
        async read() {
          const list = await service.list();
          return { items: list.environments.length, notice: list.recovery[0]?.message ?? null };
        },
        write: () =>
          codeOf(() =>
            service.save({
              name: `Env ${newId()}`,
              region: 'us',
              domain: 'mg.example.com',
              keyKind: 'primary',
              readOnly: false,
              colour: 'blue',
            }),
          ),
        close: async () => undefined,
      };
    },
  },
  history: {
    file: 'history/index.json',
    reportsWriteFailure: true,
    open(dataDir) {
      const history = createHistoryStore({ dir: dataDir, clock });
      return {
        async read() {
          const page = await history.list();
          return { items: page.total, notice: page.recovery?.message ?? null };
        },
        write: () => codeOf(() => history.add(historyEntry)),
        close: async () => undefined,
      };
    },
  },
  savedRequests: {
    file: 'saved-requests.json',
    reportsWriteFailure: true,
    open(dataDir) {
      const unused = async () => {
        throw new Error('not used by the probe');
      };
      const service = createSavedRequestsService({
        dir: dataDir,
        clock,
        newId,
        getEndpoint,
        catalog,
        groupTitle: (id) => id,
        environments: environmentsService(dataDir),
        getKey: async () => null,
        sender: { send: unused },
        customSender: { send: unused } as never,
        redactor: createRedactor(),
      });
      return {
        async read() {
          const list = await service.list();
          return { items: list.collections.length + list.requests.length, notice: list.recovery?.message ?? null };
        },
        write: () => codeOf(() => service.createCollection(`Collection ${newId()}`)),
        close: async () => undefined,
      };
    },
  },
  sandboxState: {
    file: 'sandbox-state.json',
    reportsWriteFailure: true,
    open(dataDir) {
      const sandbox = createSandboxServer({ dataDir, saveDebounceMs: 1 });
      return {
        async read() {
          const state = await sandbox.admin.state();
          return { items: state.regions.us.domains.length + state.regions.eu.domains.length, notice: sandbox.status().warning ?? null };
        },
        write: () => codeOf(() => sandbox.reset()),
        close: () => sandbox.stop(),
      };
    },
  },
  windowState: {
    file: 'window-state.json',
    reportsWriteFailure: false,
    open(dataDir) {
      const store = createWindowStateStore({ dir: dataDir, clock, saveDelayMs: 1 });
      return {
        async read() {
          return { items: (await store.load()) ? 1 : 0, notice: null };
        },
        async write() {
          let close: () => void = () => undefined;
          store.track({
            on: (event, listener) => {
              if (event === 'close') close = listener;
            },
            getNormalBounds: () => ({ x: 10, y: 10, width: 900, height: 700 }),
            isMaximized: () => false,
          });
          close();
          // The window position is saved in the background; give it a moment.
          await new Promise((resolve) => setTimeout(resolve, 100));
          return null;
        },
        close: async () => undefined,
      };
    },
  },
};
