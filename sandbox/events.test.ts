import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox, US } from './test-support';

let t: TestSandbox;
let clock = Date.UTC(2026, 2, 10, 12, 0, 0);
beforeEach(async () => {
  clock = Date.UTC(2026, 2, 10, 12, 0, 0);
  t = await startTestSandbox({ clock: () => clock });
});
afterEach(async () => {
  await t.close();
});

const pathOf = (url: string) => url.replace(t.urls.usBaseUrl, '');

describe('GET /v3/{domain}/events', () => {
  it('lists seeded history, newest first, in Mailgun shape', async () => {
    const result = await t.call(`/v3/${US}/events`);
    expect(result.status).toBe(200);
    const items = result.body.items as { timestamp: number; event: string }[];
    expect(items.length).toBeGreaterThan(20);
    expect(items.map((e) => e.timestamp)).toEqual([...items.map((e) => e.timestamp)].sort((a, b) => b - a));
    expect(new Set(items.map((e) => e.event))).toEqual(new Set(['accepted', 'delivered', 'failed', 'opened']));
    expect(result.body.paging.next).toMatch(new RegExp(`^${t.urls.usBaseUrl}/v3/${US}/events/[A-Za-z0-9_-]+$`));
    expect(result.body.paging.previous).toMatch(new RegExp(`/v3/${US}/events/`));
  });

  it('filters by event, recipient, severity, tags, from and subject', async () => {
    const failed = await t.call(`/v3/${US}/events?event=failed&severity=permanent`);
    expect(failed.body.items.length).toBeGreaterThan(0);
    expect(failed.body.items.every((e: { event: string; severity: string }) => e.event === 'failed' && e.severity === 'permanent')).toBe(
      true,
    );
    const either = await t.call(`/v3/${US}/events?event=${encodeURIComponent('delivered OR opened')}`);
    expect(new Set(either.body.items.map((e: { event: string }) => e.event))).toEqual(new Set(['delivered', 'opened']));
    const notAccepted = await t.call(`/v3/${US}/events?event=${encodeURIComponent('NOT accepted')}`);
    expect(notAccepted.body.items.some((e: { event: string }) => e.event === 'accepted')).toBe(false);
    const alice = await t.call(`/v3/${US}/events?recipient=alice@example.com`);
    expect(alice.body.items.every((e: { recipient: string }) => e.recipient === 'alice@example.com')).toBe(true);
    const tagged = await t.call(`/v3/${US}/events?tags=receipts`);
    expect(tagged.body.items.every((e: { tags: string[] }) => e.tags.includes('receipts'))).toBe(true);
    const bySubject = await t.call(`/v3/${US}/events?subject=Spring%20sale`);
    expect(bySubject.body.items.length).toBeGreaterThan(0);
    expect((await t.call(`/v3/${US}/events?from=nobody-sent-this`)).body.items).toEqual([]);
  });

  it('limits the range with begin and end, in epoch seconds or RFC 2822', async () => {
    const end = clock / 1000;
    const begin = end - 24 * 3600;
    const epoch = await t.call(`/v3/${US}/events?begin=${begin}&end=${end}`);
    expect(epoch.body.items.every((e: { timestamp: number }) => e.timestamp >= begin && e.timestamp <= end)).toBe(true);
    const ascending = epoch.body.items.map((e: { timestamp: number }) => e.timestamp);
    expect(ascending).toEqual([...ascending].sort((a: number, b: number) => a - b));
    const rfc = await t.call(`/v3/${US}/events?begin=${encodeURIComponent('Mon, 09 Mar 2026 12:00:00 +0000')}&ascending=yes`);
    expect(rfc.body.items.every((e: { timestamp: number }) => e.timestamp >= begin)).toBe(true);
    expect(await t.call(`/v3/${US}/events?begin=yesterday`)).toMatchObject({ status: 400 });
  });

  it('pages forwards and backwards through the same query', async () => {
    await t.sandbox.admin.seedMany('messages', 40);
    const seen: string[] = [];
    let url = `/v3/${US}/events?event=accepted&limit=7&ascending=yes`;
    for (let i = 0; i < 50; i++) {
      const page = await t.call(url);
      expect(page.status).toBe(200);
      if (page.body.items.length === 0) break;
      expect(page.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.items.map((e: { id: string }) => e.id));
      url = pathOf(page.body.paging.next);
    }
    const all = await t.call(`/v3/${US}/events?event=accepted&limit=300&ascending=yes`);
    expect(seen).toEqual(all.body.items.map((e: { id: string }) => e.id));

    const first = await t.call(`/v3/${US}/events?event=accepted&limit=5&ascending=yes`);
    const second = await t.call(pathOf(first.body.paging.next));
    const back = await t.call(pathOf(second.body.paging.previous));
    expect(back.body.items.map((e: { id: string }) => e.id)).toEqual(first.body.items.map((e: { id: string }) => e.id));
  });

  it('shows new events on a next page polled later', async () => {
    const page = await t.call(`/v3/${US}/events?ascending=yes&limit=300&begin=${clock / 1000 - 60}`);
    expect(page.body.items).toEqual([]);
    clock += 1000;
    await t.call(`/v3/${US}/messages`, { form: { from: `a@${US}`, to: 'late@example.com', subject: 's', text: 't' } });
    const later = await t.call(pathOf(page.body.paging.next));
    expect(later.body.items.some((e: { recipient: string }) => e.recipient === 'late@example.com')).toBe(true);
  });

  it('refuses a limit over 300 and broken tokens', async () => {
    expect(await t.call(`/v3/${US}/events?limit=301`)).toMatchObject({
      status: 400,
      body: { message: "'limit' must be 300 or less" },
    });
    expect((await t.call(`/v3/${US}/events?limit=abc`)).status).toBe(400);
    expect(await t.call(`/v3/${US}/events/not-a-token`)).toMatchObject({ status: 400, body: { message: 'Invalid page token' } });
  });
});
