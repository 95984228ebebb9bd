import { describe, expect, it } from 'vitest';
import { getEndpoint } from '../catalog';
import type { EndpointDef, PaginationScheme, ParamDef } from '../catalog/types';
import { buildRequest, type RequestValues } from './build-request';
import { extractPagingFacts, hasPaging, pageTargets } from './paging';

function param(name: string, type: ParamDef['type'], extra: Partial<ParamDef> = {}): ParamDef {
  return { name, in: 'query', type, required: false, repeatable: false, example: '', description: '', ...extra };
}

function endpoint(pagination: PaginationScheme, params: ParamDef[]): EndpointDef {
  return {
    id: 'test.list',
    group: 'domains',
    method: 'GET',
    path: '/v3/test',
    summary: '',
    description: '',
    deprecated: false,
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination,
    params,
    exampleResponse: { status: 200, contentType: 'application/json', body: {} },
  };
}

const values = (params: RequestValues['params']): RequestValues => ({ params });

describe('extractPagingFacts', () => {
  it('reads links, folds prev and capitalised names, and counts items', () => {
    const facts = extractPagingFacts({ paging: { First: 'a', prev: 'b', next: '', Last: 'd' }, items: [1, 2], total_count: 9 });
    expect(facts).toEqual({ paging: { first: 'a', previous: 'b', last: 'd' }, pagination: {}, totalCount: 9, itemCount: 2 });
  });

  it('returns nothing for non-objects', () => {
    expect(
      hasPaging(
        pageTargets({ endpoint: endpoint('paging-urls', []), facts: extractPagingFacts([1, 2]), requestUrl: '', values: values({}) }),
      ),
    ).toBe(false);
  });
});

describe('paging-urls', () => {
  const members = endpoint('paging-urls', [
    param('subscribed', { kind: 'boolean', style: 'yes-no' }),
    param('limit', { kind: 'integer' }),
    param('address', { kind: 'email' }),
    param('page', { kind: 'enum', values: ['first', 'last', 'next', 'prev'] }),
    { ...param('list_address', { kind: 'email' }), in: 'path', required: true },
  ]);
  const body = {
    items: [{ address: 'a@example.com' }],
    paging: {
      first: 'https://api.mailgun.net/v3/lists/l@example.com/members/pages?page=first&limit=50',
      next: 'https://api.mailgun.net/v3/lists/l@example.com/members/pages?page=next&address=alice%40example.com&limit=50&subscribed=yes',
      previous: 'https://api.mailgun.net/v3/lists/l@example.com/members/pages?page=prev&address=alice%40example.com&limit=50',
      last: 'https://api.mailgun.net/v3/lists/l@example.com/members/pages?page=last&limit=50',
    },
  };
  const sent = values({ list_address: 'l@example.com', address: 'zed@example.com', limit: 50 });

  it('replaces the query parameters with the link query and keeps path values', () => {
    const targets = pageTargets({ endpoint: members, facts: extractPagingFacts(body), requestUrl: '', values: sent });
    expect(targets.next?.params).toEqual({
      list_address: 'l@example.com',
      address: 'alice@example.com',
      limit: 50,
      page: 'next',
      subscribed: true,
    });
    expect(targets.first?.params).toEqual({
      list_address: 'l@example.com',
      address: undefined,
      limit: 50,
      page: 'first',
      subscribed: undefined,
    });
    expect(targets.previous?.params.page).toBe('prev');
    expect(targets.last?.params.page).toBe('last');
  });

  it('has no next page once a page comes back empty, and no page without a link', () => {
    const targets = pageTargets({
      endpoint: members,
      facts: extractPagingFacts({ items: [], paging: { first: body.paging.first } }),
      requestUrl: '',
      values: sent,
    });
    expect(targets.next).toBeUndefined();
    expect(targets.previous).toBeUndefined();
    expect(targets.first).toBeDefined();
  });

  it('carries link parameters the endpoint does not declare, such as the bounce pivot, as extra fields', () => {
    const bounces = endpoint('paging-urls', [param('page', { kind: 'string' }), param('limit', { kind: 'integer' })]);
    const targets = pageTargets({
      endpoint: bounces,
      facts: extractPagingFacts({
        items: [{}],
        paging: {
          next: '/v3/mg.example.com/bounces?page=next&address=b%40example.com&limit=10',
          first: '/v3/mg.example.com/bounces?page=first&limit=10',
        },
      }),
      requestUrl: '',
      values: { params: { page: 'next', limit: 10 }, extra: [{ name: 'address', value: 'a@example.com' }] },
    });
    expect(targets.next).toEqual({ params: { page: 'next', limit: 10 }, extra: [{ name: 'address', value: 'b@example.com' }] });
    expect(targets.first).toEqual({ params: { page: 'first', limit: 10 }, extra: [] });
  });

  it('follows relative links with opaque page tokens', () => {
    const keys = endpoint('paging-urls', [param('page', { kind: 'string' }), param('limit', { kind: 'integer' })]);
    const targets = pageTargets({
      endpoint: keys,
      facts: extractPagingFacts({ items: [{}], paging: { next: '/v1/dkim/keys?page=eyJvIjoxMH0&limit=10' } }),
      requestUrl: '',
      values: values({ page: 'x', limit: 10 }),
    });
    expect(targets.next?.params).toEqual({ page: 'eyJvIjoxMH0', limit: 10 });
  });
});

