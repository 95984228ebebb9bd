import { describe, expect, it } from 'vitest';
import { getEndpoint } from '../catalog/index';
import { type DiagnoseContext, type Diagnosis, diagnose, extractErrorMessage, formatDuration, retryTime } from './diagnose';
import { EU_BASE_URL, explainStatus, statusExplanations, US_BASE_URL } from './explanations';

const now = new Date('2024-06-11T10:00:00Z');

function context(overrides: Partial<DiagnoseContext>): DiagnoseContext {
  return { method: 'GET', path: '/v4/domains', status: 200, headers: {}, region: 'us', keyKind: 'primary', now, ...overrides };
}

const ids = (list: readonly Diagnosis[]) => list.map((d) => d.id);
const find = (list: readonly Diagnosis[], id: Diagnosis['id']) => list.find((d) => d.id === id);

describe('diagnose: region', () => {
  it('suggests the EU base URL for a 401 on a domain-scoped call from the US', () => {
    const found = diagnose(context({ method: 'POST', path: '/v3/mg.example.com/messages', status: 401, bodyText: 'Forbidden' }));
    const region = find(found, 'wrong-region');
    expect(region?.actions).toEqual([{ kind: 'switch-region', label: expect.any(String), region: 'eu', baseUrl: EU_BASE_URL }]);
    expect(region?.detail).toContain(EU_BASE_URL);
  });

  it('suggests the US base URL for "Domain not found" from the EU', () => {
    const found = diagnose(
      context({
        path: '/v3/mg.example.com/bounces',
        status: 404,
        region: 'eu',
        bodyText: '{"message":"Domain not found: mg.example.com"}',
      }),
    );
    expect(find(found, 'wrong-region')?.actions).toEqual([
      { kind: 'switch-region', label: expect.any(String), region: 'us', baseUrl: US_BASE_URL },
    ]);
  });

  it('offers both regions from a custom base URL', () => {
    const found = diagnose(context({ path: '/v4/domains/mg.example.com', status: 404, region: 'custom', bodyText: '' }));
    expect(find(found, 'wrong-region')?.actions.map((a) => (a.kind === 'switch-region' ? a.region : a.kind))).toEqual(['us', 'eu']);
  });

  it('uses the endpoint when given and stays quiet for global calls', () => {
    const endpoint = getEndpoint('messages.send');
    expect(ids(diagnose(context({ endpoint, method: 'POST', path: '/v3/x/messages', status: 401, bodyText: 'Forbidden' })))).toContain(
      'wrong-region',
    );
    expect(ids(diagnose(context({ path: '/v5/users', status: 401, bodyText: '{"message":"Invalid private key"}' })))).not.toContain(
      'wrong-region',
    );
  });

  it('does not blame the region for a specific missing item', () => {
    const found = diagnose(
      context({
        path: '/v3/mg.example.com/bounces/alice@example.com',
        status: 404,
        bodyText: '{"message":"No bounce recorded for this address"}',
      }),
    );
    expect(ids(found)).not.toContain('wrong-region');
  });
});

describe('diagnose: keys', () => {
  it('flags a sending key used outside sending', () => {
    const found = diagnose(context({ path: '/v3/mg.example.com/bounces', status: 401, keyKind: 'sending', bodyText: 'Forbidden' }));
    expect(ids(found)).toContain('sending-key');
    expect(ids(found)).not.toContain('wrong-region');
  });

  it('does not flag a sending key on the sending endpoints', () => {
    const found = diagnose(
      context({ method: 'POST', path: '/v3/mg.example.com/messages', status: 401, keyKind: 'sending', bodyText: 'Forbidden' }),
    );
    expect(ids(found)).not.toContain('sending-key');
    expect(ids(found)).toContain('forbidden');
  });

  it('tells "Invalid private key" apart from a bare "Forbidden"', () => {
    expect(ids(diagnose(context({ path: '/v5/users', status: 401, bodyText: '{"message":"Invalid private key"}' })))).toEqual([
      'invalid-key',
    ]);
    const forbidden = find(diagnose(context({ path: '/v5/users', status: 401, bodyText: 'Forbidden' })), 'forbidden');
    expect(forbidden?.detail).toMatch(/allowlist/);
  });
});

