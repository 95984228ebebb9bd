import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('routes', () => {
  it('creates, lists, gets, updates and deletes', async () => {
    const created = await t.call('/v3/routes', {
      form: { priority: '0', description: 'Catch all', expression: 'catch_all()', action: ['forward("https://x.example.com")', 'stop()'] },
    });
    expect(created.status).toBe(200);
    expect(created.body.route).toMatchObject({
      priority: 0,
      description: 'Catch all',
      expression: 'catch_all()',
      actions: ['forward("https://x.example.com")', 'stop()'],
    });
    const id = created.body.route.id as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const listed = await t.call('/v3/routes');
    expect(listed.body.total_count).toBe(2);
    expect(listed.body.items[0].id).toBe(id);
    expect((await t.call('/v3/routes?skip=1&limit=1')).body.items).toHaveLength(1);
    expect(await t.call('/v3/routes?limit=1001')).toMatchObject({
      status: 400,
      body: { message: "'limit' must be 1000 or less" },
    });
    expect((await t.call(`/v3/routes/${id}`)).body.route.id).toBe(id);
    expect((await t.call(`/v3/routes/${id}`, { method: 'PUT', form: { description: 'Changed' } })).body.route.description).toBe('Changed');
    expect(await t.call(`/v3/routes/${id}`, { method: 'DELETE' })).toMatchObject({ status: 200, body: { id } });
    expect(await t.call(`/v3/routes/${id}`)).toMatchObject({ status: 404, body: { message: 'Route not found' } });
  });

  it('needs an expression and an action', async () => {
    expect((await t.call('/v3/routes', { form: { action: 'stop()' } })).status).toBe(400);
    expect((await t.call('/v3/routes', { form: { expression: 'catch_all()' } })).status).toBe(400);
    expect((await t.call('/v3/routes', { form: { expression: 'catch_all()', action: 'stop()', priority: 'high' } })).status).toBe(400);
  });

  it('finds the first matching route for an address', async () => {
    expect((await t.call('/v3/routes/match?address=support@sandbox.mg.example.com')).status).toBe(200);
    expect(await t.call('/v3/routes/match?address=else@example.com')).toMatchObject({ status: 404 });
    await t.call('/v3/routes', { form: { expression: 'match_recipient("(a+)+b")', action: 'stop()' } });
    expect((await t.call(`/v3/routes/match?address=${'a'.repeat(40)}c@example.com`)).status).toBe(404);
  });
});
