import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvironmentInput } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { createEnvironmentsService, createEnvironmentsStore, type EnvironmentsService } from './environments';
import { createKeychain, type Keychain } from './keychain';

const t0 = Date.parse('2026-11-26T13:55:00.000Z');
const prod: EnvironmentInput = {
  name: 'Production',
  region: 'us',
  domain: 'MG.Example.com',
  keyKind: 'primary',
  readOnly: true,
  colour: 'red',
};
const staging: EnvironmentInput = {
  name: 'Staging',
  region: 'eu',
  domain: 'staging.example.com',
  keyKind: 'primary',
  readOnly: false,
  colour: 'green',
};
const key = 'key-0123456789abcdef0123';

/** The real keychain wrapper over an in-memory keytar that can be made to fail like a real one. */
function fakeKeychain() {
  const items = new Map<string, string>();
  // `locked` behaves as gnome-keyring does with a locked collection: reads find nothing, deletes find nothing, writes fail.
  const state = { failWith: null as string | null, lockedReadsNull: false, locked: false };
  const guard = () => {
    if (state.failWith !== null) throw new Error(state.failWith);
  };
  const keychain = createKeychain({
    platform: 'linux',
    keytar: {
      async getPassword(_service, account) {
        if (state.lockedReadsNull || state.locked) return null;
        guard();
        return items.get(account) ?? null;
      },
      async setPassword(_service, account, password) {
        guard();
        if (state.locked) throw new Error('Cannot create an item in a locked collection');
        items.set(account, password);
      },
      async deletePassword(_service, account) {
        guard();
        if (state.locked) return false;
        return items.delete(account);
      },
    },
  });
  return { keychain, items, state };
}

let dir: string;
let ids: number;
let keys: ReturnType<typeof fakeKeychain>;

function service(keychain: Keychain = keys.keychain, now = t0): EnvironmentsService {
  const clock = () => now;
  return createEnvironmentsService({ store: createEnvironmentsStore({ dir, clock }), keychain, clock, newId: () => `id-${++ids}` });
}

async function caught(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

async function filesText(): Promise<string> {
  const names = await fsp.readdir(dir);
  const texts = await Promise.all(names.map((name) => fsp.readFile(path.join(dir, name), 'utf8').catch(() => '')));
  return texts.join('\n');
}

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'environments-'));
  ids = 0;
  keys = fakeKeychain();
});

afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('saving environments', () => {
  it('creates a normalised environment, makes the first one active, and survives a restart', async () => {
    const environments = service();
    const created = await environments.save(prod);
    expect(created).toEqual({
      id: 'id-1',
      name: 'Production',
      region: 'us',
      domain: 'mg.example.com',
      keyKind: 'primary',
      readOnly: true,
      colour: 'red',
      hasKey: false,
      keyLast4: null,
      createdAt: '2026-11-26T13:55:00.000Z',
      updatedAt: '2026-11-26T13:55:00.000Z',
    });
    await environments.save(staging);
    await environments.setActive('id-2');
    const reopened = await service().list();
    expect(reopened.environments.map((item) => item.name)).toEqual(['Production', 'Staging']);
    expect(reopened.activeId).toBe('id-2');
    expect(reopened.recovery).toEqual([]);
    expect(JSON.parse(await fsp.readFile(path.join(dir, 'environments.json'), 'utf8')).version).toBe(1);
  });

  it('refuses bad input with the field named, before anything is stored', async () => {
    const failure = await caught(service().save({ ...prod, domain: 'https://mg.example.com' }));
    expect(failure).toMatchObject({ code: 'invalid-argument', field: 'domain' });
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('updates fields but keeps key facts and the creation time', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.setApiKey('id-1', key);
    const later = service(keys.keychain, t0 + 60_000);
    const updated = await later.save({ ...prod, id: 'id-1', region: 'custom', baseUrl: 'http://127.0.0.1:3000/', subaccountId: 'sub-1' });
    expect(updated).toMatchObject({
      baseUrl: 'http://127.0.0.1:3000',
      subaccountId: 'sub-1',
      hasKey: true,
      keyLast4: '0123',
      createdAt: '2026-11-26T13:55:00.000Z',
    });
    expect(updated.updatedAt).toBe('2026-11-26T13:56:00.000Z');
    const back = await later.save({ ...prod, id: 'id-1' });
    expect(back).not.toHaveProperty('baseUrl');
    expect(back).not.toHaveProperty('subaccountId');
    expect((await caught(later.save({ ...prod, id: 'nope' }))).code).toBe('not-found');
  });

  it('reorders only with the complete set of ids', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.save(staging);
    expect((await environments.reorder(['id-2', 'id-1'])).environments.map((item) => item.id)).toEqual(['id-2', 'id-1']);
    expect((await caught(environments.reorder(['id-2']))).code).toBe('conflict');
    expect((await caught(environments.reorder(['id-2', 'id-2']))).code).toBe('conflict');
    expect((await service().list()).environments.map((item) => item.id)).toEqual(['id-2', 'id-1']);
  });

  it('sets and clears the active environment', async () => {
    const environments = service();
    await environments.save(prod);
    expect(await environments.setActive(null)).toEqual({ activeId: null });
    expect((await caught(environments.setActive('ghost'))).code).toBe('not-found');
    expect(await environments.getActive()).toBeNull();
  });

  it('answers from memory after the first load', async () => {
    const environments = service();
    for (let i = 0; i < 30; i += 1) await environments.save({ ...prod, name: `Env ${i}` });
    await fsp.rm(path.join(dir, 'environments.json'));
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) await environments.list();
    expect((await environments.list()).environments).toHaveLength(30);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('API keys', () => {
  it('stores the key only in the keychain and remembers its last four characters', async () => {
    const environments = service();
    await environments.save(prod);
    expect(await environments.setApiKey('id-1', `  ${key}\n`)).toEqual({ hasKey: true, keyLast4: '0123' });
    expect(keys.items.get('id-1')).toBe(key);
    expect((await environments.list()).environments[0]).toMatchObject({ hasKey: true, keyLast4: '0123' });
    expect(await filesText()).not.toContain(key.slice(-8));
  });

  it('refuses a bad key before touching the keychain, and an unknown environment', async () => {
    const environments = service();
    await environments.save(prod);
    expect(await caught(environments.setApiKey('id-1', 'has a space'))).toMatchObject({ code: 'invalid-argument', field: 'key' });
    expect((await caught(environments.setApiKey('ghost', key))).code).toBe('not-found');
    expect(keys.items.size).toBe(0);
  });

  it('passes keychain failures on with their hint and records nothing', async () => {
    const environments = service();
    await environments.save(prod);
    keys.state.failWith = 'Cannot create an item in a locked collection';
    expect(await caught(environments.setApiKey('id-1', key))).toMatchObject({
      code: 'keychain-locked',
      hint: expect.stringMatching(/Unlock/),
    });
    expect((await environments.list()).environments[0]?.hasKey).toBe(false);
  });

  it('deletes a key', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.setApiKey('id-1', key);
    expect(await environments.deleteApiKey('id-1')).toEqual({ hasKey: false, deleted: true });
    expect(keys.items.size).toBe(0);
    expect((await environments.get('id-1')).keyLast4).toBeNull();
  });

  it('checks the keychain for key status, and does not forget a key a locked keyring hides', async () => {
    const environments = service();
    await environments.save(prod);
    expect(await environments.keyStatus('id-1')).toEqual({ hasKey: false, keyLast4: null, warning: null });
    keys.items.set('id-1', key);
    expect(await environments.keyStatus('id-1')).toEqual({ hasKey: true, keyLast4: '0123', warning: null });
    expect((await environments.get('id-1')).hasKey).toBe(true);
    keys.state.lockedReadsNull = true;
    expect((await environments.keyStatus('id-1')).warning).toMatch(/Unlock your keyring/);
    expect((await environments.get('id-1')).hasKey).toBe(true);
  });

  it('keeps working without a keychain for everything that needs no key', async () => {
    keys.state.failWith = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    const environments = service();
    await environments.save(prod);
    await environments.save(staging);
    await environments.reorder(['id-2', 'id-1']);
    await environments.setActive('id-1');
    expect((await environments.exportText({ format: 'json' })).count).toBe(2);
    expect(await environments.duplicate('id-1')).toMatchObject({ keyCopied: false, warning: null });
    expect(await environments.remove('id-2')).toMatchObject({ deleted: true, keyDeleted: false });
    expect((await caught(environments.setApiKey('id-1', key))).code).toBe('keychain-unavailable');
  });
});

describe('duplicating and deleting', () => {
  it('duplicates right after the original, with a unique name and a copy of the key', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.save(staging);
    await environments.setApiKey('id-1', key);
    const first = await environments.duplicate('id-1');
    expect(first).toMatchObject({
      keyCopied: true,
      warning: null,
      environment: { id: 'id-3', name: 'Production (copy)', hasKey: true, keyLast4: '0123' },
    });
    expect(keys.items.get('id-3')).toBe(key);
    expect((await environments.duplicate('id-1', { copyKey: false })).environment).toMatchObject({
      name: 'Production (copy) (2)',
      hasKey: false,
    });
    expect((await environments.list()).environments.map((item) => item.id)).toEqual(['id-1', 'id-4', 'id-3', 'id-2']);
  });

  it('still duplicates when the key cannot be copied, and says why', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.setApiKey('id-1', key);
    keys.state.failWith = 'Cannot create an item in a locked collection';
    const result = await environments.duplicate('id-1');
    expect(result).toMatchObject({ keyCopied: false, environment: { hasKey: false } });
    expect(result.warning).toMatch(/locked/);
  });

  it('deletes the key with the environment and moves the active one on', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.save(staging);
    await environments.setApiKey('id-1', key);
    expect(await environments.remove('id-1')).toEqual({ deleted: true, keyDeleted: true, activeId: 'id-2' });
    expect(keys.items.size).toBe(0);
    expect((await caught(environments.remove('id-1'))).code).toBe('not-found');
  });

  it('refuses to leave a key behind unless forced', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.setApiKey('id-1', key);
    keys.state.failWith = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    const failure = await caught(environments.remove('id-1'));
    expect(failure.code).toBe('keychain-unavailable');
    expect(failure.message).toMatch(/not deleted/);
    expect((await environments.list()).environments).toHaveLength(1);
    expect(await environments.remove('id-1', { force: true })).toMatchObject({
      deleted: true,
      keyDeleted: false,
      activeId: null,
      keyError: { code: 'keychain-unavailable' },
    });
    expect((await environments.list()).leftoverKeys).toEqual([{ id: 'id-1', name: 'Production' }]);
  });
});

