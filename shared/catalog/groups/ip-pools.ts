import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const ipPoolsGroup: GroupDef = {
  id: 'ip-pools',
  title: 'IP Pools',
  description: 'Group dedicated IPs into named pools (DIPPs) and link those pools to sending domains.',
};

const poolIdPath: ParamSpec = inPath('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Id of the pool.');

/** The subaccount of a pool delegation; each call says what happens to it. */
const delegateTo: ParamSpec = inBody('subaccount_id', { kind: 'string', format: 'id' }, '646d00a1b32c35364a2ad34f', 'The subaccount.', {
  required: true,
});

export const ipPoolsEndpoints = defineEndpoints('ip-pools', [
  {
    id: 'ip-pools.list',
    method: 'GET',
    path: '/v3/ip_pools',
    summary: 'List the dedicated IP pools',
    description: 'Returns each pool with its IPs and whether it is linked to domains or inherited from a parent account.',
    response: {
      ip_pools: [
        {
          description: 'Receipts and password resets',
          ips: ['192.0.2.30', '192.0.2.31'],
          is_inherited: false,
          is_linked: true,
          name: 'transactional',
          pool_id: '658041ae44842b99ee2eaa1b',
        },
      ],
      message: 'success',
    },
  },
  {
    id: 'ip-pools.create',
    method: 'POST',
    path: '/v3/ip_pools',
    summary: 'Create a dedicated IP pool',
    description: 'Makes a new pool, optionally with IPs already in it. The response carries the id you need for later calls.',
    encoding: 'multipart',
    params: [
      inBody(
        'description',
        { kind: 'string', format: 'text' },
        'Receipts and password resets',
        'Longer explanation of what the pool is for.',
        { required: true },
      ),
      inBody('ip', { kind: 'string', format: 'ip' }, ['192.0.2.21'], 'Dedicated IPs to start the pool with; send one field per IP.', {
        repeatable: true,
      }),
      inBody('name', { kind: 'string' }, 'transactional', 'Short label for the pool.', { required: true }),
    ],
    response: { message: 'success', pool_id: '658041ae44842b99ee2eaa1b' },
  },
  {
    id: 'ip-pools.get',
    method: 'GET',
    path: '/v3/ip_pools/{pool_id}',
    summary: 'Show one IP pool and the domains linked to it',
    description: 'Returns the pool name, description, IPs and linked domain names.',
    params: [poolIdPath],
    response: {
      details: {
        description: 'Receipts and password resets',
        ips: ['192.0.2.30', '192.0.2.31'],
        is_linked: true,
        linked_domains: ['mg.example.com', 'billing.example.com'],
        name: 'transactional',
        pool_id: '658041ae44842b99ee2eaa1b',
      },
      message: 'success',
    },
  },
  {
    id: 'ip-pools.delete',
    method: 'DELETE',
    path: '/v3/ip_pools/{pool_id}',
    summary: 'Delete an IP pool, re-homing its domains',
    description:
      'Removes the pool. Domains linked to it are moved to the replacement IP or replacement pool you name, so only one of the two query values is normally needed.',
    params: [
      inPath('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Id of the pool to delete.'),
      inQuery('ip', { kind: 'string' }, 'shared', 'Replacement IP for linked domains, or `shared`.', { required: true }),
      inQuery('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1c', 'Replacement pool for linked domains.', {
        required: true,
      }),
    ],
    response: { message: 'success' },
  },
  {
    id: 'ip-pools.update',
    method: 'PATCH',
    path: '/v3/ip_pools/{pool_id}',
    summary: 'Rename a pool or change its IPs and linked domains',
    description:
      'Edits any mix of the pool name, description, IP membership and domain links in one request. Send only the fields you want to change.',
    encoding: 'multipart',
    params: [
      inPath('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Id of the pool to edit.'),
      inBody('add_ip', { kind: 'string', format: 'ip' }, ['192.0.2.21'], 'IPs to put in the pool.', { repeatable: true }),
      inBody('description', { kind: 'string', format: 'text' }, 'Receipts, resets and invoices', 'New description.'),
      inBody('link_domain', { kind: 'string', format: 'id' }, ['68d17866ba9d5506cbc2e275'], 'Domain ids to link to the pool.', {
        repeatable: true,
      }),
      inBody('name', { kind: 'string' }, 'transactional-eu', 'New short name.'),
      inBody('remove_ip', { kind: 'string', format: 'ip' }, ['192.0.2.20'], 'IPs to take out of the pool.', { repeatable: true }),
      inBody('unlink_domain', { kind: 'string', format: 'id' }, ['68d17866ba9d5506cbc2e276'], 'Domain ids to unlink from the pool.', {
        repeatable: true,
      }),
    ],
    response: { message: 'success' },
  },
  {
    id: 'ip-pools.list-domains',
    method: 'GET',
    path: '/v3/ip_pools/{pool_id}/domains',
    summary: 'List the domains linked to a pool',
    description: 'Pages through the linked domains. Pass the opaque `page` value from the previous response to continue.',
    pagination: 'paging-urls',
    params: [
      poolIdPath,
      inQuery('limit', { kind: 'integer', min: 10, max: 500 }, 50, 'Domains per page, 10 to 500.', { default: 10 }),
      inQuery('page', { kind: 'string' }, 'eyJjdXJzb3IiOiI2OGQxNzg2NiJ9', 'Page token copied from a `paging` URL.'),
    ],
    response: {
      paging: {
        first: 'https://api.mailgun.net/v3/ip_pools/658041ae44842b99ee2eaa1b/domains?page=eyJmaXJzdCI6dHJ1ZX0',
        next: 'https://api.mailgun.net/v3/ip_pools/658041ae44842b99ee2eaa1b/domains?page=eyJjdXJzb3IiOiI2OGQxNzg2NiJ9',
      },
      domains: [
        { id: '68d17866ba9d5506cbc2e275', name: 'mg.example.com' },
        { id: '68d17866ba9d5506cbc2e276', name: 'billing.example.com' },
      ],
    },
  },
  {
    id: 'ip-pools.add-ip',
    method: 'PUT',
    path: '/v3/ip_pools/{pool_id}/ips/{ip}',
    summary: 'Add one IP to a pool',
    description: 'Puts a dedicated IP in the pool. The change is applied in the background.',
    params: [inPath('ip', { kind: 'string', format: 'ip' }, '192.0.2.21', 'Dedicated IP to add.'), poolIdPath],
    response: { message: 'started' },
  },
  {
    id: 'ip-pools.remove-ip',
    method: 'DELETE',
    path: '/v3/ip_pools/{pool_id}/ips/{ip}',
    summary: 'Take one IP out of a pool',
    description: 'Removes a dedicated IP from the pool in the background.',
    params: [inPath('ip', { kind: 'string', format: 'ip' }, '192.0.2.20', 'IP to remove.'), poolIdPath],
    response: { message: 'started' },
  },
  {
    id: 'ip-pools.add-ips',
    method: 'POST',
    path: '/v3/ip_pools/{pool_id}/ips.json',
    summary: 'Add several IPs to a pool at once',
    description: 'Takes a JSON list of dedicated IPs and adds them all to the pool in the background.',
    encoding: 'json',
    params: [poolIdPath, inBody('ips', { kind: 'json' }, ['192.0.2.21'], 'Array of IP address strings.', { required: true })],
    response: { message: 'started' },
  },
  {
    id: 'ip-pools.remove-from-domain',
    method: 'DELETE',
    path: '/v3/domains/{name}/pool/{ip}',
    summary: 'Unlink a pool or drop IPs from a domain (pool route)',
    description:
      'Does the same job as the `/ips/{ip}` route on a domain: remove one IP, unlink the dedicated pool with `ip_pool`, or clear all with `all`, naming a replacement so sending continues.',
    params: [
      inPath('ip', { kind: 'string' }, '192.0.2.20', 'An IP address, `ip_pool` to unlink the pool, or `all`.'),
      domainPath('name', 'Domain to change.'),
      inQuery('ip', { kind: 'string' }, '192.0.2.22', 'Replacement IP address, or `shared`.'),
      inQuery('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Replacement dedicated pool.', {
        fillExample: false,
      }),
    ],
    response: { message: 'success' },
  },
  {
    id: 'ip-pools.delegate',
    method: 'PUT',
    path: '/v3/ip_pools/{pool_id}/delegate',
    summary: 'Lend an IP pool to a subaccount',
    description: "Lets a subaccount send through one of the primary account's pools; the pool stays owned by the primary account.",
    beyondSpec: true,
    encoding: 'multipart',
    params: [poolIdPath, { ...delegateTo, description: 'The subaccount that may use the pool.' }],
    response: { message: 'success' },
  },
  {
    id: 'ip-pools.revoke-delegation',
    method: 'DELETE',
    path: '/v3/ip_pools/{pool_id}/delegate',
    summary: 'Take an IP pool back from a subaccount',
    description:
      'Ends a delegation made with ip-pools.delegate; domains of the subaccount that used the pool fall back to their other IPs.',
    beyondSpec: true,
    encoding: 'multipart',
    params: [poolIdPath, { ...delegateTo, description: 'The subaccount losing the pool.' }],
    response: { message: 'success' },
  },
]);
