// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Environment } from '../../../shared/environments/types';
import type {
  DomainHealthReport,
  MessageTrace,
  RecipientLookup,
  RegionFinding,
  UnderlyingCall,
  WebhookCheck,
} from '../../../shared/support/types';
import { BridgeError, call } from '../../bridge/client';
import { investigate, investigateStore } from '../investigate';
import { SupportPanel } from './SupportPanel';

vi.mock('../../bridge/client', async () => {
  class MockBridgeError extends Error {
    readonly error: unknown;
    constructor(error: { message: string }) {
      super(error.message);
      this.error = error;
    }
  }
  return {
    call: vi.fn(),
    BridgeError: MockBridgeError,
    toAppError: (error: unknown) =>
      error instanceof MockBridgeError
        ? error.error
        : { code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' },
  };
});

const callMock = vi.mocked(call) as unknown as ReturnType<typeof vi.fn>;

function environment(overrides: Partial<Environment> = {}): Environment {
  return {
    id: 'env-1',
    name: 'Sandbox',
    region: 'us',
    domain: 'mg.example.com',
    keyKind: 'primary',
    readOnly: false,
    colour: 'teal',
    hasKey: true,
    keyLast4: '1234',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const bounceCall: UnderlyingCall = {
  label: 'Bounce list on mg.example.com',
  endpointId: 'bounces.get',
  method: 'GET',
  path: '/v3/{domain_name}/bounces/{address}',
  values: { params: { domain_name: 'mg.example.com', address: 'gone@example.com' } },
  historyId: 'h-1',
  status: 200,
  outcome: 'ok',
};

const usScope = { region: 'us', regionLabel: 'US', subaccountId: null, subaccountName: null } as const;

function lookup(overrides: Partial<RecipientLookup> = {}): RecipientLookup {
  return {
    reportId: 'report-1',
    address: 'gone@example.com',
    environmentId: 'env-1',
    readOnly: false,
    periodDays: 30,
    searched: [{ scope: usScope, domains: 1, source: 'logs' }],
    messages: [],
    similar: [],
    domainsTruncated: false,
    domains: [
      {
        domain: 'mg.example.com',
        scope: usScope,
        bounce: { state: 'listed', entry: { code: '550', error: 'No mailbox', createdAt: 'Mon, 10 Jun 2024 10:00:00 UTC' } },
        complaint: { state: 'absent' },
        unsubscribe: { state: 'unknown' },
        allowlist: { state: 'absent' },
      },
    ],
    blocks: [
      {
        domain: 'mg.example.com',
        scope: usScope,
        since: 'Mon, 10 Jun 2024 10:00:00 UTC',
        list: 'bounces',
        summary: 'Bounced (550: No mailbox)',
        effective: true,
        canRelease: true,
      },
    ],
    events: [
      {
        id: 'e1',
        event: 'failed',
        timestamp: 1718013600,
        iso: '2024-06-10T10:00:00.000Z',
        recipient: 'gone@example.com',
        domain: 'mg.example.com',
        messageId: 'm@mg',
        subject: 'Hi',
        severity: 'permanent',
        reason: 'bounce',
        logLevel: 'error',
        smtp: { code: 550, message: 'No mailbox', attempt: 1, mxHost: '' },
        tags: [],
      },
    ],
    verdict: 'blocked',
    message: 'Mail to gone@example.com is suppressed: it is on the bounce list of mg.example.com.',
    calls: [bounceCall],
    gaps: [
      {
        section: 'Unsubscribe list on mg.example.com',
        reason: 'Mailgun is limiting the request rate; try again in a minute.',
        status: 429,
        kind: 'rate-limit',
      },
    ],
    ...overrides,
  };
}

type Handler = (arg: unknown) => unknown;
let handlers: Record<string, Handler>;

beforeEach(() => {
  handlers = {
    listEnvironments: () => ({ environments: [environment()], activeId: 'env-1', recovery: [] }),
    hasWebhookSigningKey: () => ({ hasKey: false }),
  };
  callMock.mockImplementation(async (method: string, arg: unknown) => {
    const handler = handlers[method];
    if (!handler) throw new Error(`unexpected call ${method}`);
    return handler(arg);
  });
});
afterEach(() => {
  investigateStore.reset();
  cleanup();
  callMock.mockReset();
});

function renderPanel(onOpenRequest = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SupportPanel onOpenRequest={onOpenRequest} />
    </QueryClientProvider>,
  );
  return { onOpenRequest };
}

describe('SupportPanel', () => {
  it('moves between tools with the arrow keys and Alt+number', async () => {
    renderPanel();
    await screen.findByTestId('support-environment');
    const first = screen.getByTestId('support-tab-recipient');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(screen.getByTestId('support-tab-trace').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('support-tab-trace'));
    expect(screen.getByTestId('support-panel-recipient').hidden).toBe(true);
    fireEvent.keyDown(screen.getByTestId('support-tab-trace'), { key: 'End' });
    expect(screen.getByTestId('support-tab-dates').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByTestId('support-panel'), { key: '3', altKey: true });
    expect(screen.getByTestId('support-tab-health').getAttribute('aria-selected')).toBe('true');
  });

  it('asks for an environment when there is none, but still converts dates', async () => {
    handlers.listEnvironments = () => ({ environments: [], activeId: null, recovery: [] });
    handlers.convertDate = () => ({
      input: 'Tue, 11 Jun 2024 05:00:00 EST',
      detected: 'rfc2822',
      epochSeconds: 1718100000,
      epochMilliseconds: 1718100000000,
      rfc2822: 'Tue, 11 Jun 2024 10:00:00 +0000',
      rfc2822Original: 'Tue, 11 Jun 2024 05:00:00 -0500',
      iso8601: '2024-06-11T10:00:00.000Z',
      warnings: ['"EST" was read as -0500.'],
    });
    renderPanel();
    expect(await screen.findByText(/Choose or add an environment first/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('support-tab-dates'));
    expect(screen.queryByTestId('support-no-environment')).toBeNull();
    fireEvent.change(screen.getByTestId('support-date-input'), { target: { value: 'Tue, 11 Jun 2024 05:00:00 EST' } });
    fireEvent.click(screen.getByTestId('support-date-submit'));
    expect((await screen.findByTestId('support-date-rfc2822')).textContent).toBe('Tue, 11 Jun 2024 10:00:00 +0000');
    expect(screen.getByTestId('support-date-warnings').textContent).toContain('EST');
    expect(callMock).toHaveBeenCalledWith('convertDate', { input: 'Tue, 11 Jun 2024 05:00:00 EST' });
  });

  it('looks up a recipient, shows the partial result, and releases it after confirming', async () => {
    let released = false;
    handlers.lookupRecipient = () =>
      released ? lookup({ blocks: [], verdict: 'clear', message: 'gone@example.com is on no suppression list.' }) : lookup();
    handlers.releaseRecipient = () => {
      released = true;
      return {
        released: true,
        message: 'gone@example.com was removed from the bounce list of mg.example.com.',
        call: { ...bounceCall, endpointId: 'bounces.delete-one', method: 'DELETE' },
      };
    };
    const { onOpenRequest } = renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.change(screen.getByTestId('support-recipient-address'), { target: { value: 'gone@example.com' } });
    fireEvent.click(screen.getByTestId('support-recipient-submit'));
    const result = await screen.findByTestId('support-recipient-result');
    expect(result.getAttribute('data-verdict')).toBe('blocked');
    expect(screen.getByTestId('support-gaps').textContent).toContain('Rate limited');
    expect(screen.getByTestId('support-event').textContent).toContain('550 No mailbox');

    fireEvent.click(within(screen.getByTestId('support-calls')).getByTestId('support-open-request'));
    expect(onOpenRequest).toHaveBeenCalledWith('bounces.get', bounceCall.values);

    fireEvent.click(screen.getByTestId('support-release'));
    const dialog = await screen.findByTestId('support-confirm');
    expect(document.activeElement).toBe(screen.getByTestId('support-confirm-cancel'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('support-confirm')).toBeNull();
    expect(callMock).not.toHaveBeenCalledWith('releaseRecipient', expect.anything());

    fireEvent.click(screen.getByTestId('support-release'));
    fireEvent.click(await screen.findByTestId('support-confirm-confirm'));
    expect((await screen.findByTestId('support-release-message')).textContent).toContain('was removed');
    expect(callMock).toHaveBeenCalledWith('releaseRecipient', {
      environmentId: 'env-1',
      domain: 'mg.example.com',
      list: 'bounces',
      address: 'gone@example.com',
      region: 'us',
      confirmed: true,
    });
    await waitFor(() => expect(screen.getByTestId('support-recipient-result').getAttribute('data-verdict')).toBe('clear'));
  });

  it('stops a lookup that is still running, every call of it, by its operation id', async () => {
    let finish: (value: unknown) => void = () => {};
    const started: { operationId?: string }[] = [];
    const cancelled: unknown[] = [];
    handlers.lookupRecipient = (arg) => {
      started.push(arg as { operationId?: string });
      return new Promise((resolve) => {
        finish = resolve;
      });
    };
    handlers.cancelRequest = (arg) => {
      cancelled.push(arg);
      finish(lookup({ blocks: [], verdict: 'unknown', message: 'The lookup was cancelled before every list answered.' }));
      return { cancelled: true };
    };
    renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.change(screen.getByTestId('support-recipient-address'), { target: { value: 'gone@example.com' } });
    fireEvent.click(screen.getByTestId('support-recipient-submit'));
    fireEvent.click(await screen.findByTestId('support-recipient-cancel'));
    expect((await screen.findByTestId('support-recipient-verdict')).textContent).toContain('cancelled');
    expect(started[0]?.operationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(cancelled).toEqual([{ requestId: started[0]?.operationId }]);
    expect(screen.queryByTestId('support-recipient-cancel')).toBeNull();
  });

  it('offers no release in a read-only environment', async () => {
    handlers.listEnvironments = () => ({ environments: [environment({ readOnly: true })], activeId: 'env-1', recovery: [] });
    handlers.lookupRecipient = () =>
      lookup({
        readOnly: true,
        blocks: [
          { domain: 'mg.example.com', scope: usScope, since: '', list: 'bounces', summary: 'Bounced', effective: true, canRelease: false },
        ],
      });
    renderPanel();
    expect(await screen.findByTestId('support-read-only')).toBeTruthy();
    fireEvent.change(screen.getByTestId('support-recipient-address'), { target: { value: 'gone@example.com' } });
    fireEvent.click(screen.getByTestId('support-recipient-submit'));
    expect(await screen.findByTestId('support-release-readonly')).toBeTruthy();
    expect(screen.queryByTestId('support-release')).toBeNull();
  });

  it('shows an error with its hint when a tool fails outright', async () => {
    handlers.traceMessage = () => {
      throw new BridgeError({ code: 'invalid-argument', message: 'From: The date has no time zone.', hint: 'Add a numeric offset.' });
    };
    renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.click(screen.getByTestId('support-tab-trace'));
    expect((screen.getByTestId('support-trace-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('support-trace-recipient'), { target: { value: 'a@example.com' } });
    fireEvent.change(screen.getByTestId('support-trace-begin'), { target: { value: 'Tue, 11 Jun 2024 10:00:00' } });
    fireEvent.click(screen.getByTestId('support-trace-submit'));
    const error = await screen.findByTestId('support-trace-error');
    expect(error.textContent).toContain('Add a numeric offset.');
    expect(callMock).toHaveBeenCalledWith('traceMessage', {
      environmentId: 'env-1',
      recipient: 'a@example.com',
      begin: 'Tue, 11 Jun 2024 10:00:00',
      operationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('finds a region mismatch and applies the fix', async () => {
    const finding: RegionFinding = {
      environmentId: 'env-1',
      domain: 'eu.mg.example.com',
      probes: [
        { region: 'us', label: 'US', baseUrl: 'https://api.mailgun.net', current: true, status: 404, found: false, domainState: null },
        {
          region: 'eu',
          label: 'EU',
          baseUrl: 'https://api.eu.mailgun.net',
          current: false,
          status: 200,
          found: true,
          domainState: 'active',
        },
      ],
      foundIn: 'eu',
      mismatch: true,
      fix: { region: 'eu', label: 'EU', baseUrl: 'https://api.eu.mailgun.net' },
      message: 'eu.mg.example.com lives in EU, but this environment points at US.',
      hint: 'Switch the environment to EU.',
      calls: [],
      gaps: [],
    };
    handlers.findRegion = () => finding;
    handlers.applyRegion = () => environment({ region: 'eu' });
    renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.click(screen.getByTestId('support-tab-region'));
    fireEvent.change(screen.getByTestId('support-region-domain'), { target: { value: 'eu.mg.example.com' } });
    fireEvent.click(screen.getByTestId('support-region-submit'));
    fireEvent.click(await screen.findByTestId('support-region-apply'));
    expect((await screen.findByTestId('support-region-applied')).textContent).toContain('now points at EU');
    expect(callMock).toHaveBeenCalledWith('applyRegion', { environmentId: 'env-1', region: 'eu' });
    expect(callMock.mock.calls.filter(([method]) => method === 'findRegion')).toHaveLength(2);
  });

  it('reports a webhook signature made with the API key', async () => {
    const check: WebhookCheck = {
      form: 'json',
      verdict: 'api-key-used',
      signatureValid: false,
      message: 'This signature was made with the environment’s API key, not with the webhook signing key.',
      hint: 'Use the signing key.',
      timestamp: { value: '1718100000', iso: '2024-06-11T10:00:00.000Z', ageSeconds: 30, fresh: true, maxAgeSeconds: 300 },
      token: 't'.repeat(50),
      summary: {
        event: 'delivered',
        recipient: 'a@example.com',
        messageId: null,
        severity: null,
        reason: null,
        eventTimestamp: null,
        domain: null,
        smtp: null,
      },
      eventDataJson: '{}',
      notes: [],
    };
    handlers.checkWebhookSignature = () => check;
    handlers.setWebhookSigningKey = () => ({ hasKey: true });
    renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.click(screen.getByTestId('support-tab-webhook'));
    expect((await screen.findByTestId('support-signing-key-status')).textContent).toBe('no key');
    fireEvent.change(screen.getByTestId('support-signing-key'), { target: { value: 'whsec' } });
    fireEvent.click(screen.getByTestId('support-signing-key-save'));
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('setWebhookSigningKey', { environmentId: 'env-1', key: 'whsec' }));
    fireEvent.change(screen.getByTestId('support-webhook-payload'), { target: { value: '{"signature":{}}' } });
    fireEvent.keyDown(screen.getByTestId('support-webhook-payload'), { key: 'Enter', ctrlKey: true });
    const verdict = await screen.findByTestId('support-webhook-verdict');
    expect(verdict.textContent).toContain('Signed with the API key');
    expect(screen.getByTestId('support-webhook-freshness').textContent).toContain('fresh');
  });

  it('shows a domain report with missing parts and exports it', async () => {
    const report: DomainHealthReport = {
      reportId: 'r1',
      environmentId: 'env-1',
      environmentName: 'Sandbox',
      domain: 'mg.example.com',
      generatedAt: '2024-06-11T10:00:00.000Z',
      overview: { state: 'active', type: 'custom', createdAt: '', spamAction: 'disabled', requireTls: false, webScheme: 'https' },
      dns: {
        records: [],
        counts: { valid: 0, invalid: 0, missing: 0, unknown: 0 },
        sendingReady: false,
        receivingReady: false,
        summary: 'Mailgun listed no DNS records for this domain.',
      },
      tracking: null,
      webhooks: [],
      queue: null,
      stats: null,
      suppressions: null,
      findings: [{ level: 'info', text: 'No webhooks are set.' }],
      calls: [],
      gaps: [{ section: 'Sending queue', reason: 'Not allowed for this key or plan.', status: 403, kind: 'plan' }],
    };
    handlers.domainHealth = () => report;
    handlers.exportDomainHealth = () => ({ saved: true, path: '/tmp/r.md', fileName: 'r.md', format: 'markdown' });
    renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.click(screen.getByTestId('support-tab-health'));
    fireEvent.click(screen.getByTestId('support-health-submit'));
    await screen.findByTestId('support-health-result');
    expect(screen.getAllByTestId('support-health-section').filter((s) => s.dataset.missing === 'true')).toHaveLength(4);
    expect(screen.getByTestId('support-gap').dataset.kind).toBe('plan');
    fireEvent.click(screen.getByTestId('support-export-markdown'));
    expect((await screen.findByTestId('support-export-status')).textContent).toBe('Saved /tmp/r.md.');
    expect(callMock).toHaveBeenCalledWith('exportDomainHealth', {
      environmentId: 'env-1',
      format: 'markdown',
      reportId: 'r1',
      domain: 'mg.example.com',
    });
  });
});

describe('investigations handed to the support tools', () => {
  it('runs the recipient verdict for an address from elsewhere, offers the similar one, and walks the trail back', async () => {
    const asked: unknown[] = [];
    handlers.lookupRecipient = (arg) => {
      asked.push(arg);
      const address = (arg as { address: string }).address;
      return lookup({
        address,
        blocks: [],
        verdict: 'clear',
        message: `Not suppressed, and nothing was sent to this address in the last 30 days on any domain (1 domain in US searched); similar addresses that did receive mail: bob@example.org (3).`,
        similar: address === 'bob@example.com' ? [{ address: 'bob@example.org', delivered: 3, why: 'other-domain' }] : [],
      });
    };
    renderPanel();
    await screen.findByTestId('support-environment');
    act(() => investigate({ tool: 'recipient', address: 'bob@example.com' }));
    expect((await screen.findByTestId('support-recipient-verdict')).textContent).toContain('bob@example.org (3)');
    expect((screen.getByTestId('support-recipient-address') as HTMLInputElement).value).toBe('bob@example.com');
    fireEvent.click(screen.getByTestId('support-similar-open'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toMatchObject({ address: 'bob@example.org', days: 30 });
    expect(screen.getByTestId('support-trail-current').textContent).toBe('Recipient: bob@example.org (2 of 2)');
    fireEvent.keyDown(screen.getByTestId('support-panel'), { key: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toMatchObject({ address: 'bob@example.com' });
    expect((screen.getByTestId('support-trail-forward') as HTMLButtonElement).disabled).toBe(false);

    handlers.exportInvestigation = () => ({ saved: true, path: '/tmp/recipient.md', fileName: 'recipient.md', format: 'markdown' });
    fireEvent.click(await screen.findByTestId('support-recipient-export-markdown'));
    expect((await screen.findByTestId('support-recipient-export-status')).textContent).toContain('Saved /tmp/recipient.md');
    expect(callMock).toHaveBeenCalledWith('exportInvestigation', { environmentId: 'env-1', reportId: 'report-1', format: 'markdown' });
  });
});

function failedTrace(classification: MessageTrace['classification']): MessageTrace {
  const base = lookup().events[0] as MessageTrace['events'][number];
  return {
    reportId: 'trace-1',
    source: 'events',
    query: { messageId: 'm@mg', domain: 'mg.example.com', beginIso: '2024-06-01T00:00:00.000Z', endIso: '2024-06-11T00:00:00.000Z' },
    events: [
      { ...base, id: 'a', event: 'accepted', severity: null, reason: null, smtp: null, recipient: 'gone@gmail.com' },
      { ...base, id: 'f', recipient: 'gone@gmail.com' },
    ],
    messageIds: ['m@mg'],
    status: 'failed',
    message: 'Failed permanently (bounce): 550 No mailbox. Mailgun will not retry.',
    truncated: false,
    classification,
    calls: [bounceCall],
    gaps: [],
  };
}

async function runTrace(trace: MessageTrace) {
  handlers.traceMessage = () => trace;
  renderPanel();
  await screen.findByTestId('support-environment');
  fireEvent.click(screen.getByTestId('support-tab-trace'));
  fireEvent.change(screen.getByTestId('support-trace-message-id'), { target: { value: 'm@mg' } });
  fireEvent.click(screen.getByTestId('support-trace-submit'));
  return screen.findByTestId('support-trace-result');
}

describe('bounce classification in the trace', () => {
  it('shows Mailgun’s classification beside the failed attempt, and nowhere else', async () => {
    const result = await runTrace(
      failedTrace({
        state: 'classified',
        message: 'Mailgun classified 3 failures from mg.example.com to gmail.com in this period (all such mail, not this message alone).',
        rows: [
          {
            recipientDomain: 'gmail.com',
            entity: 'Gmail',
            category: 'BOUNCE',
            severity: 'PERMANENT',
            criticality: 'CRITICAL',
            failures: 3,
          },
          {
            recipientDomain: 'gmail.com',
            entity: 'Gmail',
            category: 'GREYLISTED',
            severity: 'TEMPORARY',
            criticality: 'NON-CRITICAL',
            failures: 2,
          },
        ],
      }),
    );
    const events = within(result).getAllByTestId('support-event');
    expect(within(events[0] as HTMLElement).queryByTestId('support-event-classification')).toBeNull();
    const failed = within(events[1] as HTMLElement).getByTestId('support-event-classification');
    expect(failed.textContent).toBe('Mailgun classifies: Gmail · BOUNCE · PERMANENT · CRITICAL (3 failures to gmail.com in the period)');
    expect(within(result).getByTestId('support-trace-classification').dataset.state).toBe('classified');
    expect(within(result).getByTestId('support-trace-classification').textContent).toContain('not this message alone');
  });

  it('says plainly when classification is unavailable, and still shows the trace with its SMTP explanation', async () => {
    const result = await runTrace(
      failedTrace({
        state: 'unavailable',
        message:
          'Bounce classification is not available to this account or key (HTTP 403); Mailgun offers it on some plans only. The explanations beside each attempt come from its SMTP codes alone.',
        rows: [],
      }),
    );
    const note = within(result).getByTestId('support-trace-classification');
    expect(note.dataset.state).toBe('unavailable');
    expect(note.textContent).toContain('not available to this account or key (HTTP 403)');
    expect(within(result).queryByTestId('support-event-classification')).toBeNull();
    expect(within(result).getByTestId('support-trace-status').textContent).toContain('Failed permanently');
    expect(within(result).getByTestId('support-event-meaning')).toBeTruthy();
  });

  it('shows no classification line when nothing failed', async () => {
    const result = await runTrace({ ...failedTrace(null), status: 'delivered', events: [] });
    expect(within(result).queryByTestId('support-trace-classification')).toBeNull();
  });
});

describe('the region’s hosts', () => {
  it('shows the REST, SMTP, MX and tracking hosts of the environment’s region and what stays there', async () => {
    handlers.listEnvironments = () => ({ environments: [environment({ region: 'eu' })], activeId: 'env-1', recovery: [] });
    renderPanel();
    await screen.findByTestId('support-environment');
    fireEvent.click(screen.getByTestId('support-tab-region'));
    const facts = screen.getByTestId('support-region-hosts').textContent ?? '';
    expect(facts).toContain('api.eu.mailgun.net');
    expect(facts).toContain('smtp.eu.mailgun.org');
    expect(screen.getByTestId('support-region-hosts-ports').textContent).toBe('587, 465, 2525, 25');
    expect(facts).toContain('mxa.eu.mailgun.org');
    expect(facts).toContain('mxb.eu.mailgun.org');
    expect(facts).toContain('eu.mailgun.org');
    expect(facts).toContain('EU region only');
  });
});
