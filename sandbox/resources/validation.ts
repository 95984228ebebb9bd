import { everyDomain, field, filesOf, param, type RequestContext, type RouteDef, regionOf, requiredField } from '../context';
import { badRequest, json, notFound, type Reply, text } from '../errors';
import { domainOfAddress, isBareAddress, rfc2822 } from '../format';
import { pivotPage, readPivotRequest } from '../paging';
import type { ValidationJob } from '../state';

/**
 * Address validation by visible rules (no mailbox is ever probed), and bulk,
 * mailing-list and list-preview jobs whose status moves with the clock:
 * created, then processing, then uploaded once every address is done.
 */

const ROLE_LOCAL_PARTS = [
  'admin',
  'info',
  'support',
  'sales',
  'postmaster',
  'abuse',
  'noreply',
  'no-reply',
  'webmaster',
  'billing',
  'contact',
];
const DISPOSABLE_DOMAINS = ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'tempmail.com', 'yopmail.com', 'trashmail.com'];
const TYPOS: Readonly<Record<string, string>> = {
  'gmial.com': 'gmail.com',
  'gmai.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'hotmial.com': 'hotmail.com',
  'yaho.com': 'yahoo.com',
  'outlok.com': 'outlook.com',
};
/** Jobs go from created to processing after this, and process this many addresses per second. */
const START_AFTER_MS = 1000;
const ADDRESSES_PER_SECOND = 100;
const MAX_JOB_ADDRESSES = 100_000;

export type ValidationResult = 'deliverable' | 'undeliverable' | 'do_not_send' | 'catch_all' | 'unknown';

export interface Validation {
  readonly address: string;
  readonly did_you_mean?: string;
  readonly engagement: null;
  readonly is_disposable_address: boolean;
  readonly is_role_address: boolean;
  readonly reason: string[];
  readonly result: ValidationResult;
  readonly risk: 'low' | 'medium' | 'high' | 'unknown';
  readonly root_address?: string;
}

/**
 * The rules, in order: bad syntax and bounced addresses are undeliverable,
 * disposable domains are do_not_send, a local part starting with `catchall`
 * is catch_all and `unknown` is unknown, role addresses are deliverable at
 * medium risk. The spec types did_you_mean and root_address as strings, so
 * they are left out rather than sent as null.
 */
export function validateAddress(raw: string, bounced: (address: string) => boolean): Validation {
  const address = raw.trim();
  const lower = address.toLowerCase();
  if (!isBareAddress(address)) {
    return {
      address,
      engagement: null,
      is_disposable_address: false,
      is_role_address: false,
      reason: ['invalid_syntax'],
      result: 'undeliverable',
      risk: 'high',
    };
  }
  const domain = domainOfAddress(lower);
  const local = lower.slice(0, lower.lastIndexOf('@'));
  const plus = local.indexOf('+');
  const root = plus > 0 ? `${local.slice(0, plus)}@${domain}` : undefined;
  const suggestion = TYPOS[domain];
  const base = {
    address,
    engagement: null,
    is_disposable_address: DISPOSABLE_DOMAINS.includes(domain),
    is_role_address: ROLE_LOCAL_PARTS.includes(local),
    ...(suggestion ? { did_you_mean: `${local}@${suggestion}` } : {}),
    ...(root ? { root_address: root } : {}),
  };
  if (suggestion) return { ...base, reason: ['no_mx', 'typo'], result: 'undeliverable', risk: 'high' };
  if (bounced(lower) || local.startsWith('bounce'))
    return { ...base, reason: ['mailbox_does_not_exist'], result: 'undeliverable', risk: 'high' };
  if (base.is_disposable_address) return { ...base, reason: ['disposable_address'], result: 'do_not_send', risk: 'high' };
  if (local.startsWith('catchall')) return { ...base, reason: ['catch_all'], result: 'catch_all', risk: 'medium' };
  if (local.startsWith('unknown')) return { ...base, reason: ['unknown_provider'], result: 'unknown', risk: 'unknown' };
  if (base.is_role_address) return { ...base, reason: ['role_address'], result: 'deliverable', risk: 'medium' };
  return { ...base, reason: [], result: 'deliverable', risk: 'low' };
}

