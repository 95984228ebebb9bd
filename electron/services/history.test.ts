import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryStore, type NewHistoryEntry } from './history';
import { keyForms } from './redaction';

const CANARY = 'key-CANARY-5f3a9d1e77c04b2a';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mg-history-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const okResponse: NonNullable<NewHistoryEntry['response']> = {
  status: 200,
  statusText: 'OK',
  headers: [['content-type', 'application/json']],
  contentType: 'application/json',
  sizeBytes: 0,
  timings: { startedAt: 1, ttfbMs: 10, totalMs: 12 },
};

function entry(overrides: Partial<NewHistoryEntry> = {}, body = '{"message":"Queued. Thank you."}'): NewHistoryEntry {
  return {
    requestId: '00000000-0000-4000-8000-000000000001',
    environment: { id: 'env-1', name: 'Production EU', baseUrl: 'https://api.eu.mailgun.net' },
    endpoint: { id: 'messages.send', method: 'POST', path: '/v3/{domain_name}/messages' },
    request: {
      method: 'POST',
      url: 'https://api.eu.mailgun.net/v3/mg.example.com/messages',
      headers: [['X-Mailgun-On-Behalf-Of', 'sub-1']],
    },
    values: { params: { to: ['ada@example.com', 'bob@example.com'], subject: 'Hello' } },
    response: { ...okResponse, sizeBytes: body.length },
    bodyBytes: new TextEncoder().encode(body),
    bodyKind: 'text',
    ...overrides,
  };
}

async function readEverything(root: string): Promise<string> {
  let all = '';
  for (const name of await fs.readdir(root, { recursive: true })) {
    const file = path.join(root, name);
    if ((await fs.stat(file)).isFile()) all += (await fs.readFile(file)).toString('latin1');
  }
  return all;
}

let tick = 0;
const clock = () => ++tick;

