import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TailRead, TailStatus } from '../shared/live-tail/types';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { type BenchApp, type BenchBrowser, heapMb, longest, watchLongTasks } from './browser';
import { type Figure, figure } from './stats';

/** The bulk check and the live tail against the app's built-in sandbox, driven through the real UI. */

async function sandboxCall(app: BenchApp, pathname: string, init: { method: string; body: BodyInit; type?: string }): Promise<Response> {
  const { sandbox } = app.main.services;
  return fetch(`${sandbox.status().usBaseUrl}${pathname}`, {
    method: init.method,
    headers: {
      authorization: `Basic ${Buffer.from(`api:${SANDBOX_API_KEY}`).toString('base64')}`,
      [sandbox.clientHeader.name]: sandbox.clientHeader.value,
      ...(init.type ? { 'content-type': init.type } : {}),
    },
    body: init.body,
  });
}

function mainHeapMb(): number {
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function openSupportTab(app: BenchApp, tab: string): Promise<void> {
  await app.page.getByTestId('view-switch-support').click();
  await app.page.getByTestId(`support-tab-${tab}`).click();
}

export async function bulkCheckBench(browser: BenchBrowser, count: number): Promise<Figure[]> {
  const app = await browser.open();
  try {
    // Ten domains, as a real account has several: each one's three lists are read.
    const domains = [SANDBOX_US_DOMAIN, ...Array.from({ length: 9 }, (_, i) => `bench${i}.example.com`)];
    for (const name of domains.slice(1)) {
      const form = new FormData();
      form.set('name', name);
      const created = await sandboxCall(app, '/v4/domains', { method: 'POST', body: form });
      if (created.status !== 200) throw new Error(`creating ${name} answered ${created.status}`);
    }
    const addresses = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(5, '0')}@example.com`);
    const suppressed = addresses.filter((_, i) => i % 10 === 0);
    for (let i = 0; i < suppressed.length; i += 100) {
      const entries = suppressed.slice(i, i + 100).map((address) => ({ address, code: '550', error: 'No such mailbox' }));
      const domain = domains[(i / 100) % domains.length];
      const answer = await sandboxCall(app, `/v3/${domain}/bounces`, {
        method: 'POST',
        body: JSON.stringify(entries),
        type: 'application/json',
      });
      if (answer.status !== 200) throw new Error(`seeding bounces answered ${answer.status}`);
    }
    const file = path.join(tmpdir(), `bench-bulk-${process.pid}.csv`);
    await writeFile(file, `email,name\n${addresses.map((a, i) => `${a},"Customer ${i}"`).join('\n')}\n`);
    await openSupportTab(app, 'bulk');
    const tasks = await watchLongTasks(app.page);
    app.main.dialogs.pickNext(file);
    await app.page.getByTestId('bulk-import').click();
    await app.page
      .getByTestId('bulk-list-summary')
      .filter({ hasText: `${count} addresses` })
      .waitFor();
    (globalThis as { gc?: () => void }).gc?.();
    const heapBefore = mainHeapMb();
    let peak = heapBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, mainHeapMb());
    }, 20);
    const started = performance.now();
    await app.page.getByTestId('bulk-start').click();
    await app.page.locator('[data-testid="bulk-result"][data-state="done"]').waitFor({ timeout: 120_000 });
    const checkMs = performance.now() - started;
    clearInterval(sampler);
    await app.page.getByTestId('bulk-row').first().waitFor();
    const summary = (await app.page.getByTestId('bulk-summary').textContent()) ?? '';
    const calls = (await app.page.getByTestId('bulk-progress').textContent()) ?? '';
    // A user looks through the results: scroll to the end and filter.
    await app.page.getByTestId('bulk-rows').evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await app.page.getByTestId('bulk-show').selectOption('suppressed');
    await app.page.getByTestId('bulk-row').first().waitFor();
    const longestTask = longest(await tasks.stop());
    const lastStatus = app.main.calls.filter((c) => c.method === 'bulkCheckStatus' && c.result.ok).at(-1)?.result;
    const mainMs = lastStatus?.ok ? (lastStatus.value as { elapsedMs: number }).elapsedMs : Number.NaN;
    const expected = `${suppressed.length} of ${count} suppressed`;
    if (!summary.includes(expected)) throw new Error(`bulk check summary "${summary}" does not say "${expected}"`);
    return [
      figure(`bulk check of ${count.toLocaleString('en')} addresses in main`, 'ms', [mainMs], undefined, calls.replace(/^Done: /, '')),
      figure(
        `bulk check of ${count.toLocaleString('en')}: Check clicked to results shown`,
        'ms',
        [checkMs],
        undefined,
        'includes the test harness carrying the addresses and rows over its page binding',
      ),
      figure(
        `bulk check of ${count.toLocaleString('en')}: peak main heap growth`,
        'MB',
        [peak - heapBefore],
        undefined,
        'Node heap of the main services, sampled every 20 ms',
      ),
      figure(
        `bulk check of ${count.toLocaleString('en')}: longest page task`,
        'ms',
        [longestTask],
        200,
        'import, check, results, scroll and filter',
      ),
      figure(`bulk check of ${count.toLocaleString('en')}: page JS heap`, 'MB', [await heapMb(app.page)]),
    ];
  } finally {
    await app.close();
  }
}

/**
 * Messages sent to the sandbox at a steady rate (each makes an accepted, a
 * delivered and often an opened event) while the live tail runs in the page;
 * at the end every event the sandbox recorded in the tail's window is
 * compared with what the tail passed on, by id.
 */
export async function liveTailBench(browser: BenchBrowser, seconds: number, eventsPerSecond: number): Promise<Figure[]> {
  const app = await browser.open();
  try {
    await openSupportTab(app, 'tail');
    await app.page.getByTestId('tail-domain').fill(SANDBOX_US_DOMAIN);
    await app.page.getByTestId('tail-start').click();
    await app.page.locator('[data-testid="tail-state"][data-state="running"]').waitFor();
    const start = app.main.calls.find((c) => c.method === 'startLiveTail');
    if (!start?.result.ok) throw new Error('the tail did not start');
    const status = start.result.value as TailStatus;
    const fromSeconds = Date.parse(status.fromIso) / 1000;
    const tasks = await watchLongTasks(app.page);
    const began = performance.now();
    let sent = 0;
    // Sends in small bursts every 100 ms; a sandbox message makes about three events (accepted, delivered, often opened).
    const messagesPerMs = eventsPerSecond / 3 / 1000;
    while (performance.now() - began < seconds * 1000) {
      const burst: Promise<Response>[] = [];
      const due = Math.floor((performance.now() - began) * messagesPerMs);
      while (sent < due) {
        const form = new FormData();
        form.set('from', `bench@${SANDBOX_US_DOMAIN}`);
        form.set('to', `tail-bench-${sent % 200}@example.com`);
        form.set('subject', `Bench ${sent}`);
        form.set('text', 'hi');
        sent += 1;
        burst.push(sandboxCall(app, `/v3/${SANDBOX_US_DOMAIN}/messages`, { method: 'POST', body: form }));
      }
      await Promise.all(burst);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sendingMs = performance.now() - began;
    // Events are stamped up to a few seconds after acceptance; give the last ones time to show.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const longestTask = longest(await tasks.stop());
    const pageHeap = await heapMb(app.page);
    const state = await app.main.services.sandbox.admin.state();
    const truth = (state.regions.us.domains.find((d) => d.name === SANDBOX_US_DOMAIN)?.events ?? []).filter(
      (e) => e.timestamp >= fromSeconds,
    );
    const held = (await app.main.invoke('mailgun:readLiveTail', { tailId: status.tailId, after: 0, max: 5000 })) as {
      ok: true;
      value: TailRead;
    };
    const ids = held.value.events.map((e) => e.id);
    const unique = new Set(ids);
    const dropped = truth.filter((e) => !unique.has(e.id)).length;
    const repeated = ids.length - unique.size;
    const pageMissed = await app.page.getByTestId('tail-missed').count();
    const rate = truth.length / (sendingMs / 1000);
    if (held.value.missed > 0)
      throw new Error(`main's buffer overflowed by ${held.value.missed}; raise the bench's buffer or shorten the run`);
    const note = `${(sendingMs / 1000).toFixed(0)} s at ${rate.toFixed(0)} events/s: ${truth.length} events, ${dropped} dropped, ${repeated} repeated${pageMissed ? ', page missed some' : ''}`;
    return [
      figure(
        `live tail, ${(sendingMs / 1000).toFixed(0)} s at ${eventsPerSecond} events/s: dropped + repeated`,
        'x',
        [dropped + repeated],
        undefined,
        note,
      ),
      figure(`live tail, ${(sendingMs / 1000).toFixed(0)} s at ${eventsPerSecond} events/s: page JS heap`, 'MB', [pageHeap]),
      figure(`live tail, ${(sendingMs / 1000).toFixed(0)} s at ${eventsPerSecond} events/s: longest page task`, 'ms', [longestTask], 200),
    ];
  } finally {
    await app.close();
  }
}
