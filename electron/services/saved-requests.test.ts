import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SavedTarget } from '../../shared/bridge/collections';
import { catalog, getEndpoint, getGroup } from '../../shared/catalog';
import { createEnvironmentsService, createEnvironmentsStore, type EnvironmentsService } from './environments';
import { createKeychain } from './keychain';
import { createRedactor } from './redaction';
import { createSavedRequestsService, type SavedRequestsService, withoutFiles } from './saved-requests';
import { createCustomSender } from './send-custom-request';
import { createRequestSender, toSendEnvironment } from './send-request';
import { type LocalServer, startLocalServer } from './testing/local-server';
import { testPipeline } from './testing/pipeline';

const KEY = 'key-saved-requests-0123456789';
const fixture = readFileSync(new URL('./postman/__fixtures__/mailgun-essentials.postman_collection.json', import.meta.url), 'utf8');

let dir: string;
let server: LocalServer;
let keys: Map<string, string>;
let environments: EnvironmentsService;
let service: SavedRequestsService;
let saves: { name: string; text: string }[];
let ids = 0;

const saveFile = async (name: string, text: string) => {
  saves.push({ name, text });
  return { saved: true, path: `/tmp/${name}` };
};

function make(dataDir: string): { environments: EnvironmentsService; service: SavedRequestsService } {
  const clock = () => Date.UTC(2026, 0, 2);
  const newId = () => `id-${++ids}`;
  const keychain = createKeychain({
    platform: 'linux',
    keytar: {
      getPassword: async (_s, account) => keys.get(account) ?? null,
      setPassword: async (_s, account, password) => {
        keys.set(account, password);
      },
      deletePassword: async (_s, account) => keys.delete(account),
    },
  });
  const envs = createEnvironmentsService({ store: createEnvironmentsStore({ dir: dataDir, clock }), keychain, clock, newId });
  const getEnvironment = async (id: string) => {
    const found = await envs.find(id);
    return found ? toSendEnvironment(found) : undefined;
  };
  const redactor = createRedactor();
  const pipeline = testPipeline({ getKey: keychain.getKey, redactor });
  const sender = createRequestSender({ getEnvironment, getEndpoint, files: { resolve: async () => new Blob([]) }, pipeline });
  const customSender = createCustomSender({ getEnvironment, pipeline });
  return {
    environments: envs,
    service: createSavedRequestsService({
      dir: dataDir,
      clock,
      newId,
      getEndpoint,
      catalog,
      groupTitle: (id) => getGroup(id as never)?.title ?? id,
      environments: envs,
      getKey: keychain.getKey,
      redactor,
      sender,
      customSender,
    }),
  };
}

