import { inBody } from '../define';
import { suppressionList } from '../suppression-list';
import type { GroupDef } from '../types';

export const allowlistGroup: GroupDef = {
  id: 'allowlist',
  title: 'Allowlist',
  description: 'Addresses and whole domains that are never added to the bounce list of a domain, handy for test inboxes.',
};

export const allowlistEndpoints = suppressionList({
  group: 'allowlist',
  segment: 'whitelists',
  domainDescription: 'Domain whose allowlist to use.',
  entry: { name: 'value', type: { kind: 'string' }, example: 'vip@example.org', description: 'The allowlisted address or domain name.' },
  sample: {
    type: 'address',
    value: 'qa@example.com',
    createdAt: 'Fri, 07 Jun 2024 12:00:41 UTC',
    reason: 'QA inbox that bounces on purpose',
  },
  import: {
    summary: 'Import the allowlist from a CSV file',
    description:
      'Uploads a CSV (at most 25 MB) with the header row address, domain; fill exactly one of the two in each row. Processed in the background, so the call answers 202 straight away.',
    file: 'CSV with columns address and domain, one of them filled per row.',
  },
  get: {
    summary: 'Look up an allowlist entry',
    description: 'Tells whether an address or domain is allowlisted, and why; 404 when it is not.',
  },
  deleteOne: {
    summary: 'Remove an allowlist entry',
    description: 'Deletes one address or domain from the allowlist; later hard bounces will suppress it again.',
    response: { message: 'Allowlist entry removed', value: 'vip@example.org' },
  },
  list: {
    summary: 'List allowlist entries',
    description:
      'Returns the allowlisted addresses and domains a page at a time; follow the paging links, which carry the page direction and pivot address.',
    pivot: { type: { kind: 'string' }, description: 'Pivot value from a paging link; the page starts after (or ends before) it.' },
    term: { example: 'qa', description: 'Only entries that begin with this text.' },
  },
  create: {
    summary: 'Allowlist an address or domain',
    description: 'Adds one address, or every address of a domain, to the allowlist. When both fields are sent the address wins.',
    multipartHeader: false,
    fields: [
      inBody(
        'address',
        { kind: 'email' },
        'qa@example.com',
        'Address to allowlist. Marked required by the spec, but a domain alone is accepted too.',
        { required: true },
      ),
      inBody('domain', { kind: 'string', format: 'domain' }, 'test.example.com', 'Domain whose addresses should all be allowlisted.'),
    ],
    response: { message: 'Entry added to the allowlist', type: 'address', value: 'qa@example.com' },
  },
  deleteAll: {
    summary: 'Clear the allowlist',
    description: 'Removes every allowlist entry of the domain.',
    response: { message: 'Allowlist cleared' },
  },
});
