import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let now = Date.UTC(2026, 11, 15, 12, 0, 0);
beforeEach(async () => {
  now = Date.UTC(2026, 11, 15, 12, 0, 0);
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

describe('custom monthly limits', () => {
  it('are set, read with this month’s accepted count, and removed, for the account and a subaccount', async () => {
    const base = '/v5/accounts/limit/custom/monthly';
    expect((await t.call(base)).body).toMatchObject({ limit: 100_000, period: '1m' });
    expect((await t.call(`${base}?limit=5000`, { method: 'PUT' })).body).toEqual({ success: true });
    const before = (await t.call(base)).body;
    expect(before).toMatchObject({ limit: 5000, period: '1m', current: expect.any(Number) });
    await t.call(`/v3/${US}/messages`, { form: { from: `shop@${US}`, to: 'a@example.com, b@example.com', subject: 's', text: 't' } });
    expect((await t.call(base)).body.current).toBe(before.current + 2);
    expect((await t.call(base, { method: 'DELETE' })).body).toEqual({ success: true });
    expect((await t.call(base)).status).toBe(404);

    const id: string = (await t.call('/v5/accounts/subaccounts?name=Limited', { method: 'POST' })).body.subaccount.id;
    await t.call(`/v5/accounts/subaccounts/${id}/limit/custom/monthly?limit=10`, { method: 'PUT' });
    expect((await t.call(`/v5/accounts/subaccounts/${id}/limit/custom/monthly`)).body).toEqual({ limit: 10, current: 0, period: '1m' });
    const features = await t.call(`/v5/accounts/subaccounts/${id}/features`, {
      method: 'PUT',
      form: { inbox_placement: '{"enabled":false}', sending: 'yes' },
    });
    expect(features.body.features).toMatchObject({
      inbox_placement: { enabled: false },
      sending: { enabled: true },
      validations: { enabled: true },
    });
  });
});

describe('authorized recipients of sandbox domains', () => {
  it('are added, count as activated a minute later, and are removed', async () => {
    expect((await t.call('/v5/sandbox/auth_recipients?email=Tester@Example.com', { method: 'POST' })).body).toEqual({
      recipient: { email: 'tester@example.com', activated: false },
    });
    now += 61_000;
    expect((await t.call('/v5/sandbox/auth_recipients')).body).toEqual({
      recipients: [
        { email: 'bob@example.com', activated: true },
        { email: 'tester@example.com', activated: true },
      ],
    });
    expect((await t.call('/v5/sandbox/auth_recipients/tester@example.com', { method: 'DELETE' })).body).toEqual({
      message: 'Sandbox recipient deleted.',
    });
    expect((await t.call('/v5/sandbox/auth_recipients?email=nope', { method: 'POST' })).status).toBe(400);
  });
});
