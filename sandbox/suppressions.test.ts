import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.close();
});

const pathOf = (url: string) => url.replace(t.urls.usBaseUrl, '');

function csvForm(csv: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'import.csv');
  return form;
}

describe('bounces', () => {
  const base = `/v3/${US}/bounces`;

  it('adds, gets, lists, deletes one and deletes all', async () => {
    expect(await t.call(base, { form: { address: 'New@Example.com', code: '554', error: 'Rejected' } })).toMatchObject({
      status: 200,
      body: { address: 'new@example.com' },
    });
    expect(await t.call(`${base}/new@example.com`)).toMatchObject({
      status: 200,
      body: {
        address: 'new@example.com',
        code: '554',
        error: 'Rejected',
        created_at: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC$/),
      },
    });
    const listed = await t.call(base);
    expect(listed.body.items.map((b: { address: string }) => b.address)).toContain('new@example.com');
    expect(Object.keys(listed.body.paging).sort()).toEqual(['first', 'last', 'next', 'previous']);
    expect(await t.call(`${base}/new@example.com`, { method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { address: 'new@example.com' },
    });
    expect(await t.call(`${base}/new@example.com`)).toMatchObject({ status: 404, body: { message: 'Address not found in bounces table' } });
    expect((await t.call(base, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(base)).body.items).toEqual([]);
  });

  it('accepts a JSON array of up to 1000 entries', async () => {
    const entries = [
      { address: 'j1@example.com', code: 550, error: 'x' },
      { address: 'j2@example.com', created_at: 'Thu, 13 Oct 2011 18:02:00 +0000' },
    ];
    expect((await t.call(base, { json: entries })).status).toBe(200);
    expect((await t.call(`${base}/j2@example.com`)).body.created_at).toBe('Thu, 13 Oct 2011 18:02:00 UTC');
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ address: `b${i}@example.com` }));
    expect(await t.call(base, { json: tooMany })).toMatchObject({
      status: 400,
      body: { message: 'At most 1000 entries can be added per request' },
    });
    expect((await t.call(base, { json: [{ address: 'nope' }] })).status).toBe(400);
    expect((await t.call(base, { json: ['a@example.com'] })).status).toBe(400);
  });

  it('refuses missing or invalid addresses', async () => {
    expect(await t.call(base, { form: { code: '550' } })).toMatchObject({
      status: 400,
      body: { message: 'Missing mandatory parameter: address' },
    });
    expect((await t.call(base, { form: { address: 'bad@' } })).status).toBe(400);
    expect((await t.call(base, { form: { address: 'a@example.com', code: 'abc' } })).status).toBe(400);
  });

  it('pages through 250 bounces 100 at a time, both ways', async () => {
    await t.call(base, { method: 'DELETE' });
    await t.sandbox.admin.seedMany('bounces', 250);
    const pages: string[][] = [];
    let url = base;
    for (let i = 0; i < 10; i++) {
      const page = await t.call(url);
      expect(page.status).toBe(200);
      if (page.body.items.length === 0) break;
      pages.push(page.body.items.map((b: { address: string }) => b.address));
      url = pathOf(page.body.paging.next);
      expect(url).toMatch(/page=next&address=.+&limit=100$/);
    }
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(250);
    expect(all).toEqual([...all].sort());

    const last = await t.call(`${base}?page=last&limit=100`);
    expect(last.body.items.map((b: { address: string }) => b.address)).toEqual(all.slice(150));
    const previous = await t.call(pathOf(last.body.paging.previous));
    expect(previous.body.items.map((b: { address: string }) => b.address)).toEqual(all.slice(50, 150));
    const small = await t.call(`${base}?limit=1000`);
    expect(small.body.items).toHaveLength(250);
    expect((await t.call(`${base}?limit=1001`)).status).toBe(400);
  });

  it('imports a CSV file', async () => {
    const csv = 'address,code,error,created_at\r\ncsv1@example.com,550,"Mailbox, gone",\r\ncsv2@example.com,,,\n';
    expect(await t.call(`${base}/import`, { form: csvForm(csv) })).toMatchObject({ status: 202 });
    expect((await t.call(`${base}/csv1@example.com`)).body).toMatchObject({ code: '550', error: 'Mailbox, gone' });
    expect((await t.call(`${base}/import`, { form: csvForm('email\nx@example.com') })).status).toBe(400);
    expect((await t.call(`${base}/import`, { form: csvForm('address\nnot-an-address') })).status).toBe(400);
    expect((await t.call(`${base}/import`, { form: { file: 'not a file' } })).status).toBe(400);
  });
});

