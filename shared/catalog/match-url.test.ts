import { describe, expect, it } from 'vitest';
import { paramKey, type RequestValues, resolvePath } from '../request/build-request';
import type { ParamInput } from '../request/validate-param';
import { catalog, getEndpoint } from './index';
import { matchPastedUrl, parsePastedUrl, withUrlValues } from './match-url';
import type { EndpointDef, ParamDef } from './types';

function exampleOf(p: ParamDef): ParamInput {
  const example = p.example;
  if (p.type.kind === 'boolean') return example === true || example === 'yes' || example === 'true';
  if (Array.isArray(example)) return p.repeatable ? example.map(String) : example.map(String).join(',');
  if (p.repeatable) return [String(example)];
  return typeof example === 'object' && example !== null ? JSON.stringify(example) : String(example);
}

/** The values a URL can carry: path parameters and, where the endpoint sends them there, query parameters. */
function urlExampleValues(endpoint: EndpointDef): RequestValues {
  const toQuery = endpoint.encoding === 'none' || endpoint.method === 'GET';
  const params: Record<string, ParamInput> = {};
  for (const p of endpoint.params) {
    const inUrl = p.in === 'path' || p.in === 'query' || (p.in === 'body' && toQuery);
    if (!inUrl || p.type.kind === 'file' || p.type.kind === 'json' || p.name.includes(':')) continue;
    params[paramKey(endpoint, p)] = exampleOf(p);
  }
  return { params };
}

function comparable(input: ParamInput | undefined): unknown {
  return Array.isArray(input) ? input.map(String) : typeof input === 'boolean' ? input : String(input);
}

const bases = [
  'https://api.mailgun.net',
  'https://api.eu.mailgun.net',
  'http://127.0.0.1:43210/us',
  'http://[::1]:43210/eu',
  'http://localhost:43210',
  '',
];

