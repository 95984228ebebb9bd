import { inBody } from '../define';
import { suppressionList } from '../suppression-list';
import type { GroupDef } from '../types';

export const complaintsGroup: GroupDef = {
  id: 'complaints',
  title: 'Complaints',
  description: 'Recipients who marked mail from a domain as spam; Mailgun stops sending to them until you remove the record.',
};

export const complaintsEndpoints = suppressionList({
  group: 'complaints',
  segment: 'complaints',
  domainDescription: 'Domain whose complaint list to use.',
  entry: { name: 'address', type: { kind: 'email' }, example: 'angry@example.com', description: 'The address that complained.' },
  sample: { address: 'annoyed@example.com', created_at: 'Sat, 08 Jun 2024 07:45:12 UTC' },
  import: {
    summary: 'Import complaints from a CSV file',
    description:
      'Uploads a CSV (at most 25 MB) with the columns address and created_at; only address is mandatory. Processed in the background, so the call answers 202 straight away.',
    file: 'CSV with columns address and created_at (RFC 2822, default now).',
  },
  get: {
    summary: 'Look up a complaint',
    description: 'Tells whether an address is on the complaint list and since when; 404 when it is not.',
  },
  deleteOne: {
    summary: 'Remove a complaint',
    description: 'Takes the address off the complaint list so it receives mail again, until it complains once more.',
    response: { message: 'Spam complaint has been removed', address: 'angry@example.com' },
  },
  list: {
    summary: 'List complaints',
    description:
      'Returns complaint records of the domain a page at a time; follow the paging links, which carry the page direction and pivot address.',
    pivot: { type: { kind: 'email' }, description: 'Pivot address from a paging link; the page starts after (or ends before) it.' },
    term: { example: 'ann', description: 'Only addresses that begin with this text.' },
  },
  create: {
    summary: 'Add a complaint',
    description:
      'Puts one address on the complaint list using form fields. To add up to 1,000 at once, send a JSON array of objects with the same fields and Content-Type application/json instead.',
    fields: [
      inBody('address', { kind: 'email' }, 'annoyed@example.com', 'Address to suppress.', { required: true }),
      inBody(
        'created_at',
        { kind: 'date', format: 'rfc2822' },
        'Sat, 08 Jun 2024 07:45:12 +0000',
        'When the complaint arrived, RFC 2822. Default now.',
      ),
    ],
    response: { message: '1 complaint added' },
  },
  deleteAll: {
    summary: 'Clear the complaint list',
    description:
      'Removes every complaint record of the domain, so mail to those recipients resumes. Repeated complaints harm your sender reputation.',
    response: { message: 'All complaints removed' },
  },
});
