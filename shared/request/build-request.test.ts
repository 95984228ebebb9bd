import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyEncoding, EndpointDef, HttpMethod, ParamDef, ParamType } from '../catalog/types';
import { buildRequest, paramKey, RequestBuildError, type RequestTarget, resolvePath, validateValues } from './build-request';
import type { FileRef } from './validate-param';

const target: RequestTarget = { baseUrl: 'https://api.mailgun.net' };

function param(name: string, location: ParamDef['in'], type: ParamType, extra: Partial<ParamDef> = {}): ParamDef {
  return { name, in: location, type, required: false, repeatable: false, example: '', description: 'test', ...extra };
}

function endpoint(
  method: HttpMethod,
  path: string,
  encoding: BodyEncoding,
  params: ParamDef[],
  extra: Partial<EndpointDef> = {},
): EndpointDef {
  return {
    id: 'test.endpoint',
    group: 'messages',
    method,
    path,
    summary: 'test',
    description: 'test',
    deprecated: false,
    mutates: method !== 'GET',
    sendingKeyAllowed: false,
    encoding,
    pagination: 'none',
    params,
    exampleResponse: { status: 200, contentType: 'application/json', body: {} },
    ...extra,
  };
}

const itemPath = endpoint('GET', '/v3/items/{item}/detail', 'none', [param('item', 'path', { kind: 'string' }, { required: true })]);
const send = endpoint(
  'POST',
  '/v3/{domain_name}/messages',
  'multipart',
  [
    param('domain_name', 'path', { kind: 'string', format: 'domain' }, { required: true }),
    param('to', 'body', { kind: 'email' }, { required: true, repeatable: true }),
    param('subject', 'body', { kind: 'string' }),
    param('attachment', 'body', { kind: 'file' }, { repeatable: true }),
    param('o:testmode', 'body', { kind: 'boolean', style: 'yes-no' }),
  ],
  { families: ['o:', 'h:', 'v:'] },
);

function buildError(run: () => unknown): RequestBuildError {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestBuildError) return error;
    throw error;
  }
  throw new Error('expected a RequestBuildError');
}

describe('path parameters', () => {
  it('percent-encodes values so they stay inside one segment (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        let built: ReturnType<typeof buildRequest>;
        try {
          built = buildRequest(itemPath, { params: { item: value } }, target);
        } catch (error) {
          expect(error).toBeInstanceOf(RequestBuildError);
          expect((error as RequestBuildError).param).toBe('item');
          return;
        }
        const url = new URL(built.url);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(5);
        expect(segments[1]).toBe('v3');
        expect(segments[2]).toBe('items');
        expect(segments[4]).toBe('detail');
        expect(decodeURIComponent(segments[3] as string)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects "." and ".." as whole segments', () => {
    for (const value of ['.', '..']) {
      const error = buildError(() => buildRequest(itemPath, { params: { item: value } }, target));
      expect(error.param).toBe('item');
      expect(error.message).toMatch(/path segment/);
    }
    expect(buildRequest(itemPath, { params: { item: '...' } }, target).url).toBe('https://api.mailgun.net/v3/items/.../detail');
  });

  it('encodes slashes, query and fragment characters', () => {
    const built = buildRequest(itemPath, { params: { item: '../a/b?c=d#e%2F' } }, target);
    expect(built.url).toBe('https://api.mailgun.net/v3/items/..%2Fa%2Fb%3Fc%3Dd%23e%252F/detail');
  });

  it('fills the domain from the environment for each spelling of the domain parameter', () => {
    const cases: [string, string][] = [
      ['/v3/{domain}/tags', 'domain'],
      ['/v3/{domain_name}/bounces', 'domain_name'],
      ['/v4/domains/{name}/verify', 'name'],
      ['/v4/domains/{authority_name}/keys', 'authority_name'],
    ];
    for (const [path, name] of cases) {
      const e = endpoint('GET', path, 'none', [param(name, 'path', { kind: 'string', format: 'domain' }, { required: true })]);
      expect(buildRequest(e, { params: {} }, { ...target, domain: 'mg.example.com' }).url).toBe(
        `https://api.mailgun.net${path.replace(`{${name}}`, 'mg.example.com')}`,
      );
      expect(buildRequest(e, { params: { [name]: 'other.example.com' } }, { ...target, domain: 'mg.example.com' }).url).toContain(
        'other.example.com',
      );
    }
  });

  it('does not treat {name} outside /domains/ as a domain', () => {
    const e = endpoint('PUT', '/v1/thresholds/alerts/send/{name}', 'json', [param('name', 'path', { kind: 'string' }, { required: true })]);
    expect(buildError(() => buildRequest(e, { params: {} }, { ...target, domain: 'mg.example.com' })).param).toBe('name');
  });

  it('asks for a domain when neither the values nor the environment give one', () => {
    const error = buildError(() => buildRequest(send, { params: { to: 'a@example.com' } }, target));
    expect(error.param).toBe('domain_name');
    expect(validateValues(send, { params: { to: 'a@example.com' } })).toEqual([]);
  });
});