describe('complaints', () => {
  const base = `/v3/${US}/complaints`;
  it('adds, gets, lists and deletes', async () => {
    expect((await t.call(base, { form: { address: 'c@example.com' } })).status).toBe(200);
    expect(Object.keys((await t.call(`${base}/c@example.com`)).body).sort()).toEqual(['address', 'created_at']);
    expect((await t.call(base)).body.items.length).toBe(3);
    expect((await t.call(`${base}/c@example.com`, { method: 'DELETE' })).status).toBe(200);
    expect(await t.call(`${base}/c@example.com`)).toMatchObject({
      status: 404,
      body: { message: 'No spam complaints found for this address' },
    });
    expect((await t.call(`${base}/import`, { form: csvForm('address\nc2@example.com\n') })).status).toBe(202);
    expect((await t.call(base, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(base)).body.items).toEqual([]);
  });
});

describe('unsubscribes', () => {
  const base = `/v3/${US}/unsubscribes`;
  it('keeps tags, merges them on re-add and removes one tag at a time', async () => {
    expect((await t.call(base, { form: { address: 'u@example.com' } })).status).toBe(200);
    expect((await t.call(`${base}/u@example.com`)).body.tags).toEqual(['*']);
    await t.call(base, { form: { address: 'v@example.com', tag: ['news', 'promo'] } });
    await t.call(base, { json: [{ address: 'v@example.com', tags: ['alerts'] }] });
    expect((await t.call(`${base}/v@example.com`)).body.tags).toEqual(['news', 'promo', 'alerts']);
    expect((await t.call(`${base}/v@example.com?tag=promo`, { method: 'DELETE' })).status).toBe(200);
    expect((await t.call(`${base}/v@example.com`)).body.tags).toEqual(['news', 'alerts']);
    expect((await t.call(`${base}/v@example.com?tag=missing`, { method: 'DELETE' })).status).toBe(404);
    expect((await t.call(`${base}/v@example.com`, { method: 'DELETE' })).status).toBe(200);
    expect(await t.call(`${base}/v@example.com`)).toMatchObject({
      status: 404,
      body: { message: 'Address not found in unsubscribers table' },
    });
  });

  it('imports tags from CSV', async () => {
    expect((await t.call(`${base}/import`, { form: csvForm('address,tags\nw@example.com,"a,b"\n') })).status).toBe(202);
    expect((await t.call(`${base}/w@example.com`)).body.tags).toEqual(['a', 'b']);
  });
});

describe('allowlist (whitelists)', () => {
  const base = `/v3/${US}/whitelists`;
  it('takes an address or a domain and answers with type and value', async () => {
    expect(await t.call(base, { form: { domain: 'Trusted.example.com' } })).toMatchObject({
      status: 200,
      body: { type: 'domain', value: 'trusted.example.com' },
    });
    expect(await t.call(base, { form: { address: 'one@example.com', reason: 'QA inbox' } })).toMatchObject({
      status: 200,
      body: { type: 'address', value: 'one@example.com' },
    });
    expect((await t.call(`${base}/trusted.example.com`)).body).toMatchObject({
      type: 'domain',
      value: 'trusted.example.com',
      createdAt: expect.any(String),
      reason: '',
    });
    expect((await t.call(base, { form: {} })).status).toBe(400);
    expect(await t.call(`${base}/trusted.example.com`, { method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { value: 'trusted.example.com' },
    });
    expect((await t.call(`${base}/trusted.example.com`)).status).toBe(404);
    expect((await t.call(`${base}/import`, { form: csvForm('domain\nok.example.com\n') })).status).toBe(202);
    expect((await t.call(`${base}/ok.example.com`)).status).toBe(200);
  });

  it('lets allowlisted addresses through the suppression lists', async () => {
    await t.call(`/v3/${US}/bounces`, { form: { address: 'both@example.com' } });
    await t.call(base, { form: { address: 'both@example.com' } });
    const sent = await t.call(`/v3/${US}/messages`, { form: { from: `a@${US}`, to: 'both@example.com', subject: 's', text: 't' } });
    const id = encodeURIComponent((sent.body.id as string).slice(1, -1));
    const events = await t.call(`/v3/${US}/events?message-id=${id}&event=delivered`);
    expect(events.body.items).toHaveLength(1);
  });
});