describe('validation-pivot', () => {
  it('takes the pivot from the link', () => {
    const jobs = endpoint('validation-pivot', [param('pivot', { kind: 'string' }), param('limit', { kind: 'integer' })]);
    const facts = extractPagingFacts({
      jobs: [],
      paging: {
        next: 'https://api.mailgun.net/v4/address/validate/bulk?limit=100&page=next&pivot=job-9',
        prev: 'https://api.mailgun.net/v4/address/validate/bulk?limit=100&page=prev&pivot=job-1',
      },
    });
    const targets = pageTargets({ endpoint: jobs, facts, requestUrl: '', values: values({}) });
    expect(targets.next?.params).toEqual({ pivot: 'job-9', limit: 100 });
    expect(targets.previous?.params.pivot).toBe('job-1');
    expect(targets.first).toBeUndefined();
  });
});

describe('events-token', () => {
  const events = endpoint('events-token', [
    param('limit', { kind: 'integer' }),
    { ...param('page_token', { kind: 'string' }), in: 'path' },
  ]);
  const facts = extractPagingFacts({
    items: [{ event: 'delivered' }],
    paging: {
      next: 'https://api.mailgun.net/v3/mg.example.com/events/W3siYSI6IGZhbHNlfV0=',
      previous: 'https://api.mailgun.net/v3/mg.example.com/events/UHJldg==',
    },
  });

  it('puts the path token into the token parameter', () => {
    const targets = pageTargets({ endpoint: events, facts, requestUrl: '', values: values({ limit: 300 }) });
    expect(targets.next?.params).toEqual({ limit: 300, page_token: 'W3siYSI6IGZhbHNlfV0=' });
    expect(targets.previous).toBeUndefined();
    expect(targets.first).toBeUndefined();
    expect(targets.last).toBeUndefined();
  });

  it('goes back to the first page by dropping the token', () => {
    const targets = pageTargets({ endpoint: events, facts, requestUrl: '', values: values({ limit: 300, page_token: 'abc' }) });
    expect(targets.first?.params).toEqual({ limit: 300, page_token: undefined });
    expect(targets.previous?.params.page_token).toBe('UHJldg==');
  });

  it('sends the search’s next page through the endpoint it pages with, with only the domain and the token', () => {
    const search = { ...endpoint('events-token', [param('limit', { kind: 'integer' })]), pageWith: 'events.page' };
    const targets = pageTargets({ endpoint: search, facts, requestUrl: '', values: values({ limit: 300, domain_name: 'mg.example.com' }) });
    expect(targets.next?.params).toEqual({ domain_name: 'mg.example.com', page_token: 'W3siYSI6IGZhbHNlfV0=' });
    expect(targets.previous).toBeUndefined();
  });

  it('offers nothing when the endpoint has no token parameter', () => {
    expect(hasPaging(pageTargets({ endpoint: endpoint('events-token', []), facts, requestUrl: '', values: values({}) }))).toBe(false);
  });
});

describe('skip-limit', () => {
  const domains = endpoint('skip-limit', [
    param('limit', { kind: 'integer' }, { default: 100 }),
    param('skip', { kind: 'integer' }, { default: 0 }),
  ]);
  const run = (sent: RequestValues, total: number | undefined, items: number, url = 'https://api.mailgun.net/v4/domains') =>
    pageTargets({
      endpoint: domains,
      facts: extractPagingFacts({ items: new Array(items).fill({}), ...(total === undefined ? {} : { total_count: total }) }),
      requestUrl: url,
      values: sent,
    });

  it('computes every page from total_count', () => {
    const targets = run(values({ skip: 20, limit: 10 }), 95, 10);
    expect(targets.first?.params).toEqual({ skip: 0, limit: 10 });
    expect(targets.previous?.params).toEqual({ skip: 10, limit: 10 });
    expect(targets.next?.params).toEqual({ skip: 30, limit: 10 });
    expect(targets.last?.params).toEqual({ skip: 90, limit: 10 });
  });

  it('disables first and previous on the first page, next and last on the last', () => {
    const start = run(values({}), 250, 100);
    expect(start.first).toBeUndefined();
    expect(start.previous).toBeUndefined();
    expect(start.next?.params).toEqual({ skip: 100, limit: 100 });
    expect(start.last?.params).toEqual({ skip: 200, limit: 100 });
    const end = run(values({ skip: 200 }), 250, 50);
    expect(end.next).toBeUndefined();
    expect(end.last).toBeUndefined();
    expect(end.previous?.params.skip).toBe(100);
  });

  it('reads skip and limit from the sent URL, and guesses from a short page without a total', () => {
    const targets = run(values({}), undefined, 7, 'https://api.mailgun.net/v3/routes?skip=14&limit=7');
    expect(targets.previous?.params).toEqual({ skip: 7, limit: 7 });
    expect(targets.next?.params).toEqual({ skip: 21, limit: 7 });
    expect(targets.last).toBeUndefined();
    expect(run(values({ limit: 10 }), undefined, 3).next).toBeUndefined();
  });

  it('never goes below zero', () => {
    expect(run(values({ skip: 5, limit: 10 }), 40, 10).previous?.params.skip).toBe(0);
  });
});