describe('repeated fields', () => {
  const addresses = fc.array(fc.emailAddress(), { minLength: 1, maxLength: 6 });

  it('sends each value of a repeatable multipart field separately (property)', () => {
    fc.assert(
      fc.property(addresses, (to) => {
        const built = buildRequest(send, { params: { to } }, { ...target, domain: 'mg.example.com' });
        expect((built.body as FormData).getAll('to')).toEqual(to);
      }),
    );
  });

  it('repeats urlencoded and query fields too (property)', () => {
    const form = endpoint('POST', '/v3/routes', 'urlencoded', [param('action', 'body', { kind: 'string' }, { repeatable: true })]);
    const query = endpoint('GET', '/v3/stats/total', 'none', [param('event', 'query', { kind: 'string' }, { repeatable: true })]);
    const words = fc.array(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(words, (values) => {
        expect((buildRequest(form, { params: { action: values } }, target).body as URLSearchParams).getAll('action')).toEqual(values);
        const url = new URL(buildRequest(query, { params: { event: values } }, target).url);
        expect(url.searchParams.getAll('event')).toEqual(values);
      }),
    );
  });

  it('never joins values with commas', () => {
    const built = buildRequest(send, { params: { to: ['a@example.com', 'b@example.com'] } }, { ...target, domain: 'mg.example.com' });
    expect(built.bodyFields.filter((f) => f.name === 'to')).toEqual([
      { name: 'to', value: 'a@example.com' },
      { name: 'to', value: 'b@example.com' },
    ]);
  });

  it('refuses several values for a single-value parameter', () => {
    const error = buildError(() =>
      buildRequest(send, { params: { to: 'a@example.com', subject: ['a', 'b'] } }, { ...target, domain: 'mg.example.com' }),
    );
    expect(error.param).toBe('subject');
  });

  it('sends repeated extra fields once per entry', () => {
    const built = buildRequest(
      send,
      {
        params: { to: 'a@example.com' },
        extra: [
          { name: 'o:tag', value: 'one' },
          { name: 'o:tag', value: 'two' },
          { name: 'v:order', value: '42' },
        ],
      },
      { ...target, domain: 'mg.example.com' },
    );
    const form = built.body as FormData;
    expect(form.getAll('o:tag')).toEqual(['one', 'two']);
    expect(form.getAll('v:order')).toEqual(['42']);
  });
});

