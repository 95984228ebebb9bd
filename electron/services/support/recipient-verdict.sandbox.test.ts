import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN } from '../../../shared/sandbox/constants';
import { explainSmtp } from '../../../shared/status';
import { type SupportHarness, startSupportHarness } from './test-harness';

let h: SupportHarness;

beforeAll(async () => {
  h = await startSupportHarness();
});
afterAll(async () => {
  await h.close();
});

describe('recipient verdict across regions and subaccounts', () => {
  it('says nothing was sent to bob@example.com anywhere, and names bob@example.org, which did get mail', async () => {
    const env = await h.addEnvironment();
    const verdict = await h.support.recipients.lookup({ environmentId: env.id, address: 'bob@example.com' });
    expect(verdict.verdict).toBe('clear');
    expect(verdict.messages).toEqual([]);
    expect(verdict.domains.map((d) => [d.domain, d.scope.regionLabel])).toEqual([
      [SANDBOX_US_DOMAIN, 'US'],
      [SANDBOX_EU_DOMAIN, 'EU'],
    ]);
    // Both regions of the account and of the open subaccount were searched.
    expect(verdict.searched.map((s) => `${s.scope.regionLabel}/${s.scope.subaccountName ?? 'own'}/${s.source}`)).toEqual([
      'US/own/logs',
      'EU/own/logs',
      'US/Shop marketing/logs',
      'EU/Shop marketing/logs',
    ]);
    expect(verdict.similar).toEqual([{ address: 'bob@example.org', delivered: 3, why: 'other-domain' }]);
    expect(verdict.message).toBe(
      'Not suppressed, and nothing was sent to this address in the last 30 days on any domain (2 domains in US and EU, with 1 subaccount searched); similar addresses that did receive mail: bob@example.org (3).',
    );
    expect(verdict.gaps).toEqual([]);
    // Calls to the other region and to the subaccount went through the normal sender, so they are in history.
    expect(verdict.calls.every((c) => c.historyId !== null && c.url !== undefined)).toBe(true);
    expect(verdict.calls.some((c) => c.subaccountId === '646d00a1b32c35364a2ad34f')).toBe(true);
    expect(verdict.calls.some((c) => c.baseUrl === h.sandbox.urls.euBaseUrl)).toBe(true);
  });

  it('lists each message sent in the period with its last outcome', async () => {
    const env = await h.addEnvironment();
    const verdict = await h.support.recipients.lookup({ environmentId: env.id, address: 'bob@example.org', days: 7 });
    expect(verdict.messages).toHaveLength(3);
    expect(verdict.messages.every((m) => m.outcome === 'delivered' && m.domain === SANDBOX_US_DOMAIN)).toBe(true);
    expect(verdict.message).toMatch(/^Not suppressed, and 3 messages were sent to it in the last 7 days: 3 delivered; the last on /);
    const failed = await h.support.recipients.lookup({ environmentId: env.id, address: 'bounce-test@example.com' });
    expect(failed.messages[0]).toMatchObject({ outcome: 'failed', lastEvent: 'failed' });
    expect(failed.messages[0]?.smtp).toMatch(/^5\d\d /);
  });

  it('finds a bounce in the other region and releases it there', async () => {
    const env = await h.addEnvironment();
    const verdict = await h.support.recipients.lookup({ environmentId: env.id, address: 'gone@example.eu' });
    expect(verdict.verdict).toBe('blocked');
    expect(verdict.blocks).toEqual([
      expect.objectContaining({ domain: SANDBOX_EU_DOMAIN, list: 'bounces', scope: expect.objectContaining({ region: 'eu' }) }),
    ]);
    expect(verdict.message).toMatch(/^Suppressed: gone@example\.eu is on the bounce list of eu\.mg\.example\.com \(EU\) since /);
    const released = await h.support.recipients.release({
      environmentId: env.id,
      domain: SANDBOX_EU_DOMAIN,
      list: 'bounces',
      address: 'gone@example.eu',
      region: 'eu',
      confirmed: true,
    });
    expect(released.released).toBe(true);
    expect((await h.support.recipients.lookup({ environmentId: env.id, address: 'gone@example.eu' })).verdict).toBe('clear');
  });

  it('refuses a release in a read-only environment before sending anything', async () => {
    const env = await h.addEnvironment({ readOnly: true });
    const verdict = await h.support.recipients.lookup({ environmentId: env.id, address: 'angry@example.com' });
    expect(verdict.blocks[0]?.canRelease).toBe(false);
    await expect(
      h.support.recipients.release({
        environmentId: env.id,
        domain: SANDBOX_US_DOMAIN,
        list: 'complaints',
        address: 'angry@example.com',
        region: 'us',
        confirmed: true,
      }),
    ).rejects.toMatchObject({ code: 'read-only' });
  });
});

