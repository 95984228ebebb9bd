import { MAX_MESSAGE_BYTES } from '../../shared/limits';
import type { FormFile } from '../body-parser';
import { bodyFieldEntries, domainOf, field, fieldAll, filesOf, type RequestContext, type RouteDef } from '../context';
import { type OutgoingMessage, recordSend } from '../delivery';
import { badRequest, fail, json, type Reply } from '../errors';
import { extractAddress, parseDate, splitAddressList } from '../format';
import type { StoredAttachment } from '../state';
import { renderTemplate, templateVariables } from '../template-render';

export const MAX_RECIPIENTS = 1000;
export const MAX_OPTION_BYTES = 16 * 1024;
const MAX_TAGS = 10;
const FAMILY_PREFIXES = ['o:', 'h:', 'v:', 't:'];

function requireForm(ctx: RequestContext): void {
  if (ctx.body.kind === 'json' || ctx.body.kind === 'other') {
    badRequest('Unsupported Content-Type: send multipart/form-data or application/x-www-form-urlencoded');
  }
}

/** Validates one address field (to, cc, bcc) and returns its bare addresses. */
function recipientsOf(ctx: RequestContext, name: 'to' | 'cc' | 'bcc'): string[] {
  const out: string[] = [];
  for (const value of fieldAll(ctx, name)) {
    for (const entry of splitAddressList(value)) {
      const address = extractAddress(entry);
      if (!address) badRequest(`${name} parameter is not a valid address. please check documentation`);
      out.push(address.toLowerCase());
    }
  }
  return out;
}

function checkOptionSize(ctx: RequestContext): void {
  let bytes = 0;
  for (const entry of bodyFieldEntries(ctx)) {
    if (FAMILY_PREFIXES.some((prefix) => entry.name.startsWith(prefix)))
      bytes += Buffer.byteLength(entry.name) + Buffer.byteLength(entry.value);
  }
  if (bytes > MAX_OPTION_BYTES) badRequest(`o:, h:, v: and t: values total ${bytes} bytes, over the 16KB limit`);
}

function checkSize(ctx: RequestContext): void {
  if (ctx.body.bytes > MAX_MESSAGE_BYTES) fail(413, 'Message is too large: the limit is 25MB');
}

function userVariables(ctx: RequestContext): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const entry of bodyFieldEntries(ctx)) {
    if (entry.name.startsWith('v:') && entry.name.length > 2) vars[entry.name.slice(2)] = entry.value.slice(0, 4096);
  }
  const json = field(ctx, 'h:X-Mailgun-Variables');
  if (json !== undefined) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        for (const [key, value] of Object.entries(parsed)) vars[key] = typeof value === 'string' ? value : JSON.stringify(value);
      }
    } catch {
      badRequest("'h:X-Mailgun-Variables' must be a JSON object");
    }
  }
  return vars;
}

