import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { createHandlers } from '../ipc/handlers';
import { createServices, type Services } from '.';
import { memoryKeytar } from './support/test-harness';
import { type LocalServer, startLocalServer, type TestHandler } from './testing/local-server';
import { testMainDeps } from './testing/main-deps';
import { secretVariableAccount } from './variables-secrets';

/**
 * Variables through the real services and bridge handlers: a secret goes
 * only to the keychain and the request, never back over the bridge, into a
 * file or history; what a server echoes of it comes back redacted.
 */

const KEY = 'key-VARIABLES-CANARY-0a1b2c3d4e5f';
const SECRET = 'tok-SECRET-VARIABLE-9f8e7d6c5b4a';
const serviceName = 'Mailgun Explorer';

let dir: string;
let server: LocalServer | undefined;
let services: Services;
let handlers: ReturnType<typeof createHandlers>;
let keytar = memoryKeytar();

/** Echoes what it got, as a careless proxy or a debugging endpoint would. */
const echo: TestHandler = (req, res, body) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-echo-token': String(req.headers['x-token']) });
  res.end(JSON.stringify({ url: req.url, token: req.headers['x-token'], body: body.toString('utf8') }));
};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-variables-'));
  server = await startLocalServer(echo);
  keytar = memoryKeytar();
  services = await createServices(testMainDeps({ dataDir: dir, keytar }));
  handlers = createHandlers(services);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await services?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

/** "Local", pointed at the echo server, with a key. */
async function localEnvironment(domain = 'mg.example.com'): Promise<Environment> {
  const environment = await handlers.saveEnvironment({
    name: 'Local',
    region: 'custom',
    baseUrl: server?.origin ?? '',
    domain,
    keyKind: 'primary',
    readOnly: false,
    colour: 'blue',
  });
  await handlers.setApiKey({ environmentId: environment.id, key: KEY });
  return environment;
}

async function environmentWithVariables(): Promise<Environment> {
  const environment = await localEnvironment();
  return handlers.saveVariables({
    environmentId: environment.id,
    variables: [
      { name: 'list', secret: false, value: 'news@mg.example.com' },
      { name: 'token', secret: true, value: SECRET },
    ],
  });
}

async function filesText(): Promise<string> {
  let all = '';
  for (const name of await fs.readdir(dir, { recursive: true })) {
    const full = path.join(dir, String(name));
    if ((await fs.stat(full)).isFile()) all += await fs.readFile(full, 'latin1');
  }
  return all;
}

async function failureOf(pending: unknown): Promise<AppFailure> {
  const error = await Promise.resolve(pending).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error;
}

describe('secret variables', () => {
  it('go to the keychain under their own account and come back over the bridge only as "set"', async () => {
    const environment = await environmentWithVariables();
    expect(environment.variables).toEqual([
      { name: 'list', secret: false, value: 'news@mg.example.com' },
      { name: 'token', secret: true, isSet: true },
    ]);
    expect(keytar.entries.get(`${serviceName}/${secretVariableAccount(environment.id, 'token')}`)).toBe(SECRET);
    expect(keytar.entries.get(`${serviceName}/${environment.id}`)).toBe(KEY);
    const answers = [
      await handlers.listEnvironments(undefined),
      await handlers.previewVariables({ environmentId: environment.id }),
      await handlers.previewVariables({ environmentId: environment.id, names: ['token', 'list', 'domain', 'nope'] }),
      await handlers.exportEnvironments({ format: 'json', includeKeys: false }),
    ];
    expect(JSON.stringify(answers)).not.toContain(SECRET);
    expect(answers[2]).toEqual({
      environmentId: environment.id,
      environmentName: 'Local',
      variables: [
        { name: 'token', kind: 'secret', isSet: true },
        { name: 'list', kind: 'plain', value: 'news@mg.example.com' },
        { name: 'domain', kind: 'built-in', value: 'mg.example.com' },
      ],
      undefinedNames: ['nope'],
    });
    expect(await filesText()).not.toContain(SECRET);
  });

  it('keep their value when saved again without one, and leave the keychain when removed or the environment goes', async () => {
    const environment = await environmentWithVariables();
    const account = `${serviceName}/${secretVariableAccount(environment.id, 'token')}`;
    const kept = await handlers.saveVariables({ environmentId: environment.id, variables: [{ name: 'token', secret: true }] });
    expect(kept.variables).toEqual([{ name: 'token', secret: true, isSet: true }]);
    expect(keytar.entries.get(account)).toBe(SECRET);
    await handlers.saveVariables({ environmentId: environment.id, variables: [] });
    expect(keytar.entries.has(account)).toBe(false);
    await handlers.saveVariables({ environmentId: environment.id, variables: [{ name: 'token', secret: true, value: SECRET }] });
    await handlers.deleteEnvironment({ id: environment.id });
    expect(keytar.entries.has(account)).toBe(false);
  });

  it('refuse bad names and too-short secrets with the field to fix', async () => {
    const environment = await environmentWithVariables();
    const badName = await failureOf(
      handlers.saveVariables({ environmentId: environment.id, variables: [{ name: 'has space', secret: false, value: 'x' }] }),
    );
    expect(badName).toMatchObject({ code: 'invalid-argument', field: 'variables.0.name' });
    const short = await failureOf(
      handlers.saveVariables({ environmentId: environment.id, variables: [{ name: 'pin', secret: true, value: '1234' }] }),
    );
    expect(short).toMatchObject({ code: 'invalid-argument', field: 'variables.0.value' });
  });
});

