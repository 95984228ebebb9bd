import { inBody } from '../define';
import { suppressionList } from '../suppression-list';
import type { GroupDef } from '../types';

export const bouncesGroup: GroupDef = {
  id: 'bounces',
  title: 'Bounces',
  description: 'Addresses that hard-bounced on a domain; Mailgun stops sending to them until you remove the record.',
};

export const bouncesEndpoints = suppressionList({
  group: 'bounces',
  segment: 'bounces',
  domainDescription: 'Domain whose bounce list to use.',
  entry: { name: 'address', type: { kind: 'email' }, example: 'old-address@example.net', description: 'The bounced address.' },
  sample: {
    address: 'gone@example.com',
    code: '550',
    error: '5.1.1 The email account that you tried to reach does not exist.',
    created_at: 'Mon, 10 Jun 2024 14:22:09 UTC',
  },
  import: {
    summary: 'Import bounces from a CSV file',
    description:
      'Uploads a CSV (at most 25 MB) with the header row address, code, error, created_at; only address must be filled in. Processed in the background, so the call answers 202 straight away.',
    file: 'CSV with columns address, code (default 550), error and created_at (RFC 2822, default now).',
  },
  get: { summary: 'Look up a bounce', description: 'Tells whether an address is on the bounce list and why; 404 when it is not.' },
  deleteOne: {
    summary: 'Remove a bounce',
    description: 'Takes the address off the bounce list so mail to it is attempted again; it is re-added if it bounces again.',
    response: { message: 'Bounce removed', address: 'old-address@example.net' },
  },
  list: {
    summary: 'List bounces',
    description:
      'Returns bounce records of the domain a page at a time; follow the paging links, which carry the page direction and pivot address. term narrows the list to addresses starting with some text.',
    term: { example: 'gone', description: 'Only addresses that begin with this text.' },
  },
  create: {
    summary: 'Add a bounce',
    description:
      'Puts one address on the bounce list using form fields. To add up to 1,000 at once, send a JSON array of objects with the same fields and Content-Type application/json instead.',
    fields: [
      inBody('address', { kind: 'email' }, 'gone@example.com', 'Address to suppress.', { required: true }),
      inBody('code', { kind: 'string' }, '550', 'SMTP status code to record. Default 550.', { default: '550' }),
      inBody('error', { kind: 'string' }, 'Mailbox does not exist', 'Reason text to record. Default empty.'),
      inBody(
        'created_at',
        { kind: 'date', format: 'rfc2822' },
        'Mon, 10 Jun 2024 14:22:09 +0000',
        'When the bounce happened, RFC 2822. Default now.',
      ),
    ],
    response: { message: '1 bounce added' },
  },
  deleteAll: {
    summary: 'Clear the bounce list',
    description: 'Removes every bounce record of the domain, so Mailgun will try all those addresses again.',
    response: { message: 'All bounces removed' },
  },
});
