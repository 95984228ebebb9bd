import { MAX_MESSAGE_BYTES } from '../../limits';
import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import type { GroupDef } from '../types';

/*
 * Only single GET validation is in Mailgun's OpenAPI file. The POST variant, bulk jobs and
 * list health previews come from Mailgun's validation guide (documentation repository,
 * api-email-validation.rst) and the mailgun.js `validate.multipleValidation` client.
 */

export const validationsGroup: GroupDef = {
  id: 'validations',
  title: 'Validations',
  description: 'Check whether email addresses are real and safe to send to, one at a time or as uploaded lists.',
};

const exampleValidation = {
  address: 'alice@example.com',
  did_you_mean: null,
  engagement: null,
  is_disposable_address: false,
  is_role_address: false,
  reason: [],
  result: 'deliverable',
  risk: 'low',
  root_address: null,
};

const bulkSummary = {
  result: { catch_all: 12, deliverable: 1840, do_not_send: 35, undeliverable: 98, unknown: 15 },
  risk: { high: 120, low: 1700, medium: 165, unknown: 15 },
};

const exampleJob = {
  created_at: 'Tue, 02 Sep 2025 09:30:03 GMT',
  download_url: {
    csv: 'https://storage.example.com/validations/newsletter-sept.csv.gz',
    json: 'https://storage.example.com/validations/newsletter-sept.json.gz',
  },
  id: 'newsletter-sept',
  quantity: 2000,
  records_processed: 2000,
  status: 'uploaded',
  summary: bulkSummary,
};

const examplePreview = {
  id: 'newsletter-sept-preview',
  valid: true,
  status: 'preview_complete',
  quantity: 2000,
  created_at: 1756805403,
  summary: {
    result: { deliverable: 91.5, do_not_send: 1.5, undeliverable: 5, unknown: 2 },
    risk: { high: 6, low: 85, medium: 7, unknown: 2 },
  },
};

function listIdParam(what: 'job' | 'preview'): ParamSpec {
  return inPath(
    'list_id',
    { kind: 'string', format: 'id' },
    what === 'job' ? 'newsletter-sept' : 'newsletter-sept-preview',
    `Name you chose for the ${what}; unique per account and without an @ sign.`,
  );
}

function csvUpload(what: 'job' | 'preview'): ParamSpec {
  return inBody(
    'file',
    { kind: 'file', accept: '.csv,.gz,text/csv,application/gzip', maxBytes: MAX_MESSAGE_BYTES },
    'addresses.csv',
    `CSV (or gzipped CSV) in UTF-8 or ASCII with an \`email\` or \`email_address\` header column; at most 25 MB. Addresses to ${what === 'job' ? 'validate' : 'sample'}.`,
    { required: true },
  );
}

const providerLookupQuery: ParamSpec = inQuery(
  'provider_lookup',
  { kind: 'boolean', style: 'true-false' },
  true,
  'Set to false to stop Mailgun contacting the mailbox provider during the check.',
  { default: true },
);

