import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_EU_DOMAIN as EU } from '../shared/sandbox/constants';
import { clearSimulationSeeds, startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
  await clearSimulationSeeds(t);
});
afterEach(async () => {
  await t.close();
});

const SUB = '646d00a1b32c35364a2ad34f';
const POOL = '658041ae44842b99ee2eaa1b';
const onBehalf = { 'X-Mailgun-On-Behalf-Of': SUB };

async function send(to: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const sent = await t.call(`/v3/${US}/messages`, { form: { from: `shop@${US}`, to, subject: 'Hi', text: 'Hi' } });
    expect(sent.status).toBe(200);
  }
}

describe('IP pool delegation to subaccounts', () => {
  it('lends a pool, lets the subaccount link it, and takes it back', async () => {
    await t.call('/v4/domains', { form: { name: 'child.example.com' }, headers: onBehalf });
    const link = () => t.call('/v3/domains/child.example.com/ips', { form: { pool_id: POOL }, headers: onBehalf });
    expect((await link()).status).toBe(404);
    expect((await t.call('/v3/ip_pools', { headers: onBehalf })).body.ip_pools).toEqual([]);

    expect((await t.call(`/v3/ip_pools/${POOL}/delegate`, { method: 'PUT', form: { subaccount_id: SUB } })).body).toEqual({
      message: 'success',
    });
    expect((await t.call('/v5/accounts/subaccounts/ip_pools/all')).body).toEqual({
      items: [{ pool_id: POOL, subaccount_id: SUB }],
      total_count: 1,
    });
    expect((await t.call('/v3/ip_pools', { headers: onBehalf })).body.ip_pools).toMatchObject([{ pool_id: POOL, is_inherited: true }]);
    expect((await link()).body).toEqual({ message: 'success' });
    expect((await t.call(`/v3/ip_pools/${POOL}/domains`)).body.domains.map((d: { name: string }) => d.name)).toContain('child.example.com');

    // Only the primary account lends its pools.
    expect((await t.call(`/v3/ip_pools/${POOL}/delegate`, { method: 'PUT', form: { subaccount_id: SUB }, headers: onBehalf })).status).toBe(
      403,
    );

    expect((await t.call(`/v3/ip_pools/${POOL}/delegate`, { method: 'DELETE', form: { subaccount_id: SUB } })).body).toEqual({
      message: 'success',
    });
    expect((await t.call(`/v3/ip_pools/${POOL}/domains`)).body.domains.map((d: { name: string }) => d.name)).not.toContain(
      'child.example.com',
    );
    expect((await t.call(`/v3/ip_pools/${POOL}/delegate`, { method: 'DELETE', form: { subaccount_id: SUB } })).status).toBe(404);
  });

  it('lends one pool per subaccount through the subaccount route, the new one replacing the old', async () => {
    const other = (await t.call('/v3/ip_pools', { form: { name: 'second' } })).body.pool_id as string;
    const lend = (pool: string) => t.call(`/v5/accounts/subaccounts/${SUB}/ip_pool`, { method: 'PUT', form: { pool_id: pool } });
    expect((await lend(POOL)).body).toMatchObject({ message: 'started', reference_id: expect.any(String) });
    await lend(other);
    expect((await t.call('/v5/accounts/subaccounts/ip_pools/all')).body.items).toEqual([{ pool_id: other, subaccount_id: SUB }]);
    expect((await t.call(`/v5/accounts/subaccounts/${SUB}/ip_pool?pool_id=${other}`, { method: 'DELETE' })).body.message).toBe('started');
    expect((await t.call('/v5/accounts/subaccounts/ip_pools/all')).body).toEqual({ items: [], total_count: 0 });
    expect((await t.call(`/v5/accounts/subaccounts/${SUB}/ip_pool`, { method: 'PUT' })).status).toBe(400);
    expect((await t.call('/v5/accounts/subaccounts/no-such/ip_pool', { method: 'PUT', form: { pool_id: POOL } })).status).toBe(404);
  });

  it('unlinks a pool or every IP through the pool route, with a replacement', async () => {
    await t.call(`/v3/domains/${US}/ips`, { form: { pool_id: POOL } });
    expect((await t.call(`/v3/domains/${US}/pool/ip_pool?ip=192.0.2.22`, { method: 'DELETE' })).body).toEqual({ message: 'success' });
    expect((await t.call(`/v3/domains/${US}/ips`)).body.items).toEqual(['192.0.2.20', '192.0.2.22']);
    expect((await t.call(`/v3/domains/${US}/pool/all?pool_id=${POOL}`, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(`/v3/domains/${US}/ips`)).body.items).toEqual([]);
    expect((await t.call(`/v3/ip_pools/${POOL}/domains`)).body.domains.map((d: { name: string }) => d.name)).toEqual([US]);
  });
});

describe('dynamic IP pools', () => {
  it('need setting up first, with dedicated IPs outside the dedicated pools', async () => {
    expect((await t.call('/v3/dynamic_pools')).status).toBe(400);
    expect((await t.call('/v3/dynamic_pools/all', { form: { good_reputation: '192.0.2.22' } })).status).toBe(400);
    expect((await t.call('/v3/dynamic_pools/all', { form: { good_reputation: '192.0.2.20' } })).status).toBe(400);
    const set = await t.call('/v3/dynamic_pools/all', { form: { good_reputation: '192.0.2.21', poor_reputation: '', new_senders: '' } });
    expect(set.body).toEqual({ good_reputation: ['192.0.2.21'], poor_reputation: [], new_senders: [] });
    const listed = await t.call('/v3/dynamic_pools');
    expect(listed.body).toMatchObject({
      good_reputation: ['192.0.2.21'],
      pools: [{ name: 'dynamic_good', enabled: true, ips: ['192.0.2.21'] }, {}, {}],
    });
    expect((await t.call('/v3/dynamic_pools/dynamic_poor', { method: 'PATCH', form: { add_ip: '192.0.2.21' } })).status).toBe(400);
    expect((await t.call('/v3/dynamic_pools/dynamic_good', { method: 'PATCH', form: { remove_ip: '192.0.2.21' } })).status).toBe(200);
    expect((await t.call('/v3/dynamic_pools/dynamic_new/192.0.2.21', { method: 'POST' })).status).toBe(200);
    expect((await t.call('/v3/dynamic_pools')).body).toMatchObject({ good_reputation: [], new_senders: ['192.0.2.21'] });
    expect((await t.call('/v3/dynamic_pools/all', { method: 'DELETE' })).body).toEqual({ message: 'success' });
    expect((await t.call('/v3/dynamic_pools')).status).toBe(400);
  });

  it('place an enrolled domain by the rates of what it sent, and record every move', async () => {
    await t.call('/v3/dynamic_pools/all', { form: { good_reputation: '192.0.2.21' } });
    expect((await t.call('/v3/domains/dynamic_pools/assignable')).body.items.map((d: { name: string }) => d.name)).toContain(US);
    expect((await t.call(`/v3/domains/${US}/dynamic_pools?replacement_ip=192.0.2.22`, { method: 'POST' })).body).toEqual({
      message: 'success',
    });
    expect((await t.call('/v3/domains/dynamic_pools/assignable')).body.items.map((d: { name: string }) => d.name)).not.toContain(US);
    expect((await t.call(`/v3/domains/${US}/ips`)).body.items).toEqual([]);

    const before = (await t.call(`/v1/dynamic_pools/domains/${US}/preview`)).body;
    // The seeded history has a few bounces: enough good mail brings the rate under the threshold.
    await send('reader@example.com', 50);
    const good = await t.call('/v1/dynamic_pools/domains');
    expect(good.body.items).toEqual([
      expect.objectContaining({
        name: US,
        pool: 'dynamic_good',
        processed_count: before.results.processed_count.value + 50,
        bounce_rate: expect.any(Number),
      }),
    ]);
    await send('bounce-1@example.com', 5);
    expect((await t.call(`/v1/dynamic_pools/domains/${US}/preview`)).body).toMatchObject({
      pool: 'dynamic_poor',
      results: { bounce_rate: { band: 'dynamic_poor' }, processed_count: { band: 'dynamic_good' } },
    });
    expect((await t.call('/v1/dynamic_pools/domains?pool=dynamic_poor')).body.items.map((d: { name: string }) => d.name)).toEqual([US]);
    expect((await t.call(`/v1/dynamic_pools/domains/${US}/history`)).body).toMatchObject({
      domain_name: US,
      prev_band: 'dynamic_good',
      new_band: 'dynamic_poor',
      reason: 'bounce_rate in poor threshold',
    });
    const moves = (await t.call('/v1/dynamic_pools/history')).body;
    expect(moves.items.map((m: { new_band: string }) => m.new_band).slice(0, 2)).toEqual(['dynamic_poor', 'dynamic_good']);
    expect(moves.items[0]).toMatchObject({ initiated_by: 'system', timestamp: expect.stringMatching(/Z$/) });

    // A pinned domain stays where it is put.
    expect((await t.call(`/v1/dynamic_pools/domains/${US}/override`, { method: 'PUT', form: { pool: 'dynamic_good' } })).status).toBe(200);
    expect((await t.call('/v1/dynamic_pools/domains')).body.items[0].pool).toBe('dynamic_good');
    expect((await t.call(`/v1/dynamic_pools/domains/${US}/override`, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call('/v1/dynamic_pools/domains')).body.items[0].pool).toBe('dynamic_poor');

    expect((await t.call(`/v3/domains/${US}/dynamic_pools`, { method: 'DELETE' })).status).toBe(400);
    expect((await t.call(`/v3/domains/${US}/dynamic_pools?replacement_pool_id=${POOL}`, { method: 'DELETE' })).body).toEqual({
      message: 'success',
    });
    expect((await t.call('/v1/dynamic_pools/domains')).body.items).toEqual([]);
    expect((await t.call(`/v3/ip_pools/${POOL}/domains`)).body.domains.map((d: { name: string }) => d.name)).toEqual([US]);
  });

  it('enrol every domain at once, and fall back to the IP named at enrolment when deleted', async () => {
    await t.call('/v3/dynamic_pools/all', { form: { good_reputation: '192.0.2.21' } });
    expect((await t.call('/v3/domains/all/dynamic_pools/enroll?include_subaccounts=false', { method: 'POST' })).body).toEqual({
      message: 'started',
    });
    const names = (await t.call('/v1/dynamic_pools/domains')).body.items.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining([US, EU]));
    expect((await t.call('/v3/dynamic_pools/all', { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(`/v3/domains/${US}/ips`)).body.items).toEqual([]);
  });
});