describe('history store', () => {
  it('records an entry and reads it back with its body, after a reload from disk', async () => {
    const first = createHistoryStore({ dir, clock });
    const added = await first.add(entry());
    const reloaded = createHistoryStore({ dir, clock });
    const page = await reloaded.list();
    expect(page.total).toBe(1);
    expect(page.entries[0]?.id).toBe(added.id);
    expect('storedBody' in (page.entries[0] ?? {})).toBe(false);
    const full = await reloaded.get(added.id);
    expect(full.storedBody).toEqual({ kind: 'text', text: '{"message":"Queued. Thank you."}' });
    expect(full.values).toEqual({ params: { to: ['ada@example.com', 'bob@example.com'], subject: 'Hello' } });
  });

  it('never stores the key or an Authorization header, wherever they turn up (canary)', async () => {
    const store = createHistoryStore({ dir, clock });
    const basic = Buffer.from(`api:${CANARY}`).toString('base64');
    await store.add(
      entry(
        {
          request: {
            method: 'GET',
            url: `https://api.mailgun.net/v3/domains?k=${CANARY}`,
            headers: [
              ['Authorization', `Basic ${basic}`],
              ['X-Debug', CANARY],
            ],
          },
          values: { params: { note: CANARY, list: [`x${CANARY}y`] }, headers: [{ name: 'X-Key', value: CANARY }] },
          error: { code: 'network', message: `failed with ${CANARY}`, hint: 'retry' },
        },
        `{"echo":"${CANARY}","auth":"${basic}"}`,
      ),
      keyForms(CANARY),
    );
    const onDisk = await readEverything(dir);
    expect(onDisk).not.toContain(CANARY);
    expect(onDisk).not.toContain(basic);
    expect(onDisk.toLowerCase()).not.toContain('authorization');
    expect(onDisk).toContain('[redacted]');
  });

  it('keeps at most 1,000 entries, dropping the oldest first', async () => {
    // Seeding the file directly keeps this fast; each add through the store syncs to disk.
    const seeded = Array.from({ length: 998 }, (_, i) => ({
      id: `seed-${i}`,
      requestId: `seed-${i}`,
      createdAt: i,
      environment: { id: 'env-1', name: 'Old', baseUrl: 'https://api.mailgun.net' },
      endpoint: { id: 'domains.list', method: 'GET', path: '/v4/domains' },
      request: { method: 'GET', url: 'https://api.mailgun.net/v4/domains', headers: [] },
      values: { params: {} },
      valuesTruncated: false,
      body: { kind: 'none', storedBytes: 0, truncated: false, evicted: false },
    }));
    await fs.mkdir(path.join(dir, 'history'), { recursive: true });
    await fs.writeFile(path.join(dir, 'history', 'index.json'), JSON.stringify({ version: 1, entries: seeded }));

    const store = createHistoryStore({ dir, clock });
    expect((await store.list()).total).toBe(998);
    for (let i = 0; i < 5; i++) await store.add(entry({ requestId: `req-${i}` }));
    const page = await store.list({ limit: 1_000 });
    expect(page.total).toBe(1_000);
    expect(page.entries[0]?.requestId).toBe('req-4');
    expect(page.entries.at(-1)?.requestId).toBe('seed-3');
    expect(await fs.readdir(path.join(dir, 'history', 'bodies'))).toHaveLength(5);
    expect((await createHistoryStore({ dir, clock }).list()).total).toBe(1_000);
  });

  it('drops the bodies of entries pushed out by the cap', async () => {
    const store = createHistoryStore({ dir, clock, limits: { maxEntries: 3 } });
    for (let i = 0; i < 5; i++) await store.add(entry({ requestId: `r-${i}` }));
    expect((await store.list()).entries.map((e) => e.requestId)).toEqual(['r-4', 'r-3', 'r-2']);
    expect(await fs.readdir(path.join(dir, 'history', 'bodies'))).toHaveLength(3);
  });

  it('stores long bodies truncated with a flag, and drops old bodies to stay within the total budget', async () => {
    const store = createHistoryStore({ dir, clock, limits: { maxBodyBytes: 1_000, maxTotalBodyBytes: 2_500 } });
    const big = 'é'.repeat(800);
    const first = await store.add(entry({}, big));
    expect(first.body).toEqual({ kind: 'text', storedBytes: 1_000, truncated: true, evicted: false });
    const read = await store.get(first.id);
    expect(read.storedBody.kind === 'text' && read.storedBody.text).toBe('é'.repeat(500));
    await store.add(entry({}, big));
    await store.add(entry({}, big));
    const oldest = await store.get(first.id);
    expect(oldest.body.evicted).toBe(true);
    expect(oldest.storedBody).toEqual({ kind: 'none' });
    expect(oldest.response?.status).toBe(200);
  });

  it('keeps binary bodies as bytes', async () => {
    const store = createHistoryStore({ dir, clock });
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const added = await store.add(
      entry({ bodyBytes: bytes, bodyKind: 'binary', response: { ...okResponse, contentType: 'application/pdf', sizeBytes: 4 } }),
    );
    const read = await store.get(added.id);
    expect(read.storedBody.kind === 'binary' && [...read.storedBody.bytes]).toEqual([0, 1, 2, 255]);
  });

  it('shortens very long parameter values and says so', async () => {
    const store = createHistoryStore({ dir, clock, limits: { maxValueChars: 10 } });
    const added = await store.add(entry({ values: { params: { html: 'x'.repeat(50), text: 'short' } } }));
    expect(added.valuesTruncated).toBe(true);
    expect(added.values).toEqual({ params: { html: 'x'.repeat(10), text: 'short' } });
  });

  it('searches endpoint id, path, method, status and parameter values, newest first', async () => {
    const store = createHistoryStore({ dir, clock });
    await store.add(entry({ requestId: 'a' }));
    await store.add(
      entry({
        requestId: 'b',
        endpoint: { id: 'bounces.list', method: 'GET', path: '/v3/{domainID}/bounces' },
        values: { params: { limit: 50 } },
        response: { ...okResponse, status: 404 },
      }),
    );
    expect((await store.list({ query: 'bounces' })).entries.map((e) => e.requestId)).toEqual(['b']);
    expect((await store.list({ query: '404' })).entries.map((e) => e.requestId)).toEqual(['b']);
    expect((await store.list({ query: 'ada@example' })).entries.map((e) => e.requestId)).toEqual(['a']);
    expect((await store.list({ query: 'POST messages' })).entries.map((e) => e.requestId)).toEqual(['a']);
    expect((await store.list({ query: 'production' })).entries.map((e) => e.requestId)).toEqual(['b', 'a']);
    expect((await store.list({ limit: 1, offset: 1 })).entries.map((e) => e.requestId)).toEqual(['a']);
  });

  it('records failures without a response', async () => {
    const store = createHistoryStore({ dir, clock });
    const added = await store.add(
      entry({ response: undefined, bodyBytes: undefined, error: { code: 'timeout', message: 'Slow.', hint: 'Retry.' } }),
    );
    expect(added.body.kind).toBe('none');
    expect((await store.get(added.id)).storedBody).toEqual({ kind: 'none' });
    expect((await store.list({ query: 'timeout' })).total).toBe(1);
  });

  it('deletes one entry and clears all, removing bodies from disk', async () => {
    const store = createHistoryStore({ dir, clock });
    const a = await store.add(entry());
    await store.add(entry());
    expect(await store.delete(a.id)).toBe(true);
    expect(await store.delete(a.id)).toBe(false);
    await expect(store.get(a.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.clear()).toBe(1);
    expect((await createHistoryStore({ dir, clock }).list()).total).toBe(0);
    await expect(fs.readdir(path.join(dir, 'history', 'bodies'))).rejects.toThrow();
  });

  it('rebuilds a corrupt index from the entries kept beside it, keeps every body, and says so', async () => {
    const first = createHistoryStore({ dir, clock });
    const a = await first.add(entry({ requestId: 'a' }, '{"a":1}'));
    const b = await first.add(
      entry({ requestId: 'b', response: undefined, bodyBytes: undefined, error: { code: 'timeout', message: 'Slow.', hint: 'Retry.' } }),
    );
    const c = await first.add(entry({ requestId: 'c' }, '{"c":3}'));
    await fs.writeFile(path.join(dir, 'history', 'index.json'), '{"version":1,"entries":[');

    const store = createHistoryStore({ dir, clock });
    const page = await store.list();
    expect(page.entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(page.recovery).toMatchObject({ fileName: 'history/index.json', reason: 'invalid-json' });
    expect(page.recovery?.message).toMatch(/3 entries were rebuilt/);
    expect(page.recovery?.movedTo).toMatch(/^history\/index\.json\.corrupt-/);
    expect((await store.get(a.id)).storedBody).toEqual({ kind: 'text', text: '{"a":1}' });
    expect((await store.get(c.id)).storedBody).toEqual({ kind: 'text', text: '{"c":3}' });
    expect(await fs.readdir(path.join(dir, 'history', 'bodies'))).toHaveLength(2);
    const names = await fs.readdir(path.join(dir, 'history'));
    expect(names.some((name) => name.startsWith('index.json.corrupt-'))).toBe(true);
    // The rebuilt index is written, so the next start is clean and keeps everything.
    const next = await createHistoryStore({ dir, clock }).list();
    expect(next.total).toBe(3);
    expect(next.recovery).toBeUndefined();
  });

  it('never deletes a body it cannot place, even from before entries were kept beside bodies', async () => {
    const bodies = path.join(dir, 'history', 'bodies');
    await fs.mkdir(bodies, { recursive: true });
    await fs.writeFile(path.join(bodies, 'legacy-1.body'), 'old body');
    await fs.writeFile(path.join(dir, 'history', 'index.json'), 'not json');
    const store = createHistoryStore({ dir, clock });
    const page = await store.list();
    expect(page.total).toBe(0);
    expect(page.recovery?.message).toMatch(/1 response body could not be matched to an entry and was kept in history\/unmatched-bodies-/);
    await store.add(entry());
    // A later clean start tidies the bodies folder; the set-aside body is not in it.
    await createHistoryStore({ dir, clock }).list();
    const kept = (await fs.readdir(path.join(dir, 'history'))).find((name) => name.startsWith('unmatched-bodies-')) ?? '';
    expect(await fs.readFile(path.join(dir, 'history', kept, 'legacy-1.body'), 'utf8')).toBe('old body');
  });

  it('rebuilds entries that a partly valid index left out instead of deleting their bodies', async () => {
    const first = createHistoryStore({ dir, clock });
    const a = await first.add(entry({ requestId: 'a' }, '{"a":1}'));
    const b = await first.add(entry({ requestId: 'b' }, '{"b":2}'));
    const indexPath = path.join(dir, 'history', 'index.json');
    const index = JSON.parse(await fs.readFile(indexPath, 'utf8'));
    index.entries[0] = { broken: true };
    await fs.writeFile(indexPath, JSON.stringify(index));
    const page = await createHistoryStore({ dir, clock }).list();
    expect(page.entries.map((e) => e.id)).toEqual([b.id, a.id]);
    expect(page.recovery?.reason).toBe('partially-valid');
    expect((await createHistoryStore({ dir, clock }).get(a.id)).storedBody).toEqual({ kind: 'text', text: '{"a":1}' });
  });

  it('keeps a directory found where the index should be, and works around it', async () => {
    const first = createHistoryStore({ dir, clock });
    const a = await first.add(entry({ requestId: 'a' }));
    await fs.rm(path.join(dir, 'history', 'index.json'));
    await fs.mkdir(path.join(dir, 'history', 'index.json', 'inner'), { recursive: true });
    const store = createHistoryStore({ dir, clock });
    const page = await store.list();
    expect(page.entries.map((e) => e.id)).toEqual([a.id]);
    expect(page.recovery?.reason).toBe('unreadable');
    await store.add(entry({ requestId: 'b' }));
    expect((await createHistoryStore({ dir, clock }).list()).total).toBe(2);
    const aside = (await fs.readdir(path.join(dir, 'history'))).find((name) => name.startsWith('index.json.corrupt-'));
    expect(aside && (await fs.readdir(path.join(dir, 'history', aside)))).toEqual(['inner']);
  });

  it('survives many concurrent adds without losing any', async () => {
    const store = createHistoryStore({ dir, clock });
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.add(entry({ requestId: `c-${i}` }))));
    expect((await createHistoryStore({ dir, clock }).list()).total).toBe(30);
    const leftovers = (await fs.readdir(path.join(dir, 'history'), { recursive: true })).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });
});
