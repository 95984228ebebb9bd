import type { EndpointDef, PaginationScheme } from '../../../shared/catalog/types';
import type { ResponseRecord } from '../../../shared/requests/types';

/** Test data for the response viewer's component tests. */

export function testEndpoint(pagination: PaginationScheme = 'none', overrides: Partial<EndpointDef> = {}): EndpointDef {
  return {
    id: 'events.list',
    group: 'events',
    method: 'GET',
    path: '/v3/{domain_name}/events',
    summary: 'List events',
    description: 'Lists events.',
    deprecated: false,
    mutates: false,
    sendingKeyAllowed: false,
    encoding: 'none',
    pagination,
    params: [],
    exampleResponse: { status: 200, contentType: 'application/json', body: {} },
    ...overrides,
  };
}

let counter = 0;

export function testResponse(
  overrides: Partial<Omit<ResponseRecord, 'body'>> & { body?: ResponseRecord['body']; text?: string } = {},
): ResponseRecord {
  counter += 1;
  const { text, ...rest } = overrides;
  const body: ResponseRecord['body'] = rest.body ?? (text === undefined ? { kind: 'empty' } : { kind: 'text', text });
  return {
    requestId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    status: 200,
    statusText: 'OK',
    headers: [
      ['content-type', 'application/json'],
      ['x-mailgun-request-id', 'abc123'],
    ],
    timings: { startedAt: Date.UTC(2025, 8, 1, 12), ttfbMs: 120, totalMs: 245 },
    sizeBytes: text?.length ?? 0,
    contentType: 'application/json',
    historyId: 'h1',
    request: { method: 'GET', url: 'https://api.mailgun.net/v3/mg.example.com/events', headerNames: [], authSent: true },
    ...rest,
    body,
  };
}

export const US_ENVIRONMENT = { region: 'us', keyKind: 'primary', baseUrl: 'https://api.mailgun.net' } as const;
