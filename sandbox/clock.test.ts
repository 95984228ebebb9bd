import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../shared/catalog';
import { rebaseExampleDates } from './example-dates';
import type { CatalogEntry } from './router';
import { startTestSandbox, type TestSandbox, US } from './test-support';

const DECEMBER_2026 = Date.UTC(2026, 11, 1, 20, 0, 0);

let t: TestSandbox | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('one clock', () => {
  it('does not report the scheduled queue "paused until Tue, 11 Jun 2024" in December 2026', async () => {
    t = await startTestSandbox({ catalog, clock: () => DECEMBER_2026 });
    const queues = await t.call(`/v3/domains/${US}/sending_queues`);
    expect(queues.status).toBe(200);
    expect(queues.text).not.toContain('2024');
    expect(queues.body.scheduled.is_disabled).toBe(false);
  });

  it('moves the dates of examples it cannot simulate to its clock, keeping their formats and distances', async () => {
    const entry: CatalogEntry = {
      method: 'GET',
      path: '/v3/not-simulated',
      exampleResponse: {
        status: 200,
        contentType: 'application/json',
        body: {
          created_at: 'Tue, 11 Jun 2024 09:00:00 UTC',
          until: 'Tue, 11 Jun 2024 12:00:00 +0000',
          iso: '2024-06-11T10:00:00.000Z',
          items: [{ timestamp: 1718100000, name: 'Tue, 11 Jun 2024 is not a date on its own' }],
          count: 1718100000,
        },
      },
    };
    t = await startTestSandbox({ catalog: [entry], clock: () => DECEMBER_2026 });
    const { body } = await t.call('/v3/not-simulated');
    expect(body).toEqual({
      created_at: 'Tue, 01 Dec 2026 17:00:00 UTC',
      until: 'Tue, 01 Dec 2026 20:00:00 +0000',
      iso: '2026-12-01T18:00:00.000Z',
      items: [{ timestamp: (DECEMBER_2026 - 2 * 3_600_000) / 1000, name: 'Tue, 11 Jun 2024 is not a date on its own' }],
      count: 1718100000,
    });
  });

  it('seeds its sample data relative to its clock', async () => {
    t = await startTestSandbox({ clock: () => DECEMBER_2026 });
    const domains = await t.call('/v4/domains');
    expect(domains.body.items[0].created_at).toBe('Sun, 01 Nov 2026 20:00:00 GMT');
    const events = await t.call(`/v3/${US}/events?limit=300`);
    const times = events.body.items.map((e: { timestamp: number }) => e.timestamp * 1000);
    expect(Math.max(...times)).toBeLessThanOrEqual(DECEMBER_2026 + 3_600_000);
    expect(Math.min(...times)).toBeGreaterThan(DECEMBER_2026 - 7 * 86_400_000);
  });

  it('leaves bodies without dates alone', () => {
    expect(rebaseExampleDates({ items: [], message: 'ok' }, DECEMBER_2026)).toEqual({ items: [], message: 'ok' });
  });
});