describe('message trace by subject', () => {
  it('finds the seeded failed order confirmation by its subject, with the server’s answer explainable', async () => {
    const env = await h.addEnvironment();
    const trace = await h.support.tracer.trace({ environmentId: env.id, subject: 'order confirmation' });
    expect(trace.query.subject).toBe('order confirmation');
    expect(trace.status).toBe('failed');
    expect(trace.events.every((e) => e.recipient === 'bounce-test@example.com')).toBe(true);
    const failure = trace.events.find((e) => e.event === 'failed');
    expect(explainSmtp(failure?.smtp?.code ?? null, failure?.smtp?.message ?? '')?.permanent).toBe(true);
  });
});

describe('ticket-ready exports', () => {
  it('writes a verdict as Markdown and JSON with every call made, and no key even when one was typed into a field', async () => {
    const env = await h.addEnvironment();
    h.redactor.learn(SANDBOX_API_KEY);
    const verdict = await h.support.recipients.lookup({ environmentId: env.id, address: 'bob@example.com' });
    const saved: { name: string; text: string }[] = [];
    const save = async (name: string, text: string) => {
      saved.push({ name, text });
      return { saved: true, path: `/tmp/${name}` };
    };
    const md = await h.support.reports.export({ environmentId: env.id, reportId: verdict.reportId, format: 'markdown' }, save);
    expect(md).toMatchObject({ saved: true, fileName: expect.stringMatching(/^recipient-bob@example\.com-\d{4}-\d\d-\d\d\.md$/) });
    const markdown = saved[0]?.text ?? '';
    expect(markdown).toContain(`**${verdict.message}**`);
    expect(markdown).toContain(`## Calls made (${verdict.calls.length})`);
    expect(markdown).toMatch(
      /\| GET \| http:\/\/127\.0\.0\.1:\d+\/us\/v3\/sandbox\.mg\.example\.com\/bounces\/bob%40example\.com \| 404 \| \d+ ms \|/,
    );

    // A key pasted into the subject field travels in the URL and the answer; the export scrubs it with main's redactor.
    const trace = await h.support.tracer.trace({ environmentId: env.id, subject: SANDBOX_API_KEY });
    await h.support.reports.export({ environmentId: env.id, reportId: trace.reportId, format: 'json' }, save);
    await h.support.reports.export({ environmentId: env.id, reportId: trace.reportId, format: 'markdown' }, save);
    for (const file of saved.slice(1)) {
      expect(file.text).not.toContain(SANDBOX_API_KEY);
      expect(file.text).toContain('[redacted]');
    }
    const json = JSON.parse(saved[1]?.text ?? '{}');
    expect(json).toMatchObject({
      kind: 'trace',
      calls: [expect.objectContaining({ method: 'GET', status: 200, url: expect.stringContaining('subject=') })],
    });
    expect(json.calls[0]).not.toHaveProperty('values');
    await expect(
      h.support.reports.export({ environmentId: 'other', reportId: trace.reportId, format: 'json' }, save),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
