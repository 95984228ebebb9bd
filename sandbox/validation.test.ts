import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let now = Date.UTC(2026, 11, 1, 12, 0, 0);
beforeEach(async () => {
  now = Date.UTC(2026, 11, 1, 12, 0, 0);
  t = await startTestSandbox({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

describe('single validation', () => {
  it('answers by visible rules, leaving out did_you_mean and root_address rather than sending null', async () => {
    const ok = await t.call('/v4/address/validate?address=alice@example.com');
    expect(ok.body).toEqual({
      address: 'alice@example.com',
      engagement: null,
      is_disposable_address: false,
      is_role_address: false,
      reason: [],
      result: 'deliverable',
      risk: 'low',
    });
    expect(Object.entries(ok.body).filter(([key, value]) => value === null && key !== 'engagement')).toEqual([]);
    expect(Object.hasOwn(ok.body, 'did_you_mean')).toBe(false);
    expect(Object.hasOwn(ok.body, 'root_address')).toBe(false);
    expect((await t.call('/v4/address/validate', { form: { address: 'bob@gmial.com' } })).body).toMatchObject({
      result: 'undeliverable',
      did_you_mean: 'bob@gmail.com',
    });
    expect((await t.call('/v4/address/validate?address=carol%2Bnews@example.com')).body.root_address).toBe('carol@example.com');
    expect((await t.call('/v4/address/validate?address=x@mailinator.com')).body).toMatchObject({
      result: 'do_not_send',
      is_disposable_address: true,
    });
    expect((await t.call('/v4/address/validate?address=info@example.com')).body).toMatchObject({ is_role_address: true, risk: 'medium' });
    expect((await t.call('/v4/address/validate?address=old-address@example.net')).body.result).toBe('undeliverable');
    expect((await t.call('/v4/address/validate?address=not-an-address')).body).toMatchObject({
      result: 'undeliverable',
      reason: ['invalid_syntax'],
    });
    expect((await t.call('/v4/address/validate')).status).toBe(400);
  });
});

describe('bulk validation jobs', () => {
  it('move from created to processing to uploaded with the clock, with a summary and results', async () => {
    const form = new FormData();
    const csv = ['email', ...Array.from({ length: 150 }, (_, i) => `user${i}@example.com`), 'typo@gmial.com'].join('\n');
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'list.csv');
    expect(await t.call('/v4/address/validate/bulk/spring', { form })).toMatchObject({
      status: 202,
      body: { id: 'spring', message: 'The validation job was submitted.' },
    });
    expect((await t.call('/v4/address/validate/bulk/spring')).body).toMatchObject({
      status: 'created',
      quantity: 151,
      records_processed: 0,
    });
    now += 2000;
    expect((await t.call('/v4/address/validate/bulk/spring')).body).toMatchObject({ status: 'processing', records_processed: 100 });
    now += 1000;
    const done = await t.call('/v4/address/validate/bulk/spring');
    expect(done.body).toMatchObject({
      status: 'uploaded',
      records_processed: 151,
      summary: { result: { deliverable: 150, undeliverable: 1 } },
    });
    const results = await fetch(done.body.download_url.json, { headers: { authorization: (await import('./test-support')).sandboxAuth } });
    expect((await results.json()).at(-1)).toMatchObject({ address: 'typo@gmial.com', did_you_mean: 'typo@gmail.com' });
    expect((await t.call('/v4/address/validate/bulk')).body).toMatchObject({
      total: 2,
      jobs: [{ id: 'newsletter-sept' }, { id: 'spring' }],
    });
    expect((await t.call('/v4/address/validate/bulk/spring', { method: 'DELETE' })).body).toEqual({ message: 'Validation job canceled.' });
    expect((await t.call('/v4/address/validate/bulk/spring')).status).toBe(404);
  });

  it('validate a mailing list’s members', async () => {
    const list = `/v3/lists/team@${US}/validate`;
    expect((await t.call(list, { method: 'POST' })).body).toEqual({ id: `team@${US}`, message: 'The validation job was submitted.' });
    expect((await t.call(list, { method: 'POST' })).status).toBe(400);
    now += 5000;
    expect((await t.call(list)).body).toMatchObject({ status: 'uploaded', quantity: 3, records_processed: 3 });
    expect((await t.call(list, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(`/v3/lists/nobody@${US}/validate`, { method: 'POST' })).status).toBe(404);
  });
});
