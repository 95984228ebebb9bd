import { defineEndpoints, inBody, inQuery } from '../define';
import type { GroupDef } from '../types';

export const ipAllowlistGroup: GroupDef = {
  id: 'ip-allowlist',
  title: 'IP Allowlist',
  description: 'Restrict API key use to requests coming from the IP addresses you list.',
};

export const ipAllowlistEndpoints = defineEndpoints('ip-allowlist', [
  {
    id: 'ip-allowlist.list',
    method: 'GET',
    path: '/v2/ip_whitelist',
    summary: 'List allowlisted IP addresses',
    description: 'Returns the addresses allowed to call the API with the account’s keys. An empty list means no restriction.',
    response: {
      addresses: [
        { ip_address: '192.0.2.50', description: 'Office gateway' },
        { ip_address: '192.0.2.51', description: 'Build server' },
      ],
    },
  },
  {
    id: 'ip-allowlist.update',
    method: 'PUT',
    path: '/v2/ip_whitelist',
    summary: 'Change the description of an allowlisted IP',
    description: 'Edits the label of an existing entry; the address itself cannot be changed this way.',
    encoding: 'multipart',
    params: [
      inBody('address', { kind: 'string' }, '192.0.2.50', 'Allowlisted address to relabel.', { required: true }),
      inBody('description', { kind: 'string', format: 'text' }, 'Office gateway (London)', 'New label; blank when omitted.'),
    ],
    response: { addresses: [{ ip_address: '192.0.2.50', description: 'Office gateway (London)' }] },
  },
  {
    id: 'ip-allowlist.add',
    method: 'POST',
    path: '/v2/ip_whitelist',
    summary: 'Allow API calls from an IP address',
    description: 'Adds an entry. Once the list has entries, API calls from any other address are refused, so add your own address first.',
    encoding: 'multipart',
    params: [
      inBody('address', { kind: 'string' }, '192.0.2.52', 'IP address to allow.', { required: true }),
      inBody('description', { kind: 'string', format: 'text' }, 'VPN endpoint', 'Label for the entry; blank when omitted.'),
    ],
    response: {
      addresses: [
        { ip_address: '192.0.2.50', description: 'Office gateway' },
        { ip_address: '192.0.2.51', description: 'Build server' },
        { ip_address: '192.0.2.52', description: 'VPN endpoint' },
      ],
    },
  },
  {
    id: 'ip-allowlist.delete',
    method: 'DELETE',
    path: '/v2/ip_whitelist',
    summary: 'Remove an IP address from the allowlist',
    description: 'Deletes one entry and returns what is left on the list.',
    params: [inQuery('address', { kind: 'string' }, '192.0.2.51', 'Address to remove.', { required: true })],
    response: { addresses: [] },
  },
]);
