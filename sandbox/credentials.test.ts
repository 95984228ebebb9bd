import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

const base = `/v3/domains/${US}/credentials`;

describe('SMTP credentials', () => {
  it('are created, listed, changed and deleted, and passwords are never shown again', async () => {
    expect(await t.call(base, { form: { login: 'alerts', password: 'secret-pass' } })).toMatchObject({
      status: 200,
      body: { message: 'Created 1 credentials pair(s)' },
    });
    const generated = await t.call(base, { form: { login: `billing@${US}` } });
    expect(generated.body.credentials[`billing@${US}`]).toMatch(/^[\w-]{16}$/);
    const listed = await t.call(base);
    expect(listed.body).toMatchObject({
      total_count: 3,
      items: [{ login: `postmaster@${US}` }, { login: `alerts@${US}`, mailbox: `alerts@${US}` }, { login: `billing@${US}` }],
    });
    expect(listed.text).not.toContain('secret-pass');
    expect((await t.call(base, { form: { login: 'alerts', password: 'again-pass' } })).status).toBe(400);
    expect((await t.call(`${base}/alerts`, { method: 'PUT', form: { password: 'newer-pass' } })).body).toEqual({
      message: 'Password changed',
    });
    expect((await t.call(`${base}/alerts`, { method: 'PUT', form: { password: 'x' } })).status).toBe(400);
    expect((await t.call(`${base}/alerts@${US}`, { method: 'DELETE' })).body).toEqual({
      message: 'Credentials have been deleted',
      spec: `alerts@${US}`,
    });
    expect((await t.call(`${base}/alerts`, { method: 'DELETE' })).status).toBe(404);
    expect((await t.call(base, { method: 'DELETE' })).body).toEqual({ message: 'All domain credentials have been deleted', count: 2 });
    expect((await t.call(base)).body.total_count).toBe(0);
  });
});
