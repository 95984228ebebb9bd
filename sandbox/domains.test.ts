import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_EU_DOMAIN } from '../shared/sandbox/constants';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('domains', () => {
  it('lists the region’s domains with skip and limit', async () => {
    await t.call('/v4/domains', { form: { name: 'b.example.com' } });
    const all = await t.call('/v4/domains');
    expect(all.body.total_count).toBe(2);
    expect(all.body.items.map((d: { name: string }) => d.name)).toEqual(['b.example.com', US]);
    expect((await t.call('/v4/domains?skip=1&limit=1')).body.items.map((d: { name: string }) => d.name)).toEqual([US]);
    expect((await t.call('/v4/domains?state=unverified')).body.items.map((d: { name: string }) => d.name)).toEqual(['b.example.com']);
    expect((await t.call('/v4/domains?limit=1001')).status).toBe(400);
  });

  it('creates an unverified domain with DNS records, then verifies it', async () => {
    const created = await t.call('/v4/domains', { form: { name: 'New.Example.com', spam_action: 'tag', web_scheme: 'http' } });
    expect(created.status).toBe(200);
    expect(created.body.domain).toMatchObject({
      name: 'new.example.com',
      state: 'unverified',
      spam_action: 'tag',
      web_scheme: 'http',
      type: 'custom',
    });
    expect(created.body.sending_dns_records.map((r: { record_type: string }) => r.record_type)).toEqual(['TXT', 'TXT', 'CNAME']);
    expect(
      created.body.receiving_dns_records.every((r: { valid: string; priority: string }) => r.valid === 'unknown' && r.priority === '10'),
    ).toBe(true);
    const verified = await t.call('/v4/domains/new.example.com/verify', { method: 'PUT' });
    expect(verified.body.domain.state).toBe('active');
    expect(verified.body.sending_dns_records.every((r: { valid: string }) => r.valid === 'valid')).toBe(true);
    const fetched = await t.call('/v4/domains/new.example.com');
    expect(Object.keys(fetched.body).sort()).toEqual(['domain', 'receiving_dns_records', 'sending_dns_records']);
  });

  it('refuses bad, missing and taken names (domain names are global)', async () => {
    expect(await t.call('/v4/domains', { form: {} })).toMatchObject({
      status: 400,
      body: { message: 'Missing mandatory parameter: name' },
    });
    expect((await t.call('/v4/domains', { form: { name: 'not a domain' } })).status).toBe(400);
    expect((await t.call('/v4/domains', { form: { name: US } })).status).toBe(400);
    expect((await t.call('/v4/domains', { form: { name: SANDBOX_EU_DOMAIN } })).status).toBe(400);
    expect((await t.call('/v4/domains', { form: { name: 'ok.example.com', spam_action: 'explode' } })).status).toBe(400);
  });

  it('updates settings and deletes domains', async () => {
    const updated = await t.call(`/v4/domains/${US}`, { method: 'PUT', form: { require_tls: 'true', spam_action: 'block' } });
    expect(updated.body.domain).toMatchObject({ require_tls: true, spam_action: 'block' });
    expect((await t.call(`/v4/domains/${US}`, { method: 'PUT', form: { require_tls: 'maybe' } })).status).toBe(400);
    expect(await t.call(`/v3/domains/${US}`, { method: 'DELETE' })).toMatchObject({ status: 200, body: { message: expect.any(String) } });
    expect(await t.call(`/v4/domains/${US}`)).toMatchObject({ status: 404, body: { message: `Domain not found: ${US}` } });
  });

  it('reads and changes tracking settings', async () => {
    expect((await t.call(`/v3/domains/${US}/tracking`)).body.tracking).toMatchObject({
      open: { active: true },
      click: { active: true },
      unsubscribe: { active: false },
    });
    expect((await t.call(`/v3/domains/${US}/tracking/open`, { method: 'PUT', form: { active: 'no' } })).body).toMatchObject({
      open: { active: false },
    });
    expect((await t.call(`/v3/domains/${US}/tracking/click`, { method: 'PUT', form: { active: 'htmlonly' } })).body).toMatchObject({
      click: { active: true },
    });
    expect((await t.call(`/v3/domains/${US}/tracking`)).body.tracking.click).toEqual({ active: true });
    expect((await t.call(`/v3/domains/${US}/tracking/click`, { method: 'PUT', form: { active: 'no' } })).body.click).toEqual({
      active: false,
    });
    const unsub = await t.call(`/v3/domains/${US}/tracking/unsubscribe`, {
      method: 'PUT',
      form: { active: 'yes', text_footer: 'Bye: %unsubscribe_url%' },
    });
    expect(unsub.body.unsubscribe).toMatchObject({ active: true, text_footer: 'Bye: %unsubscribe_url%' });
    expect((await t.call(`/v3/domains/${US}/tracking/open`, { method: 'PUT', form: { active: 'sometimes' } })).status).toBe(400);
  });

  it('stops generating opens once open tracking is off', async () => {
    await t.call(`/v3/domains/${US}/tracking/open`, { method: 'PUT', form: { active: 'no' } });
    const sent = await t.call(`/v3/${US}/messages`, { form: { from: `a@${US}`, to: 'noopen@example.com', subject: 's', text: 't' } });
    const id = encodeURIComponent((sent.body.id as string).slice(1, -1));
    expect((await t.call(`/v3/${US}/events?message-id=${id}&event=opened`)).body.items).toEqual([]);
  });
});
