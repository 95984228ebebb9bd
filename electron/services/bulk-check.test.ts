import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../shared/catalog/types';
import type { Environment } from '../../shared/environments/types';
import { createBulkCheck } from './bulk-check';
import type { ReadAnswer } from './investigations/read-call';
import type { CallRunner, CallSpec } from './support/call-runner';

type Lists = Record<string, Record<'bounces' | 'complaints' | 'unsubscribes', string[]>>;

function fakeMailgun(lists: Lists) {
  const calls: { endpointId: string; params: Record<string, JsonValue> }[] = [];
  const failNext: ((endpointId: string, params: Record<string, JsonValue>) => ReadAnswer | null)[] = [];
  const header = () => null;
  async function read(
    _env: string,
    endpointId: string,
    given: Record<string, JsonValue>,
    extra: readonly { name: string; value: string }[] = [],
  ): Promise<ReadAnswer> {
    const params: Record<string, JsonValue> = { ...given, ...Object.fromEntries(extra.map((e) => [e.name, e.value])) };
    calls.push({ endpointId, params });
    for (const [index, rule] of failNext.entries()) {
      const answer = rule(endpointId, params);
      if (answer) {
        failNext.splice(index, 1);
        return answer;
      }
    }
    if (endpointId === 'domains.list') return { status: 200, json: { items: Object.keys(lists).map((name) => ({ name })) }, header };
    const [list, action] = endpointId.split('.') as ['bounces' | 'complaints' | 'unsubscribes', string];
    const entries = [...(lists[String(params.domain_name)]?.[list] ?? [])].sort();
    if (action === 'list') {
      const after = params.page === 'next' ? String(params.address) : null;
      const items = entries.filter((a) => after === null || a > after).slice(0, Number(params.limit));
      return {
        status: 200,
        json: {
          items: items.map((address) => ({ address, code: '550', error: 'No such user', created_at: 'Mon, 01 Dec 2026 10:00:00 UTC' })),
        },
        header,
      };
    }
    if (action === 'get') {
      const address = String(params.address);
      return entries.includes(address)
        ? { status: 200, json: { address, created_at: 'x' }, header }
        : { status: 404, json: { message: 'not found' }, header };
    }
    return { status: 400, json: {}, header };
  }
  return {
    read,
    calls,
    failNext: (rule: (endpointId: string, params: Record<string, JsonValue>) => ReadAnswer | null) => failNext.push(rule),
  };
}

function fakeRunner(lists: Lists) {
  const sent: CallSpec[] = [];
  const runner: CallRunner = {
    run: async (spec) => {
      sent.push(spec);
      const [list] = spec.endpointId.split('.') as ['bounces' | 'complaints' | 'unsubscribes'];
      const entries = lists[String(spec.params.domain_name)]?.[list] ?? [];
      const at = entries.indexOf(String(spec.params.address));
      if (at >= 0) entries.splice(at, 1);
      const status = at >= 0 ? 200 : 404;
      return {
        call: {
          label: spec.label,
          endpointId: spec.endpointId,
          method: 'DELETE',
          path: '',
          values: { params: spec.params },
          historyId: 'h',
          status,
          outcome: at >= 0 ? 'ok' : 'not-found',
        },
        status,
        json: {},
        ok: at >= 0,
      };
    },
  };
  return { runner, sent };
}

const env = (readOnly = false) => ({ id: 'env', name: 'Prod', domain: 'a.example.com', readOnly, region: 'us' }) as Environment;