describe('a locked keyring', () => {
  async function keyed(): Promise<EnvironmentsService> {
    const environments = service();
    await environments.save(prod);
    await environments.setApiKey('id-1', key);
    keys.state.locked = true;
    return environments;
  }

  it('refuses to delete an environment whose key it cannot remove, and says the keychain is locked', async () => {
    const environments = await keyed();
    const failure = await caught(environments.remove('id-1'));
    expect(failure.code).toBe('keychain-locked');
    expect(failure.message).toMatch(/locked.*not deleted/);
    expect((await environments.list()).environments).toHaveLength(1);
    expect(keys.items.get('id-1')).toBe(key);
  });

  it('deletes anyway when forced, remembers the key left behind, and a retry removes it once unlocked', async () => {
    const environments = await keyed();
    const result = await environments.remove('id-1', { force: true });
    expect(result).toMatchObject({ deleted: true, keyDeleted: false, keyError: { code: 'keychain-locked' } });
    expect((await environments.list()).leftoverKeys).toEqual([{ id: 'id-1', name: 'Production' }]);
    // Still listed after a restart, so the retry is not lost.
    const again = service();
    expect((await again.list()).leftoverKeys).toEqual([{ id: 'id-1', name: 'Production' }]);
    const stillLocked = await again.retryKeyDeletion();
    expect(stillLocked).toMatchObject({ remaining: 1, error: { code: 'keychain-locked' } });
    keys.state.locked = false;
    expect(await again.retryKeyDeletion()).toEqual({ remaining: 0, error: null });
    expect(keys.items.has('id-1')).toBe(false);
    expect((await again.list()).leftoverKeys).toEqual([]);
  });

  it('does not pretend a key was removed: deleting only the key says the keychain is locked', async () => {
    const environments = await keyed();
    expect((await caught(environments.deleteApiKey('id-1'))).code).toBe('keychain-locked');
    expect((await environments.get('id-1')).hasKey).toBe(true);
  });

  it('says the keychain is locked when duplicating with the key, and refuses an export asked to include it', async () => {
    const environments = await keyed();
    const copy = await environments.duplicate('id-1');
    expect(copy).toMatchObject({ keyCopied: false });
    expect(copy.warning).toMatch(/keychain is locked/);
    const written: string[] = [];
    const failure = await caught(
      environments.exportToFile({ format: 'json', ids: ['id-1'], includeKeys: true }, async (name) => {
        written.push(name);
        return { saved: true };
      }),
    );
    expect(failure.code).toBe('keychain-locked');
    expect(written).toEqual([]);
  });

  it('says the keychain is locked in the key status', async () => {
    const environments = await keyed();
    const status = await environments.keyStatus('id-1');
    expect(status.hasKey).toBe(false);
    expect(status.warning).toMatch(/keychain is locked/);
  });
});

