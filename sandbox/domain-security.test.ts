import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CERTIFICATE_ISSUE_MS } from './resources/tracking-host';
import { clearSimulationSeeds, startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let now = 0;
beforeEach(async () => {
  now = Date.UTC(2026, 11, 1, 12);
  t = await startTestSandbox({ clock: () => now });
  await clearSimulationSeeds(t);
});
afterEach(async () => {
  await t.close();
});

const selectors = async () =>
  (await t.call(`/v4/domains/${US}/keys`)).body.items.map((k: { selector: string; dns_record: { is_active: boolean } }) =>
    k.dns_record.is_active ? `${k.selector}*` : k.selector,
  );

describe('managed DKIM rotation', () => {
  it('rotates now: a new key signs, the old one retires', async () => {
    expect((await t.call(`/v1/dkim_management/domains/${US}/rotate`, { method: 'POST' })).body).toEqual({ message: 'ok' });
    expect(await selectors()).toEqual(['pic', 's1', 'pdk1*']);
    await t.call(`/v1/dkim_management/domains/${US}/rotate`, { method: 'POST' });
    expect(await selectors()).toEqual(['pic', 's1', 'pdk1', 'pdk2*']);
  });

  it('rotates on schedule once enabled', async () => {
    const set = await t.call(`/v1/dkim_management/domains/${US}/rotation`, {
      method: 'PUT',
      form: { rotation_enabled: 'true', rotation_interval: '5d' },
    });
    expect(set.body.domain).toMatchObject({
      name: US,
      state: 'enabled',
      rotation_enabled: 'true',
      rotation_interval: '120h',
      active_selector: 'pic',
    });
    expect(set.body.domain.records.map((r: { name: string }) => r.name)).toEqual([`pic._domainkey.${US}`, `pdk1._domainkey.${US}`]);
    now += 4 * 86_400_000;
    expect(await selectors()).toEqual(['pic*', 's1']);
    now += 86_400_000;
    expect(await selectors()).toEqual(['pic', 's1', 'pdk1*']);
    const off = await t.call(`/v1/dkim_management/domains/${US}/rotation`, { method: 'PUT', form: { rotation_enabled: 'false' } });
    expect(off.body.domain).toMatchObject({ rotation_enabled: 'false', active_selector: 'pdk1' });
    now += 30 * 86_400_000;
    expect(await selectors()).toEqual(['pic', 's1', 'pdk1*']);
  });

  it('refuses short intervals and domains without Automatic Sender Security', async () => {
    const put = (form: Record<string, string>) => t.call(`/v1/dkim_management/domains/${US}/rotation`, { method: 'PUT', form });
    expect((await put({ rotation_enabled: 'true', rotation_interval: '4d' })).status).toBe(400);
    expect((await put({ rotation_enabled: 'false', rotation_interval: '30d' })).status).toBe(400);
    expect((await put({})).status).toBe(400);
    await t.call(`/v4/domains/${US}`, { method: 'PUT', form: { use_automatic_sender_security: 'false' } });
    expect((await t.call(`/v1/dkim_management/domains/${US}/rotate`, { method: 'POST' })).status).toBe(400);
  });
});

describe('tracking host', () => {
  it('issues a certificate for the tracking host, processing first, then active', async () => {
    const host = `email.${US}`;
    expect((await t.call(`/v2/x509/${host}/status`)).status).toBe(404);
    expect(await t.call(`/v2/x509/${host}`, { method: 'POST' })).toMatchObject({
      status: 202,
      body: { message: 'Certificate generation started', location: `/v2/x509/${host}/status` },
    });
    expect((await t.call(`/v2/x509/${host}`, { method: 'POST' })).status).toBe(202);
    expect((await t.call(`/v2/x509/${US}/status`)).body).toEqual({ status: 'processing', error: 'Waiting for x509 key pair generation' });
    now += CERTIFICATE_ISSUE_MS;
    const active = (await t.call(`/v2/x509/${host}/status`)).body;
    expect(active.status).toBe('active');
    expect(active.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    expect((await t.call(`/v2/x509/${host}`, { method: 'PUT' })).status).toBe(202);
    expect((await t.call(`/v2/x509/${host}/status`)).body.status).toBe('processing');
  });

  it('changes the web prefix, which needs a new certificate', async () => {
    await t.call(`/v2/x509/${US}`, { method: 'POST' });
    expect((await t.call(`/v3/domains/${US}/web_prefix?web_prefix=track`, { method: 'PUT' })).body).toEqual({
      message: 'Domain web prefix updated',
    });
    expect((await t.call(`/v4/domains/${US}`)).body.domain.web_prefix).toBe('track');
    expect((await t.call(`/v2/x509/track.${US}/status`)).status).toBe(404);
    expect((await t.call(`/v3/domains/${US}/web_prefix?web_prefix=not%20ok`, { method: 'PUT' })).status).toBe(400);
  });
});
