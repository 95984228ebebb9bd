import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSimulationSeeds, startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
  await clearSimulationSeeds(t);
});
afterEach(async () => {
  await t.close();
});

describe('DKIM keys and selectors', () => {
  it('creates, lists, activates, deactivates and deletes keys', async () => {
    const created = await t.call('/v1/dkim/keys', { form: { signing_domain: US, selector: 's2' } });
    expect(created).toMatchObject({
      status: 200,
      body: { signing_domain: US, selector: 's2', dns_record: { name: `s2._domainkey.${US}`, is_active: false } },
    });
    expect((await t.call('/v1/dkim/keys', { form: { signing_domain: US, selector: 's2' } })).status).toBe(400);
    expect((await t.call(`/v1/dkim/keys?signing_domain=${US}`)).body.items.map((k: { selector: string }) => k.selector)).toEqual([
      'pic',
      's1',
      's2',
    ]);
    expect((await t.call(`/v4/domains/${US}/keys/s2/activate`, { method: 'PUT' })).body).toEqual({
      message: 'domain key activated',
      authority: US,
      selector: 's2',
      active: true,
    });
    expect((await t.call(`/v4/domains/${US}/keys`)).body.items[2].dns_record.is_active).toBe(true);
    expect((await t.call(`/v4/domains/${US}/keys/s2/deactivate`, { method: 'PUT' })).body.active).toBe(false);
    expect((await t.call(`/v1/dkim/keys?signing_domain=${US}&selector=s2`, { method: 'DELETE' })).body).toEqual({ message: 'success' });
    expect((await t.call(`/v4/domains/${US}/keys/s2/activate`, { method: 'PUT' })).status).toBe(404);
  });

  it('changes the selector and the authority', async () => {
    expect((await t.call(`/v3/domains/${US}/dkim_selector`, { method: 'PUT', form: { dkim_selector: 'mx2026' } })).body).toEqual({
      message: 'DKIM selector changed',
    });
    expect((await t.call(`/v4/domains/${US}/keys`)).body.items.map((k: { selector: string }) => k.selector)).toContain('mx2026');
    const authority = await t.call(`/v3/domains/${US}/dkim_authority`, { method: 'PUT', form: { self: 'false' } });
    expect(authority.body).toMatchObject({ message: 'Domain DKIM authority has been changed', changed: true });
    expect((await t.call(`/v3/domains/${US}/dkim_selector`, { method: 'PUT', form: { dkim_selector: 'bad selector!' } })).status).toBe(400);
  });
});

describe('domain connection settings', () => {
  it('are read and updated', async () => {
    expect((await t.call(`/v3/domains/${US}/connection`)).body).toEqual({ connection: { require_tls: false, skip_verification: false } });
    const updated = await t.call(`/v3/domains/${US}/connection`, { method: 'PUT', form: { require_tls: 'true' } });
    expect(updated.body).toMatchObject({ require_tls: true, skip_verification: false });
    expect((await t.call(`/v3/domains/${US}/connection`)).body.connection.require_tls).toBe(true);
  });
});

describe('IPs and IP pools', () => {
  it('assigns IPs to domains and reads the assignment back', async () => {
    const ips = await t.call('/v3/ips');
    expect(ips.body).toMatchObject({ items: ['192.0.2.20', '192.0.2.21', '192.0.2.22'], total_count: 3 });
    expect((await t.call('/v3/ips/192.0.2.20')).body).toMatchObject({ ip: '192.0.2.20', dedicated: true });
    expect((await t.call(`/v3/domains/${US}/ips`)).body).toEqual({ items: ['192.0.2.20'], total_count: 1 });
    expect((await t.call(`/v3/domains/${US}/ips`, { form: { ip: '192.0.2.21' } })).body).toEqual({ message: 'success' });
    expect((await t.call(`/v3/domains/${US}/ips`)).body).toEqual({ items: ['192.0.2.20', '192.0.2.21'], total_count: 2 });
    expect((await t.call('/v3/ips/192.0.2.21/domains')).body).toEqual({
      items: [{ ips: ['192.0.2.20', '192.0.2.21'], domain: US }],
      total_count: 1,
    });
    expect((await t.call(`/v3/domains/${US}/ips/192.0.2.21`, { method: 'DELETE' })).body).toEqual({ message: 'success' });
    expect((await t.call(`/v3/domains/${US}/ips`)).body.items).toEqual(['192.0.2.20']);
    expect((await t.call(`/v3/domains/${US}/ips`, { form: { ip: '203.0.113.9' } })).status).toBe(404);
  });

  it('creates pools, moves IPs between them, links domains by id, and deletes them', async () => {
    const seeded = '658041ae44842b99ee2eaa1b';
    const created = await t.call('/v3/ip_pools', { form: { name: 'marketing', description: 'Newsletters', ip: '192.0.2.21' } });
    expect(created.body).toMatchObject({ message: 'success', pool_id: expect.any(String) });
    const id: string = created.body.pool_id;
    expect((await t.call('/v3/ips')).body.assignable_to_pools).toEqual([]);
    expect((await t.call(`/v3/ip_pools/${id}/ips/192.0.2.20`, { method: 'PUT' })).status).toBe(400);
    expect((await t.call(`/v3/ip_pools/${seeded}/ips/192.0.2.20`, { method: 'DELETE' })).body).toEqual({ message: 'started' });
    expect((await t.call('/v3/ips')).body.assignable_to_pools).toEqual(['192.0.2.20']);
    expect((await t.call(`/v3/ip_pools/${id}/ips/192.0.2.20`, { method: 'PUT' })).body).toEqual({ message: 'started' });
    expect((await t.call(`/v3/ip_pools/${id}/ips/192.0.2.22`, { method: 'PUT' })).status).toBe(400);
    const usId = '68d17866ba9d5506cbc2e275';
    await t.call(`/v3/ip_pools/${id}`, { method: 'PATCH', form: { link_domain: usId, description: 'Newsletters and promotions' } });
    const pool = await t.call(`/v3/ip_pools/${id}`);
    expect(pool.body.details).toMatchObject({
      ips: ['192.0.2.21', '192.0.2.20'],
      linked_domains: [US],
      is_linked: true,
      description: 'Newsletters and promotions',
    });
    expect((await t.call(`/v3/ip_pools/${id}/domains`)).body.domains).toEqual([{ id: usId, name: US }]);
    expect((await t.call('/v3/ip_pools')).body.ip_pools).toMatchObject([
      { name: 'transactional', is_linked: false },
      { name: 'marketing', is_linked: true },
    ]);
    expect((await t.call(`/v3/ip_pools/${id}`, { method: 'DELETE' })).status).toBe(400);
    expect((await t.call(`/v3/ip_pools/${id}?ip=192.0.2.22`, { method: 'DELETE' })).body).toEqual({ message: 'success' });
    expect((await t.call(`/v3/domains/${US}/ips`)).body.items).toEqual(['192.0.2.20', '192.0.2.22']);
    expect((await t.call('/v3/ip_pools')).body.ip_pools.map((p: { pool_id: string }) => p.pool_id)).toEqual([seeded]);
  });
});
