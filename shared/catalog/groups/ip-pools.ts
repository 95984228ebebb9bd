import { defineEndpoints, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const ipPoolsGroup: GroupDef = {
  id: 'ip-pools',
  title: 'IP Pools',
  description: 'Group dedicated IPs into named pools (DIPPs) and link those pools to sending domains.',
};

const poolIdPath: ParamSpec = {
  name: 'pool_id',
  in: 'path',
  type: { kind: 'string', format: 'id' },
  example: '658041ae44842b99ee2eaa1b',
  description: 'Id of the pool.',
};

/** The subaccount of a pool delegation; each call says what happens to it. */
const delegateTo: ParamSpec = {
  name: 'subaccount_id',
  in: 'body',
  type: { kind: 'string', format: 'id' },
  required: true,
  example: '646d00a1b32c35364a2ad34f',
  description: 'The subaccount.',
};

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
      {
        name: 'description',
        in: 'body',
        type: { kind: 'string', format: 'text' },
        required: true,
        example: 'Receipts and password resets',
        description: 'Longer explanation of what the pool is for.',
      },
      {
        name: 'ip',
        in: 'body',
        type: { kind: 'string', format: 'ip' },
        repeatable: true,
        example: ['192.0.2.30', '192.0.2.31'],
        description: 'Dedicated IPs to start the pool with; send one field per IP.',
      },
      {
        name: 'name',
        in: 'body',
        type: { kind: 'string' },
        required: true,
        example: 'transactional',
        description: 'Short label for the pool.',
      },
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
      {
        name: 'pool_id',
        in: 'path',
        type: { kind: 'string', format: 'id' },
        example: '658041ae44842b99ee2eaa1b',
        description: 'Id of the pool to delete.',
      },
      {
        name: 'ip',
        in: 'query',
        type: { kind: 'string' },
        required: true,
        example: 'shared',
        description: 'Replacement IP for linked domains, or `shared`.',
      },
      {
        name: 'pool_id',
        in: 'query',
        type: { kind: 'string', format: 'id' },
        required: true,
        example: '658041ae44842b99ee2eaa1c',
        description: 'Replacement pool for linked domains.',
      },
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
      {
        name: 'pool_id',
        in: 'path',
        type: { kind: 'string', format: 'id' },
        example: '658041ae44842b99ee2eaa1b',
        description: 'Id of the pool to edit.',
      },
      {
        name: 'add_ip',
        in: 'body',
        type: { kind: 'string', format: 'ip' },
        repeatable: true,
        example: ['192.0.2.32'],
        description: 'IPs to put in the pool.',
      },
      {
        name: 'description',
        in: 'body',
        type: { kind: 'string', format: 'text' },
        example: 'Receipts, resets and invoices',
        description: 'New description.',
      },
      {
        name: 'link_domain',
        in: 'body',
        type: { kind: 'string', format: 'id' },
        repeatable: true,
        example: ['68d17866ba9d5506cbc2e275'],
        description: 'Domain ids to link to the pool.',
      },
      { name: 'name', in: 'body', type: { kind: 'string' }, example: 'transactional-eu', description: 'New short name.' },
      {
        name: 'remove_ip',
        in: 'body',
        type: { kind: 'string', format: 'ip' },
        repeatable: true,
        example: ['192.0.2.31'],
        description: 'IPs to take out of the pool.',
      },
      {
        name: 'unlink_domain',
        in: 'body',
        type: { kind: 'string', format: 'id' },
        repeatable: true,
        example: ['68d17866ba9d5506cbc2e276'],
        description: 'Domain ids to unlink from the pool.',
      },
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
      {
        name: 'limit',
        in: 'query',
        type: { kind: 'integer', min: 10, max: 500 },
        default: 10,
        example: 50,
        description: 'Domains per page, 10 to 500.',
      },
      {
        name: 'page',
        in: 'query',
        type: { kind: 'string' },
        example: 'eyJjdXJzb3IiOiI2OGQxNzg2NiJ9',
        description: 'Page token copied from a `paging` URL.',
      },
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
    params: [
      { name: 'ip', in: 'path', type: { kind: 'string', format: 'ip' }, example: '192.0.2.32', description: 'Dedicated IP to add.' },
      poolIdPath,
    ],
    response: { message: 'started' },
  },
  {
    id: 'ip-pools.remove-ip',
    method: 'DELETE',
    path: '/v3/ip_pools/{pool_id}/ips/{ip}',
    summary: 'Take one IP out of a pool',
    description: 'Removes a dedicated IP from the pool in the background.',
    params: [
      { name: 'ip', in: 'path', type: { kind: 'string', format: 'ip' }, example: '192.0.2.31', description: 'IP to remove.' },
      poolIdPath,
    ],
    response: { message: 'started' },
  },
  {
    id: 'ip-pools.add-ips',
    method: 'POST',
    path: '/v3/ip_pools/{pool_id}/ips.json',
    summary: 'Add several IPs to a pool at once',
    description: 'Takes a JSON list of dedicated IPs and adds them all to the pool in the background.',
    encoding: 'json',
    params: [
      poolIdPath,
      {
        name: 'ips',
        in: 'body',
        type: { kind: 'json' },
        required: true,
        example: ['192.0.2.33', '192.0.2.34'],
        description: 'Array of IP address strings.',
      },
    ],
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
      {
        name: 'ip',
        in: 'path',
        type: { kind: 'string' },
        example: 'ip_pool',
        description: 'An IP address, `ip_pool` to unlink the pool, or `all`.',
      },
      domainPath('name', 'Domain to change.'),
      { name: 'ip', in: 'query', type: { kind: 'string' }, example: '192.0.2.30', description: 'Replacement IP address, or `shared`.' },
      {
        name: 'pool_id',
        in: 'query',
        type: { kind: 'string', format: 'id' },
        example: '658041ae44842b99ee2eaa1c',
        description: 'Replacement dedicated pool.',
      },
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