beforeAll(async () => {
  server = await startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
afterAll(() => server.close());

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saved-requests-'));
  keys = new Map();
  saves = [];
  ({ environments, service } = make(dir));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function localEnvironment(readOnly = false) {
  const env = await environments.save({
    name: 'Local',
    region: 'custom',
    baseUrl: server.origin,
    domain: 'mg.example.com',
    keyKind: 'primary',
    readOnly,
    colour: 'blue',
  });
  await environments.setApiKey(env.id, KEY);
  return env;
}

const sendTarget: SavedTarget = {
  kind: 'catalog',
  endpointId: 'messages.send',
  values: {
    params: { from: 'Me <me@mg.example.com>', to: ['alice@example.com', 'bob@example.com'], subject: 'Hello', text: 'Hi' },
    // Shaped as the editor makes them: declared family members such as o:testmode travel as rows in `extra`.
    extra: [
      { name: 'o:testmode', value: 'yes' },
      { name: 'o:tag', value: 'welcome' },
      { name: 'v:order', value: '42' },
    ],
    headers: [{ name: 'X-Trace', value: 'abc' }],
  },
};

describe('collections and saved requests', () => {
  it('saves, renames, moves and deletes, keeping names unique per collection', async () => {
    const a = await service.createCollection('Onboarding');
    const b = await service.createCollection('Reports');
    await expect(service.createCollection('onboarding')).rejects.toMatchObject({ code: 'conflict' });
    const saved = await service.save({ collectionId: a.id, name: 'Welcome', target: sendTarget });
    await expect(service.save({ collectionId: a.id, name: 'welcome', target: sendTarget })).rejects.toMatchObject({
      code: 'conflict',
      field: 'name',
    });
    expect((await service.rename(saved.id, 'Welcome mail')).name).toBe('Welcome mail');
    await service.save({ collectionId: b.id, name: 'Welcome mail', target: sendTarget });
    expect((await service.move(saved.id, b.id)).name).toBe('Welcome mail (2)');
    expect(await service.deleteCollection(b.id)).toEqual({ deleted: true, requestsDeleted: 2 });
    expect((await service.list()).requests).toEqual([]);
  });

  it('keeps files by name only and refuses values containing the key', async () => {
    const env = await localEnvironment();
    const collection = await service.createCollection('C');
    const withFile: SavedTarget = {
      ...sendTarget,
      values: {
        ...sendTarget.values,
        params: { ...sendTarget.values.params, attachment: [{ kind: 'file', handle: 'h-1', name: 'a.pdf', size: 3 }] },
      },
    };
    const saved = await service.save({ collectionId: collection.id, name: 'With file', target: withFile, environmentId: env.id });
    expect(saved.missingFiles).toEqual([{ field: 'attachment', name: 'a.pdf' }]);
    expect(JSON.stringify(saved.target)).not.toContain('h-1');
    const leaky: SavedTarget = { ...sendTarget, values: { params: { ...sendTarget.values.params, text: `my key is ${KEY}` } } };
    const cleaned = await service.save({ collectionId: collection.id, name: 'Leaky', target: leaky, environmentId: env.id });
    expect(cleaned).toMatchObject({ keyRemoved: true, target: { values: { params: { text: 'my key is [redacted]' } } } });
    expect(await fs.readFile(path.join(dir, 'saved-requests.json'), 'utf8')).not.toContain(KEY);
    await expect(service.sendSaved({ requestId: crypto.randomUUID(), environmentId: env.id, savedId: saved.id })).rejects.toMatchObject({
      code: 'file-missing',
    });
  });

  it('strips files wherever they are', () => {
    const file = { kind: 'file' as const, handle: 'h', name: 'x.txt', size: 1 };
    expect(withoutFiles({ params: { attachment: file, inline: [file, file] }, extra: [{ name: 'attachment', value: file }] })).toEqual({
      values: { params: {} },
      missingFiles: [
        { field: 'attachment', name: 'x.txt' },
        { field: 'inline', name: 'x.txt' },
        { field: 'inline', name: 'x.txt' },
        { field: 'attachment', name: 'x.txt' },
      ],
    });
  });
});

describe('a damaged saved-requests.json', () => {
  it('is kept aside, and the list says so with what to do, then saving works again', async () => {
    // The damage is found when a service starts: the one made for each test has read the file (empty) first.
    await service.list();
    await fs.writeFile(path.join(dir, 'saved-requests.json'), '{"version":1,"collections":[{"id":');
    const { service: started } = make(dir);
    const list = await started.list();
    expect(list.collections).toEqual([]);
    expect(list.recovery).toMatchObject({ fileName: 'saved-requests.json', reason: 'invalid-json' });
    expect(list.recovery?.movedTo).toMatch(/^saved-requests\.json\.corrupt-/);
    expect(list.recovery?.message).toMatch(/started without the saved requests.*To get them back, quit the app, repair the kept file/);
    await started.createCollection('Fresh');
    const names = await fs.readdir(dir);
    const aside = names.find((name) => name.startsWith('saved-requests.json.corrupt-')) ?? '';
    expect(await fs.readFile(path.join(dir, aside), 'utf8')).toBe('{"version":1,"collections":[{"id":');
    expect((await started.list()).recovery).toEqual(list.recovery);
    expect((await make(dir).service.list()).recovery).toBeUndefined();
  });

  it('keeps the valid entries of a partly valid file and counts the rest', async () => {
    const collection = await service.createCollection('Keep');
    await service.save({ collectionId: collection.id, name: 'A', target: sendTarget });
    const file = path.join(dir, 'saved-requests.json');
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    doc.requests.push({ id: 'broken' });
    await fs.writeFile(file, JSON.stringify(doc));
    const list = await make(dir).service.list();
    expect(list.requests.map((r) => r.name)).toEqual(['A']);
    expect(list.recovery).toMatchObject({ reason: 'partially-valid', dropped: 1 });
    expect(list.recovery?.message).toMatch(/1 entry was left out/);
  });
});

describe('Postman import', () => {
  it('imports the hand-made collection into one collection per folder, all mapped', async () => {
    const result = await service.importText(fixture);
    expect(result).toMatchObject({ imported: 10, mapped: 10, custom: 0 });
    expect(result.collections.map((c) => c.name)).toEqual(['Sending', 'Domains', 'Everything else']);
    expect(result.environment).toMatchObject({ name: 'Mailgun essentials', keyStored: false });
    const list = await environments.list();
    expect(list.environments.map((e) => e.domain)).toEqual(['mg.example.com']);
  });

  it('stores a key from the file in the keychain, never on disk', async () => {
    const data = JSON.parse(fixture);
    data.variable = [
      ...data.variable.filter((v: { key: string }) => v.key !== 'api_key'),
      { key: 'api_key', value: 'key-from-postman-file-0001' },
    ];
    const result = await service.importText(JSON.stringify(data));
    expect(result.environment?.keyStored).toBe(true);
    expect([...keys.values()]).toEqual(['key-from-postman-file-0001']);
    for (const file of await fs.readdir(dir)) {
      const text = await fs.readFile(path.join(dir, file), 'utf8').catch(() => '');
      expect(text).not.toContain('key-from-postman-file-0001');
    }
  });

  it('keeps an existing key and says so', async () => {
    const env = await localEnvironment();
    const data = JSON.parse(fixture);
    data.variable.push({ key: 'mailgun_api_key', value: 'key-other-000000000001' });
    const result = await service.importText(JSON.stringify(data), env.id);
    expect(keys.get(env.id)).toBe(KEY);
    expect(result.warnings.join(' ')).toMatch(/already has one/);
  });

  it('writes nothing when the file is refused, and renames duplicates with a warning', async () => {
    await expect(service.importText('{"info": {}}')).rejects.toMatchObject({ code: 'import-failed' });
    await expect(fs.access(path.join(dir, 'saved-requests.json'))).rejects.toThrow();
    await service.importText(fixture);
    const again = await service.importText(fixture);
    expect(again.collections.map((c) => c.name)).toEqual(['Sending (2)', 'Domains (2)', 'Everything else (2)']);
    expect(again.warnings.join(' ')).toMatch(/already exists/);
  });
});

describe('Postman export', () => {
  it('round-trips saved requests through a v2.1 file unchanged', async () => {
    const first = await service.createCollection('Sending');
    const second = await service.createCollection('Admin');
    const custom: SavedTarget = {
      kind: 'custom',
      request: {
        method: 'PUT',
        path: '/v3/{{domain}}/custom-thing',
        query: [{ name: 'q', value: 'a b' }],
        headers: [{ name: 'X-One', value: '1' }],
        body: {
          kind: 'form',
          fields: [
            { name: 'k', value: 'v&w' },
            { name: 'k', value: 'x' },
          ],
        },
      },
    };
    const json: SavedTarget = { kind: 'catalog', endpointId: 'tags-new.update', values: { params: {} } };
    const targets: [string, string, SavedTarget][] = [
      [first.id, 'Welcome', sendTarget],
      [
        first.id,
        'Routes',
        {
          kind: 'catalog',
          endpointId: 'routes.create',
          values: {
            params: { expression: 'match_recipient(".*@example.com")', action: ['forward("a@example.com")', 'stop()'], priority: '2' },
          },
        },
      ],
      [second.id, 'Domains page', { kind: 'catalog', endpointId: 'domains.list', values: { params: { limit: '10', state: 'active' } } }],
      [
        second.id,
        'Delete unsubscribe',
        { kind: 'catalog', endpointId: 'unsubscribes.delete-one', values: { params: { address: 'alice@example.com' } } },
      ],
      [second.id, 'Custom', custom],
    ];
    if (getEndpoint(json.endpointId)) targets.push([second.id, 'Json', json]);
    for (const [collectionId, name, target] of targets) await service.save({ collectionId, name, target });
    const before = await service.list();

    const exported = await service.exportToFile({ scope: 'saved', includeKeys: false }, saveFile);
    expect(exported).toMatchObject({ saved: true, requests: targets.length, environmentFile: null });
    const text = saves[0]?.text ?? '';
    expect(JSON.parse(text).info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');

    const fresh = await fs.mkdtemp(path.join(os.tmpdir(), 'saved-requests-roundtrip-'));
    try {
      const other = make(fresh).service;
      const result = await other.importText(text);
      expect(result.warnings).toEqual([]);
      const after = await other.list();
      const shape = (list: typeof before) =>
        list.collections.map((c) => ({
          name: c.name,
          requests: list.requests
            .filter((r) => r.collectionId === c.id)
            .map((r) => ({ name: r.name, target: r.target, missingFiles: r.missingFiles })),
        }));
      expect(shape(after)).toEqual(shape(before));
    } finally {
      await fs.rm(fresh, { recursive: true, force: true });
    }
  });

  it('exports the whole catalog with an environment file, the key only when asked', async () => {
    const env = await localEnvironment();
    const without = await service.exportToFile({ scope: 'catalog', environmentId: env.id, includeKeys: false }, saveFile);
    expect(without.requests).toBe(catalog.length);
    expect(without.environmentFile).toMatchObject({ saved: true, keyIncluded: false });
    expect(saves[1]?.text).not.toContain(KEY);
    const collectionJson = JSON.parse(saves[0]?.text ?? '{}');
    expect(collectionJson.auth.basic).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'password', value: '{{api_key}}' })]));
    const withKey = await service.exportToFile({ scope: 'catalog', environmentId: env.id, includeKeys: true }, saveFile);
    expect(withKey.environmentFile).toMatchObject({ keyIncluded: true });
    expect(saves[3]?.text).toContain(KEY);
    expect(saves[3]?.name).toContain('WITH-KEY');
    // The catalog export imports back with every request mapped to its own endpoint.
    const reimported = await service.importText(saves[0]?.text ?? '');
    expect(reimported.custom).toBe(0);
    expect(reimported.imported).toBe(catalog.length);
  });
});

