import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('subaccounts', () => {
  it('are created, read back, listed, disabled, enabled and deleted', async () => {
    const created = await t.call('/v5/accounts/subaccounts?name=Shop%20EU', { method: 'POST' });
    expect(created).toMatchObject({
      status: 200,
      body: { subaccount: { name: 'Shop EU', status: 'open', id: expect.stringMatching(/^[0-9a-f]{24}$/) } },
    });
    const id: string = created.body.subaccount.id;
    await t.call('/v5/accounts/subaccounts', { form: { name: 'Another' } });
    expect((await t.call(`/v5/accounts/subaccounts/${id}`)).body.subaccount.name).toBe('Shop EU');
    const listed = await t.call('/v5/accounts/subaccounts?sort=asc');
    expect(listed.body).toMatchObject({
      total: 4,
      subaccounts: [{ name: 'Another' }, { name: 'Old agency' }, { name: 'Shop EU' }, { name: 'Shop marketing' }],
    });
    expect((await t.call(`/v5/accounts/subaccounts/${id}/disable`, { method: 'POST' })).body.subaccount.status).toBe('disabled');
    expect((await t.call('/v5/accounts/subaccounts?enabled=false')).body.total).toBe(2);
    expect((await t.call(`/v5/accounts/subaccounts/${id}/enable`, { method: 'POST' })).body.subaccount.status).toBe('open');
    const deleted = await t.call('/v5/accounts/subaccounts', { method: 'DELETE', headers: { 'X-Mailgun-On-Behalf-Of': id } });
    expect(deleted).toMatchObject({ status: 200, body: { message: 'Subaccount successfully deleted' } });
    expect((await t.call(`/v5/accounts/subaccounts/${id}`)).status).toBe(404);
  });

  it('scope requests made on their behalf to their own domains', async () => {
    const id: string = (await t.call('/v5/accounts/subaccounts?name=Child', { method: 'POST' })).body.subaccount.id;
    const onBehalf = { 'X-Mailgun-On-Behalf-Of': id };
    expect((await t.call('/v4/domains', { headers: onBehalf })).body.total_count).toBe(0);
    expect((await t.call('/v4/domains', { form: { name: 'child.example.com' }, headers: onBehalf })).status).toBe(200);
    expect((await t.call('/v4/domains', { headers: onBehalf })).body.items.map((d: { name: string }) => d.name)).toEqual([
      'child.example.com',
    ]);
    expect((await t.call('/v4/domains')).body.items.map((d: { name: string }) => d.name)).not.toContain('child.example.com');
    expect((await t.call(`/v3/${US}/events`, { headers: onBehalf })).status).toBe(404);
    expect((await t.call('/v4/domains', { form: { name: 'child.example.com' } })).status).toBe(400);

    expect((await t.call('/v4/domains', { headers: { 'X-Mailgun-On-Behalf-Of': 'nobody' } })).status).toBe(403);
    await t.call(`/v5/accounts/subaccounts/${id}/disable`, { method: 'POST' });
    expect((await t.call('/v4/domains', { headers: onBehalf })).status).toBe(403);
  });
});