describe('json-body', () => {
  const metrics = endpoint('json-body', [{ ...param('pagination', { kind: 'json' }), in: 'body' }]);

  it('moves pagination.skip and keeps the sort', () => {
    const facts = extractPagingFacts({
      items: new Array(10).fill({}),
      pagination: { sort: 'entity-name:asc', skip: 10, limit: 10, total: 35 },
    });
    const targets = pageTargets({
      endpoint: metrics,
      facts,
      requestUrl: '',
      values: values({ pagination: { sort: 'entity-name:asc', skip: 10, limit: 10 } }),
    });
    expect(targets.next?.params.pagination).toEqual({ sort: 'entity-name:asc', skip: 20, limit: 10 });
    expect(targets.last?.params.pagination).toEqual({ sort: 'entity-name:asc', skip: 30, limit: 10 });
    expect(targets.first?.params.pagination).toEqual({ sort: 'entity-name:asc', skip: 0, limit: 10 });
  });

  it('accepts pagination kept as JSON text', () => {
    const facts = extractPagingFacts({ pagination: { skip: 0, limit: 5, total: 12 } });
    const targets = pageTargets({ endpoint: metrics, facts, requestUrl: '', values: values({ pagination: '{"sort":"a:desc"}' }) });
    expect(targets.next?.params.pagination).toEqual({ sort: 'a:desc', skip: 5, limit: 5 });
    expect(targets.previous).toBeUndefined();
  });
});

describe('logs-token', () => {
  it('sets pagination.token from the response tokens', () => {
    const logs = endpoint('logs-token', [{ ...param('pagination', { kind: 'json' }), in: 'body' }]);
    const facts = extractPagingFacts({ items: [{}], pagination: { first: 'tf', last: 'tl', next: 'tn', total: 500 } });
    const targets = pageTargets({
      endpoint: logs,
      facts,
      requestUrl: '',
      values: values({ pagination: { sort: 'timestamp:desc', limit: 100 } }),
    });
    expect(targets.next?.params.pagination).toEqual({ sort: 'timestamp:desc', limit: 100, token: 'tn' });
    expect(targets.first?.params.pagination).toEqual({ sort: 'timestamp:desc', limit: 100, token: 'tf' });
    expect(targets.previous).toBeUndefined();
  });
});

describe('none', () => {
  it('has no pages', () => {
    expect(
      hasPaging(
        pageTargets({
          endpoint: endpoint('none', []),
          facts: extractPagingFacts({ paging: { next: 'x' } }),
          requestUrl: '',
          values: values({}),
        }),
      ),
    ).toBe(false);
  });
});

describe('paging the real catalog entries', () => {
  const target = { baseUrl: 'https://api.mailgun.net', domain: 'mg.example.com' };

  it('lists DKIM keys without an invented token, and every paging link of the answer builds', () => {
    const dkim = getEndpoint('domain-keys.list-all') as EndpointDef;
    expect(() => buildRequest(dkim, values({}), target)).not.toThrow();
    const targets = pageTargets({
      endpoint: dkim,
      facts: extractPagingFacts(dkim.exampleResponse.body),
      requestUrl: 'https://api.mailgun.net/v1/dkim/keys',
      values: values({}),
    });
    for (const direction of ['first', 'next', 'previous', 'last'] as const) {
      const next = targets[direction];
      expect(next, direction).toBeDefined();
      expect(() => buildRequest(dkim, next as RequestValues, target), direction).not.toThrow();
    }
    expect(buildRequest(dkim, targets.next as RequestValues, target).url).toBe(
      'https://api.mailgun.net/v1/dkim/keys?page=eyJvZmZzZXQiOjEwfQ',
    );
  });

  it('builds the Next and Last pages of a metrics answer whose total is over its limit', () => {
    const metrics = getEndpoint('metrics.query') as EndpointDef;
    const sent = values({ dimensions: ['time'], pagination: { sort: 'time:asc', skip: 0, limit: 10 } });
    const targets = pageTargets({
      endpoint: metrics,
      facts: extractPagingFacts({ items: new Array(10).fill({}), pagination: { sort: 'time:asc', skip: 0, limit: 10, total: 25 } }),
      requestUrl: 'https://api.mailgun.net/v1/analytics/metrics',
      values: sent,
    });
    const next = buildRequest(metrics, targets.next as RequestValues, target);
    expect(JSON.parse(String(next.body)).pagination).toEqual({ sort: 'time:asc', skip: 10, limit: 10 });
    const last = buildRequest(metrics, targets.last as RequestValues, target);
    expect(JSON.parse(String(last.body)).pagination).toEqual({ sort: 'time:asc', skip: 20, limit: 10 });
  });
});