describe('headers', () => {
  const headerEndpoint = endpoint('GET', '/v5/accounts', 'none', [param('X-Custom', 'header', { kind: 'string' })]);
  const controlText = fc.string({ unit: 'binary', maxLength: 20 });

  const hasControl = (text: string, allowTab: boolean) =>
    [...text].some((c) => {
      const code = c.charCodeAt(0);
      return (code < 0x20 && !(allowTab && code === 0x09)) || code === 0x7f;
    });
  const assertClean = (headers: Record<string, string>) => {
    for (const [name, value] of Object.entries(headers)) {
      expect(hasControl(name, false)).toBe(false);
      expect(hasControl(value, true)).toBe(false);
    }
  };

  it('never lets a control character into a header name or value (property)', () => {
    fc.assert(
      fc.property(controlText, controlText, controlText, controlText, (name, value, paramValue, subaccount) => {
        try {
          const built = buildRequest(
            headerEndpoint,
            { params: { 'X-Custom': paramValue }, headers: [{ name, value }] },
            { ...target, subaccountId: subaccount },
          );
          assertClean(built.headers);
        } catch (error) {
          expect(error).toBeInstanceOf(RequestBuildError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the offending header or parameter', () => {
    expect(
      buildError(() => buildRequest(headerEndpoint, { params: {}, headers: [{ name: 'X-Ok', value: 'a\r\nInjected: 1' }] }, target)).param,
    ).toBe('X-Ok');
    expect(buildError(() => buildRequest(headerEndpoint, { params: { 'X-Custom': 'a\nb' } }, target)).param).toBe('X-Custom');
    expect(buildError(() => buildRequest(headerEndpoint, { params: {} }, { ...target, subaccountId: 'abc\r\nX-Evil: 1' })).param).toBe(
      'subaccountId',
    );
  });

  it('guards h: fields, which become message headers', () => {
    const run = (name: string, value: string) => () =>
      buildRequest(send, { params: { to: 'a@example.com' }, extra: [{ name, value }] }, { ...target, domain: 'mg.example.com' });
    expect(buildError(run('h:X-Campaign', 'spring\r\nBcc: x@example.com')).param).toBe('h:X-Campaign');
    expect(buildError(run('h:Bad Name', 'x')).param).toBe('h:Bad Name');
    expect(
      (
        buildRequest(
          send,
          { params: { to: 'a@example.com' }, extra: [{ name: 'h:X-Campaign', value: 'spring' }] },
          { ...target, domain: 'd.example.com' },
        ).body as FormData
      ).getAll('h:X-Campaign'),
    ).toEqual(['spring']);
  });

  it('adds the subaccount header and never Authorization', () => {
    const built = buildRequest(headerEndpoint, { params: {} }, { ...target, subaccountId: 'sub-123' });
    expect(built.headers).toEqual({ 'X-Mailgun-On-Behalf-Of': 'sub-123' });
    expect(
      buildError(() => buildRequest(headerEndpoint, { params: {}, headers: [{ name: 'Authorization', value: 'Basic x' }] }, target)).param,
    ).toBe('Authorization');
  });

  it('fills a declared X-Mailgun-On-Behalf-Of header from the environment', () => {
    const e = endpoint('DELETE', '/v5/accounts/subaccounts', 'none', [
      param('X-Mailgun-On-Behalf-Of', 'header', { kind: 'string' }, { required: true }),
    ]);
    expect(buildRequest(e, { params: {} }, { ...target, subaccountId: 'sub-9' }).headers).toEqual({ 'X-Mailgun-On-Behalf-Of': 'sub-9' });
    expect(buildRequest(e, { params: { 'X-Mailgun-On-Behalf-Of': 'sub-1' } }, { ...target, subaccountId: 'sub-9' }).headers).toEqual({
      'X-Mailgun-On-Behalf-Of': 'sub-1',
    });
    expect(buildError(() => buildRequest(e, { params: {} }, target)).param).toBe('X-Mailgun-On-Behalf-Of');
  });

  it('ignores a declared Content-Type header, which the encoding decides', () => {
    const e = endpoint('POST', '/v3/{domain_name}/bounces/import', 'multipart', [
      param('domain_name', 'path', { kind: 'string' }, { required: true }),
      param('Content-Type', 'header', { kind: 'string' }, { required: true }),
    ]);
    expect(buildRequest(e, { params: { domain_name: 'd.example.com', 'Content-Type': 'text/plain' } }, target).headers).toEqual({});
  });
});

describe('encodings', () => {
  const flags = [
    param('yn', 'body', { kind: 'boolean', style: 'yes-no' }),
    param('tf', 'body', { kind: 'boolean', style: 'true-false' }),
    param('count', 'body', { kind: 'integer', min: 1, max: 100 }),
    param('filter', 'body', { kind: 'json' }),
    param('start', 'body', { kind: 'date', format: 'rfc2822' }),
  ];

  it('writes booleans as yes/no or true/false in forms and as JSON booleans in JSON (property)', () => {
    const form = endpoint('POST', '/v3/x', 'multipart', flags);
    const json = endpoint('POST', '/v1/x', 'json', flags);
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 100 }), (yn, tf, count) => {
        const values = { params: { yn, tf, count } };
        const f = buildRequest(form, values, target).body as FormData;
        expect(f.getAll('yn')).toEqual([yn ? 'yes' : 'no']);
        expect(f.getAll('tf')).toEqual([tf ? 'true' : 'false']);
        expect(f.getAll('count')).toEqual([String(count)]);
        const j = buildRequest(json, values, target);
        expect(JSON.parse(j.body as string)).toEqual({ yn, tf, count });
        expect(j.headers['Content-Type']).toBe('application/json');
      }),
    );
  });

  it('refuses integers outside their bounds (property)', () => {
    const e = endpoint('GET', '/v3/x', 'none', [param('limit', 'query', { kind: 'integer', min: 1, max: 1000 })]);
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), (limit) => {
        const inRange = limit >= 1 && limit <= 1000;
        if (inRange) expect(new URL(buildRequest(e, { params: { limit } }, target).url).searchParams.get('limit')).toBe(String(limit));
        else expect(buildError(() => buildRequest(e, { params: { limit } }, target)).param).toBe('limit');
      }),
    );
  });

  it('sends JSON parameters as text in forms and nested in JSON bodies', () => {
    const filter = '{"AND":[{"attribute":"domain","values":["mg.example.com"]}]}';
    const form = buildRequest(endpoint('POST', '/v3/x', 'multipart', flags), { params: { filter } }, target);
    expect((form.body as FormData).getAll('filter')).toEqual([filter]);
    const json = buildRequest(endpoint('POST', '/v1/x', 'json', flags), { params: { filter } }, target);
    expect(JSON.parse(json.body as string)).toEqual({ filter: JSON.parse(filter) });
    expect(buildError(() => buildRequest(endpoint('POST', '/v1/x', 'json', flags), { params: { filter: '{nope' } }, target)).param).toBe(
      'filter',
    );
  });

  it('converts dates to the parameter format', () => {
    const built = buildRequest(endpoint('POST', '/v1/x', 'json', flags), { params: { start: new Date('2024-07-08T00:00:00Z') } }, target);
    expect(JSON.parse(built.body as string)).toEqual({ start: 'Mon, 08 Jul 2024 00:00:00 +0000' });
  });

  it('puts GET parameters and bodyless POST parameters in the query string', () => {
    const get = endpoint('GET', '/v3/x', 'none', [param('limit', 'query', { kind: 'integer' }), param('a', 'body', { kind: 'string' })]);
    expect(buildRequest(get, { params: { limit: 5, a: 'b c' } }, target)).toMatchObject({
      url: 'https://api.mailgun.net/v3/x?limit=5&a=b+c',
      body: undefined,
    });
    const post = endpoint('POST', '/v3/ips/{ip}/domains', 'none', [
      param('ip', 'path', { kind: 'string', format: 'ip' }, { required: true }),
      param('domain', 'body', { kind: 'string' }),
    ]);
    expect(buildRequest(post, { params: { ip: '192.0.2.1', domain: 'mg.example.com' } }, target)).toMatchObject({
      url: 'https://api.mailgun.net/v3/ips/192.0.2.1/domains?domain=mg.example.com',
      body: undefined,
    });
  });

  it('sends an empty JSON object when a JSON endpoint gets no fields', () => {
    expect(buildRequest(endpoint('POST', '/v1/analytics/metrics', 'json', []), { params: {} }, target).body).toBe('{}');
  });

  it('urlencodes form bodies', () => {
    const e = endpoint('PUT', '/v3/routes/{id}', 'urlencoded', [
      param('id', 'path', { kind: 'string' }, { required: true }),
      param('priority', 'body', { kind: 'integer' }),
    ]);
    const built = buildRequest(e, { params: { id: 'r1', priority: 2 } }, target);
    expect((built.body as URLSearchParams).toString()).toBe('priority=2');
  });
});

