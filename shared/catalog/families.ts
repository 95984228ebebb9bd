import type { ParamFamily, ParamFamilyId } from './types';

/**
 * Open-ended field families accepted by the two sending endpoints. The `known`
 * lists are the members Mailgun documents; callers may add any other name with
 * the same prefix.
 */
export const paramFamilies: Readonly<Record<ParamFamilyId, ParamFamily>> = {
  'o:': {
    id: 'o:',
    label: 'Sending options',
    description:
      'Per-message switches that override domain settings for this one message: tags, DKIM, scheduling, tracking, TLS and IP selection. Together with h:, v: and t: fields they may total at most 16 KB.',
    known: [
      {
        name: 'o:tag',
        type: { kind: 'string', maxLength: 128 },
        repeatable: true,
        example: 'september-newsletter',
        description: 'Labels the message for analytics and filtering; send the field once per tag.',
      },
      {
        name: 'o:dkim',
        type: { kind: 'boolean', style: 'yes-no' },
        repeatable: false,
        example: 'yes',
        description: 'Turns DKIM signing on or off for this message only, whatever the domain setting says.',
      },
      {
        name: 'o:secondary-dkim',
        type: { kind: 'string' },
        repeatable: false,
        example: 'example.com/s1',
        description: 'Adds a second DKIM signature using an existing, active key, written as signing_domain/selector.',
      },
      {
        name: 'o:secondary-dkim-public',
        type: { kind: 'string' },
        repeatable: false,
        example: 'example.net/s1',
        description:
          'Public alias (signing_domain/selector) to publish for the o:secondary-dkim key; needs o:secondary-dkim and a matching DNS record.',
      },
      {
        name: 'o:deliverytime',
        type: { kind: 'date', format: 'rfc2822' },
        repeatable: false,
        example: 'Fri, 14 Oct 2011 12:00:00 +0000',
        description:
          'Schedules delivery for a later moment (RFC 2822 date). How far ahead you may schedule depends on the plan (a few days) and the domain message TTL.',
      },
      {
        name: 'o:deliver-within',
        type: { kind: 'string' },
        repeatable: false,
        example: '1h30m',
        description:
          'Caps how long Mailgun keeps retrying, as hours and minutes such as 30m or 2h15m (5m to 24h); counted from the scheduled time when there is one.',
      },
      {
        name: 'o:deliverytime-optimize-period',
        type: { kind: 'string' },
        repeatable: false,
        example: '48h',
        description: 'Enables send time optimisation: Mailgun picks the best moment per recipient within this many hours (24h to 72h).',
      },
      {
        name: 'o:time-zone-localize',
        type: { kind: 'string' },
        repeatable: false,
        example: '09:30',
        description: "Enables time zone optimisation: delivers at this local time of day in each recipient's zone, as HH:mm or hh:mmAM/PM.",
      },
      {
        name: 'o:testmode',
        type: { kind: 'enum', values: ['yes'] },
        repeatable: false,
        example: 'yes',
        description: 'Accepts and logs the message as usual but never hands it to the receiving server. Mailgun still bills it.',
      },
      {
        name: 'o:tracking',
        type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'htmlonly'] },
        repeatable: false,
        example: 'yes',
        description: 'Switches open and click tracking together for this message; htmlonly rewrites links in the HTML part only.',
      },
      {
        name: 'o:tracking-clicks',
        type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'htmlonly'] },
        repeatable: false,
        example: 'htmlonly',
        description: 'Overrides the domain click-tracking setting for this message; htmlonly leaves the text part untouched.',
      },
      {
        name: 'o:tracking-opens',
        type: { kind: 'boolean', style: 'yes-no' },
        repeatable: false,
        example: 'yes',
        description: 'Overrides the domain open-tracking setting for this message.',
      },
      {
        name: 'o:require-tls',
        type: { kind: 'boolean', style: 'yes-no' },
        repeatable: false,
        example: 'yes',
        description:
          'When yes, the message is only delivered over TLS and is dropped if the receiving server cannot offer it. Default no (TLS is tried, plain SMTP is the fallback).',
      },
      {
        name: 'o:skip-verification',
        type: { kind: 'boolean', style: 'yes-no' },
        repeatable: false,
        example: 'no',
        description: "When yes, the receiving MX host's TLS certificate and host name are not checked. Default no.",
      },
      {
        name: 'o:sending-ip',
        type: { kind: 'string', format: 'ip' },
        repeatable: false,
        example: '192.0.2.15',
        description: 'Sends from this dedicated IP address, which must belong to your account.',
      },
      {
        name: 'o:sending-ip-pool',
        type: { kind: 'string', format: 'id' },
        repeatable: false,
        example: '60140bc1fee3e84dec5abeeb',
        description: 'Sends from an IP in this IP pool (give the pool id).',
      },
      {
        name: 'o:tracking-pixel-location-top',
        type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'htmlonly'] },
        repeatable: false,
        example: 'yes',
        description:
          'Puts the open-tracking pixel at the start of the HTML body rather than the end, so clients that clip long messages still load it.',
      },
      {
        name: 'o:archive-to',
        type: { kind: 'url' },
        repeatable: false,
        example: 'https://archive.example.com/mailgun/delivered',
        description:
          'After delivery, Mailgun POSTs the exact delivered MIME (Content-Type application/mime) to this URL. Each copy is billed as a delivered message.',
      },
      {
        name: 'o:suppress-headers',
        type: { kind: 'string' },
        repeatable: false,
        example: 'X-Mailgun-Variables,X-Mailgun-Tag',
        description:
          'Comma-separated X-Mailgun-* headers to strip from the delivered copy, or all. Removing X-Mailgun-Sid stops complaint matching through feedback loops.',
      },
    ],
  },
  'h:': {
    id: 'h:',
    label: 'Custom MIME headers',
    description:
      'Each h:<Header-Name> field adds that header to the generated message, for example h:Reply-To or h:X-Campaign-Id. Counts towards the 16 KB limit on option fields.',
    known: [
      {
        name: 'h:Reply-To',
        type: { kind: 'email' },
        repeatable: false,
        example: 'Support <support@example.com>',
        description: 'Where replies should go when that differs from the From address.',
      },
      {
        name: 'h:List-Unsubscribe',
        type: { kind: 'string', format: 'mime-header' },
        repeatable: false,
        example: '<mailto:unsubscribe@example.com>, <https://example.com/unsubscribe?u=42>',
        description: 'Lets mailbox providers show an unsubscribe button; give mailto and/or https targets in angle brackets.',
      },
    ],
  },
  'v:': {
    id: 'v:',
    label: 'Custom variables',
    description:
      'Each v:<name> field attaches your own data to the message. It comes back in events and webhooks under user-variables (cut at 4 KB there) and can fill template placeholders; the values travel in the X-Mailgun-Variables header.',
    known: [],
  },
  't:': {
    id: 't:',
    label: 'Template options',
    description: 'Fields that steer how a stored template (named by the template field) is rendered for this message.',
    known: [
      {
        name: 't:version',
        type: { kind: 'string' },
        repeatable: false,
        example: 'v2',
        description: 'Renders this version tag of the template instead of the active one. Needs template.',
      },
      {
        name: 't:text',
        type: { kind: 'enum', values: ['yes'] },
        repeatable: false,
        example: 'yes',
        description: 'Also builds a plain-text part from the rendered HTML template, for clients that do not show HTML.',
      },
      {
        name: 't:variables',
        type: { kind: 'json' },
        repeatable: false,
        example: '{"first_name": "Alice", "order_id": "A-1042"}',
        description: 'A JSON object whose keys fill the template placeholders. Takes precedence over v: fields of the same name.',
      },
    ],
  },
  'recipient-variables': {
    id: 'recipient-variables',
    label: 'Recipient variables (batch sending)',
    description:
      "A JSON object keyed by recipient address, holding that recipient's own values, referenced in the message as %recipient.name%. Its presence makes Mailgun send one individual copy per To address (at most 1,000 per request), so recipients do not see each other.",
    known: [
      {
        name: 'recipient-variables',
        type: { kind: 'json' },
        repeatable: false,
        example: '{"alice@example.com": {"first": "Alice", "id": 1}, "bob@example.com": {"first": "Bob", "id": 2}}',
        description: 'Per-recipient values keyed by address; every To address should have an entry.',
      },
    ],
  },
};
