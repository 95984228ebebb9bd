import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN } from '../../../shared/sandbox/constants';
import { diagnose } from '../../../shared/status';
import { renderDomainHealthMarkdown } from '../../../shared/support/domain-health-markdown';
import { type SupportHarness, startSupportHarness } from './test-harness';

let h: SupportHarness;

beforeAll(async () => {
  h = await startSupportHarness();
});
afterAll(async () => {
  await h.close();
});

function sign(key: string, timestamp: string, token: string): string {
  return createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
}

describe('recipient lookup and release', () => {
  it('finds an unsubscribed recipient, shows its failed events, and releases it', async () => {
    const env = await h.addEnvironment();
    const found = await h.support.recipients.lookup({ environmentId: env.id, address: 'No-More@example.com' });
    expect(found.address).toBe('no-more@example.com');
    expect(found.verdict).toBe('blocked');
    expect(found.blocks).toEqual([
      expect.objectContaining({
        domain: SANDBOX_US_DOMAIN,
        list: 'unsubscribes',
        effective: true,
        canRelease: true,
        summary: 'Unsubscribed from all mail',
      }),
    ]);
    expect(found.domains[0]?.bounce.state).toBe('absent');
    expect(found.events.some((e) => e.event === 'failed' && e.reason === 'suppress-unsubscribe')).toBe(true);
    expect(found.calls.length).toBeGreaterThanOrEqual(7);
    expect(found.calls.every((c) => c.historyId !== null)).toBe(true);
    expect(found.gaps).toEqual([]);

    const released = await h.support.recipients.release({
      environmentId: env.id,
      domain: SANDBOX_US_DOMAIN,
      list: 'unsubscribes',
      address: 'no-more@example.com',
      confirmed: true,
    });
    expect(released.released).toBe(true);
    expect(released.call.historyId).not.toBeNull();
    expect(released.call.endpointId).toBe('unsubscribes.delete-one');

    const again = await h.support.recipients.lookup({ environmentId: env.id, address: 'no-more@example.com' });
    expect(again.verdict).toBe('clear');
    const twice = await h.support.recipients.release({
      environmentId: env.id,
      domain: SANDBOX_US_DOMAIN,
      list: 'unsubscribes',
      address: 'no-more@example.com',
      confirmed: true,
    });
    expect(twice.released).toBe(false);
  });

  it('keeps tags of a partial unsubscribe and notes allowlisted addresses', async () => {
    const env = await h.addEnvironment();
    const tagged = await h.support.recipients.lookup({
      environmentId: env.id,
      address: 'weekly-only@example.org',
      domain: SANDBOX_US_DOMAIN,
    });
    expect(tagged.blocks[0]?.summary).toBe('Unsubscribed from mail tagged newsletter');
    const vip = await h.support.recipients.lookup({ environmentId: env.id, address: 'vip@example.org' });
    expect(vip.verdict).toBe('clear');
    expect(vip.domains[0]?.allowlist).toEqual({
      state: 'listed',
      entry: expect.objectContaining({ type: 'address', value: 'vip@example.org' }),
    });
  });

  it('changes nothing in a read-only environment', async () => {
    const env = await h.addEnvironment({ readOnly: true, name: 'Read only' });
    const found = await h.support.recipients.lookup({ environmentId: env.id, address: 'angry@example.com' });
    expect(found.blocks[0]).toEqual(expect.objectContaining({ list: 'complaints', canRelease: false }));
    await expect(
      h.support.recipients.release({
        environmentId: env.id,
        domain: SANDBOX_US_DOMAIN,
        list: 'complaints',
        address: 'angry@example.com',
        confirmed: true,
      }),
    ).rejects.toMatchObject({ code: 'read-only' });
    const state = await h.sandbox.sandbox.admin.state();
    expect(state.regions.us.domains[0]?.complaints.some((c) => c.address === 'angry@example.com')).toBe(true);
  });

  it('rejects something that is not an address', async () => {
    const env = await h.addEnvironment();
    await expect(h.support.recipients.lookup({ environmentId: env.id, address: 'not an address' })).rejects.toMatchObject({
      code: 'invalid-argument',
      field: 'address',
    });
  });
});

