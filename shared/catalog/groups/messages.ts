import { MAX_MESSAGE_BYTES } from '../../limits';
import { defineEndpoints, inBody, inPath, type ParamSpec } from '../define';
import { paramFamilies } from '../families';
import { domainPath } from '../params';
import type { GroupDef, ParamFamilyId } from '../types';

export const messagesGroup: GroupDef = {
  id: 'messages',
  title: 'Sending',
  description: 'Send messages built from fields or raw MIME, fetch or resend stored copies, and inspect or empty the sending queue.',
};

/** The documented members of a family, as optional body fields of a sending call. */
function familyFields(id: ParamFamilyId): ParamSpec[] {
  return paramFamilies[id].known.map((member) => ({ ...member, in: 'body', required: false }));
}

const domainName = domainPath('domain_name', 'Sending domain registered in your Mailgun account (in the region whose base URL you call).');

const storageKey: ParamSpec = inPath(
  'storage_key',
  { kind: 'string', format: 'id' },
  'BAABAQWxNjE1ZjU3MTlkNDFjZjE4ZmYzYjY3MjQyZDZmNjNiLjE3Mjc3Nzk5MjM',
  'The storage.key of an accepted or delivered event. Stored copies expire with the domain message retention.',
);

const template: ParamSpec = inBody(
  'template',
  { kind: 'string' },
  'welcome',
  'Name of a stored template to render as the body; its stored From, Subject and Reply-To headers apply unless you set them.',
  { fillExample: false },
);

/** The spec lists one sample of each open family; kept so the field can be sent as shown. */
const sampleHeader: ParamSpec = inBody(
  'h:X-My-Header',
  { kind: 'string', format: 'mime-header' },
  'order-1042',
  'Sample of the h: family: adds the header X-My-Header. Use the family editor for other header names.',
);

const sampleVariable: ParamSpec = inBody(
  'v:my-var',
  { kind: 'string' },
  '{"customer_id": 42}',
  'Sample of the v: family: attaches the variable my-var, returned in events and webhooks. Use the family editor for other names.',
);

const queued = {
  status: 200,
  contentType: 'application/json',
  body: { id: '<20240611101530.8c2e41d9a7f3b5e6@mg.example.com>', message: 'Queued. Thank you.' },
} as const;