describe('matchPastedUrl over the whole catalog', () => {
  it('every endpoint’s example URL, on every base, opens that endpoint with its path and query values', () => {
    const problems: string[] = [];
    for (const endpoint of catalog) {
      const values = urlExampleValues(endpoint);
      for (const baseUrl of bases) {
        const url = resolvePath(endpoint, values, { baseUrl });
        const match = matchPastedUrl(url, { method: endpoint.method, methodIsFixed: true });
        if (match.kind !== 'endpoint') {
          problems.push(`${endpoint.id} ${url}: ${match.kind === 'error' ? match.message : 'custom request'}`);
          continue;
        }
        if (match.endpoint.id !== endpoint.id) {
          problems.push(`${endpoint.id} ${url}: matched ${match.endpoint.id}`);
          continue;
        }
        for (const [key, expected] of Object.entries(values.params)) {
          const got = match.values.params[key];
          if (JSON.stringify(comparable(got)) !== JSON.stringify(comparable(expected)))
            problems.push(`${endpoint.id} ${key}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a literal segment beats a placeholder wherever two templates fit the same path', () => {
    const problems: string[] = [];
    for (const specific of catalog) {
      for (const general of catalog) {
        if (specific === general || specific.method !== general.method) continue;
        const a = specific.path.split('/');
        const b = general.path.split('/');
        if (a.length !== b.length) continue;
        const isParam = (s: string) => /^\{.+\}$/.test(s);
        // `general` has a placeholder everywhere `specific` does, and at least one more.
        const covers = a.every((s, i) => (isParam(s) ? isParam(b[i] ?? '') : s === b[i] || isParam(b[i] ?? '')));
        if (!covers || a.filter(isParam).length >= b.filter(isParam).length) continue;
        const url = resolvePath(specific, urlExampleValues(specific), { baseUrl: 'https://api.mailgun.net' });
        const match = matchPastedUrl(url, { method: specific.method, methodIsFixed: true });
        if (match.kind !== 'endpoint' || match.endpoint.id !== specific.id)
          problems.push(
            `${url} opened ${match.kind === 'endpoint' ? match.endpoint.id : match.kind}, not ${specific.id} over ${general.id}`,
          );
      }
    }
    expect(problems).toEqual([]);
    // The set above is not empty: lists pages and a list address share a shape.
    const pages = matchPastedUrl('https://api.mailgun.net/v3/lists/pages?limit=5', { method: 'GET' });
    expect(pages.kind === 'endpoint' && pages.endpoint.path).toBe('/v3/lists/pages');
  });
});

describe('matchPastedUrl', () => {
  it('fills path and query values from a pasted Mailgun URL, repeats becoming a list', () => {
    const match = matchPastedUrl('https://api.eu.mailgun.net/v3/mg.example.org/events?event=delivered&limit=25&recipient=a%40b.example');
    expect(match.kind).toBe('endpoint');
    if (match.kind !== 'endpoint') return;
    expect(match.origin).toEqual({ kind: 'mailgun', region: 'eu' });
    expect(match.endpoint.method).toBe('GET');
    expect(match.endpoint.path).toBe('/v3/{domain_name}/events');
    expect(match.values.params).toMatchObject({ domain_name: 'mg.example.org', event: 'delivered', limit: '25', recipient: 'a@b.example' });
  });

  it('keeps both values of a repeated repeatable parameter', () => {
    const send = getEndpoint('messages.send');
    expect(send).toBeDefined();
    const match = matchPastedUrl('/v3/mg.example.org/messages', {
      method: 'POST',
      fields: [
        { name: 'to', value: 'a@x.example', from: 'body' },
        { name: 'to', value: 'b@x.example', from: 'body' },
        { name: 'o:tag', value: 'welcome', from: 'body' },
        { name: 'v:order-id', value: '42', from: 'body' },
      ],
    });
    expect(match.kind === 'endpoint' && match.endpoint.id).toBe('messages.send');
    if (match.kind !== 'endpoint') return;
    expect(match.values.params.to).toEqual(['a@x.example', 'b@x.example']);
    expect(match.values.params['o:tag']).toEqual(['welcome']);
    expect(match.values.extra).toEqual([{ name: 'v:order-id', value: '42' }]);
  });

  it('tries the preferred method first, then the method that has the path', () => {
    const post = matchPastedUrl('/v4/domains', { method: 'POST' });
    expect(post.kind === 'endpoint' && post.endpoint.method).toBe('POST');
    const get = matchPastedUrl('https://api.mailgun.net/v3/mg.example.org/events', { method: 'POST' });
    expect(get.kind === 'endpoint' && get.endpoint.method).toBe('GET');
    const fixed = matchPastedUrl('https://api.mailgun.net/v3/mg.example.org/events', { method: 'POST', methodIsFixed: true });
    expect(fixed.kind).toBe('custom');
  });

  it('leaves a documented placeholder empty so the environment’s domain fills it', () => {
    const match = matchPastedUrl('https://api.mailgun.net/v3/{domain_name}/messages', { method: 'POST' });
    expect(match.kind === 'endpoint' && match.values.params.domain_name).toBeUndefined();
  });

  it('turns a path the catalog does not have into a custom request with its query', () => {
    const match = matchPastedUrl('http://127.0.0.1:5555/us/v3/not-a-thing/here?x=1&x=2');
    expect(match).toMatchObject({
      kind: 'custom',
      request: {
        method: 'GET',
        path: '/v3/not-a-thing/here',
        query: [
          { name: 'x', value: '1' },
          { name: 'x', value: '2' },
        ],
        body: { kind: 'none' },
      },
      origin: { kind: 'loopback', host: '127.0.0.1:5555' },
      notices: [],
    });
  });

  it('says so when the host is not Mailgun’s: the path goes to the environment, never to that host', () => {
    const match = matchPastedUrl('https://proxy.example.com/v4/domains');
    expect(match.kind).toBe('endpoint');
    expect(match.kind !== 'error' && match.notices.join(' ')).toMatch(/proxy\.example\.com is not a Mailgun API host/);
    const own = matchPastedUrl('https://proxy.example.com/mg/v4/domains', { environmentBaseUrl: 'https://proxy.example.com/mg' });
    expect(own.kind !== 'error' && own.notices).toEqual([]);
  });

  it('reads a host without a scheme', () => {
    expect(parsePastedUrl('api.mailgun.net/v4/domains')).toMatchObject({
      ok: true,
      url: { origin: { kind: 'mailgun', region: 'us' }, path: '/v4/domains' },
    });
  });

  it('explains input it cannot read', () => {
    expect(matchPastedUrl('')).toEqual({ kind: 'error', message: 'There is no URL to read.' });
    expect(matchPastedUrl('curl -X GET x')).toMatchObject({ kind: 'error', message: expect.stringMatching(/Import cURL/) });
    expect(matchPastedUrl('ftp://api.mailgun.net/v3/domains')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/http and https/),
    });
  });

  it('fills a JSON endpoint from a JSON object body; other JSON stays custom', () => {
    const json = catalog.find((e) => e.encoding === 'json' && e.method === 'POST' && !e.path.includes('{'));
    expect(json).toBeDefined();
    if (!json) return;
    const name = json.params.find((p) => p.in === 'body')?.name ?? 'x';
    const match = matchPastedUrl(json.path, {
      method: 'POST',
      methodIsFixed: true,
      bodyKind: 'json',
      jsonText: JSON.stringify({ [name]: 'v' }),
    });
    expect(match.kind === 'endpoint' && match.endpoint.id).toBe(json.id);
    const list = matchPastedUrl(json.path, { method: 'POST', methodIsFixed: true, bodyKind: 'json', jsonText: '[1,2]' });
    expect(list).toMatchObject({ kind: 'custom', request: { body: { kind: 'json', text: '[1,2]' } } });
  });
});

describe('withUrlValues', () => {
  it('replaces path and query values and keeps the body fields and headers a URL does not carry', () => {
    const send = getEndpoint('messages.send');
    if (!send) throw new Error('messages.send missing');
    const current: RequestValues = {
      params: { domain_name: 'old.example', to: ['a@x.example'], text: 'hi' },
      extra: [{ name: 'v:x', value: '1' }],
      headers: [{ name: 'X-Trace', value: '1' }],
    };
    expect(withUrlValues(send, current, { params: { domain_name: 'new.example' } })).toEqual({
      params: { domain_name: 'new.example', to: ['a@x.example'], text: 'hi' },
      extra: [{ name: 'v:x', value: '1' }],
      headers: [{ name: 'X-Trace', value: '1' }],
    });
    const events = getEndpoint('events.list');
    if (!events) throw new Error('events.list missing');
    expect(
      withUrlValues(events, { params: { domain_name: 'a', limit: '5', event: 'failed' } }, { params: { domain_name: 'a', limit: '9' } }),
    ).toEqual({
      params: { domain_name: 'a', limit: '9' },
      extra: [],
      headers: [],
    });
  });
});
