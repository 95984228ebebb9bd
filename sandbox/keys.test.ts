import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_EU_DOMAIN } from '../shared/sandbox/constants';
import { SANDBOX_KEY_ID } from './resources/keys';
import { basicAuth, startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('keys', () => {
  it('lists the built-in key without any secret', async () => {
    const listed = await t.call('/v1/keys');
    // The seed also holds the old CI key the catalog's delete example names.
    expect(listed.body).toMatchObject({
      total_count: 2,
      items: [
        { id: SANDBOX_KEY_ID, role: 'admin', kind: 'user' },
        { id: 'f2153fd0-f1277777', role: 'sending', kind: 'domain' },
      ],
    });
    expect(listed.text).not.toMatch(/secret/);
    expect((await t.call(`/v1/keys/${SANDBOX_KEY_ID}`, { method: 'DELETE' })).status).toBe(400);
  });

  it('creates a sending key that only sends for its own domain', async () => {
    const created = await t.call('/v1/keys', { form: { role: 'sending', kind: 'domain', domain_name: US, description: 'CI' } });
    expect(created.status).toBe(200);
    const secret = created.body.key.secret as string;
    expect(created.body.key).toMatchObject({ role: 'sending', kind: 'domain', domain_name: US });
    const auth = basicAuth(secret);
    expect(
      (await t.call(`/v3/${US}/messages`, { auth, form: { from: `a@${US}`, to: 'b@example.com', subject: 's', text: 't' } })).status,
    ).toBe(200);
    expect((await t.call(`/v3/${US}/bounces`, { auth })).status).toBe(401);
    expect(
      (
        await t.call(`/v3/${SANDBOX_EU_DOMAIN}/messages`, {
          auth,
          region: 'eu',
          form: { from: 'a@x.com', to: 'b@example.com', subject: 's', text: 't' },
        })
      ).status,
    ).toBe(401);
    const state = await t.sandbox.admin.state();
    expect(JSON.stringify(state)).not.toContain(secret);

    expect(await t.call(`/v1/keys/${created.body.key.id}`, { method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { message: 'key deleted' },
    });
    expect(
      (await t.call(`/v3/${US}/messages`, { auth, form: { from: `a@${US}`, to: 'b@example.com', subject: 's', text: 't' } })).status,
    ).toBe(401);
    expect(await t.call(`/v1/keys/${created.body.key.id}`, { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { message: 'no key matching id' },
    });
  });

  it('creates admin keys that work everywhere, and validates parameters', async () => {
    const created = await t.call('/v1/keys', { form: { role: 'admin' } });
    expect((await t.call('/v4/domains', { auth: basicAuth(created.body.key.secret) })).status).toBe(200);
    expect((await t.call('/v1/keys', { form: {} })).status).toBe(400);
    expect((await t.call('/v1/keys', { form: { role: 'god' } })).status).toBe(400);
    expect((await t.call('/v1/keys', { form: { role: 'sending', kind: 'user' } })).status).toBe(400);
    expect((await t.call('/v1/keys', { form: { role: 'sending', kind: 'domain', domain_name: 'nowhere.example.com' } })).status).toBe(400);
    expect((await t.call('/v1/keys?kind=robot')).status).toBe(400);
    expect((await t.call('/v1/keys?kind=user')).body.total_count).toBe(2);
  });

  it('stops accepting a key once it expires', async () => {
    let now = Date.UTC(2026, 0, 1);
    await t.close();
    t = await (await import('./test-support')).startTestSandbox({ clock: () => now });
    const created = await t.call('/v1/keys', { form: { role: 'basic', expiration: '60' } });
    const auth = basicAuth(created.body.key.secret);
    expect((await t.call('/v4/domains', { auth })).status).toBe(200);
    now += 61_000;
    expect((await t.call('/v4/domains', { auth })).status).toBe(401);
  });
});