export const messagesEndpoints = defineEndpoints('messages', [
  {
    id: 'messages.send',
    method: 'POST',
    path: '/v3/{domain_name}/messages',
    summary: 'Send a message assembled from fields',
    description:
      'Mailgun builds the MIME message from the fields you give and queues it. Supply a body via text, html, amp-html or template; attachments need multipart encoding, and a domain sending key is enough for this call.',
    sendingKeyAllowed: true,
    encoding: 'multipart',
    families: ['o:', 'h:', 'v:', 't:', 'recipient-variables'],
    params: [
      domainName,
      inBody(
        'from',
        { kind: 'email' },
        'Example Shop <orders@mg.example.com>',
        'Sender address, optionally with a display name. Overrides a From stored on the template.',
        { required: true },
      ),
      inBody(
        'to',
        { kind: 'email' },
        ['Alice Smith <alice@example.com>', 'bob@example.com'],
        'Recipients, one per field or comma-separated; duplicates are ignored. With recipient-variables each gets a separate copy. At most 1,000 per call.',
        { required: true, repeatable: true },
      ),
      inBody('cc', { kind: 'email' }, 'carol@example.com', 'Carbon-copy recipients, in the same forms as to.', { repeatable: true }),
      inBody('bcc', { kind: 'email' }, 'audit@example.com', 'Hidden recipients, in the same forms as to.', { repeatable: true }),
      inBody('subject', { kind: 'string' }, 'Your order A-1042 has shipped', 'Subject line. Overrides a Subject stored on the template.', {
        required: true,
      }),
      inBody('text', { kind: 'string', format: 'text' }, 'Hi Alice, your parcel is on its way.', 'Plain-text body.'),
      inBody(
        'html',
        { kind: 'string', format: 'text' },
        '<p>Hi Alice, your parcel is <b>on its way</b>.</p>',
        'HTML body. Cannot be combined with template.',
      ),
      inBody(
        'amp-html',
        { kind: 'string', format: 'text' },
        '<!doctype html><html amp4email><head><meta charset="utf-8"></head><body>Hello</body></html>',
        "AMP for Email version of the body; must follow Google's AMP email rules and is only shown by supporting clients.",
      ),
      inBody(
        'attachment',
        { kind: 'file' },
        'invoice-A-1042.pdf',
        'A file to attach; repeat for several. The whole message may not exceed 25 MB.',
        { repeatable: true },
      ),
      inBody(
        'inline',
        { kind: 'file', accept: 'image/*' },
        'logo.png',
        'A file attached with inline disposition, typically an image referenced from the HTML as cid:<file name>.',
        { repeatable: true },
      ),
      template,
      ...familyFields('t:'),
      ...familyFields('o:'),
      sampleHeader,
      sampleVariable,
      ...familyFields('recipient-variables'),
    ],
    exampleResponse: queued,
  },
  {
    id: 'messages.send-mime',
    method: 'POST',
    path: '/v3/{domain_name}/messages.mime',
    summary: 'Send a ready-made MIME message',
    description:
      'Use when your code already produces a complete MIME document: upload it as the message file and list the envelope recipients in to. Headers inside the file are sent as they are; a domain sending key is enough for this call.',
    sendingKeyAllowed: true,
    encoding: 'multipart',
    families: ['o:', 'h:', 'v:', 't:', 'recipient-variables'],
    params: [
      domainName,
      inBody(
        'to',
        { kind: 'email' },
        'Alice Smith <alice@example.com>',
        'Envelope recipients, independent of the To header inside the MIME file. At most 1,000 per call.',
        { required: true, repeatable: true },
      ),
      inBody(
        'message',
        { kind: 'file', accept: 'message/rfc822,.eml', maxBytes: MAX_MESSAGE_BYTES },
        'shipping-notice.eml',
        'The complete MIME message, uploaded as a file (up to 25 MB).',
        { required: true },
      ),
      template,
      ...familyFields('t:'),
      ...familyFields('o:'),
      sampleHeader,
      sampleVariable,
      ...familyFields('recipient-variables'),
    ],
    exampleResponse: queued,
  },
  {
    id: 'messages.get-stored',
    method: 'GET',
    path: '/v3/domains/{domain_name}/messages/{storage_key}',
    summary: 'Fetch a stored message',
    description:
      'Returns the parsed copy Mailgun kept of a sent or received message: headers, plain and HTML bodies and attachment details. Take the key from an event; the copy is only kept for the domain retention period, after which you get 404.',
    params: [domainName, storageKey],
    response: {
      'Content-Type': 'text/html; charset=utf-8',
      From: 'orders@mg.example.com',
      'Message-Id': '<20240611101530.8c2e41d9a7f3b5e6@mg.example.com>',
      'Mime-Version': '1.0',
      Subject: 'Your order A-1042 has shipped',
      To: 'Alice Smith <alice@example.com>',
      'X-Mailgun-Tag': 'shipping',
      sender: 'orders@mg.example.com',
      recipients: 'alice@example.com',
      'body-html': '<p>Hi Alice, your parcel is on its way.</p>',
      'body-plain': 'Hi Alice, your parcel is on its way.',
      'stripped-html': '<p>Hi Alice, your parcel is on its way.</p>',
      'stripped-text': 'Hi Alice, your parcel is on its way.',
      'stripped-signature': '',
      'message-headers': [
        ['Mime-Version', '1.0'],
        ['Subject', 'Your order A-1042 has shipped'],
        ['From', 'orders@mg.example.com'],
        ['To', 'Alice Smith <alice@example.com>'],
      ],
    },
  },
  {
    id: 'messages.resend',
    method: 'POST',
    path: '/v3/domains/{domain_name}/messages/{storage_key}',
    summary: 'Send a stored message again',
    description:
      'Queues a fresh delivery of a stored message to the recipients you name, without uploading it again. Only works while the stored copy still exists.',
    encoding: 'multipart',
    params: [
      domainName,
      storageKey,
      inBody('to', { kind: 'email' }, 'alice@example.com', 'Who should receive the copy; several addresses may be comma-separated.', {
        required: true,
        repeatable: true,
      }),
    ],
    exampleResponse: queued,
  },
  {
    id: 'messages.queue-status',
    method: 'GET',
    path: '/v3/domains/{name}/sending_queues',
    summary: 'Check the sending queues of a domain',
    description:
      'Tells whether the regular and the scheduled queue of the domain are currently blocked, until when and why (for example too many queued messages).',
    params: [domainPath('name', 'Domain whose queues to inspect.')],
    response: {
      regular: { is_disabled: false, disabled: { until: '', reason: '' } },
      scheduled: {
        is_disabled: true,
        disabled: { until: 'Tue, 11 Jun 2024 12:00:00 UTC', reason: 'Too many messages queued for this domain' },
      },
    },
  },
  {
    id: 'messages.delete-scheduled',
    method: 'DELETE',
    path: '/v3/{domain_name}/envelopes',
    summary: 'Drop all scheduled and pending messages',
    description:
      "Removes every message of the domain that is scheduled or not yet delivered. Must be sent to the storage host named in the messages' storage URLs (such as storage-us-east4.api.mailgun.net), not the usual API host.",
    params: [domainName],
    response: { message: 'done' },
  },
]);