function bouncedIn(ctx: RequestContext): (address: string) => boolean {
  const domains = everyDomain(ctx.world.state);
  return (address) => domains.some((d) => d.bounces.some((b) => b.address === address));
}

function single(ctx: RequestContext): Reply {
  return json(200, validateAddress(requiredField(ctx, 'address'), bouncedIn(ctx)));
}

function progress(ctx: RequestContext, job: ValidationJob): { status: string; processed: number } {
  const elapsed = ctx.world.now() - job.created_at;
  if (job.canceled) return { status: 'failed', processed: 0 };
  if (elapsed < START_AFTER_MS) return { status: 'created', processed: 0 };
  const processed = Math.min(job.addresses.length, Math.floor(((elapsed - START_AFTER_MS) / 1000) * ADDRESSES_PER_SECOND));
  return { status: processed >= job.addresses.length ? 'uploaded' : 'processing', processed };
}

function jobView(ctx: RequestContext, job: ValidationJob) {
  const { status, processed } = progress(ctx, job);
  const results = job.addresses.slice(0, processed).map((a) => validateAddress(a, bouncedIn(ctx)));
  const count = (key: 'result' | 'risk', value: string) => results.filter((r) => r[key] === value).length;
  const base =
    job.kind === 'bulk'
      ? `${ctx.baseUrl}/v4/address/validate/bulk/${encodeURIComponent(job.id)}`
      : `${ctx.baseUrl}/v3/lists/${encodeURIComponent(job.id)}/validate`;
  return {
    // Bulk jobs date themselves in RFC 2822, mailing-list jobs in epoch seconds.
    created_at: job.kind === 'bulk' ? rfc2822(job.created_at, 'GMT') : Math.floor(job.created_at / 1000),
    download_url: { csv: `${base}/results.csv`, json: `${base}/results.json` },
    id: job.id,
    quantity: job.addresses.length,
    records_processed: processed,
    status,
    summary: {
      result: {
        catch_all: count('result', 'catch_all'),
        deliverable: count('result', 'deliverable'),
        do_not_send: count('result', 'do_not_send'),
        undeliverable: count('result', 'undeliverable'),
        unknown: count('result', 'unknown'),
      },
      risk: { high: count('risk', 'high'), low: count('risk', 'low'), medium: count('risk', 'medium'), unknown: count('risk', 'unknown') },
    },
  };
}

function findJob(ctx: RequestContext, kind: ValidationJob['kind'], id: string): ValidationJob {
  return (
    ctx.world.state.validationJobs.find((j) => j.kind === kind && j.id === id) ??
    notFound(kind === 'preview' ? 'Preview not found' : 'Validation job not found')
  );
}

/** Reads the uploaded CSV: one address per line, or a header row naming an `email`, `email_address` or `address` column. */
function addressesFromCsv(raw: string): string[] {
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const header =
    lines[0]
      ?.toLowerCase()
      .split(',')
      .map((cell) => cell.trim().replace(/^"|"$/g, '')) ?? [];
  const column = header.findIndex((cell) => cell === 'email' || cell === 'email_address' || cell === 'address');
  const rows = column === -1 ? lines : lines.slice(1);
  return rows.map((line) => (line.split(',')[Math.max(0, column)] ?? '').trim().replace(/^"|"$/g, '')).filter((a) => a !== '');
}

function startJob(ctx: RequestContext, kind: ValidationJob['kind'], id: string, addresses: string[]): ValidationJob {
  if (addresses.length === 0) return badRequest('The list has no addresses to validate');
  if (addresses.length > MAX_JOB_ADDRESSES) return badRequest(`At most ${MAX_JOB_ADDRESSES} addresses per job in the sandbox`);
  const jobs = ctx.world.state.validationJobs;
  const existing = jobs.find((j) => j.kind === kind && j.id === id);
  if (existing && !existing.canceled && progress(ctx, existing).status !== 'uploaded')
    return badRequest(`A validation job for ${id} is already running`);
  const job: ValidationJob = { id, kind, created_at: ctx.world.now(), addresses, canceled: false };
  ctx.world.state.validationJobs = [...jobs.filter((j) => j !== existing), job];
  return job;
}