describe('message trace', () => {
  it('traces a sent message through accepted, delivered and failed', async () => {
    const env = await h.addEnvironment();
    const response = await h.sender.send({
      requestId: randomUUID(),
      environmentId: env.id,
      endpointId: 'messages.send',
      values: {
        params: {
          from: `shop@${SANDBOX_US_DOMAIN}`,
          to: ['trace-me@example.com', 'bounce-trace@example.com'],
          subject: 'Trace me',
          text: 'Hello',
        },
      },
    });
    expect(response.status).toBe(200);
    const messageId = String(JSON.parse(response.body.kind === 'text' ? response.body.text : '{}').id);

    const trace = await h.support.tracer.trace({ environmentId: env.id, messageId });
    expect(trace.source).toBe('events');
    expect(trace.status).toBe('mixed');
    expect(trace.events.map((e) => e.event)).toEqual(expect.arrayContaining(['accepted', 'delivered', 'failed']));
    const timestamps = trace.events.map((e) => e.timestamp);
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    const failed = trace.events.find((e) => e.event === 'failed');
    expect(failed).toMatchObject({
      recipient: 'bounce-trace@example.com',
      severity: 'permanent',
      smtp: expect.objectContaining({ code: 550 }),
    });
    expect(trace.calls[0]).toMatchObject({
      endpointId: 'events.list',
      values: { params: expect.objectContaining({ 'message-id': messageId.replace(/^<|>$/g, '') }) },
    });
    expect(trace.calls[0]?.historyId).not.toBeNull();

    // Mailgun's bounce classification of the failed attempt, asked with a read-only POST and listed with the calls made.
    expect(trace.classification).toMatchObject({
      state: 'classified',
      rows: [{ recipientDomain: 'example.com', entity: 'Other', category: 'BOUNCE', severity: 'PERMANENT', criticality: 'NON-CRITICAL' }],
    });
    expect(trace.classification?.rows[0]?.failures).toBeGreaterThanOrEqual(1);
    expect(trace.classification?.message).toContain(`from ${SANDBOX_US_DOMAIN} to example.com`);
    const classified = trace.calls.find((c) => c.endpointId === 'bounce-classification.query');
    expect(classified).toMatchObject({ method: 'POST', path: '/v2/bounce-classification/metrics', status: 200, outcome: 'ok' });
    expect(classified?.values.params).toMatchObject({
      dimensions: expect.arrayContaining(['entity-name', 'category', 'criticality']),
      filter: {
        AND: [
          { attribute: 'domain.name', comparator: '=', values: [{ label: SANDBOX_US_DOMAIN, value: SANDBOX_US_DOMAIN }] },
          { attribute: 'recipient-domain', comparator: '=', values: [{ label: 'example.com', value: 'example.com' }] },
        ],
      },
    });
    const saved: string[] = [];
    await h.support.reports.export({ environmentId: env.id, reportId: trace.reportId, format: 'markdown' }, async (_name, text) => {
      saved.push(text);
      return { saved: true, path: '/tmp/trace.md' };
    });
    expect(saved[0]).toContain('## Bounce classification');
    expect(saved[0]).toContain('| example.com | Other · BOUNCE · PERMANENT · NON-CRITICAL |');
    expect(saved[0]).toMatch(/\| POST \| http:\/\/127\.0\.0\.1:\d+\/us\/v2\/bounce-classification\/metrics \| 200 \|/);

    // A read-only environment asks it too: the POST only reads.
    const readOnly = await h.addEnvironment({ readOnly: true });
    const again = await h.support.tracer.trace({ environmentId: readOnly.id, messageId });
    expect(again.classification?.state).toBe('classified');

    const byRecipient = await h.support.tracer.trace({
      environmentId: env.id,
      recipient: 'trace-me@example.com',
      begin: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(byRecipient.status).toBe('delivered');
    expect(byRecipient.message).toContain('Delivered');
  });

  it('says so when nothing matches, and refuses a bad date', async () => {
    const env = await h.addEnvironment();
    const none = await h.support.tracer.trace({ environmentId: env.id, messageId: '<nothing@example.com>' });
    expect(none.status).toBe('not-found');
    // Nothing failed, so nothing is asked of the bounce classification.
    expect(none.classification).toBeNull();
    expect(none.calls.map((c) => c.endpointId)).not.toContain('bounce-classification.query');
    await expect(
      h.support.tracer.trace({ environmentId: env.id, recipient: 'a@example.com', begin: 'Tue, 11 Jun 2024 10:00:00 CET' }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      field: 'begin',
    });
  });
});

describe('domain health', () => {
  it('reports state, DNS, tracking, webhooks, queue, stats and counts, and exports them', async () => {
    const env = await h.addEnvironment();
    const report = await h.support.domainHealth.build({ environmentId: env.id });
    expect(report.domain).toBe(SANDBOX_US_DOMAIN);
    expect(report.overview?.state).toBe('active');
    expect(report.dns?.sendingReady).toBe(true);
    expect(report.dns?.counts.valid).toBe(5);
    expect(report.tracking).toEqual(expect.objectContaining({ open: true, click: 'on' }));
    expect(report.webhooks?.map((w) => w.event)).toEqual(['delivered', 'permanent_fail']);
    expect(report.queue).not.toBeNull();
    expect(report.stats?.accepted).toBeGreaterThan(0);
    expect(report.calls).toHaveLength(9);
    expect(report.gaps).toEqual([]);
    // The sample data has four bounces, and sample sends to "bounce…" addresses add more.
    expect(report.suppressions?.[0]?.count).toBeGreaterThanOrEqual(4);
    expect(report.suppressions).toEqual([
      { list: 'bounces', count: expect.any(Number), atLeast: false },
      { list: 'complaints', count: 2, atLeast: false },
      { list: 'unsubscribes', count: expect.any(Number), atLeast: false },
      { list: 'allowlist', count: 1, atLeast: false },
    ]);

    const saved: { name: string; text: string }[] = [];
    const exported = await h.support.domainHealth.export(
      { environmentId: env.id, reportId: report.reportId, format: 'markdown' },
      async (name, text) => {
        saved.push({ name, text });
        return { saved: true, path: `/tmp/${name}` };
      },
    );
    expect(exported).toMatchObject({ saved: true, format: 'markdown' });
    expect(saved[0]?.name).toMatch(/^domain-health-sandbox\.mg\.example\.com-.*\.md$/);
    expect(saved[0]?.text).toBe(renderDomainHealthMarkdown(report));
    expect(saved[0]?.text).toContain('## DNS records');

    const json = await h.support.domainHealth.export(
      { environmentId: env.id, reportId: report.reportId, format: 'json' },
      async (name, text) => {
        saved.push({ name, text });
        return { saved: false };
      },
    );
    expect(json.saved).toBe(false);
    expect(JSON.parse(saved[1]?.text ?? '')).toMatchObject({ reportId: report.reportId });
  });

  it('marks what it could not get when the API limits requests', async () => {
    const env = await h.addEnvironment();
    h.sandbox.sandbox.admin.setRateLimit({ requests: 3, perSeconds: 60 });
    try {
      const report = await h.support.domainHealth.build({ environmentId: env.id });
      expect(report.gaps.some((g) => g.kind === 'rate-limit' && g.status === 429)).toBe(true);
      expect(report.calls).toHaveLength(9);
      expect(renderDomainHealthMarkdown(report)).toContain('## Not included');
    } finally {
      h.sandbox.sandbox.admin.setRateLimit(null);
    }
  });
});

describe('region finder', () => {
  it('finds a domain in the other sandbox region and fixes the environment', async () => {
    const env = await h.addEnvironment({ domain: SANDBOX_EU_DOMAIN, name: 'Wrong region' });
    const finding = await h.support.regions.find({ environmentId: env.id });
    expect(finding.mismatch).toBe(true);
    expect(finding.foundIn).toBe('eu');
    expect(finding.fix).toEqual({ region: 'eu', label: 'Sandbox EU', baseUrl: h.sandbox.urls.euBaseUrl });
    expect(finding.probes.map((p) => [p.region, p.status, p.current])).toEqual([
      ['us', 404, true],
      ['eu', 200, false],
    ]);
    expect(finding.calls.every((c) => c.historyId !== null)).toBe(true);
    expect(finding.calls[1]?.baseUrl).toBe(h.sandbox.urls.euBaseUrl);
    const page = await h.history.list({ limit: 5 });
    expect(page.entries.some((e) => e.request.url.startsWith(`${h.sandbox.urls.euBaseUrl}/v4/domains/`))).toBe(true);

    const fixed = await h.support.regions.apply({ environmentId: env.id, region: 'eu' });
    expect(fixed.region).toBe('eu');
    const after = await h.support.regions.find({ environmentId: env.id });
    expect(after.mismatch).toBe(false);
    expect(after.message).toContain('already points');
  });

  it('does not compare a custom URL, and never sends the key to a stranger', async () => {
    const proxy = await h.addEnvironment({ region: 'custom', baseUrl: `${h.sandbox.urls.usBaseUrl}/` });
    const finding = await h.support.regions.find({ environmentId: proxy.id });
    expect(finding.probes).toEqual([]);
    expect(finding.hint).toContain('not compared');
    expect(finding.message).toContain('answers at this environment');
    await expect(h.support.regions.apply({ environmentId: proxy.id, region: 'eu' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('region of a mailing list or route', () => {
  async function send(environmentId: string, endpointId: string, params: Record<string, string>) {
    return h.sender.send({ requestId: randomUUID(), environmentId, endpointId, values: { params } });
  }

  it('finds a list created in EU after a 404 for it in US, from a read-only environment', async () => {
    const eu = await h.addEnvironment({ region: 'eu', name: 'EU writer' });
    const address = `probe-${randomUUID().slice(0, 8)}@${SANDBOX_EU_DOMAIN}`;
    expect((await send(eu.id, 'mailing-lists.create', { address, name: 'Probe' })).status).toBeLessThan(300);

    const us = await h.addEnvironment({ region: 'us', name: 'US reader', readOnly: true });
    const miss = await send(us.id, 'mailing-lists.get', { list_address: address });
    expect(miss.status).toBe(404);
    const diagnosis = diagnose({
      method: 'GET',
      path: miss.request.url,
      status: miss.status,
      headers: Object.fromEntries(miss.headers),
      bodyText: miss.body.kind === 'text' ? miss.body.text : '',
      region: 'us',
      keyKind: 'primary',
      now: new Date(),
    }).find((d) => d.id === 'not-found-here');
    expect(diagnosis?.probe).toEqual({ kind: 'mailing-list', address });

    const finding = await h.support.regions.findResource({ environmentId: us.id, resource: diagnosis?.probe ?? { kind: 'route', id: '' } });
    expect(finding.foundIn).toBe('eu');
    expect(finding.mismatch).toBe(true);
    expect(finding.message).toBe(`The mailing list ${address} exists in the Sandbox EU region, not in the Sandbox US region.`);
    expect(finding.fix).toEqual({ region: 'eu', label: 'Sandbox EU', baseUrl: h.sandbox.urls.euBaseUrl });
    expect(finding.probes.map((p) => [p.region, p.status, p.current])).toEqual([
      ['us', 404, true],
      ['eu', 200, false],
    ]);
    expect(finding.calls.map((c) => [c.method, c.historyId !== null])).toEqual([
      ['GET', true],
      ['GET', true],
    ]);
    expect(finding.calls[1]?.baseUrl).toBe(h.sandbox.urls.euBaseUrl);
  });

  it('finds a route in EU, and says when something is in neither region', async () => {
    const eu = await h.addEnvironment({ region: 'eu' });
    const created = await send(eu.id, 'routes.create', {
      priority: '1',
      description: 'probe',
      expression: 'match_recipient(".*@example.com")',
      action: 'stop()',
    });
    const id = JSON.parse(created.body.kind === 'text' ? created.body.text : '{}').route.id as string;
    const us = await h.addEnvironment({ region: 'us' });
    const route = await h.support.regions.findResource({ environmentId: us.id, resource: { kind: 'route', id } });
    expect(route.foundIn).toBe('eu');
    expect(route.message).toBe(`Route ${id} exists in the Sandbox EU region, not in the Sandbox US region.`);

    const nowhere = await h.support.regions.findResource({
      environmentId: us.id,
      resource: { kind: 'mailing-list', address: `nobody@${SANDBOX_US_DOMAIN}` },
    });
    expect(nowhere.foundIn).toBeNull();
    expect(nowhere.fix).toBeNull();
    expect(nowhere.message).toBe(`The mailing list nobody@${SANDBOX_US_DOMAIN} was not found in either region.`);
  });

  it('asks nothing for a custom URL', async () => {
    const proxy = await h.addEnvironment({ region: 'custom', baseUrl: `${h.sandbox.urls.usBaseUrl}/` });
    const finding = await h.support.regions.findResource({ environmentId: proxy.id, resource: { kind: 'route', id: 'abc' } });
    expect(finding.probes).toEqual([]);
    expect(finding.calls).toEqual([]);
    expect(finding.hint).toContain('not compared');
  });
});

describe('webhook signatures', () => {
  it('tells a valid payload from a tampered one and spots the API key', async () => {
    const env = await h.addEnvironment();
    const signingKey = `whsec-${randomUUID()}`;
    await h.support.webhooks.setKey(env.id, signingKey);
    expect(await h.support.webhooks.hasKey(env.id)).toEqual({ hasKey: true });
    expect(h.keytar.entries.get(`support-tests/${env.id}:webhook-signing-key`)).toBe(signingKey);

    const timestamp = String(Math.floor(Date.now() / 1000));
    const token = 'a'.repeat(50);
    const payload = (signature: string) =>
      JSON.stringify({
        signature: { timestamp, token, signature },
        'event-data': {
          event: 'delivered',
          recipient: 'alice@example.com',
          timestamp: Number(timestamp),
          message: { headers: { 'message-id': 'abc@x' } },
        },
      });

    const valid = await h.support.webhooks.check({ environmentId: env.id, payload: payload(sign(signingKey, timestamp, token)) });
    expect(valid).toMatchObject({ verdict: 'valid', signatureValid: true, form: 'json', timestamp: { fresh: true } });
    expect(valid.summary).toMatchObject({ event: 'delivered', recipient: 'alice@example.com', messageId: 'abc@x' });
    expect(JSON.stringify(valid)).not.toContain(signingKey);

    const tampered = sign(signingKey, String(Number(timestamp) + 1), token);
    expect(await h.support.webhooks.check({ environmentId: env.id, payload: payload(tampered) })).toMatchObject({
      verdict: 'invalid',
      signatureValid: false,
    });

    const withApiKey = await h.support.webhooks.check({ environmentId: env.id, payload: payload(sign(SANDBOX_API_KEY, timestamp, token)) });
    expect(withApiKey.verdict).toBe('api-key-used');
    expect(withApiKey.message).toContain('API key');

    const legacy = await h.support.webhooks.check({
      environmentId: env.id,
      payload: JSON.stringify({
        timestamp,
        token,
        signature: sign(signingKey, timestamp, token),
        event: 'delivered',
        recipient: 'bob@example.com',
      }),
    });
    expect(legacy).toMatchObject({
      form: 'legacy-flat',
      verdict: 'valid',
      summary: expect.objectContaining({ recipient: 'bob@example.com' }),
    });

    expect(await h.support.webhooks.deleteKey(env.id)).toEqual({ hasKey: false, deleted: true });
    const noKey = await h.support.webhooks.check({ environmentId: env.id, payload: payload(sign(signingKey, timestamp, token)) });
    expect(noKey.verdict).toBe('no-signing-key');
  });

  it('flags stale timestamps, malformed signatures and bodies that are not webhooks', async () => {
    const env = await h.addEnvironment();
    await h.support.webhooks.setKey(env.id, 'key-1');
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    const stale = await h.support.webhooks.check({
      environmentId: env.id,
      payload: JSON.stringify({ signature: { timestamp: old, token: 't'.repeat(50), signature: sign('key-1', old, 't'.repeat(50)) } }),
    });
    expect(stale).toMatchObject({ verdict: 'valid', timestamp: { fresh: false } });
    expect(stale.message).toContain('not recent');
    const malformed = await h.support.webhooks.check({
      environmentId: env.id,
      payload: JSON.stringify({ signature: { timestamp: old, token: 'x', signature: 'zz' } }),
    });
    expect(malformed.verdict).toBe('malformed');
    await expect(h.support.webhooks.check({ environmentId: env.id, payload: '{"hello": 1}' })).rejects.toMatchObject({
      code: 'invalid-argument',
      field: 'payload',
    });
  });
});
