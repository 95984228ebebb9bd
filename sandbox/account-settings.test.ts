import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSimulationSeeds, startTestSandbox, type TestSandbox } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

describe('account settings, features and activation', () => {
  it('keeps what is set', async () => {
    expect((await t.call('/v5/accounts?name=Renamed%20Ltd&inactive_session_timeout=3600', { method: 'PUT' })).body).toEqual({
      message: 'Account info has been updated',
    });
    expect(
      (await t.call('/v5/accounts/features', { method: 'PUT', urlencoded: { webhooks_redact_pii: '{"enabled": true}' } })).body,
    ).toEqual({
      message: 'account features updated',
    });
    expect((await t.call('/v5/accounts/resend_activation_email', { method: 'POST' })).body).toEqual({ success: true });
    const account = (await t.sandbox.admin.state()).account;
    expect(account).toMatchObject({
      name: 'Renamed Ltd',
      inactive_session_timeout: 3600,
      features: { webhooks_redact_pii: { enabled: true }, ai_insights: { enabled: false } },
    });
    expect(account?.activation_emails_sent).toHaveLength(1);
    expect((await t.call('/v5/users/me')).body.metadata.account_name).toBe('Renamed Ltd');
  });

  it('refuses what Mailgun refuses', async () => {
    expect((await t.call('/v5/accounts?inactive_session_timeout=999999&absolute_session_timeout=3600', { method: 'PUT' })).status).toBe(
      400,
    );
    expect((await t.call('/v5/accounts?logout_redirect_url=javascript:alert(1)', { method: 'PUT' })).status).toBe(400);
    expect((await t.call('/v5/accounts/features', { method: 'PUT', urlencoded: { ai_insights: 'maybe' } })).status).toBe(400);
    expect((await t.call('/v5/accounts/features', { method: 'PUT', urlencoded: {} })).status).toBe(400);
  });

  it('has one user, found by id or as me', async () => {
    const me = (await t.call('/v5/users/me')).body;
    expect(me).toMatchObject({ role: 'admin', is_master: true, activated: true });
    expect((await t.call(`/v5/users/${me.id}`)).body.email).toBe(me.email);
    expect((await t.call('/v5/users/000000000000000000000000')).status).toBe(404);
  });

  it('regenerates the public key', async () => {
    const first = (await t.call('/v1/keys/public', { method: 'POST' })).body.key;
    const second = (await t.call('/v1/keys/public', { method: 'POST' })).body.key;
    expect(first).toMatch(/^pubkey-[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    expect((await t.sandbox.admin.state()).publicKey).toBe(second);
  });
});

describe('the API IP allowlist', () => {
  it('keeps addresses and ranges with their descriptions, and never locks the sandbox', async () => {
    await clearSimulationSeeds(t);
    expect((await t.call('/v2/ip_whitelist')).body).toEqual({ addresses: [] });
    expect((await t.call('/v2/ip_whitelist', { form: { address: '203.0.113.5', description: 'Office' } })).body).toEqual({
      addresses: [{ ip_address: '203.0.113.5', description: 'Office' }],
    });
    await t.call('/v2/ip_whitelist', { form: { address: '2001:db8::/32' } });
    expect((await t.call('/v2/ip_whitelist', { form: { address: '203.0.113.5' } })).status).toBe(400);
    expect((await t.call('/v2/ip_whitelist', { form: { address: '203.0.113.300' } })).status).toBe(400);
    expect(
      (await t.call('/v2/ip_whitelist', { method: 'PUT', form: { address: '203.0.113.5', description: 'Office (London)' } })).body
        .addresses[0],
    ).toEqual({
      ip_address: '203.0.113.5',
      description: 'Office (London)',
    });
    // 127.0.0.1 is not on the list, and the sandbox still answers.
    expect((await t.call('/v4/domains')).status).toBe(200);
    expect((await t.call('/v2/ip_whitelist?address=203.0.113.5', { method: 'DELETE' })).body).toEqual({
      addresses: [{ ip_address: '2001:db8::/32', description: '' }],
    });
    expect((await t.call('/v2/ip_whitelist?address=203.0.113.5', { method: 'DELETE' })).status).toBe(404);
  });
});
