import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { environmentMethods } from '../../../shared/bridge/environments';
import { AppFailure } from '../../../shared/errors';
import { createConnectionTester } from '../../services/connection-test';
import { createEnvironmentsService, createEnvironmentsStore } from '../../services/environments';
import { createKeychain, type KeytarLike } from '../../services/keychain';
import { testPipeline } from '../../services/testing/pipeline';
import { realKeytarIfReachable } from '../../services/testing/real-keytar';
import { createEnvironmentHandlers, type EnvironmentHandlers } from './environments';

const canary = 'key-CANARY-7f3a9c1e2b';
const canaryTail = canary.slice(-8);

function memoryKeytar(): KeytarLike {
  const items = new Map<string, string>();
  return {
    getPassword: async (service, account) => items.get(`${service}\n${account}`) ?? null,
    setPassword: async (service, account, password) => void items.set(`${service}\n${account}`, password),
    deletePassword: async (service, account) => items.delete(`${service}\n${account}`),
  };
}

let root: string;
let dataDir: string;
let exportDir: string;

beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), 'env-handlers-'));
  dataDir = path.join(root, 'data');
  exportDir = path.join(root, 'exports');
  await fsp.mkdir(exportDir);
});

afterEach(async () => {
  await fsp.rm(root, { recursive: true, force: true });
});

async function allFiles(folder: string): Promise<string[]> {
  const entries = await fsp.readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function setUp(keytar: KeytarLike) {
  const clock = () => Date.parse('2026-11-26T13:55:00.000Z');
  const keychain = createKeychain({ keytar, serviceName: `Mailgun Explorer canary ${randomUUID()}` });
  const environments = createEnvironmentsService({
    store: createEnvironmentsStore({ dir: dataDir, clock }),
    keychain,
    clock,
    newId: randomUUID,
  });
  const seenAuth: string[] = [];
  const connectionTest = createConnectionTester({
    pipeline: testPipeline({
      getKey: keychain.getKey,
      fetch: async (_url, init) => {
        seenAuth.push(new Headers(init?.headers).get('authorization') ?? '');
        return new Response('{"domain":{"state":"active"}}', { status: 200 });
      },
    }),
    resolveProxy: async () => 'DIRECT',
  });
  let lastExport = '';
  const handlers = createEnvironmentHandlers({
    environments,
    connectionTest,
    dialogs: {
      async saveTextFile(name, text) {
        const target = path.join(exportDir, name);
        await fsp.writeFile(target, text);
        lastExport = target;
        return { saved: true, path: target };
      },
      async openTextFile() {
        return { name: path.basename(lastExport), text: await fsp.readFile(lastExport, 'utf8') };
      },
    },
  });
  return { handlers, keychain, seenAuth };
}

/** Validates like the dispatcher does, then calls the handler; failures are returned as values. */
async function call<M extends keyof EnvironmentHandlers>(handlers: EnvironmentHandlers, method: M, arg: unknown): Promise<unknown> {
  const parsed = environmentMethods[method].args.safeParse(arg);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => issue.message) };
  try {
    return { ok: true, value: await (handlers[method] as (arg: unknown) => Promise<unknown>)(parsed.data) };
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.toValue() };
    throw error;
  }
}

