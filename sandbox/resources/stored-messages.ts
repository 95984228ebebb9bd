import { domainOf, fieldAll, param, type RequestContext, type RouteDef } from '../context';
import { recordSend } from '../delivery';
import { badRequest, binary, json, notFound, type Reply } from '../errors';
import { extractAddress, rfc2822, splitAddressList } from '../format';
import type { Domain, StoredMessage } from '../state';

/**
 * Messages as sent, fetched by the storage key their events carry, and
 * resent to new recipients. Mailgun keeps them for the domain's message_ttl.
 */

function find(ctx: RequestContext): { domain: Domain; message: StoredMessage } {
  const domain = domainOf(ctx);
  const key = param(ctx, 'storage_key');
  const now = ctx.world.now();
  const message = domain.stored.find((m) => m.key === key && m.storedAt + domain.message_ttl * 1000 > now);
  return message ? { domain, message } : notFound('Message not found');
}

export function headerList(m: StoredMessage): [string, string][] {
  return [
    ['Mime-Version', '1.0'],
    ['Content-Type', m.html ? 'text/html; charset="ascii"' : 'text/plain; charset="ascii"'],
    ['Subject', m.subject],
    ['From', m.from],
    ['To', m.to],
    ['Message-Id', m.messageId],
    ['Date', rfc2822(m.storedAt, '+0000')],
    ...m.tags.map((tag): [string, string] => ['X-Mailgun-Tag', tag]),
    ...(m.template ? ([['X-Mailgun-Template-Name', m.template.name]] as [string, string][]) : []),
    ...m.headers.map(([name, value]): [string, string] => [name, value]),
  ];
}

function view(ctx: RequestContext, domain: Domain, m: StoredMessage) {
  const headers = headerList(m);
  const top: Record<string, string> = {};
  for (const [name, value] of headers) top[name] ??= value;
  const base = `${ctx.baseUrl}/v3/domains/${domain.name}/messages/${m.key}`;
  return {
    ...top,
    sender: extractAddress(m.from) ?? m.from,
    recipients: m.recipients.join(', '),
    from: m.from,
    subject: m.subject,
    'body-html': m.html,
    'body-plain': m.text,
    'stripped-html': m.html,
    'stripped-text': m.text,
    'stripped-signature': '',
    'message-headers': headers,
    attachments: m.attachments.map((a, index) => ({
      url: `${base}/attachments/${index}`,
      'content-type': a.contentType,
      name: a.filename,
      size: a.size,
    })),
    'content-id-map': {},
    ...(m.mime !== null ? { 'body-mime': m.mime } : {}),
  };
}

function resend(ctx: RequestContext): Reply {
  const { domain, message } = find(ctx);
  const recipients: string[] = [];
  for (const value of fieldAll(ctx, 'to')) {
    for (const entry of splitAddressList(value)) {
      const address = extractAddress(entry);
      if (!address) return badRequest('to parameter is not a valid address. please check documentation');
      recipients.push(address.toLowerCase());
    }
  }
  if (recipients.length === 0) return badRequest("'to' parameter is missing");
  const { key: _key, messageId: _id, storedAt: _at, recipients: _old, to: _to, ...content } = message;
  const id = recordSend(
    domain,
    {
      from: message.from,
      toHeader: fieldAll(ctx, 'to').join(', '),
      recipients,
      subject: message.subject,
      tags: message.tags,
      userVariables: {},
      attachments: message.attachments.map((a) => ({ filename: a.filename, 'content-type': a.contentType, size: a.size })),
      size: message.text.length + message.html.length + message.attachments.reduce((sum, a) => sum + a.size, 0),
      testMode: false,
      content,
    },
    ctx.world.now(),
    ctx.world.nextSequence(),
    (event) => ctx.world.publish(domain, event, ctx.baseUrl),
  );
  return json(200, { id, message: 'Queued. Thank you.' });
}

function attachment(ctx: RequestContext): Reply {
  const { message } = find(ctx);
  const index = Number(param(ctx, 'index'));
  const file = Number.isInteger(index) ? message.attachments[index] : undefined;
  if (!file) return notFound('Attachment not found');
  if (file.data === null) return notFound('This attachment was too large for the sandbox to keep');
  return binary(Buffer.from(file.data, 'base64'), file.contentType, file.filename);
}

const base = '/v3/domains/{domain_name}/messages/{storage_key}';
export const storedMessageRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: base,
    domainParam: 'domain_name',
    handler: (ctx) => {
      const { domain, message } = find(ctx);
      return json(200, view(ctx, domain, message));
    },
  },
  { method: 'POST', path: base, domainParam: 'domain_name', handler: resend },
  { method: 'GET', path: `${base}/attachments/{index}`, domainParam: 'domain_name', handler: attachment },
];