describe('recovery notices', () => {
  it('reports a corrupt file until acknowledged, across restarts', async () => {
    await fsp.writeFile(path.join(dir, 'environments.json'), '{ not json');
    const first = await service().list();
    expect(first.environments).toEqual([]);
    expect(first.recovery).toHaveLength(1);
    expect(first.recovery[0]).toMatchObject({ reason: 'invalid-json', movedTo: 'environments.json.corrupt-2026-11-26T13-55-00Z' });
    expect(first.recovery[0]?.message).toMatch(/was not valid JSON.*environments\.json\.corrupt-2026-11-26T13-55-00Z/);
    const again = service();
    expect((await again.list()).recovery).toHaveLength(1);
    expect(await again.acknowledgeRecovery()).toEqual({ remaining: 0 });
    expect((await service().list()).recovery).toEqual([]);
  });

  it('keeps the valid entries of a partially valid file and counts the rest', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.save(staging);
    await environments.setActive('id-2');
    const file = path.join(dir, 'environments.json');
    const data = JSON.parse(await fsp.readFile(file, 'utf8'));
    data.environments.push({ id: 'broken', name: 'No domain' }, { ...data.environments[0] });
    data.environments[1].domain = 'not a domain!';
    await fsp.writeFile(file, JSON.stringify(data));
    const list = await service().list();
    expect(list.environments.map((item) => item.id)).toEqual(['id-1']);
    expect(list.activeId).toBeNull();
    expect(list.recovery[0]).toMatchObject({ reason: 'partially-valid', dropped: 3 });
    expect(list.recovery[0]?.message).toMatch(/3 entries were left out/);
    const notice = list.recovery[0]?.id ?? '';
    expect(await service().acknowledgeRecovery([notice])).toEqual({ remaining: 0 });
  });
});