describe('environment handlers', () => {
  it('provide exactly the declared bridge methods', () => {
    const { handlers } = setUp(memoryKeytar());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(environmentMethods).sort());
  });

  const real = realKeytarIfReachable();
  it(`never let the canary key reach a result or the data folder (${real ? 'real Secret Service' : 'in-memory keytar'})`, async () => {
    const { handlers, keychain, seenAuth } = setUp(real ?? memoryKeytar());
    const results: unknown[] = [];
    const run = async (method: keyof EnvironmentHandlers, arg?: unknown) => {
      const result = await call(handlers, method, arg);
      results.push(result);
      // Results are checked loosely here; their types are covered by the service tests.
      // biome-ignore lint/suspicious/noExplicitAny: reading fields of mixed results
      return result as { ok: boolean; value?: any };
    };

    const created = await run('saveEnvironment', {
      name: 'Canary',
      region: 'eu',
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: false,
      colour: 'amber',
    });
    const id = created.value.id as string;
    expect(await run('setApiKey', { environmentId: id, key: canary })).toEqual({ ok: true, value: { hasKey: true, keyLast4: '1e2b' } });
    await run('setApiKey', { environmentId: id, key: `${canary} x` });
    await run('setApiKey', { environmentId: id, key: `${canary}\u0007` });
    await run('listEnvironments', undefined);
    expect((await run('hasApiKey', { environmentId: id })).value).toEqual({ hasKey: true, keyLast4: '1e2b', warning: null });
    const copy = await run('duplicateEnvironment', { id });
    expect(copy.value.keyCopied).toBe(true);
    await run('exportEnvironments', { format: 'json', includeKeys: false });
    await run('exportEnvironments', { format: 'json', includeKeys: true });
    const saved = await run('exportEnvironmentsToFile', { format: 'json', includeKeys: true });
    expect(saved.value).toMatchObject({ saved: true, count: 2, keysIncluded: 2 });
    // The user asked for keys in that file, so it (outside the data folder) is the one place the key may be.
    expect(await fsp.readFile(saved.value.path, 'utf8')).toContain(canary);
    const imported = await run('importEnvironmentsFromFile', { format: 'auto' });
    expect(imported.value).toMatchObject({ cancelled: false, keysStored: 2 });
    await run('importEnvironments', {
      text: JSON.stringify({ environments: [{ name: 'Pasted', region: 'us', domain: 'p.example.com', apiKey: canary }] }),
      format: 'json',
    });
    await run('importEnvironments', {
      text: JSON.stringify({ environments: [{ name: 'Bad', region: 'us', domain: 'p.example.com', apiKey: `${canary} bad` }] }),
      format: 'json',
    });
    await run('exportEnvironmentsToFile', { format: 'postman', ids: [id], includeKeys: true });
    const test = await run('testConnection', { environmentId: id });
    expect(test.value).toMatchObject({ ok: true, status: 200 });
    expect(seenAuth[0]).toBe(`Basic ${Buffer.from(`api:${canary}`).toString('base64')}`);
    const list = (await run('listEnvironments', undefined)).value;
    await run('reorderEnvironments', { ids: [...list.environments.map((item: { id: string }) => item.id)].reverse() });
    await run('setActiveEnvironment', { id });
    await run('acknowledgeRecovery', {});
    await run('deleteApiKey', { environmentId: copy.value.environment.id });
    await run('deleteEnvironment', { id });
    expect(await keychain.getKey(id)).toBeNull();

    const everything = JSON.stringify(results);
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain(canaryTail);
    const files = await allFiles(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const content = await fsp.readFile(file, 'utf8');
      expect(content, file).not.toContain(canary);
      expect(content, file).not.toContain(canaryTail);
    }

    // Leave nothing behind in a real keyring.
    for (const environment of ((await call(handlers, 'listEnvironments', undefined)) as { value: { environments: { id: string }[] } }).value
      .environments) {
      await call(handlers, 'deleteEnvironment', { id: environment.id });
    }
  });

  it('report a cancelled open dialog', async () => {
    const clock = () => 0;
    const keychain = createKeychain({ keytar: memoryKeytar() });
    const handlers = createEnvironmentHandlers({
      environments: createEnvironmentsService({
        store: createEnvironmentsStore({ dir: dataDir, clock }),
        keychain,
        clock,
        newId: randomUUID,
      }),
      connectionTest: createConnectionTester({
        pipeline: testPipeline({ getKey: keychain.getKey, fetch: async () => new Response('', { status: 200 }) }),
        resolveProxy: async () => 'DIRECT',
      }),
      dialogs: { saveTextFile: async () => ({ saved: false }), openTextFile: async () => null },
    });
    expect(await handlers.importEnvironmentsFromFile({ format: 'auto' })).toEqual({ cancelled: true });
  });
});