describe('files', () => {
  const file: FileRef = { kind: 'file', handle: 'h-1', name: 'report.pdf', size: 3 };

  it('appends files through resolveFile', () => {
    const blobs: string[] = [];
    const built = buildRequest(
      send,
      { params: { to: 'a@example.com', attachment: [file, { ...file, handle: 'h-2', name: 'b.txt' }] } },
      { ...target, domain: 'mg.example.com' },
      {
        resolveFile: (handle) => {
          blobs.push(handle);
          return new Blob(['abc']);
        },
      },
    );
    expect(blobs).toEqual(['h-1', 'h-2']);
    const parts = (built.body as FormData).getAll('attachment') as File[];
    expect(parts.map((p) => p.name)).toEqual(['report.pdf', 'b.txt']);
    expect(built.bodyFields.filter((f) => f.name === 'attachment')).toHaveLength(2);
  });

  it('needs resolveFile when there is a file', () => {
    expect(
      buildError(() => buildRequest(send, { params: { to: 'a@example.com', attachment: file } }, { ...target, domain: 'd.example.com' }))
        .param,
    ).toBe('attachment');
  });

  it('refuses files outside multipart bodies', () => {
    const e = endpoint('POST', '/v3/x', 'urlencoded', [param('upload', 'body', { kind: 'file' })]);
    expect(buildError(() => buildRequest(e, { params: { upload: file } }, target)).param).toBe('upload');
  });
});