export const validationsEndpoints = defineEndpoints('validations', [
  {
    id: 'validations.validate-address',
    method: 'GET',
    path: '/v4/address/validate',
    summary: 'Check one email address',
    description:
      'Runs syntax, DNS and mailbox checks on a single address and returns a verdict (`result`), a `risk` level and the reasons. Each call is billed; a 429 means too many checks are running at once.',
    params: [
      inQuery('address', { kind: 'email' }, 'alice@example.com', 'Address to check, up to 512 characters.', { required: true }),
      providerLookupQuery,
    ],
    response: exampleValidation,
  },
  {
    id: 'validations.validate-address-post',
    method: 'POST',
    path: '/v4/address/validate',
    summary: 'Check one email address (form POST)',
    description: 'Same check as the GET call, with the address sent as a form field so it does not appear in URLs or access logs.',
    mutates: false,
    encoding: 'urlencoded',
    beyondSpec: true,
    params: [
      inBody('address', { kind: 'email' }, 'alice@example.com', 'Address to check, up to 512 characters.', { required: true }),
      providerLookupQuery,
    ],
    response: exampleValidation,
  },
  {
    id: 'validations.bulk-list',
    method: 'GET',
    path: '/v4/address/validate/bulk',
    summary: 'List bulk validation jobs',
    description:
      'Returns your list validation jobs, newest first, with their progress and result summaries. Follow the `paging` links, which carry a `pivot`, for more.',
    pagination: 'validation-pivot',
    beyondSpec: true,
    params: [
      inQuery('limit', { kind: 'integer', min: 1 }, 100, 'Jobs per page (500 when omitted).', { default: 500 }),
      inQuery('pivot', { kind: 'string' }, 'newsletter-aug', 'Position to continue from, copied from a `paging` URL.'),
    ],
    response: {
      jobs: [
        exampleJob,
        { ...exampleJob, id: 'newsletter-aug', created_at: 'Mon, 04 Aug 2025 08:00:00 GMT', quantity: 150, records_processed: 150 },
      ],
      total: 2,
      paging: {
        first: 'https://api.mailgun.net/v4/address/validate/bulk?limit=100',
        last: 'https://api.mailgun.net/v4/address/validate/bulk?limit=100&pivot=newsletter-jan',
        next: 'https://api.mailgun.net/v4/address/validate/bulk?limit=100&pivot=newsletter-aug',
        previous: 'https://api.mailgun.net/v4/address/validate/bulk?limit=100&pivot=newsletter-sept',
      },
    },
  },
  {
    id: 'validations.bulk-create',
    method: 'POST',
    path: '/v4/address/validate/bulk/{list_id}',
    summary: 'Upload a list for bulk validation',
    description:
      'Starts a validation job for every address in the uploaded CSV. At most five jobs can run at once; further uploads are refused with 400 until one finishes.',
    encoding: 'multipart',
    beyondSpec: true,
    params: [listIdParam('job'), csvUpload('job')],
    exampleResponse: {
      status: 202,
      contentType: 'application/json',
      body: { id: 'newsletter-sept', message: 'The validation job was submitted.' },
    },
  },
  {
    id: 'validations.bulk-get',
    method: 'GET',
    path: '/v4/address/validate/bulk/{list_id}',
    summary: 'Check a bulk validation job',
    description: 'Returns the job status and, once finished, a summary plus download links for the full results in CSV and JSON.',
    beyondSpec: true,
    params: [listIdParam('job')],
    response: exampleJob,
  },
  {
    id: 'validations.bulk-delete',
    method: 'DELETE',
    path: '/v4/address/validate/bulk/{list_id}',
    summary: 'Cancel a bulk validation job or delete its results',
    description: 'Stops a job that is still running, or removes the result files of one that has finished.',
    beyondSpec: true,
    params: [listIdParam('job')],
    response: { message: 'Validation job canceled.' },
  },
  {
    id: 'validations.preview-list',
    method: 'GET',
    path: '/v4/address/validate/preview',
    summary: 'List list-health previews',
    description: 'Returns your free list previews with their estimated result and risk percentages.',
    beyondSpec: true,
    response: { previews: [examplePreview] },
  },
  {
    id: 'validations.preview-create',
    method: 'POST',
    path: '/v4/address/validate/preview/{list_id}',
    summary: 'Upload a list for a free health preview',
    description:
      'Validates a statistical sample of the uploaded list and estimates how the whole list would score, without paying for a full job.',
    encoding: 'multipart',
    beyondSpec: true,
    params: [listIdParam('preview'), csvUpload('preview')],
    exampleResponse: {
      status: 202,
      contentType: 'application/json',
      body: { id: 'newsletter-sept-preview', message: 'The bulk preview was submitted.' },
    },
  },
  {
    id: 'validations.preview-get',
    method: 'GET',
    path: '/v4/address/validate/preview/{list_id}',
    summary: 'Read a list-health preview',
    description: 'Returns the preview status and its estimated percentages of deliverable, undeliverable and risky addresses.',
    beyondSpec: true,
    params: [listIdParam('preview')],
    response: { preview: examplePreview },
  },
  {
    id: 'validations.preview-delete',
    method: 'DELETE',
    path: '/v4/address/validate/preview/{list_id}',
    summary: 'Delete a list-health preview',
    description: 'Removes the preview and its results. Success is an empty 204 response.',
    beyondSpec: true,
    params: [listIdParam('preview')],
    exampleResponse: { status: 204, contentType: 'text/plain', body: '' },
  },
  {
    id: 'validations.preview-promote',
    method: 'PUT',
    path: '/v4/address/validate/preview/{list_id}',
    summary: 'Turn a preview into a full bulk validation job',
    description:
      'Runs a paid validation of every address in the list already uploaded for the preview, so you do not need to upload it again.',
    beyondSpec: true,
    params: [listIdParam('preview')],
    response: { message: 'The bulk preview was promoted to a validation job.' },
  },
]);