const bulkId = (ctx: RequestContext) => param(ctx, 'list_id');

function uploadedAddresses(ctx: RequestContext): string[] {
  const file = filesOf(ctx, 'file')[0];
  const raw = file ? file.data.toString('utf8') : field(ctx, 'file');
  if (raw === undefined) return badRequest('Missing mandatory parameter: file');
  return addressesFromCsv(raw);
}

function checkedListId(ctx: RequestContext): string {
  const id = param(ctx, 'list_id');
  if (!/^[\w.@-]{1,200}$/.test(id)) return badRequest('Invalid list id');
  return id;
}

function createBulk(ctx: RequestContext): Reply {
  const id = checkedListId(ctx);
  startJob(ctx, 'bulk', id, uploadedAddresses(ctx));
  return json(202, { id, message: 'The validation job was submitted.' });
}

/**
 * List previews: a sample of at most PREVIEW_SAMPLE addresses, spread evenly
 * over the list, is validated at the jobs' pace; the summary gives each
 * result and risk as a percentage of the sample.
 */
const PREVIEW_SAMPLE = 500;

function previewSample(job: ValidationJob): string[] {
  if (job.addresses.length <= PREVIEW_SAMPLE) return job.addresses;
  const step = job.addresses.length / PREVIEW_SAMPLE;
  return Array.from({ length: PREVIEW_SAMPLE }, (_, i) => job.addresses[Math.floor(i * step)] ?? '');
}

function previewView(ctx: RequestContext, job: ValidationJob) {
  const sample = previewSample(job);
  const { status, processed } = progress(ctx, { ...job, addresses: sample });
  const checked = sample.slice(0, processed).map((a) => validateAddress(a, bouncedIn(ctx)));
  const percent = (key: 'result' | 'risk', value: string) =>
    checked.length === 0 ? 0 : Math.round((checked.filter((r) => r[key] === value).length / checked.length) * 1000) / 10;
  return {
    id: job.id,
    valid: true,
    status: status === 'uploaded' ? 'preview_complete' : 'preview_processing',
    quantity: job.addresses.length,
    created_at: Math.floor(job.created_at / 1000),
    summary: {
      result: {
        catch_all: percent('result', 'catch_all'),
        deliverable: percent('result', 'deliverable'),
        do_not_send: percent('result', 'do_not_send'),
        undeliverable: percent('result', 'undeliverable'),
        unknown: percent('result', 'unknown'),
      },
      risk: {
        high: percent('risk', 'high'),
        low: percent('risk', 'low'),
        medium: percent('risk', 'medium'),
        unknown: percent('risk', 'unknown'),
      },
    },
  };
}

function createPreview(ctx: RequestContext): Reply {
  const id = checkedListId(ctx);
  startJob(ctx, 'preview', id, uploadedAddresses(ctx));
  return json(202, { id, message: 'The bulk preview was submitted.' });
}

/** Validates every address of the list already uploaded for the preview, as a bulk job of the same name. */
function promotePreview(ctx: RequestContext): Reply {
  const job = findJob(ctx, 'preview', bulkId(ctx));
  if (previewView(ctx, job).status !== 'preview_complete')
    return badRequest('The preview is still processing; promote it once it is complete');
  startJob(ctx, 'bulk', job.id, [...job.addresses]);
  return json(200, { message: 'The bulk preview was promoted to a validation job.' });
}

function deletePreview(ctx: RequestContext): Reply {
  const job = findJob(ctx, 'preview', bulkId(ctx));
  ctx.world.state.validationJobs = ctx.world.state.validationJobs.filter((j) => j !== job);
  return text(204, '');
}

function cancel(kind: ValidationJob['kind'], idOf: (ctx: RequestContext) => string) {
  return (ctx: RequestContext): Reply => {
    const job = findJob(ctx, kind, idOf(ctx));
    if (progress(ctx, job).status === 'uploaded') ctx.world.state.validationJobs = ctx.world.state.validationJobs.filter((j) => j !== job);
    else job.canceled = true;
    return json(200, { message: 'Validation job canceled.' });
  };
}