describe('sending saved and custom requests', () => {
  it('sends a saved catalog request and a custom one to the environment origin', async () => {
    const env = await localEnvironment();
    const collection = await service.createCollection('C');
    const saved = await service.save({
      collectionId: collection.id,
      name: 'List',
      target: { kind: 'catalog', endpointId: 'domains.list', values: { params: { limit: '5' } } },
    });
    const response = await service.sendSaved({ requestId: crypto.randomUUID(), environmentId: env.id, savedId: saved.id });
    expect(response.status).toBe(200);
    expect(server.requests.at(-1)?.url).toBe('/v4/domains?limit=5');
    const custom = await service.save({
      collectionId: collection.id,
      name: 'Custom',
      target: {
        kind: 'custom',
        request: {
          method: 'POST',
          path: '/v3/{{domain}}/things',
          query: [],
          headers: [],
          body: {
            kind: 'form',
            fields: [
              { name: 'a', value: '1' },
              { name: 'a', value: '2' },
            ],
          },
        },
      },
    });
    await service.sendSaved({ requestId: crypto.randomUUID(), environmentId: env.id, savedId: custom.id });
    const last = server.requests.at(-1);
    expect(last?.url).toBe('/v3/mg.example.com/things');
    expect(last?.body.toString()).toBe('a=1&a=2');
    expect(last?.headers.authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
  });

  it('applies the safety rules to custom requests', async () => {
    const readOnly = await localEnvironment(true);
    const sender = createCustomSender({
      getEnvironment: async (id) => {
        const found = await environments.find(id);
        return found ? toSendEnvironment(found) : undefined;
      },
      pipeline: testPipeline({ getKey: async () => KEY }),
    });
    const base = { method: 'POST' as const, path: '/v3/x', query: [], headers: [], body: { kind: 'none' as const } };
    await expect(sender.send({ requestId: crypto.randomUUID(), environmentId: readOnly.id, request: base })).rejects.toMatchObject({
      code: 'read-only',
    });
    const writable = await localEnvironment(false);
    await expect(
      sender.send({ requestId: crypto.randomUUID(), environmentId: writable.id, request: { ...base, method: 'DELETE' } }),
    ).rejects.toMatchObject({
      field: 'confirmedDestructive',
    });
    await expect(
      sender.send({ requestId: crypto.randomUUID(), environmentId: writable.id, request: { ...base, path: '//evil.example.com/x' } }),
    ).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(
      sender.send({ requestId: crypto.randomUUID(), environmentId: writable.id, request: { ...base, path: '/v3/{{other}}' } }),
    ).rejects.toThrow(/\{\{other\}\}/);
    const ok = await sender.send({
      requestId: crypto.randomUUID(),
      environmentId: writable.id,
      request: { ...base, method: 'DELETE' },
      confirmedDestructive: true,
    });
    expect(ok.status).toBe(200);
  });
});
