import type { HttpMethod } from '../shared/catalog/types';

/**
 * The one list of catalog endpoints the sandbox answers with a fixed example
 * instead of simulated state, each with the reason. `cannot` marks what needs
 * Mailgun's real infrastructure; `not-yet` marks what could be simulated and
 * is not (yet). Such answers carry an `X-Sandbox-Example` header naming the
 * reason; a test keeps this list and the catalog in step.
 */

export interface FixedExample {
  readonly method: HttpMethod;
  readonly path: string;
  readonly kind: 'cannot' | 'not-yet';
  readonly reason: string;
}

const PREVIEW = { kind: 'cannot', reason: 'e-mail previews are screenshots rendered by real mail clients' } as const;
const PROVISIONING = { kind: 'cannot', reason: 'IP warm-up, IP bands and new IPs are provisioned by Mailgun staff and systems' } as const;
const NOT_YET = { kind: 'not-yet', reason: 'not simulated yet' } as const;
const RETIRED = { kind: 'cannot', reason: 'Mailgun has retired it: its example is the 410 it answers' } as const;
const USERS = {
  kind: 'cannot',
  reason: 'the sandbox account has one user (/v5/users/me); listing the people of a real account needs one',
} as const;

export const FIXED_EXAMPLES: readonly FixedExample[] = [
  { method: 'GET', path: '/v1/bounce-classification/domains/{domain}/events', ...RETIRED },
  { method: 'GET', path: '/v1/preview/tests/{test_id}/results', ...PREVIEW },
  { method: 'PUT', path: '/v3/domains/{domain_name}/webhooks/{webhook_name}/test', ...NOT_YET },
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
