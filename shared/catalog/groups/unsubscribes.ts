import { inBody } from '../define';
import { suppressionList } from '../suppression-list';
import type { GroupDef } from '../types';

export const unsubscribesGroup: GroupDef = {
  id: 'unsubscribes',
  title: 'Unsubscribes',
  description: 'Recipients who opted out of the mail of a domain, either entirely or for particular tags.',
};

export const unsubscribesEndpoints = suppressionList({
  group: 'unsubscribes',
  segment: 'unsubscribes',
  domainDescription: 'Domain whose unsubscribe list to use.',
  entry: { name: 'address', type: { kind: 'email' }, example: 'no-more@example.com', description: 'The unsubscribed address.' },
  sample: { address: 'optout@example.com', tags: ['*'], created_at: 'Sun, 09 Jun 2024 18:03:51 UTC' },
  import: {
    summary: 'Import unsubscribes from a CSV file',
    description:
      'Uploads a CSV (at most 25 MB) with the columns address, tags and created_at; only address is mandatory. Processed in the background, so the call answers 202 straight away.',
    file: 'CSV with columns address, tags (* for everything, the default) and created_at (RFC 2822, default now).',
  },
  get: {
    summary: 'Look up an unsubscribe',
    description: 'Tells whether an address has opted out and from which tags; 404 when it has not.',
  },
  deleteOne: {
    summary: 'Remove an unsubscribe',
    description:
      'Takes the address off the unsubscribe list so it receives mail again, until it opts out once more. Only do this with the consent of the recipient.',
    response: { message: 'Unsubscribe removed', address: 'no-more@example.com' },
  },
  list: {
    summary: 'List unsubscribes',
    description:
      'Returns unsubscribe records of the domain a page at a time; follow the paging links, which carry the page direction and pivot address.',
    pivot: { type: { kind: 'email' }, description: 'Pivot address from a paging link; the page starts after (or ends before) it.' },
    term: { example: 'opt', description: 'Only addresses that begin with this text.' },
  },
  create: {
    summary: 'Add an unsubscribe',
    description:
      'Opts one address out using form fields, for all mail or for one tag. To add up to 1,000 at once, send a JSON array of objects with the same fields (tags as an array) and Content-Type application/json instead.',
    fields: [
      inBody('address', { kind: 'email' }, 'optout@example.com', 'Address to opt out.', { required: true }),
      inBody('tags', { kind: 'string' }, 'newsletter', 'Tag the address opts out of; * (the default) means all mail from the domain.', {
        default: '*',
      }),
      inBody(
        'created_at',
        { kind: 'date', format: 'rfc2822' },
        'Sun, 09 Jun 2024 18:03:51 +0000',
        'When the opt-out happened, RFC 2822. Default now.',
      ),
    ],
    response: { message: '1 unsubscribe added' },
  },
  deleteAll: {
    summary: 'Clear the unsubscribe list',
    description: 'Removes every unsubscribe record of the domain. Those recipients will get mail again, so use with great care.',
    response: { message: 'All unsubscribes removed' },
  },
});
