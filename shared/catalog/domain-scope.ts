import type { EndpointDef } from './types';

const ALWAYS_DOMAIN = new Set(['domain', 'domain_name', 'authority_name']);

/**
 * The name of the path parameter that holds the sending domain, if the
 * template has one. `{name}` only counts right after a `domains` segment,
 * because elsewhere (alerts, pools) it names something else.
 */
export function domainParamName(path: string): string | undefined {
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i += 1) {
    const m = /^\{([^}]+)\}$/.exec(segments[i] ?? '');
    if (!m?.[1]) continue;
    if (ALWAYS_DOMAIN.has(m[1])) return m[1];
    if (m[1] === 'name' && segments[i - 1] === 'domains') return m[1];
  }
  return undefined;
}

/** True when the call is about one domain, and so bound to the region the domain lives in. */
export function isDomainScoped(endpoint: Pick<EndpointDef, 'path'>): boolean {
  return domainParamName(endpoint.path) !== undefined;
}