describe('diagnose: sandbox', () => {
  const body = '{"message":"sandbox123.mailgun.org may only deliver to authorized recipients; this address is not one of them"}';

  it.each([400, 403])('explains authorised recipients on %i', (status) => {
    const found = find(
      diagnose(context({ method: 'POST', path: '/v3/sandbox123.mailgun.org/messages', status, bodyText: body })),
      'sandbox-recipient',
    );
    expect(found?.severity).toBe('error');
    expect(found?.detail).toMatch(/auth_recipients/);
    expect(found?.actions[0]?.kind).toBe('open-docs');
  });
});

describe('diagnose: limits', () => {
  it('explains 413 with both limits', () => {
    const detail = find(
      diagnose(
        context({
          method: 'POST',
          path: '/v3/x.com/messages',
          status: 413,
          bodyText: '<html><title>413 Request Entity Too Large</title></html>',
        }),
      ),
      'too-large',
    )?.detail;
    expect(detail).toMatch(/25 MB/);
    expect(detail).toMatch(/52\.4 MiB/);
  });

  it('reads X-RateLimit-Reset as epoch seconds', () => {
    const reset = String(now.getTime() / 1000 + 125);
    const found = find(diagnose(context({ status: 429, headers: { 'X-RateLimit-Reset': reset } })), 'rate-limited');
    expect(found?.actions[0]).toEqual({ kind: 'retry-at', label: 'Retry in 2 min 5 s', at: '2024-06-11T10:02:05.000Z', inSeconds: 125 });
    expect(found?.detail).toContain('Tue, 11 Jun 2024 10:02:05 +0000');
    expect(found?.detail).toContain('in 2 min 5 s');
  });

  it('reads "try again after" from the body, on 429 and 420', () => {
    const bodyText =
      '{"message":"Sending for mg.example.com is paused (recipient limit exceeded). You can try again after Tue, 11 Jun 2024 11:30:00 +0000"}';
    for (const status of [429, 420]) {
      const found = find(diagnose(context({ method: 'POST', path: '/v3/mg.example.com/messages', status, bodyText })), 'rate-limited');
      expect(found?.actions[0]).toMatchObject({ kind: 'retry-at', at: '2024-06-11T11:30:00.000Z', inSeconds: 5400 });
      expect(found?.title).toBe('Rate limited: retry in 1 h 30 min');
      expect(found?.detail).toMatch(/recipient limit/);
    }
  });

  it('falls back to backoff advice when the reset time is unknown, and never counts backwards', () => {
    expect(find(diagnose(context({ status: 429 })), 'rate-limited')?.actions[0]?.kind).toBe('none');
    const past = find(
      diagnose(context({ status: 429, headers: { 'x-ratelimit-reset': String(now.getTime() / 1000 - 30) } })),
      'rate-limited',
    );
    expect(past?.actions[0]).toMatchObject({ kind: 'retry-at', inSeconds: 0, label: 'Retry now' });
  });
});

