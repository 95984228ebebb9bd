import { describe, expect, it } from 'vitest';
import { getEndpoint } from '../../../shared/catalog';
import type { Environment } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import type { ResponseRecord } from '../../../shared/requests/types';
import { renderDomainHealthMarkdown } from '../../../shared/support/domain-health-markdown';
import type { SendRequestArgs } from '../send-request';
import { createCallRunner } from './call-runner';
import { createDomainHealth } from './domain-health';
import { createMessageTracer } from './message-trace';
import { createRecipientTools } from './recipient-lookup';

const environment: Environment = {
  id: 'env-1',
  name: 'Production',
  region: 'us',
  domain: 'mg.example.com',
  keyKind: 'primary',
  readOnly: true,
  colour: 'red',
  hasKey: true,
  keyLast4: '1234',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

type Answer = { status: number; body: unknown } | AppFailure;

function fakeSender(answers: Record<string, Answer>) {
  const sent: SendRequestArgs[] = [];
  return {
    sent,
    async send(args: SendRequestArgs): Promise<ResponseRecord> {
      sent.push(args);
      const answer = answers[args.endpointId] ?? { status: 200, body: {} };
      if (answer instanceof AppFailure) throw answer;
      return {
        requestId: args.requestId,
        status: answer.status,
        statusText: '',
        headers: [],
        timings: { startedAt: 0, ttfbMs: 1, totalMs: 1 },
        sizeBytes: 0,
        contentType: 'application/json',
        body: { kind: 'text', text: JSON.stringify(answer.body) },
        historyId: `h-${sent.length}`,
        request: { method: 'GET', url: 'https://api.mailgun.net/x', headerNames: [], authSent: true },
      };
    },
  };
}

const environments = { get: async () => environment };

describe('reports with failing parts', () => {
  it('keeps what it got and says why the rest is missing', async () => {
    const sender = fakeSender({
      'domains.get': {
        status: 200,
        body: { domain: { state: 'unverified', type: 'custom' }, sending_dns_records: [], receiving_dns_records: [] },
      },
      'messages.queue-status': { status: 403, body: { message: 'Forbidden by plan' } },
      'stats.domain-totals': { status: 429, body: { message: 'Too many requests' } },
      'webhooks.list': new AppFailure('timeout', 'No answer within 20 s.', 'Try again.'),
      'domain-tracking.get': { status: 500, body: 'oops' },
    });
    const runner = createCallRunner({
      sender,
      getEndpoint,
      newId: () => '00000000-0000-4000-8000-000000000000',
      sleep: async () => undefined,
    });
    const health = createDomainHealth({ runner, environments, clock: () => Date.UTC(2024, 5, 11), newId: () => 'report-1' });
    const report = await health.build({ environmentId: 'env-1' });
    expect(report.overview?.state).toBe('unverified');
    const kinds = Object.fromEntries(report.gaps.map((g) => [g.section, g.kind]));
    expect(kinds).toMatchObject({ 'Sending queue': 'plan', Delivery: 'rate-limit', Webhooks: 'timeout', Tracking: 'server' });
    expect(report.findings[0]).toMatchObject({ level: 'error', text: expect.stringContaining('unverified') });
    const webhookCall = report.calls.find((c) => c.endpointId === 'webhooks.list');
    expect(webhookCall).toMatchObject({ historyId: null, status: null, outcome: 'failed', error: { code: 'timeout' } });
    expect(report.calls.find((c) => c.endpointId === 'messages.queue-status')).toMatchObject({
      status: 403,
      error: { message: 'Forbidden by plan' },
    });
    const markdown = renderDomainHealthMarkdown(report);
    expect(markdown).toContain('_Not available: Not allowed for this key or plan (Forbidden by plan)._');
    expect(markdown).toContain('- Delivery: Mailgun is limiting the request rate; try again in a minute. (HTTP 429)');
    // No timeout of the tools' own: the user's limits, which the pipeline holds, apply to every call.
    expect(sender.sent.every((args) => args.timeoutMs === undefined && args.maxBytes === undefined)).toBe(true);
  });

  it('falls back to the Logs API when Events is refused, filtering by Message-Id here', async () => {
    const sender = fakeSender({
      'events.list': { status: 403, body: { message: 'Events are not on this plan' } },
      'logs.query': {
        status: 200,
        body: {
          items: [
            {
              id: '1',
              event: 'accepted',
              '@timestamp': '2024-06-11T10:00:00Z',
              recipient: 'a@x.com',
              message: { headers: { 'message-id': 'wanted@mg' } },
            },
            {
              id: '2',
              event: 'delivered',
              '@timestamp': '2024-06-11T10:00:05Z',
              recipient: 'a@x.com',
              message: { headers: { 'message-id': 'wanted@mg' } },
            },
            {
              id: '3',
              event: 'delivered',
              '@timestamp': '2024-06-11T10:00:06Z',
              recipient: 'b@x.com',
              message: { headers: { 'message-id': 'other@mg' } },
            },
          ],
        },
      },
    });
    const runner = createCallRunner({ sender, getEndpoint });
    const tracer = createMessageTracer({ runner, environments, clock: () => Date.UTC(2024, 5, 12) });
    const trace = await tracer.trace({ environmentId: 'env-1', messageId: '<Wanted@mg>' });
    expect(trace.source).toBe('logs');
    expect(trace.events.map((e) => e.id)).toEqual(['1', '2']);
    expect(trace.status).toBe('delivered');
    expect(trace.gaps[0]).toMatchObject({ section: 'Events', kind: 'plan' });
    expect(trace.calls.map((c) => c.endpointId)).toEqual(['events.list', 'logs.query']);
    expect(sender.sent[0]?.values.params['message-id']).toBe('Wanted@mg');
  });

  it('asks the Events API of each domain when the Logs API is refused, and still finds similar addresses', async () => {
    const sender = fakeSender({
      'subaccounts.list': { status: 403, body: { message: 'Subaccounts are not on this plan' } },
      'domains.list': { status: 200, body: { items: [{ name: 'mg.example.com' }] } },
      'logs.query': { status: 403, body: { message: 'Logs are not on this plan' } },
      'bounces.get': { status: 404, body: { message: 'Address not found in bounces table' } },
      'complaints.get': { status: 404, body: { message: 'No spam complaints found for this address' } },
      'unsubscribes.get': { status: 404, body: { message: 'Address not found in unsubscribers table' } },
      'allowlist.get': { status: 404, body: { message: 'Not found' } },
      'events.list': {
        status: 200,
        body: {
          items: [
            {
              id: 'e1',
              event: 'delivered',
              timestamp: 1_718_000_000,
              recipient: 'bob@example.org',
              message: { headers: { 'message-id': 'm1@mg' } },
            },
          ],
        },
      },
    });
    const runner = createCallRunner({ sender, getEndpoint, probe: (_scope, args) => sender.send(args) });
    const tools = createRecipientTools({ runner, environments, clock: () => Date.UTC(2024, 5, 12) });
    const verdict = await tools.lookup({ environmentId: 'env-1', address: 'bob@example.com' });
    expect(verdict.searched.map((s) => s.source)).toEqual(['events', 'events']);
    expect(verdict.gaps.map((g) => g.section)).toEqual(['Logs (US)', 'Logs (EU)']);
    expect(verdict.similar).toEqual([{ address: 'bob@example.org', delivered: 1, why: 'other-domain' }]);
    expect(
      sender.sent.filter((a) => a.endpointId === 'events.list').map((a) => a.values.params.recipient ?? a.values.params.event),
    ).toEqual(expect.arrayContaining(['bob@example.com', 'delivered']));
  });

  it('says when the MX and tracking CNAME records point at the other region, from Mailgun’s own record values', async () => {
    const sender = fakeSender({
      'domains.get': {
        status: 200,
        body: {
          domain: { state: 'active', type: 'custom' },
          sending_dns_records: [
            { record_type: 'CNAME', name: 'email.mg.example.com', value: 'mailgun.org', valid: 'invalid', cached: ['eu.mailgun.org'] },
          ],
          receiving_dns_records: [
            {
              record_type: 'MX',
              name: 'mg.example.com',
              value: 'mxa.mailgun.org',
              priority: '10',
              valid: 'invalid',
              cached: ['mxa.eu.mailgun.org'],
            },
            {
              record_type: 'MX',
              name: 'mg.example.com',
              value: 'mxb.mailgun.org',
              priority: '10',
              valid: 'valid',
              cached: ['mxb.mailgun.org'],
            },
          ],
        },
      },
    });
    const runner = createCallRunner({ sender, getEndpoint, sleep: async () => undefined });
    const health = createDomainHealth({ runner, environments, clock: () => Date.UTC(2024, 5, 11), newId: () => 'report-2' });
    const report = await health.build({ environmentId: 'env-1' });
    expect(report.findings.slice(0, 2)).toEqual([
      {
        level: 'error',
        text: expect.stringContaining('The CNAME record at email.mg.example.com points at eu.mailgun.org, a host of the EU region'),
      },
      { level: 'error', text: expect.stringContaining('The MX record at mg.example.com points at mxa.eu.mailgun.org') },
    ]);
  });

  it('traces a failed message when bounce classification is refused or has nothing, and says so in words', async () => {
    const failedEvents = {
      status: 200,
      body: {
        items: [
          {
            id: 'a',
            event: 'accepted',
            timestamp: 1718100000,
            recipient: 'gone@gmail.com',
            message: { headers: { 'message-id': 'm@mg' } },
          },
          {
            id: 'f',
            event: 'failed',
            severity: 'permanent',
            timestamp: 1718100005,
            recipient: 'gone@gmail.com',
            'delivery-status': { code: 550, message: '5.1.1 No such user' },
            message: { headers: { 'message-id': 'm@mg' } },
          },
        ],
      },
    };
    for (const [answer, state, words] of [
      [{ status: 403, body: { message: 'Forbidden' } }, 'unavailable', 'not available to this account or key (HTTP 403)'],
      [{ status: 404, body: { message: 'Not found' } }, 'unavailable', 'not available to this account or key (HTTP 404)'],
      [{ status: 200, body: { items: [], pagination: { total: 0 } } }, 'no-data', 'has no failures from mg.example.com to gmail.com'],
    ] as const) {
      const sender = fakeSender({ 'events.list': failedEvents, 'bounce-classification.query': answer });
      const tracer = createMessageTracer({
        runner: createCallRunner({ sender, getEndpoint }),
        environments,
        clock: () => Date.UTC(2024, 5, 12),
      });
      const trace = await tracer.trace({ environmentId: 'env-1', messageId: 'm@mg' });
      expect(trace.status).toBe('failed');
      expect(trace.events.map((e) => e.id)).toEqual(['a', 'f']);
      expect(trace.classification?.state).toBe(state);
      expect(trace.classification?.message).toContain(words);
      expect(trace.classification?.message).toContain('SMTP codes alone');
      expect(trace.calls.map((c) => c.endpointId)).toEqual(['events.list', 'bounce-classification.query']);
      expect(trace.gaps).toEqual([]);
      // The environment is read-only: the query went out all the same, as the read it is.
      expect(environment.readOnly).toBe(true);
      expect(sender.sent.map((c) => c.endpointId)).toContain('bounce-classification.query');
    }
  });
});
