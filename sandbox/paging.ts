import { badRequest } from './errors';

/**
 * Mailgun's "paging URLs" scheme: items sorted by a key, pages named
 * first/last/next/previous, and a pivot value saying where next and previous
 * start. Answers carry ready-made URLs for all four.
 */
export interface PivotPage<T> {
  readonly items: T[];
  readonly paging: { readonly first: string; readonly last: string; readonly next: string; readonly previous: string };
}

export interface PivotRequest {
  readonly page: string | null;
  readonly pivot: string | null;
  readonly limit: number;
}

export function readPivotRequest(query: URLSearchParams, pivotName: string, limits: { fallback: number; max: number }): PivotRequest {
  const rawLimit = query.get('limit');
  let limit = limits.fallback;
  if (rawLimit !== null && rawLimit.trim() !== '') {
    if (!/^\d{1,9}$/.test(rawLimit.trim())) return badRequest("Invalid value for 'limit': expected an integer");
    limit = Number(rawLimit.trim());
    if (limit > limits.max) return badRequest(`'limit' must be ${limits.max} or less`);
    if (limit < 1) return badRequest("The 'limit' parameter must be at least 1");
  }
  const page = query.get('page');
  if (page !== null && !['first', 'last', 'next', 'previous', 'prev', ''].includes(page))
    return badRequest(`Invalid value for 'page': ${page.slice(0, 40)}`);
  return { page: page === 'prev' ? 'previous' : page || null, pivot: query.get(pivotName), limit };
}

/**
 * `sorted` must already be in key order; `extra` query parameters are kept on every paging URL.
 * `previousName` is what the links call the backward page: `prev` for tags and mailing lists.
 */
export function pivotPage<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  request: PivotRequest,
  baseUrl: string,
  pivotName: string,
  extra: Record<string, string> = {},
  previousName: 'previous' | 'prev' = 'previous',
): PivotPage<T> {
  const { limit, pivot } = request;
  let items: T[];
  switch (request.page) {
    case 'last':
      items = sorted.slice(Math.max(0, sorted.length - limit));
      break;
    case 'next':
      items = pivot === null ? sorted.slice(0, limit) : sorted.filter((item) => keyOf(item) > pivot).slice(0, limit);
      break;
    case 'previous': {
      const before = pivot === null ? [] : sorted.filter((item) => keyOf(item) < pivot);
      items = before.slice(Math.max(0, before.length - limit));
      break;
    }
    default:
      items = sorted.slice(0, limit);
  }
  const first = items[0];
  const last = items[items.length - 1];
  const url = (page: string, pivotValue?: string): string => {
    const params = new URLSearchParams({ ...extra, page });
    if (pivotValue !== undefined) params.append(pivotName, pivotValue);
    params.append('limit', String(limit));
    return `${baseUrl}?${params.toString()}`;
  };
  return {
    items,
    paging: {
      first: url('first'),
      last: url('last'),
      next: url('next', last ? keyOf(last) : (pivot ?? '')),
      previous: url(previousName, first ? keyOf(first) : (pivot ?? '')),
    },
  };
}

/** The `skip`/`limit` scheme with `total_count`. */
export function skipLimit<T>(
  items: readonly T[],
  query: URLSearchParams,
  limits: { fallback: number; max: number },
): { total_count: number; items: T[] } {
  const read = (name: string, fallback: number, max: number): number => {
    const raw = query.get(name);
    if (raw === null || raw.trim() === '') return fallback;
    if (!/^\d{1,9}$/.test(raw.trim())) return badRequest(`Invalid value for '${name}': expected an integer`);
    const n = Number(raw.trim());
    if (n > max) return badRequest(`'${name}' must be ${max} or less`);
    return n;
  };
  const limit = read('limit', limits.fallback, limits.max);
  const skip = read('skip', 0, 100_000_000);
  return { total_count: items.length, items: items.slice(skip, skip + limit) };
}
