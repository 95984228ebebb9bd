import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

const base = `/v3/${US}/templates`;

describe('templates', () => {
  it('creates a template with its first version and reads it back', async () => {
    const created = await t.call(base, {
      form: { name: 'Receipt', description: 'Order receipt', template: '<p>{{total}}</p>', comment: 'v1' },
    });
    expect(created.status).toBe(200);
    expect(created.body.template).toMatchObject({
      name: 'receipt',
      description: 'Order receipt',
      version: { tag: 'initial', template: '<p>{{total}}</p>', engine: 'handlebars', active: true },
    });
    expect((await t.call(`${base}/receipt`)).body.template.version).toBeUndefined();
    expect((await t.call(`${base}/receipt?active=yes`)).body.template.version.tag).toBe('initial');
    expect((await t.call(base, { form: { name: 'receipt' } })).status).toBe(409);
    expect((await t.call(base, { form: { name: 'bad name!' } })).status).toBe(400);
    expect((await t.call(base, { form: {} })).status).toBe(400);
  });

  it('lists with p pivot paging and deletes', async () => {
    await t.sandbox.admin.seedMany('templates', 12);
    const first = await t.call(base);
    expect(first.body.items).toHaveLength(10);
    const next = await t.call(first.body.paging.next.replace(t.urls.usBaseUrl, ''));
    expect(next.body.items).toHaveLength(3);
    expect(first.body.paging.next).toMatch(/[?&]p=/);
    expect((await t.call(`${base}?limit=101`)).status).toBe(400);
    expect((await t.call(`${base}/welcome`, { method: 'PUT', form: { description: 'New words' } })).body).toMatchObject({
      template: { name: 'welcome' },
    });
    expect((await t.call(`${base}/welcome`, { method: 'DELETE' })).status).toBe(200);
    expect(await t.call(`${base}/welcome`)).toMatchObject({ status: 404, body: { message: 'template not found' } });
    expect((await t.call(base, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(base)).body.items).toEqual([]);
  });

  it('manages versions: add, activate, copy, update, delete', async () => {
    const vbase = `${base}/welcome/versions`;
    expect((await t.call(vbase)).body.template.versions.map((v: { tag: string }) => v.tag)).toEqual(['initial', 'v2']);
    const added = await t.call(vbase, { form: { tag: 'v3', template: '<p>3</p>', active: 'yes', headers: '{"Subject":"Three"}' } });
    expect(added.body.template.version).toMatchObject({ tag: 'v3', active: true, headers: { Subject: 'Three' } });
    expect((await t.call(`${base}/welcome?active=yes`)).body.template.version.tag).toBe('v3');
    expect((await t.call(vbase, { form: { tag: 'v3', template: 'x' } })).status).toBe(409);
    expect((await t.call(vbase, { form: { tag: 'v4' } })).status).toBe(400);
    const copied = await t.call(`${vbase}/v3/copy/v3-copy?comment=Copied`, { method: 'PUT' });
    expect(copied.body.version).toMatchObject({ tag: 'v3-copy', template: '<p>3</p>', comment: 'Copied', active: false });
    expect(copied.body.template).toEqual(copied.body.version);
    expect((await t.call(`${vbase}/v2`, { method: 'PUT', form: { template: '<p>2b</p>', active: 'yes' } })).body.template.version.tag).toBe(
      'v2',
    );
    expect((await t.call(`${vbase}/v2`)).body.template.version).toMatchObject({ template: '<p>2b</p>', active: true });
    expect((await t.call(`${vbase}/v2`, { method: 'DELETE' })).body.template.version.tag).toBe('v2');
    expect(await t.call(`${vbase}/v2`)).toMatchObject({ status: 404, body: { message: 'version not found' } });
  });
});
