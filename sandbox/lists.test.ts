import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

const pathOf = (url: string) => url.replace(t.urls.usBaseUrl, '');

describe('mailing lists', () => {
  it('creates, gets, updates and deletes a list', async () => {
    const created = await t.call('/v3/lists', { form: { address: 'Dev@Example.com', name: 'Devs', access_level: 'members' } });
    expect(created.status).toBe(201);
    expect(created.body.list).toMatchObject({
      address: 'dev@example.com',
      name: 'Devs',
      access_level: 'members',
      reply_preference: 'list',
      members_count: 0,
    });
    expect((await t.call('/v3/lists/dev@example.com')).body.list.name).toBe('Devs');
    expect((await t.call('/v3/lists/dev@example.com', { method: 'PUT', form: { description: 'All devs' } })).body.list.description).toBe(
      'All devs',
    );
    expect((await t.call('/v3/lists?limit=1')).body).toMatchObject({ total_count: 2, items: [{ address: 'dev@example.com' }] });
    expect(await t.call('/v3/lists/dev@example.com', { method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { address: 'dev@example.com' },
    });
    expect(await t.call('/v3/lists/dev@example.com')).toMatchObject({
      status: 404,
      body: { message: 'Mailing list dev@example.com not found' },
    });
  });

  it('validates its parameters', async () => {
    expect((await t.call('/v3/lists', { form: { name: 'x' } })).status).toBe(400);
    expect((await t.call('/v3/lists', { form: { address: 'x@example.com', access_level: 'root' } })).body.message).toMatch(
      /Invalid access level 'root'/,
    );
    expect((await t.call('/v3/lists', { form: { address: 'x@example.com', reply_preference: 'all' } })).status).toBe(400);
    expect((await t.call('/v3/lists', { form: { address: 'team@sandbox.mg.example.com' } })).status).toBe(400);
  });

  it('pages lists with paging URLs', async () => {
    await t.sandbox.admin.seedMany('lists', 5);
    const first = await t.call('/v3/lists/pages?limit=4');
    expect(first.body.items).toHaveLength(4);
    const next = await t.call(pathOf(first.body.paging.next));
    expect(next.body.items).toHaveLength(2);
  });
});

describe('list members', () => {
  const base = '/v3/lists/team@sandbox.mg.example.com/members';

  it('adds, gets, updates and deletes members', async () => {
    const added = await t.call(base, { form: { address: 'eve@example.com', name: 'Eve', vars: '{"age":30}', subscribed: 'no' } });
    expect(added.body.member).toEqual({ address: 'eve@example.com', name: 'Eve', vars: { age: 30 }, subscribed: false });
    expect((await t.call(`${base}/eve@example.com`)).body.member.name).toBe('Eve');
    expect((await t.call(`${base}/eve@example.com`, { method: 'PUT', form: { subscribed: 'yes' } })).body.member.subscribed).toBe(true);
    expect((await t.call(base)).body.total_count).toBe(4);
    expect((await t.call(`${base}?subscribed=no`)).body.items.map((m: { address: string }) => m.address)).toEqual(['carol@example.net']);
    expect(await t.call(`${base}/eve@example.com`, { method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { member: { address: 'eve@example.com' } },
    });
    expect((await t.call(`${base}/eve@example.com`)).status).toBe(404);
  });

  it('refuses duplicates unless upsert is set, and bad vars', async () => {
    expect(await t.call(base, { form: { address: 'alice@example.com' } })).toMatchObject({
      status: 400,
      body: { message: "Address already exists 'alice@example.com'" },
    });
    expect((await t.call(base, { form: { address: 'alice@example.com', name: 'Alice B', upsert: 'yes' } })).status).toBe(200);
    expect((await t.call(base, { form: { address: 'z@example.com', vars: 'not json' } })).status).toBe(400);
  });

  it('adds many members from JSON and pages through them', async () => {
    const members = JSON.stringify(['m1@example.com', { address: 'm2@example.com', name: 'M2', vars: { a: 1 } }]);
    const uploaded = await t.call('/v3/lists/team@sandbox.mg.example.com/members.json', { form: { members } });
    expect(uploaded.body).toMatchObject({ list: { members_count: 5 }, 'task-id': expect.any(String) });
    const page = await t.call(`${base}/pages?limit=2`);
    expect(page.body.items).toHaveLength(2);
    const next = await t.call(pathOf(page.body.paging.next));
    expect(next.body.items[0].address > page.body.items[1].address).toBe(true);
    expect((await t.call('/v3/lists/team@sandbox.mg.example.com/members.json', { form: { members: '{"a":1}' } })).status).toBe(400);
  });
});
