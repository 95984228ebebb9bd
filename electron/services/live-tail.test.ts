import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../shared/catalog/types';
import type { Environment } from '../../shared/environments/types';
import type { ReadAnswer } from './investigations/read-call';
import { createLiveTail, type Timers } from './live-tail';

/** A Mailgun whose events become visible only once "stored", some later than they happened, as the real one does. */
function fakeMailgun(clock: { now: number }) {
  const events: { id: string; timestamp: number; storedAt: number; recipient: string; tags: string[]; event: string }[] = [];
  const answers: ((endpointId: string) => ReadAnswer | null)[] = [];
  const calls: { endpointId: string; params: Record<string, JsonValue> }[] = [];
  const visible = (start: number) =>
    events
      .filter((e) => e.storedAt <= clock.now && e.timestamp >= start)
      .sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id))
      .map((e) => ({
        id: e.id,
        event: e.event,
        timestamp: e.timestamp,
        recipient: e.recipient,
        tags: e.tags,
        domain: { name: 'mg.example.com' },
      }));
  async function read(_env: string, endpointId: string, params: Record<string, JsonValue>): Promise<ReadAnswer> {
    calls.push({ endpointId, params });
    const scripted = answers.shift()?.(endpointId);
    if (scripted) return scripted;
    const header = () => null;
    if (endpointId === 'domains.list') return { status: 200, json: { items: [{ name: 'mg.example.com' }] }, header };
    if (endpointId === 'logs.query') {
      const start = Date.parse(String(params.start)) / 1000;
      const pagination = params.pagination as { limit: number; token?: string };
      const offset = pagination.token ? Number(pagination.token) : 0;
      const all = visible(start);
      const items = all.slice(offset, offset + pagination.limit);
      return { status: 200, json: { items, pagination: { next: String(offset + pagination.limit) } }, header };
    }
    if (endpointId === 'events.list') {
      const items = visible(Number(params.begin));
      return { status: 200, json: { items, paging: { next: 'http://x/v3/mg.example.com/events/END' } }, header };
    }
    if (endpointId === 'events.page') return { status: 200, json: { items: [], paging: {} }, header };
    return { status: 404, json: { message: 'no' }, header };
  }
  return {
    events,
    calls,
    read,
    /** The next answers, in order; null lets the fake answer as usual. */
    script: (...next: ((endpointId: string) => ReadAnswer | null)[]) => answers.push(...next),
    add(id: string, timestamp: number, storedAfterSeconds = 0, extra: Partial<{ recipient: string; tags: string[]; event: string }> = {}) {
      events.push({
        id,
        timestamp,
        storedAt: (timestamp + storedAfterSeconds) * 1000,
        recipient: 'a@example.com',
        tags: [],
        event: 'delivered',
        ...extra,
      });
    },
  };
}

