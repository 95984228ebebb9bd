import { defineEndpoints, inBody, inPath, inQuery } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const ipsGroup: GroupDef = {
  id: 'ips',
  title: 'IPs',
  description: 'Inspect the sending IPs on the account, request dedicated ones and attach or detach them from domains.',
};

export const ipsEndpoints = defineEndpoints('ips', [
  {
    id: 'ips.list',
    method: 'GET',
    path: '/v3/ips',
    summary: 'List the sending IPs on the account',
    description:
      'Returns every IP the account can send from, plus which of them can go into dedicated pools and which are still warming up.',
    params: [
      inQuery('dedicated', { kind: 'boolean', style: 'true-false' }, true, 'Only dedicated IPs when true.'),
      inQuery('enabled', { kind: 'boolean', style: 'true-false' }, true, 'Only IPs that are switched on when true.'),
    ],
    response: {
      assignable_to_pools: ['192.0.2.21'],
      details: [{ ip: '192.0.2.20', is_on_warmup: true }, { ip: '192.0.2.21' }],
      items: ['192.0.2.20', '192.0.2.21'],
      total_count: 2,
    },
  },
  {
    id: 'ips.get',
    method: 'GET',
    path: '/v3/ips/{ip}',
    summary: 'Show one IP and its reverse DNS name',
    description: 'Tells you whether the IP is dedicated to the account and which host name its reverse DNS points at.',
    params: [inPath('ip', { kind: 'string', format: 'ip' }, '192.0.2.20', 'IP address on the account.')],
    response: { dedicated: true, ip: '192.0.2.20', rdns: 'ip-192-0-2-20.mailgun.net' },
  },
  {
    id: 'ips.list-domains',
    method: 'GET',
    path: '/v3/ips/{ip}/domains',
    summary: 'List the domains that send from an IP',
    description:
      'Pages through the account domains that have the IP assigned, filtered by a name search. All three query values must be sent.',
    pagination: 'skip-limit',
    params: [
      inPath('ip', { kind: 'string', format: 'ip' }, '192.0.2.20', 'IP whose domains you want.'),
      inQuery('limit', { kind: 'integer', min: 1 }, 10, 'Maximum number of domains in this page.', { required: true }),
      inQuery('search', { kind: 'string' }, 'example', 'Text the domain names must match.', { required: true }),
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'How many matching domains to pass over before this page starts.', {
        required: true,
      }),
    ],
    response: {
      items: [
        { ips: ['192.0.2.20', '192.0.2.21'], domain: 'mg.example.com' },
        { ips: ['192.0.2.20'], domain: 'news.example.com' },
      ],
      total_count: 2,
    },
  },
  {
    id: 'ips.assign-to-all-domains',
    method: 'POST',
    path: '/v3/ips/{ip}/domains',
    summary: 'Attach an IP to every domain on the account',
    description:
      'Queues a background job that adds the IP to all domains; keep the returned reference id if you need to follow the job up with support.',
    params: [inPath('ip', { kind: 'string', format: 'ip' }, '192.0.2.21', 'IP to add to all domains.')],
    response: { message: 'started', reference_id: '61926093321d1cba88f3b95b' },
  },
  {
    id: 'ips.remove-from-all-domains',
    method: 'DELETE',
    path: '/v3/ips/{ip}/domains',
    summary: 'Detach an IP from every domain, substituting another',
    description: 'Queues a background job that swaps the IP for the alternative on all domains, so no domain is left without an IP.',
    params: [
      inPath('ip', { kind: 'string', format: 'ip' }, '192.0.2.20', 'IP to take off the domains.'),
      inQuery('alternative', { kind: 'string', format: 'ip' }, '192.0.2.21', 'IP that replaces it on each domain.', { required: true }),
    ],
    response: { message: 'started', reference_id: '61926093321d1cba88f3b95c' },
  },
  {
    id: 'ips.set-band',
    method: 'POST',
    path: '/v3/ips/{addr}/ip_band',
    summary: 'Move a dedicated IP into an IP band',
    description:
      'Assigns the IP to a named dedicated IP band. Bands are set up by Mailgun for your account, so ask support for valid names.',
    encoding: 'multipart',
    params: [
      inPath('addr', { kind: 'string', format: 'ip' }, '192.0.2.20', 'Dedicated IP to move.'),
      inBody('ip_band', { kind: 'string' }, 'transactional', 'Band name to move the IP into.', { required: true }),
    ],
    response: { message: 'success' },
  },
  {
    id: 'ips.get-allowance',
    method: 'GET',
    path: '/v3/ips/request/new',
    summary: 'Check how many more IPs the plan allows',
    description: 'Reports the number of dedicated and shared IPs the billing plan still lets you add.',
    response: { allowed: { dedicated: 1, shared: 2 } },
  },
  {
    id: 'ips.request-new',
    method: 'POST',
    path: '/v3/ips/request/new',
    summary: 'Order a new dedicated IP',
    description: 'Orders an extra dedicated IP for the account. This may be billed, so check the allowance first.',
    response: { message: 'success' },
  },
  {
    id: 'ips.remove-from-domain',
    method: 'DELETE',
    path: '/v3/domains/{name}/ips/{ip}',
    summary: 'Take an IP, a linked pool or all IPs off one domain',
    description:
      'Removes a single IP from the domain, unlinks its dedicated pool (`ip_pool`) or clears every IP (`all`). Name a replacement IP or pool so the domain can still send.',
    params: [
      inPath('ip', { kind: 'string' }, '192.0.2.20', 'An IP address, `ip_pool` to unlink the pool, or `all`.'),
      domainPath('name', 'Domain to change.'),
      inQuery('ip', { kind: 'string' }, 'shared', 'Replacement IP address, or `shared` to fall back to shared IPs.'),
      inQuery('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Dedicated pool to link instead.'),
    ],
    response: { message: 'success' },
  },
]);