function results(kind: ValidationJob['kind'], idOf: (ctx: RequestContext) => string, format: 'csv' | 'json') {
  return (ctx: RequestContext): Reply => {
    const job = findJob(ctx, kind, idOf(ctx));
    if (progress(ctx, job).status !== 'uploaded') return notFound('The results are not ready yet');
    const all = job.addresses.map((a) => validateAddress(a, bouncedIn(ctx)));
    if (format === 'json') return json(200, all);
    const rows = all.map((r) =>
      [r.address, r.result, r.risk, r.reason.join(';'), r.did_you_mean ?? ''].map((c) => `"${c.replace(/"/g, '""')}"`).join(','),
    );
    return { ...text(200, ['address,result,risk,reason,did_you_mean', ...rows].join('\n')), contentType: 'text/csv' };
  };
}

function listBulk(ctx: RequestContext): Reply {
  const jobs = ctx.world.state.validationJobs.filter((j) => j.kind === 'bulk').sort((a, b) => (a.id < b.id ? -1 : 1));
  const url = `${ctx.baseUrl}/v4/address/validate/bulk`;
  const page = pivotPage(jobs, (j) => j.id, readPivotRequest(ctx.query, 'pivot', { fallback: 100, max: 100 }), url, 'pivot', {}, 'prev');
  const { previous, ...links } = page.paging;
  return json(200, {
    jobs: page.items.map((j) => jobView(ctx, j)),
    total: jobs.length,
    paging: { current: `${url}?${ctx.query.toString()}`, ...links, prev: previous },
  });
}

const listId = (ctx: RequestContext) => param(ctx, 'list_address').toLowerCase();

function validateList(ctx: RequestContext): Reply {
  const address = listId(ctx);
  const list = regionOf(ctx).lists.find((l) => l.address === address) ?? notFound(`Mailing list ${address} not found`);
  startJob(
    ctx,
    'list',
    address,
    list.members.map((m) => m.address),
  );
  return json(202, { id: address, message: 'The validation job was submitted.' });
}

const bulk = '/v4/address/validate/bulk/{list_id}';
const preview = '/v4/address/validate/preview/{list_id}';
const listValidate = '/v3/lists/{list_address}/validate';

export const validationRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v4/address/validate', handler: single },
  { method: 'POST', path: '/v4/address/validate', handler: single },
  { method: 'GET', path: '/v4/address/validate/bulk', handler: listBulk },
  { method: 'POST', path: bulk, handler: createBulk },
  { method: 'GET', path: bulk, handler: (ctx) => json(200, jobView(ctx, findJob(ctx, 'bulk', bulkId(ctx)))) },
  { method: 'DELETE', path: bulk, handler: cancel('bulk', bulkId) },
  { method: 'GET', path: `${bulk}/results.json`, handler: results('bulk', bulkId, 'json') },
  { method: 'GET', path: `${bulk}/results.csv`, handler: results('bulk', bulkId, 'csv') },
  {
    method: 'GET',
    path: '/v4/address/validate/preview',
    handler: (ctx) => {
      const previews = ctx.world.state.validationJobs.filter((j) => j.kind === 'preview').sort((a, b) => (a.id < b.id ? -1 : 1));
      return json(200, { previews: previews.map((j) => previewView(ctx, j)) });
    },
  },
  { method: 'POST', path: preview, handler: createPreview },
  { method: 'GET', path: preview, handler: (ctx) => json(200, { preview: previewView(ctx, findJob(ctx, 'preview', bulkId(ctx))) }) },
  { method: 'PUT', path: preview, handler: promotePreview },
  { method: 'DELETE', path: preview, handler: deletePreview },
  // Mailing-list validation, routed by path where the catalog has no entry yet.
  { method: 'POST', path: listValidate, handler: validateList },
  { method: 'GET', path: listValidate, handler: (ctx) => json(200, jobView(ctx, findJob(ctx, 'list', listId(ctx)))) },
  { method: 'DELETE', path: listValidate, handler: cancel('list', listId) },
  { method: 'GET', path: `${listValidate}/results.json`, handler: results('list', listId, 'json') },
  { method: 'GET', path: `${listValidate}/results.csv`, handler: results('list', listId, 'csv') },
];