describe('validation', () => {
  it('reports missing required parameters and omits empty optional ones', () => {
    const errors = validateValues(send, { params: { subject: '' } }, { ...target, domain: 'mg.example.com' });
    expect(errors).toEqual([{ param: 'to', message: 'Required.', source: 'param' }]);
    const built = buildRequest(
      send,
      { params: { to: 'a@example.com', subject: '  ', 'o:testmode': undefined } },
      { ...target, domain: 'mg.example.com' },
    );
    expect(built.bodyFields).toEqual([{ name: 'to', value: 'a@example.com' }]);
  });

  it('lists every problem, and the error names the first', () => {
    const errors = validateValues(send, { params: { to: 'nope', 'o:testmode': 'maybe', bogus: 'x' } }, { baseUrl: 'not a url' });
    expect(errors.map((e) => e.param)).toEqual(['domain_name', 'to', 'o:testmode', 'bogus', 'baseUrl']);
    const error = buildError(() => buildRequest(send, { params: { to: 'nope' } }, { ...target, domain: 'mg.example.com' }));
    expect(error.param).toBe('to');
    expect(error.message).toMatch(/^Parameter "to": /);
  });

  it('accepts family fields passed as parameters', () => {
    const built = buildRequest(send, { params: { to: 'a@example.com', 'v:batch': '7' } }, { ...target, domain: 'mg.example.com' });
    expect((built.body as FormData).getAll('v:batch')).toEqual(['7']);
  });

  it('refuses base URLs that carry credentials, queries or other schemes', () => {
    for (const baseUrl of ['ftp://api.mailgun.net', 'https://api:key@api.mailgun.net', 'https://api.mailgun.net?x=1', 'api.mailgun.net']) {
      expect(buildError(() => buildRequest(itemPath, { params: { item: 'a' } }, { baseUrl })).param).toBe('baseUrl');
    }
    expect(buildRequest(itemPath, { params: { item: 'a' } }, { baseUrl: 'http://127.0.0.1:8080/prefix/' }).url).toBe(
      'http://127.0.0.1:8080/prefix/v3/items/a/detail',
    );
  });
});

describe('parameters sharing a name', () => {
  const e = endpoint('DELETE', '/v3/domains/{name}/ips/{ip}', 'none', [
    param('name', 'path', { kind: 'string', format: 'domain' }, { required: true }),
    param('ip', 'path', { kind: 'string' }, { required: true }),
    param('ip', 'query', { kind: 'string' }),
  ]);

  it('keys them by location', () => {
    expect(e.params.map((p) => paramKey(e, p))).toEqual(['name', 'path:ip', 'query:ip']);
    const built = buildRequest(e, { params: { 'path:ip': '192.0.2.1', 'query:ip': 'shared' } }, { ...target, domain: 'mg.example.com' });
    expect(built.url).toBe('https://api.mailgun.net/v3/domains/mg.example.com/ips/192.0.2.1?ip=shared');
    expect(buildRequest(e, { params: { ip: '192.0.2.1' } }, { ...target, domain: 'mg.example.com' }).url).toBe(
      'https://api.mailgun.net/v3/domains/mg.example.com/ips/192.0.2.1',
    );
  });
});

describe('resolvePath', () => {
  it('shows the live URL, keeping placeholders for missing values', () => {
    expect(resolvePath(send, { params: {} }, target)).toBe('https://api.mailgun.net/v3/{domain_name}/messages');
    expect(resolvePath(send, { params: {} }, { ...target, domain: 'mg.example.com' })).toBe(
      'https://api.mailgun.net/v3/mg.example.com/messages',
    );
    const query = endpoint('GET', '/v3/{domain}/events', 'none', [
      param('domain', 'path', { kind: 'string' }, { required: true }),
      param('limit', 'query', { kind: 'integer', max: 300 }),
    ]);
    expect(resolvePath(query, { params: { domain: 'a b', limit: 10 } }, target)).toBe('https://api.mailgun.net/v3/a%20b/events?limit=10');
    expect(resolvePath(query, { params: { limit: 1000 } }, target)).toBe('https://api.mailgun.net/v3/{domain}/events');
  });
});