function manualTimers(): Timers & { pending: Map<number, { run: () => void; ms: number }>; runAll(): Promise<void> } {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    set(run, ms) {
      const id = next++;
      pending.set(id, { run, ms });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    async runAll() {
      for (const [id, timer] of [...pending]) {
        pending.delete(id);
        timer.run();
      }
      // Let the poll's awaited reads settle.
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

const environment = { id: 'env', name: 'Prod', domain: 'mg.example.com', readOnly: false, region: 'us' } as Environment;

async function setUp(options: { settleSeconds?: number; maxPagesPerPoll?: number; idleMs?: number } = {}) {
  const clock = { now: 1_000_000_000 };
  const mailgun = fakeMailgun(clock);
  const timers = manualTimers();
  const tail = createLiveTail({
    read: mailgun.read,
    environments: { get: async () => environment },
    clock: () => clock.now,
    timers,
    settleSeconds: () => options.settleSeconds ?? 30,
    pollMs: 2000,
    ...(options.maxPagesPerPoll ? { maxPagesPerPoll: options.maxPagesPerPoll } : {}),
    ...(options.idleMs ? { idleMs: options.idleMs } : {}),
    backoff: { baseMs: 1000, maxMs: 8000 },
    newId: () => 'tail-1',
  });
  const started = await tail.start({ environmentId: 'env' });
  let after = 0;
  const seen: string[] = [];
  const step = async (seconds: number) => {
    clock.now += seconds * 1000;
    await timers.runAll();
    const read = await tail.read({ tailId: started.tailId, after });
    after = read.lastSeq;
    seen.push(...read.events.map((e) => e.id));
    return read;
  };
  return { clock, mailgun, timers, tail, tailId: started.tailId, step, seen, nowSeconds: () => clock.now / 1000 };
}

describe('live tail', () => {
  it('shows each event once, including one Mailgun stored late, with no gap', async () => {
    const t = await setUp();
    const s = t.nowSeconds();
    t.mailgun.add('a', s + 1);
    t.mailgun.add('late', s + 2, 20); // happened at +2 s, visible only from +22 s
    t.mailgun.add('b', s + 3);
    for (let i = 0; i < 20; i++) await t.step(2);
    expect(t.seen).toEqual(['a', 'b', 'late']);
  });

  it('does not repeat events across the overlap of many polls', async () => {
    const t = await setUp({ settleSeconds: 10 });
    const s = t.nowSeconds();
    for (let i = 0; i < 300; i++) t.mailgun.add(`e${String(i).padStart(3, '0')}`, s + i * 0.2);
    for (let i = 0; i < 40; i++) await t.step(2);
    expect(t.seen).toHaveLength(300);
    expect(new Set(t.seen).size).toBe(300);
  });

  it('pages through a busy second without losing events when a poll is cut short', async () => {
    const t = await setUp({ settleSeconds: 5, maxPagesPerPoll: 2 });
    const s = t.nowSeconds();
    // 450 events within two seconds: more than two pages of 100 per poll.
    for (let i = 0; i < 450; i++) t.mailgun.add(`e${String(i).padStart(3, '0')}`, s + 1 + Math.floor(i / 225));
    for (let i = 0; i < 10; i++) await t.step(2);
    expect(t.seen).toHaveLength(450);
    expect(new Set(t.seen).size).toBe(450);
  });

  it('stops polling while the window is hidden and resumes from where it left off', async () => {
    const t = await setUp({ settleSeconds: 5 });
    const s = t.nowSeconds();
    t.mailgun.add('before', s + 1);
    await t.step(2);
    await t.step(2);
    t.tail.setVisible(false);
    const callsWhenHidden = t.mailgun.calls.length;
    t.mailgun.add('while-hidden', s + 10);
    t.clock.now += 600_000;
    await t.timers.runAll();
    expect(t.mailgun.calls.length).toBe(callsWhenHidden);
    expect((await t.tail.read({ tailId: t.tailId, after: 0 })).status.state).toBe('hidden');
    t.mailgun.add('after', t.nowSeconds() + 1);
    t.tail.setVisible(true);
    for (let i = 0; i < 3; i++) await t.step(2);
    expect(t.seen).toEqual(['before', 'while-hidden', 'after']);
  });

  it('pause stops polling and resume carries on without a gap', async () => {
    const t = await setUp({ settleSeconds: 2 });
    await t.step(2);
    t.tail.setPaused({ tailId: t.tailId, paused: true });
    const calls = t.mailgun.calls.length;
    t.mailgun.add('during-pause', t.nowSeconds() + 1);
    for (let i = 0; i < 5; i++) await t.step(2);
    expect(t.mailgun.calls.length).toBe(calls);
    t.tail.setPaused({ tailId: t.tailId, paused: false });
    await t.step(1);
    expect(t.seen).toEqual(['during-pause']);
  });

  it('stops asking Mailgun when nobody reads, and starts again at the next read', async () => {
    const t = await setUp({ idleMs: 5000 });
    await t.step(2);
    t.clock.now += 10_000;
    await t.timers.runAll();
    const calls = t.mailgun.calls.length;
    await t.timers.runAll();
    expect(t.timers.pending.size).toBe(0);
    expect(t.mailgun.calls.length).toBe(calls);
    await t.tail.read({ tailId: t.tailId, after: 0 });
    await t.timers.runAll();
    expect(t.mailgun.calls.length).toBeGreaterThan(calls);
  });

  it('backs off on 429 as long as Retry-After asks, then carries on without losing events', async () => {
    const t = await setUp({ settleSeconds: 5 });
    t.mailgun.add('a', t.nowSeconds() + 1);
    const limited = (): ReadAnswer => ({
      status: 429,
      json: { message: 'Too many requests' },
      header: (n) => (n === 'retry-after' ? '6' : null),
    });
    t.mailgun.script(limited, limited);
    const first = await t.step(2);
    expect(first.status.state).toBe('backing-off');
    expect(first.status.retryInMs).toBe(6000);
    expect(first.status.problem?.status).toBe(429);
    expect([...t.timers.pending.values()].map((p) => p.ms)).toEqual([6000]);
    const second = await t.step(6);
    expect(second.status.retryInMs).toBe(6000);
    await t.step(6);
    const recovered = await t.step(2);
    expect(recovered.status.state).toBe('running');
    expect(recovered.status.problem).toBeNull();
    expect(t.seen).toEqual(['a']);
  });

  it('doubles the wait on repeated failures without Retry-After, up to the maximum', async () => {
    const t = await setUp();
    const failing = (): ReadAnswer => ({ status: 503, json: {}, header: () => null });
    t.mailgun.script(failing, failing, failing, failing, failing);
    const waits: (number | null)[] = [];
    for (let i = 0; i < 5; i++) waits.push((await t.step(10)).status.retryInMs);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('falls back to the events API when the Logs API is not there, and says so', async () => {
    const t = await setUp({ settleSeconds: 5 });
    t.mailgun.script((id) => (id === 'logs.query' ? { status: 404, json: { message: 'Not found' }, header: () => null } : null));
    t.mailgun.add('a', t.nowSeconds() + 1);
    const read = await t.step(2);
    await t.step(2);
    expect(read.status.source).toBe('events');
    expect(read.status.note).toContain('events API');
    expect(t.mailgun.calls.some((c) => c.endpointId === 'events.list' && c.params.ascending === 'yes')).toBe(true);
    expect(t.seen).toEqual(['a']);
  });

  it('passes on only what matches the recipient, event and tag filters', async () => {
    const clock = { now: 1_000_000_000 };
    const mailgun = fakeMailgun(clock);
    const timers = manualTimers();
    const tail = createLiveTail({
      read: mailgun.read,
      environments: { get: async () => environment },
      clock: () => clock.now,
      timers,
      settleSeconds: () => 0,
    });
    const { tailId } = await tail.start({ environmentId: 'env', recipient: 'Bob@Example.com', event: 'failed', tag: 'vip' });
    const s = clock.now / 1000;
    mailgun.add('match', s + 1, 0, { recipient: 'bob@example.com', event: 'failed', tags: ['vip'] });
    mailgun.add('other-recipient', s + 1, 0, { recipient: 'al@example.com', event: 'failed', tags: ['vip'] });
    mailgun.add('other-event', s + 1, 0, { recipient: 'bob@example.com', event: 'delivered', tags: ['vip'] });
    mailgun.add('other-tag', s + 1, 0, { recipient: 'bob@example.com', event: 'failed', tags: [] });
    clock.now += 2000;
    await timers.runAll();
    const read = await tail.read({ tailId, after: 0 });
    expect(read.events.map((e) => e.id)).toEqual(['match']);
    const body = mailgun.calls.find((c) => c.endpointId === 'logs.query')?.params;
    expect(body).toMatchObject({ events: ['failed'] });
    expect(JSON.stringify(body?.filter)).toContain('bob@example.com');
  });

  it('counts the events of the last minute and exports what it holds as CSV, formulas escaped', async () => {
    const t = await setUp({ settleSeconds: 0 });
    const s = t.nowSeconds();
    t.mailgun.add('a', s + 1, 0, { recipient: '=cmd@example.com' });
    t.mailgun.add('b', s + 1);
    const read = await t.step(2);
    expect(read.status.perMinute).toBe(2);
    let written = '';
    const result = await t.tail.exportCsv({ tailId: t.tailId }, async (_name, text) => {
      written = text;
      return { saved: true, path: '/tmp/x.csv' };
    });
    expect(result).toMatchObject({ saved: true, rows: 2 });
    const lines = written.trim().split(/\r?\n/);
    expect(lines[0]).toBe('time,event,domain,recipient,message_id,subject,severity,reason,smtp_code,smtp_message,tags,id');
    expect(lines.some((line) => line.includes(`"'=cmd@example.com"`))).toBe(true);
    t.tail.clear({ tailId: t.tailId });
    expect((await t.tail.read({ tailId: t.tailId, after: read.lastSeq })).missed).toBe(0);
  });

  it('exports in the order of the view, by event time newest first, with an event stored late at its place', async () => {
    const t = await setUp({ settleSeconds: 10 });
    const s = t.nowSeconds();
    t.mailgun.add('early', s + 1);
    t.mailgun.add('late-stored', s + 2, 6);
    t.mailgun.add('newer', s + 3);
    await t.step(4);
    await t.step(6);
    expect(t.seen).toEqual(['early', 'newer', 'late-stored']);
    let written = '';
    await t.tail.exportCsv({ tailId: t.tailId }, async (_name, text) => {
      written = text;
      return { saved: true, path: '/tmp/x.csv' };
    });
    const ids = written
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',').at(-1));
    expect(ids).toEqual(['newer', 'late-stored', 'early']);
  });
});