describe('resolution before sending', () => {
  it('fills path, query and header values of a catalog request and redacts the secret echoed back', async () => {
    const environment = await environmentWithVariables();
    const record = await handlers.sendRequest({
      requestId: randomUUID(),
      environmentId: environment.id,
      endpointId: 'domains.get',
      values: { params: { name: '{{domain}}' }, headers: [{ name: 'X-Token', value: '{{token}}' }] },
    });
    const seen = server?.requests[0];
    expect(seen?.url).toBe('/v4/domains/mg.example.com');
    expect(seen?.headers['x-token']).toBe(SECRET);
    const answer = JSON.stringify(record);
    expect(answer).not.toContain(SECRET);
    expect(answer).toContain('[redacted]');
    const entry = await handlers.getHistoryEntry({ id: record.historyId as string });
    expect(JSON.stringify(entry)).not.toContain(SECRET);
    expect(entry.values).toMatchObject({ headers: [{ name: 'X-Token', value: '{{token}}' }] });
    expect(await filesText()).not.toContain(SECRET);
  });

  it('fills a custom request: path segment encoded, query, header and JSON body', async () => {
    const environment = await environmentWithVariables();
    await handlers.sendCustomRequest({
      requestId: randomUUID(),
      environmentId: environment.id,
      request: {
        method: 'POST',
        path: '/v3/lists/{{list}}/members',
        query: [{ name: 'on', value: '{{domain}}' }],
        headers: [{ name: 'X-Token', value: '{{token}}' }],
        body: { kind: 'json', text: '{"address": "{{list}}"}' },
      },
    });
    const seen = server?.requests[0];
    expect(seen?.url).toBe('/v3/lists/news%40mg.example.com/members?on=mg.example.com');
    expect(seen?.headers['x-token']).toBe(SECRET);
    expect(JSON.parse(seen?.body.toString('utf8') ?? '')).toEqual({ address: 'news@mg.example.com' });
  });

  it('refuses an undefined variable before anything is sent, saying where to define it', async () => {
    const environment = await environmentWithVariables();
    const failure = await failureOf(
      handlers.sendRequest({
        requestId: randomUUID(),
        environmentId: environment.id,
        endpointId: 'domains.get',
        values: { params: { name: '{{foo}}' } },
      }),
    );
    expect(failure.code).toBe('invalid-request');
    expect(failure.message).toContain('{{foo}} is not defined in environment Local: define it in Environments → Variables');
    expect(failure.field).toBe('name');
    const custom = await failureOf(
      handlers.sendCustomRequest({
        requestId: randomUUID(),
        environmentId: environment.id,
        request: { method: 'GET', path: '/v3/{{nowhere}}/x', query: [], headers: [], body: { kind: 'none' } },
      }),
    );
    expect(custom.message).toContain('{{nowhere}} is not defined');
    expect(server?.requests).toEqual([]);
    expect((await handlers.listHistory({})).entries).toEqual([]);
  });

  it('sends an escaped reference as written', async () => {
    const environment = await environmentWithVariables();
    await handlers.sendRequest({
      requestId: randomUUID(),
      environmentId: environment.id,
      endpointId: 'domains.list',
      values: { params: {}, headers: [{ name: 'X-Token', value: '\\{{token}}' }] },
    });
    expect(server?.requests[0]?.headers['x-token']).toBe('{{token}}');
  });
});

describe('Postman import', () => {
  const collection = JSON.stringify({
    info: { name: 'Lists', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Add member',
        request: {
          method: 'POST',
          url: '{{base_url}}/v3/lists/{{list}}/members',
          body: {
            mode: 'urlencoded',
            urlencoded: [
              { key: 'address', value: 'ann@{{domain}}' },
              { key: 'name', value: '{{member_name}}' },
            ],
          },
        },
      },
    ],
    variable: [
      { key: 'base_url', value: 'https://api.mailgun.net' },
      { key: 'list', value: 'news@mg.example.com' },
    ],
  });

  it('maps {{domain}} in body values and the collection variables onto the environment, and lists what it could not map', async () => {
    const environment = await localEnvironment('shop.example.com');
    const result = await handlers.importPostmanCollection({ text: collection, environmentId: environment.id });
    expect(result.variables).toEqual({
      environmentId: environment.id,
      environmentName: 'Local',
      created: ['list'],
      kept: [],
      undefinedNames: ['member_name'],
    });
    expect(result.warnings.join('\n')).toContain(
      '{{member_name}} is not defined in environment Local: define it in Environments → Variables before sending.',
    );
    const stored = await handlers.listEnvironments(undefined);
    expect(stored.environments.find((item) => item.id === environment.id)?.variables).toEqual([
      { name: 'list', secret: false, value: 'news@mg.example.com' },
    ]);

    // Defined later, the saved request sends with the environment's domain in the body, not "{{domain}}".
    await handlers.saveVariables({
      environmentId: environment.id,
      variables: [
        { name: 'list', secret: false, value: 'news@mg.example.com' },
        { name: 'member_name', secret: false, value: 'Ann' },
      ],
    });
    const { requests } = await handlers.listSavedRequests(undefined);
    await handlers.sendSavedRequest({ requestId: randomUUID(), environmentId: environment.id, savedId: requests[0]?.id ?? '' });
    const seen = server?.requests[0];
    expect(seen?.url).toBe('/v3/lists/news%40mg.example.com/members');
    const body = seen?.body.toString('utf8') ?? '';
    expect(body).toContain('ann@shop.example.com');
    expect(body).not.toContain('{{');
    expect(body).toContain('Ann');
  });
});