describe('diagnose: other rules', () => {
  it('recognises "Mailgun Magnificent API" as a wrong path', () => {
    const found = diagnose(context({ path: '/v3/mg.example.com', status: 200, bodyText: 'Mailgun Magnificent API' }));
    expect(ids(found)).toEqual(['wrong-path']);
    expect(diagnose(context({ status: 200, bodyText: '{"items":[]}' }))).toEqual([]);
  });

  it('advises retrying server errors with backoff', () => {
    for (const status of [500, 502, 503, 504]) {
      const found = find(diagnose(context({ status })), 'server-error');
      expect(found?.detail).toMatch(/backoff/);
    }
    const withRetryAfter = find(diagnose(context({ status: 503, headers: { 'Retry-After': '30' } })), 'server-error');
    expect(withRetryAfter?.actions[0]).toMatchObject({ kind: 'retry-at', inSeconds: 30 });
  });

  it('explains 402 as a plan feature', () => {
    expect(ids(diagnose(context({ path: '/v2/x509/mg.example.com', status: 402 })))).toContain('plan-feature');
  });

  it('explains expired stored messages', () => {
    expect(
      ids(diagnose(context({ path: '/v3/domains/mg.example.com/messages/KEY', status: 404, bodyText: '{"message":"Message not found"}' }))),
    ).toContain('message-expired');
  });

  it("falls back to Mailgun's own message", () => {
    const found = diagnose(
      context({
        method: 'POST',
        path: '/v3/mg.example.com/messages',
        status: 400,
        bodyText: '{"message":"the from field is missing"}',
      }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe('Mailgun says: the from field is missing');
  });
});

describe('helpers', () => {
  it('extracts messages from each body shape', () => {
    expect(extractErrorMessage('{"message":"Invalid private key"}')).toBe('Invalid private key');
    expect(extractErrorMessage('{"Reason":"bad cert"}')).toBe('bad cert');
    expect(extractErrorMessage('"Forbidden"')).toBe('Forbidden');
    expect(extractErrorMessage('Forbidden')).toBe('Forbidden');
    expect(extractErrorMessage('<html><head><title>413 Request Entity Too Large</title></head></html>')).toBe(
      '413 Request Entity Too Large',
    );
    expect(extractErrorMessage('')).toBeUndefined();
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(90_000)).toBe('1 day 1 h');
  });

  it('reads retry times from each source', () => {
    expect(retryTime({ 'retry-after': '10' }, undefined, now)?.at.toISOString()).toBe('2024-06-11T10:00:10.000Z');
    expect(retryTime({}, '{"retry-seconds":60}', now)?.at.toISOString()).toBe('2024-06-11T10:01:00.000Z');
    expect(retryTime({}, undefined, now)).toBeUndefined();
  });
});

describe('explanations', () => {
  it('covers every status code the API uses', () => {
    for (const code of [200, 400, 401, 402, 403, 404, 409, 413, 420, 429, 500, 502, 503, 504]) {
      const e = statusExplanations[code];
      expect(e?.code).toBe(code);
      expect(e?.title).not.toBe('');
      expect(e?.meaning).not.toBe('');
      if (code !== 200) {
        expect(e?.causes.length).toBeGreaterThan(0);
        expect(e?.actions.length).toBeGreaterThan(0);
      }
    }
  });

  it('falls back to the class for other codes', () => {
    expect(explainStatus(418)).toMatchObject({ code: 418, title: 'Client error' });
    expect(explainStatus(599)).toMatchObject({ code: 599, title: 'Server error' });
    expect(explainStatus(401).title).toBe('Unauthorised');
  });
});

describe('diagnose: answers that are not what they seem', () => {
  it.each([
    ['bounces', '{"message":"Address not found in bounces table"}', 'bounce list'],
    ['complaints', '{"message":"No spam complaints found for this address"}', 'complaint list'],
    ['unsubscribes', '{"message":"Address not found in unsubscribers table"}', 'unsubscribe list'],
    ['whitelists', '{"message":"Address/Domain not found in allowlist table"}', 'allowlist'],
  ])('explains a 404 on the %s look-up as "not suppressed", not as a wrong region', (segment, bodyText, list) => {
    const found = diagnose(context({ path: `/v3/mg.example.com/${segment}/alice%40example.com`, status: 404, bodyText }));
    expect(ids(found)).toEqual(['not-suppressed']);
    expect(find(found, 'not-suppressed')?.title).toBe(`Not suppressed: alice@example.com is not on the ${list}`);
  });

  it('tells what to check in DNS for an unverified domain, and links the verify call', () => {
    const found = diagnose(
      context({
        method: 'POST',
        path: '/v3/mg.example.com/messages',
        status: 403,
        bodyText:
          '{"message":"Domain mg.example.com is not allowed to send: The domain is unverified and requires DNS configuration. Log in to your control panel to view required DNS records."}',
      }),
    );
    const unverified = find(found, 'domain-unverified');
    expect(unverified?.detail).toMatch(/SPF/);
    expect(unverified?.detail).toMatch(/DKIM/);
    expect(unverified?.actions).toContainEqual({ kind: 'open-endpoint', label: expect.any(String), endpointId: 'domains.verify' });
    expect(getEndpoint('domains.verify')).toBeDefined();
  });

  it('says a template is missing on this domain and offers the template list', () => {
    const found = diagnose(
      context({ path: '/v3/mg.example.com/templates/welcome', status: 404, bodyText: '{"message":"template not found"}' }),
    );
    expect(find(found, 'not-found-here')?.actions).toEqual([
      { kind: 'open-endpoint', label: expect.any(String), endpointId: 'templates.list' },
    ]);
  });

  it.each([
    ['/v3/routes/5f1a2b3c4d5e6f7a8b9c0d1e', '{"message":"Route not found"}', 'route'],
    ['/v3/lists/team@mg.example.com', '{"message":"Mailing list team@mg.example.com not found"}', 'mailing list'],
  ])('offers the other region for a %s that is not found (region-bound, no domain in the path)', (path, bodyText, what) => {
    const found = diagnose(context({ path, status: 404, bodyText }));
    const here = find(found, 'not-found-here');
    expect(here?.title).toBe(`No such ${what} in this region`);
    expect(here?.actions).toEqual([{ kind: 'switch-region', label: expect.any(String), region: 'eu', baseUrl: EU_BASE_URL }]);
  });

  it.each([
    ['/v3/routes/5f1a2b3c4d5e6f7a8b9c0d1e', '{"message":"Route not found"}', { kind: 'route', id: '5f1a2b3c4d5e6f7a8b9c0d1e' }],
    ['/v3/lists/devs%40mg.net', `{"message":"Mailing list 'devs@mg.net' not found"}`, { kind: 'mailing-list', address: 'devs@mg.net' }],
    [
      'https://api.mailgun.net/v3/lists/developers@mailgun.net/members/alice@example.com',
      '{"message":"Mailing list developers@mailgun.net not found"}',
      { kind: 'mailing-list', address: 'developers@mailgun.net' },
    ],
  ])("asks for a probe of the other region on Mailgun's 404 for %s", (path, bodyText, probe) => {
    expect(find(diagnose(context({ path, status: 404, bodyText })), 'not-found-here')?.probe).toEqual(probe);
    expect(find(diagnose(context({ path, status: 404, bodyText, region: 'eu' })), 'not-found-here')?.probe).toEqual(probe);
  });

  it('never asks for a probe from a custom URL, nor for a template', () => {
    const custom = diagnose(context({ path: '/v3/routes/abc', status: 404, region: 'custom', bodyText: '{"message":"Route not found"}' }));
    expect(find(custom, 'not-found-here')).toBeDefined();
    expect(find(custom, 'not-found-here')?.probe).toBeUndefined();
    const template = diagnose(
      context({ path: '/v3/mg.example.com/templates/x', status: 404, bodyText: '{"message":"template not found"}' }),
    );
    expect(find(template, 'not-found-here')?.probe).toBeUndefined();
  });

  it('points an accepted send at its events, naming the sandbox restriction on a sandbox domain', () => {
    const found = diagnose(
      context({
        method: 'POST',
        path: '/v3/sandbox0123456789abcdef.mailgun.org/messages',
        status: 200,
        bodyText: '{"id":"<20240611100000.1@sandbox0123456789abcdef.mailgun.org>","message":"Queued. Thank you."}',
      }),
    );
    const accepted = find(found, 'accepted-not-delivered');
    expect(accepted?.detail).toMatch(/authorised recipient/);
    expect(accepted?.actions).toEqual([{ kind: 'open-endpoint', label: expect.any(String), endpointId: 'logs.query' }]);
  });

  it('states the message size limit once, the same everywhere', async () => {
    const { MAX_MESSAGE_BYTES } = await import('../limits');
    const sizes = [getEndpoint('messages.send-mime'), getEndpoint('bounces.import'), getEndpoint('validations.create-job')]
      .flatMap((e) => e?.params ?? [])
      .flatMap((p) => (p.type.kind === 'file' && p.type.maxBytes !== undefined ? [p.type.maxBytes] : []));
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([MAX_MESSAGE_BYTES]));
    expect(find(diagnose(context({ status: 413, bodyText: '' })), 'too-large')?.detail).toContain('25 MB');
  });
});