async function finished(check: ReturnType<typeof createBulkCheck>, checkId: string) {
  for (let i = 0; i < 1000; i++) {
    const status = check.status({ checkId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the check did not finish');
}

function setUp(lists: Lists, readOnly = false) {
  const mailgun = fakeMailgun(lists);
  const { runner, sent } = fakeRunner(lists);
  const check = createBulkCheck({
    read: mailgun.read,
    runner,
    environments: { get: async () => env(readOnly) },
    clock: Date.now,
    sleep: async () => undefined,
  });
  return { mailgun, sent, check };
}

describe('bulk check', () => {
  it('finds each address on every list of every domain, reading the lists in pages', async () => {
    const lists: Lists = {
      'a.example.com': { bounces: ['b1@x.com', 'b2@x.com'], complaints: ['c1@x.com'], unsubscribes: [] },
      'b.example.com': { bounces: ['b1@x.com'], complaints: [], unsubscribes: ['u1@x.com', 'other@x.com'] },
    };
    const t = setUp(lists);
    const addresses = ['b1@x.com', 'b2@x.com', 'c1@x.com', 'u1@x.com', 'clear@x.com'];
    const { checkId } = await t.check.start({ environmentId: 'env', addresses });
    const status = await finished(t.check, checkId);
    expect(status).toMatchObject({ state: 'done', total: 5, listsDone: 6, listsTotal: 6, counts: { suppressed: 4, clear: 1, unknown: 0 } });
    // One page per list and one domain list, not one call per address and list.
    expect(t.mailgun.calls).toHaveLength(7);
    const { rows } = t.check.results({ checkId });
    const by = Object.fromEntries(rows.map((r) => [r.address, r]));
    expect(by['b1@x.com']?.hits.map((h) => `${h.list}@${h.domain}`).sort()).toEqual(['bounces@a.example.com', 'bounces@b.example.com']);
    expect(by['b1@x.com']?.hits[0]?.detail).toBe('550 No such user');
    expect(by['u1@x.com']?.hits[0]).toMatchObject({ list: 'unsubscribes', detail: 'all mail' });
    expect(by['clear@x.com']?.state).toBe('clear');
  });

  it('follows the pivot through a list of several pages', async () => {
    const bounces = Array.from({ length: 2500 }, (_, i) => `u${String(i).padStart(5, '0')}@x.com`);
    const t = setUp({ 'a.example.com': { bounces, complaints: [], unsubscribes: [] } });
    const wanted = ['u00000@x.com', 'u01500@x.com', 'u02499@x.com', 'u00999@x.com', 'u01000@x.com', 'nobody@x.com'];
    const { checkId } = await t.check.start({ environmentId: 'env', addresses: wanted });
    const status = await finished(t.check, checkId);
    expect(status.counts).toEqual({ suppressed: 5, clear: 1, unknown: 0 });
    const pages = t.mailgun.calls.filter((c) => c.endpointId === 'bounces.list');
    expect(pages.map((p) => p.params.address ?? null)).toEqual([null, 'u00999@x.com', 'u01999@x.com']);
  });

  it('looks the rest up one by one when a list has more pages than there are addresses', async () => {
    const bounces = Array.from({ length: 3500 }, (_, i) => `u${String(i).padStart(5, '0')}@x.com`);
    const t = setUp({ 'a.example.com': { bounces, complaints: [], unsubscribes: [] } });
    const { checkId } = await t.check.start({ environmentId: 'env', addresses: ['u00001@x.com', 'u03400@x.com'] });
    const status = await finished(t.check, checkId);
    expect(status.counts.suppressed).toBe(2);
    expect(t.mailgun.calls.filter((c) => c.endpointId === 'bounces.list')).toHaveLength(2);
    // u00001 was on the first page; only u03400 needed its own look-up.
    expect(t.mailgun.calls.filter((c) => c.endpointId === 'bounces.get').map((c) => c.params.address)).toEqual(['u03400@x.com']);
    expect(status.method).toContain('looked up 1 addresses one by one');
  });

  it('waits and asks again on 429, and marks addresses unknown when a list cannot be read, until a retry reads it', async () => {
    const t = setUp({ 'a.example.com': { bounces: ['b@x.com'], complaints: ['c@x.com'], unsubscribes: [] } });
    const limited: ReadAnswer = { status: 429, json: { message: 'Too many requests' }, header: () => '1' };
    t.mailgun.failNext((id) => (id === 'bounces.list' ? limited : null));
    t.mailgun.failNext((id) => (id === 'complaints.list' ? { status: 403, json: { message: 'Forbidden' }, header: () => null } : null));
    const { checkId } = await t.check.start({ environmentId: 'env', addresses: ['b@x.com', 'c@x.com', 'n@x.com'] });
    const status = await finished(t.check, checkId);
    expect(status.failures).toEqual([expect.objectContaining({ domain: 'a.example.com', list: 'complaints', status: 403 })]);
    expect(status.failures[0]?.message).toContain('this key may not read it');
    expect(status.counts).toEqual({ suppressed: 1, clear: 0, unknown: 2 });
    expect(t.mailgun.calls.filter((c) => c.endpointId === 'bounces.list')).toHaveLength(2);

    const again = t.check.retry({ checkId });
    expect(again.state).toBe('running');
    const afterRetry = await finished(t.check, checkId);
    expect(afterRetry).toMatchObject({ failures: [], listsDone: 3, counts: { suppressed: 2, clear: 1, unknown: 0 } });
    // Only the failed list was read again.
    expect(t.mailgun.calls.filter((c) => c.endpointId === 'bounces.list')).toHaveLength(2);
  });

  it('stops when cancelled and keeps what it found', async () => {
    const domains: Lists = {};
    for (let i = 0; i < 20; i++) domains[`d${i}.example.com`] = { bounces: ['b@x.com'], complaints: [], unsubscribes: [] };
    const t = setUp(domains);
    const { checkId } = await t.check.start({ environmentId: 'env', addresses: ['b@x.com'] });
    t.check.cancel({ checkId });
    const status = await finished(t.check, checkId);
    expect(status.state).toBe('cancelled');
    expect(status.listsDone).toBeLessThan(60);
  });

  it('releases the selected entries through the sender, confirmed, and updates the results', async () => {
    const lists: Lists = { 'a.example.com': { bounces: ['b@x.com'], complaints: ['c@x.com'], unsubscribes: [] } };
    const t = setUp(lists);
    const { checkId } = await t.check.start({ environmentId: 'env', addresses: ['b@x.com', 'c@x.com'] });
    await finished(t.check, checkId);
    const result = await t.check.release({
      checkId,
      confirmed: true,
      items: [
        { address: 'b@x.com', domain: 'a.example.com', list: 'bounces' },
        { address: 'gone@x.com', domain: 'a.example.com', list: 'bounces' },
      ],
    });
    expect(result).toMatchObject({ released: 1, notListed: 1, failed: [] });
    expect(t.sent.map((s) => [s.endpointId, s.confirmedDestructive])).toEqual([
      ['bounces.delete-one', true],
      ['bounces.delete-one', true],
    ]);
    const row = t.check.results({ checkId }).rows.find((r) => r.address === 'b@x.com');
    expect(row).toMatchObject({ state: 'clear', released: [{ domain: 'a.example.com', list: 'bounces' }] });
    expect(lists['a.example.com']?.bounces).toEqual([]);
  });

  it('refuses every release in a read-only environment, sending nothing', async () => {
    const t = setUp({ 'a.example.com': { bounces: ['b@x.com'], complaints: [], unsubscribes: [] } }, true);
    const { checkId, readOnly } = await t.check.start({ environmentId: 'env', addresses: ['b@x.com'] });
    expect(readOnly).toBe(true);
    await finished(t.check, checkId);
    await expect(
      t.check.release({ checkId, confirmed: true, items: [{ address: 'b@x.com', domain: 'a.example.com', list: 'bounces' }] }),
    ).rejects.toMatchObject({ code: 'read-only' });
    expect(t.sent).toEqual([]);
  });

  it('exports one CSV row per address and listing, formulas escaped', async () => {
    const t = setUp({ 'a.example.com': { bounces: ['=b@x.com'], complaints: [], unsubscribes: [] } });
    const { checkId } = await t.check.start({ environmentId: 'env', addresses: ['=b@x.com', 'n@x.com'] });
    await finished(t.check, checkId);
    let written = '';
    const result = await t.check.exportCsv({ checkId }, async (_name, text) => {
      written = text;
      return { saved: true, path: '/tmp/out.csv' };
    });
    expect(result.rows).toBe(2);
    const lines = written.trim().split(/\r?\n/);
    expect(lines[0]).toBe('address,status,domain,list,detail,listed_at,released');
    expect(lines[1]).toMatch(/^"'=b@x.com",suppressed,a.example.com,bounces,550 No such user,/);
    expect(lines[2]).toBe('n@x.com,clear,,,,,');
  });
});