function commonOptions(ctx: RequestContext): Pick<OutgoingMessage, 'tags' | 'userVariables' | 'testMode' | 'deliverAt'> {
  checkOptionSize(ctx);
  const tags = fieldAll(ctx, 'o:tag')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (tags.length > MAX_TAGS) badRequest(`Too many tags: at most ${MAX_TAGS} per message`);
  const testMode = ['yes', 'true'].includes((field(ctx, 'o:testmode') ?? '').trim().toLowerCase());
  const deliveryTime = field(ctx, 'o:deliverytime');
  let deliverAt: number | undefined;
  if (deliveryTime !== undefined) {
    const parsed = parseDate(deliveryTime);
    if (parsed === null) badRequest("'o:deliverytime' is not a valid RFC 2822 date");
    deliverAt = parsed;
  }
  const recipientVariables = field(ctx, 'recipient-variables');
  if (recipientVariables !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(recipientVariables);
    } catch {
      badRequest("'recipient-variables' must be a JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) badRequest("'recipient-variables' must be a JSON object");
  }
  return { tags: [...new Set(tags)], userVariables: userVariables(ctx), testMode, ...(deliverAt !== undefined ? { deliverAt } : {}) };
}

function checkRecipientCount(count: number): void {
  if (count > MAX_RECIPIENTS) badRequest(`Too many recipients: ${count} given, at most ${MAX_RECIPIENTS} are allowed per message`);
}

function attachmentsOf(files: readonly FormFile[]): OutgoingMessage['attachments'] {
  return files.map((f) => ({ filename: f.filename, 'content-type': f.contentType, size: f.data.length }));
}

/** Files are kept with the stored copy up to this total; larger ones are listed without their bytes. */
export const MAX_STORED_FILE_BYTES = 1024 * 1024;

function storedFiles(files: readonly FormFile[]): StoredAttachment[] {
  const total = files.reduce((sum, f) => sum + f.data.length, 0);
  return files.map((f) => ({
    filename: f.filename,
    contentType: f.contentType,
    size: f.data.length,
    data: total <= MAX_STORED_FILE_BYTES ? f.data.toString('base64') : null,
  }));
}

function customHeaders(ctx: RequestContext): [string, string][] {
  return bodyFieldEntries(ctx)
    .filter((entry) => entry.name.startsWith('h:') && entry.name.length > 2)
    .map((entry) => [entry.name.slice(2), entry.value.slice(0, 4096)]);
}

/** What `send` keeps so the message can be fetched by its storage key and resent. */
function contentOf(ctx: RequestContext, files: readonly FormFile[], template: { name: string; version: string; html: string } | null) {
  return {
    text: field(ctx, 'text') ?? '',
    html: template ? template.html : (field(ctx, 'html') ?? ''),
    headers: customHeaders(ctx),
    attachments: storedFiles(files),
    template: template ? { name: template.name, version: template.version } : null,
    mime: null,
  };
}

function send(ctx: RequestContext): Reply {
  requireForm(ctx);
  checkSize(ctx);
  const domain = domainOf(ctx);
  const from = field(ctx, 'from');
  if (from === undefined || from.trim() === '') return badRequest("'from' parameter is missing");
  if (!extractAddress(from)) return badRequest("'from' parameter is not a valid address. please check documentation");
  if (fieldAll(ctx, 'to').every((value) => value.trim() === '')) return badRequest("'to' parameter is missing");
  const to = recipientsOf(ctx, 'to');
  const recipients = [...to, ...recipientsOf(ctx, 'cc'), ...recipientsOf(ctx, 'bcc')];
  checkRecipientCount(recipients.length);
  const subject = field(ctx, 'subject');
  if (subject === undefined) return badRequest("'subject' parameter is missing");
  const template = field(ctx, 'template');
  const hasBody = ['text', 'html', 'amp-html'].some((name) => (field(ctx, name) ?? '') !== '');
  if (!hasBody && !template) return badRequest('A message body is missing: send text, html, amp-html or template');
  if (template !== undefined && field(ctx, 'html') !== undefined) return badRequest("Send either 'html' or 'template', not both");
  const options = commonOptions(ctx);
  let used: { name: string; version: string; html: string } | null = null;
  if (template !== undefined) {
    const found = domain.templates.find((t) => t.name === template.toLowerCase());
    if (!found) return badRequest(`template '${template.slice(0, 100)}' not found`);
    const version = field(ctx, 't:version');
    const chosen =
      version === undefined ? found.versions.find((v) => v.active) : found.versions.find((v) => v.tag === version.toLowerCase());
    if (version !== undefined && !chosen) return badRequest(`template version '${version.slice(0, 100)}' not found`);
    const variables = templateVariables(options.userVariables, field(ctx, 'h:X-Mailgun-Variables'), field(ctx, 't:variables'));
    if (!variables.ok) return badRequest(variables.message);
    const rendered = renderTemplate(chosen?.template ?? '', variables.variables);
    if (!rendered.ok) return badRequest(`template '${found.name}' could not be rendered: ${rendered.message}`);
    used = { name: found.name, version: chosen?.tag ?? '', html: rendered.html };
  }
  const files = [...filesOf(ctx, 'attachment'), ...filesOf(ctx, 'inline')];
  const attachments = attachmentsOf(files);
  const id = recordSend(
    domain,
    {
      from,
      toHeader: fieldAll(ctx, 'to').join(', '),
      recipients,
      subject,
      attachments,
      size: ctx.body.bytes,
      ...options,
      content: contentOf(ctx, files, used),
    },
    ctx.world.now(),
    ctx.world.nextSequence(),
    (event) => ctx.world.publish(domain, event, ctx.baseUrl),
  );
  return json(200, { id, message: 'Queued. Thank you.' });
}

/** Reads `From` and `Subject` from the top of a MIME message; enough for the event log. */
function mimeHeaders(raw: Buffer): { from: string; subject: string } {
  const head = raw.subarray(0, 64 * 1024).toString('utf8');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string): string => {
    const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block);
    return match?.[1]?.trim() ?? '';
  };
  return { from: header('From'), subject: header('Subject') };
}

function sendMime(ctx: RequestContext): Reply {
  requireForm(ctx);
  checkSize(ctx);
  const domain = domainOf(ctx);
  if (fieldAll(ctx, 'to').every((value) => value.trim() === '')) return badRequest("'to' parameter is missing");
  const recipients = recipientsOf(ctx, 'to');
  checkRecipientCount(recipients.length);
  const file = filesOf(ctx, 'message')[0];
  const textMessage = field(ctx, 'message');
  const raw = file ? file.data : textMessage !== undefined ? Buffer.from(textMessage, 'utf8') : null;
  if (!raw || raw.length === 0) return badRequest("'message' parameter is missing");
  const options = commonOptions(ctx);
  const headers = mimeHeaders(raw);
  const id = recordSend(
    domain,
    {
      from: headers.from,
      toHeader: fieldAll(ctx, 'to').join(', '),
      recipients,
      subject: headers.subject,
      attachments: [],
      size: raw.length,
      ...options,
      content: {
        text: '',
        html: '',
        headers: [],
        attachments: [],
        template: null,
        mime: raw.length <= MAX_STORED_FILE_BYTES ? raw.toString('utf8') : null,
      },
    },
    ctx.world.now(),
    ctx.world.nextSequence(),
    (event) => ctx.world.publish(domain, event, ctx.baseUrl),
  );
  return json(200, { id, message: 'Queued. Thank you.' });
}

/** The sandbox never pauses a queue: sending is never throttled here, so both queues are open. */
function sendingQueues(): Reply {
  const open = { is_disabled: false, disabled: { until: '', reason: '' } };
  return json(200, { regular: open, scheduled: open });
}

export const messageRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v3/domains/{name}/sending_queues', domainParam: 'name', handler: sendingQueues },
  {
    method: 'POST',
    path: '/v3/{domain_name}/messages',
    domainParam: 'domain_name',
    wrongRegion: 'forbidden',
    sendingKeyAllowed: true,
    handler: send,
  },
  {
    method: 'POST',
    path: '/v3/{domain_name}/messages.mime',
    domainParam: 'domain_name',
    wrongRegion: 'forbidden',
    sendingKeyAllowed: true,
    handler: sendMime,
  },
];
