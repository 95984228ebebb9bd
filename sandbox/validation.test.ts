import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxServer } from './server';
import { sandboxAuth, startTestSandbox, type TestSandbox, US } from './test-support';

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

describe('list previews', () => {
  const upload = (id: string, addresses: readonly string[]) => {
    const form = new FormData();
    form.append('file', new Blob([['email_address', ...addresses].join('\n')], { type: 'text/csv' }), 'list.csv');
    return t.call(`/v4/address/validate/preview/${id}`, { form });
  };

  it('validate a sample of the list as the clock moves, with percentages by the sandbox’s rules', async () => {
    const addresses = [
      ...Array.from({ length: 1196 }, (_, i) => `reader${i}@example.com`),
      'a@mailinator.com',
      'b@gmial.com',
      'info@example.com',
      'c@gmial.com',
    ];
    const created = await upload('autumn', addresses);
    expect(created).toMatchObject({ status: 202, body: { id: 'autumn', message: 'The bulk preview was submitted.' } });
    expect(created.headers.get('x-sandbox-example')).toBeNull();
    const first = await t.call('/v4/address/validate/preview/autumn');
    expect(first.headers.get('x-sandbox-example')).toBeNull();
    expect(first.body.preview).toMatchObject({
      id: 'autumn',
      valid: true,
      status: 'preview_processing',
      quantity: 1200,
      created_at: Math.floor(now / 1000),
      summary: { result: { deliverable: 0 } },
    });
    now += 7000;
    const done = (await t.call('/v4/address/validate/preview/autumn')).body.preview;
    expect(done.status).toBe('preview_complete');
    const { result, risk } = done.summary;
    expect(result.deliverable + result.undeliverable + result.do_not_send + result.catch_all + result.unknown).toBeCloseTo(100, 5);
    expect(risk.high + risk.medium + risk.low + risk.unknown).toBeCloseTo(100, 5);
    expect(result.deliverable).toBeGreaterThan(95);
    const listed = await t.call('/v4/address/validate/preview');
    expect(listed.body.previews.map((p: { id: string }) => p.id)).toEqual(['autumn', 'newsletter-sept-preview']);
  });

  it('promote a finished preview to a bulk job over every address, and delete', async () => {
    await upload('winter', ['one@example.com', 'two@gmial.com']);
    expect((await t.call('/v4/address/validate/preview/winter', { method: 'PUT' })).status).toBe(400);
    now += 2000;
    expect(await t.call('/v4/address/validate/preview/winter', { method: 'PUT' })).toMatchObject({
      status: 200,
      body: { message: 'The bulk preview was promoted to a validation job.' },
    });
    now += 2000;
    expect((await t.call('/v4/address/validate/bulk/winter')).body).toMatchObject({
      status: 'uploaded',
      quantity: 2,
      summary: { result: { deliverable: 1, undeliverable: 1 } },
    });
    expect(await t.call('/v4/address/validate/preview/winter', { method: 'DELETE' })).toMatchObject({ status: 204, text: '' });
    expect((await t.call('/v4/address/validate/preview/winter')).status).toBe(404);
    expect((await t.call('/v4/address/validate/preview/winter', { method: 'DELETE' })).status).toBe(404);
    expect((await t.call('/v4/address/validate/preview/bad%20id', { form: { file: 'a@example.com' } })).status).toBe(400);
    expect((await t.call('/v4/address/validate/preview/empty', { form: { file: 'email' } })).status).toBe(400);
  });

  it('survive a restart through the data file', async () => {
    await upload('kept', ['kept@example.com']);
    await t.sandbox.stop();
    const again = createSandboxServer({ dataDir: t.dataDir, clock: () => now + 5000 });
    const urls = await again.start();
    const read = await fetch(`${urls.usBaseUrl}/v4/address/validate/preview/kept`, {
      headers: { authorization: sandboxAuth, [again.clientHeader.name]: again.clientHeader.value },
    });
    expect(((await read.json()) as { preview: unknown }).preview).toMatchObject({ id: 'kept', status: 'preview_complete', quantity: 1 });
    await again.stop();
  });
});
