import type { HttpMethod } from '../shared/catalog/types';

/**
 * The one list of catalog endpoints the sandbox answers with a fixed catalog
 * example instead of simulated state, each with the reason: all of them need
 * Mailgun's real infrastructure or people. Such answers carry an
 * `X-Sandbox-Example` header naming the reason; a test keeps this list and
 * the catalog in step.
 */

export interface FixedExample {
  readonly method: HttpMethod;
  readonly path: string;
  readonly reason: string;
}

const PREVIEW = { reason: 'e-mail previews are screenshots rendered by real mail clients' } as const;
const PROVISIONING = { reason: 'IP warm-up, IP bands and new IPs are provisioned by Mailgun staff and systems' } as const;
const RETIRED = { reason: 'Mailgun has retired it: its example is the 410 it answers' } as const;
const USERS = { reason: 'the sandbox account has one user (/v5/users/me); listing the people of a real account needs one' } as const;

export const FIXED_EXAMPLES: readonly FixedExample[] = [
  { method: 'GET', path: '/v1/bounce-classification/domains/{domain}/events', ...RETIRED },
  { method: 'GET', path: '/v1/preview/tests/{test_id}/results', ...PREVIEW },
  { method: 'GET', path: '/v3/ip_warmups', ...PROVISIONING },
  { method: 'DELETE', path: '/v3/ip_warmups/{addr}', ...PROVISIONING },
  { method: 'GET', path: '/v3/ip_warmups/{addr}', ...PROVISIONING },
  { method: 'POST', path: '/v3/ip_warmups/{addr}', ...PROVISIONING },
  { method: 'GET', path: '/v3/ips/request/new', ...PROVISIONING },
  { method: 'POST', path: '/v3/ips/request/new', ...PROVISIONING },
  { method: 'POST', path: '/v3/ips/{addr}/ip_band', ...PROVISIONING },
  { method: 'GET', path: '/v5/users', ...USERS },
];

export function fixedExampleFor(method: string, path: string): FixedExample | undefined {
  return FIXED_EXAMPLES.find((entry) => entry.method === method && entry.path === path);
}