describe('export and import', () => {
  it('exports text without keys, and Postman files one environment at a time', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.save(staging);
    await environments.setApiKey('id-1', key);
    const all = await environments.exportText({ format: 'json' });
    expect(all).toMatchObject({ fileName: 'mailgun-environments-2026-11-26.json', count: 2, includesKeys: false });
    expect(all.text).not.toContain(key);
    expect((await caught(environments.exportText({ format: 'postman' }))).code).toBe('invalid-argument');
    expect((await environments.exportText({ format: 'postman', ids: ['id-2'] })).fileName).toBe('staging.postman_environment.json');
    expect((await caught(environments.exportText({ format: 'json', ids: ['ghost'] }))).code).toBe('not-found');
  });

  it('puts keys only into the file handed to saveFile, when asked', async () => {
    const environments = service();
    await environments.save(prod);
    await environments.setApiKey('id-1', key);
    const written: string[] = [];
    const result = await environments.exportToFile({ format: 'postman', ids: ['id-1'], includeKeys: true }, async (name, text) => {
      written.push(name, text);
      return { saved: true, path: `/somewhere/${name}` };
    });
    expect(result).toEqual({
      saved: true,
      path: '/somewhere/production-WITH-KEYS.postman_environment.json',
      fileName: 'production-WITH-KEYS.postman_environment.json',
      count: 1,
      keysIncluded: 1,
    });
    expect(written[1]).toContain(key);
    expect(JSON.stringify(result)).not.toContain(key);
    const cancelled = await environments.exportToFile({ format: 'json', includeKeys: false }, async () => ({ saved: false }));
    expect(cancelled).toMatchObject({ saved: false, path: null, keysIncluded: 0 });
  });

  it('imports environments with keys into the keychain and never onto disk', async () => {
    const source = service();
    await source.save(prod);
    await source.setApiKey('id-1', key);
    let text = '';
    await source.exportToFile({ format: 'json', includeKeys: true }, async (_name, content) => {
      text = content;
      return { saved: true };
    });

    const result = await source.importText({ text, format: 'auto' });
    expect(result).toMatchObject({ format: 'json', keysStored: 1, skipped: 0, warnings: [] });
    expect(result.imported[0]).toMatchObject({ id: 'id-2', name: 'Production (2)', hasKey: true, keyLast4: '0123' });
    expect(keys.items.get('id-2')).toBe(key);
    expect(await filesText()).not.toContain(key.slice(-8));
  });

  it('imports without a key when the keychain fails, and says so', async () => {
    const environments = service();
    keys.state.failWith = 'Cannot create an item in a locked collection';
    const text = JSON.stringify({ environments: [{ name: 'A', region: 'us', domain: 'a.example.com', apiKey: key }] });
    const result = await environments.importText({ text, format: 'json' });
    expect(result).toMatchObject({ keysStored: 0, imported: [{ name: 'A', hasKey: false }] });
    expect(result.warnings[0]).toMatch(/without its key.*locked/);
    expect(JSON.stringify(result)).not.toContain(key);
    expect((await environments.list()).activeId).toBe('id-1');
  });

  it('takes keys back out of the keychain when the environments cannot be saved', async () => {
    await fsp.writeFile(path.join(dir, 'environments.json'), 'garbage');
    const clock = () => t0;
    const brokenFs = { ...fsp, rename: async () => Promise.reject(new Error('EROFS')) };
    const environments = createEnvironmentsService({
      store: createEnvironmentsStore({ dir, clock, fs: brokenFs }),
      keychain: keys.keychain,
      clock,
      newId: () => `id-${++ids}`,
    });
    const text = JSON.stringify({ environments: [{ name: 'A', region: 'us', domain: 'a.example.com', apiKey: key }] });
    expect((await caught(environments.importText({ text, format: 'auto' }))).code).toBe('storage-failed');
    expect(keys.items.size).toBe(0);
    expect((await environments.list()).recovery[0]).toMatchObject({ movedTo: null });
  });
});
