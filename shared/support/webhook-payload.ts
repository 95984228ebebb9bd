import type { WebhookSummary } from './types';

/**
 * Reading what Mailgun posts to a webhook. Current webhooks post JSON with a
 * `signature` object next to `event-data`; the old (legacy) ones posted flat
 * fields with `timestamp`, `token` and `signature` at the top. The signature
 * covers only timestamp and token, never the event data.
 */

export interface ParsedWebhook {
  readonly form: 'json' | 'legacy-flat';
  readonly timestamp: string;
  readonly token: string;
  readonly signature: string;
  readonly eventData: Record<string, unknown> | null;
  readonly summary: WebhookSummary;
  readonly notes: readonly string[];
}

export type WebhookParseResult =
  | { readonly ok: true; readonly value: ParsedWebhook }
  | { readonly ok: false; readonly message: string; readonly hint: string };

/** How old a timestamp may be before it is called stale; Mailgun suggests checking it is recent to limit replays. */
export const WEBHOOK_MAX_AGE_SECONDS = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function path(record: Record<string, unknown> | null, ...keys: string[]): unknown {
  let current: unknown = record;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function text(value: unknown): string | null {
  const found = scalarText(value);
  return found === null || found === '' ? null : found;
}

function summarise(eventData: Record<string, unknown> | null, flat: Record<string, unknown> | null): WebhookSummary {
  if (eventData !== null) {
    const timestamp = path(eventData, 'timestamp');
    const code = text(path(eventData, 'delivery-status', 'code'));
    const smtpMessage = text(path(eventData, 'delivery-status', 'description')) ?? text(path(eventData, 'delivery-status', 'message'));
    return {
      event: text(path(eventData, 'event')),
      recipient: text(path(eventData, 'recipient')),
      messageId: text(path(eventData, 'message', 'headers', 'message-id')),
      severity: text(path(eventData, 'severity')),
      reason: text(path(eventData, 'reason')),
      eventTimestamp: typeof timestamp === 'number' && Number.isFinite(timestamp) ? new Date(timestamp * 1000).toISOString() : null,
      domain: text(path(eventData, 'domain', 'name')) ?? text(path(eventData, 'recipient-domain')),
      smtp: code === null && smtpMessage === null ? null : [code, smtpMessage].filter((part) => part !== null).join(' '),
    };
  }
  return {
    event: text(path(flat, 'event')),
    recipient: text(path(flat, 'recipient')),
    messageId: text(path(flat, 'Message-Id')) ?? text(path(flat, 'message-id')),
    severity: null,
    reason: text(path(flat, 'reason')),
    eventTimestamp: null,
    domain: text(path(flat, 'domain')),
    smtp:
      text(path(flat, 'code')) === null
        ? null
        : [text(path(flat, 'code')), text(path(flat, 'error'))].filter((part) => part !== null).join(' '),
  };
}

/** Flat forms often arrive URL-encoded (as the legacy webhooks sent them); accept that too. */
function parseFormEncoded(input: string): Record<string, unknown> | null {
  if (!/^[^{[\s][^\s]*=/.test(input)) return null;
  const params = new URLSearchParams(input);
  const record: Record<string, unknown> = {};
  for (const [key, value] of params.entries()) record[key] = value;
  return Object.keys(record).length > 0 ? record : null;
}

/** Parses a pasted webhook body in either form. */
export function parseWebhookPayload(input: string): WebhookParseResult {
  const trimmed = input.trim();
  if (trimmed === '')
    return { ok: false, message: 'Paste the webhook body first.', hint: 'Copy the raw JSON body your endpoint received.' };
  let root: Record<string, unknown> | null = null;
  const notes: string[] = [];
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (!isRecord(parsed))
      return { ok: false, message: 'The body is JSON but not an object.', hint: 'Paste the whole body, starting with {.' };
    root = parsed;
  } catch {
    root = parseFormEncoded(trimmed);
    if (root === null) {
      return {
        ok: false,
        message: 'The body is not valid JSON.',
        hint: 'Paste the raw body exactly as received; a logging tool may have shortened or re-quoted it.',
      };
    }
    notes.push('Read as URL-encoded form fields, the way legacy webhooks posted them.');
  }

  const signatureField = root.signature;
  if (isRecord(signatureField)) {
    const timestamp = scalarText(signatureField.timestamp);
    const token = scalarText(signatureField.token);
    const signature = scalarText(signatureField.signature);
    if (timestamp === null || token === null || signature === null) {
      return {
        ok: false,
        message: 'The signature object needs timestamp, token and signature.',
        hint: 'Check that nothing was cut from the "signature" part of the body.',
      };
    }
    const eventData = isRecord(root['event-data']) ? root['event-data'] : null;
    if (eventData === null) notes.push('There is no "event-data" object, so only the signature can be checked.');
    return { ok: true, value: { form: 'json', timestamp, token, signature, eventData, summary: summarise(eventData, null), notes } };
  }

  const timestamp = scalarText(root.timestamp);
  const token = scalarText(root.token);
  const signature = scalarText(root.signature);
  if (timestamp !== null && token !== null && signature !== null) {
    notes.push(
      'This is the legacy flat form (timestamp, token and signature at the top level); current webhooks send a "signature" object.',
    );
    return {
      ok: true,
      value: { form: 'legacy-flat', timestamp, token, signature, eventData: null, summary: summarise(null, root), notes },
    };
  }
  return {
    ok: false,
    message: 'No signature found in the body.',
    hint: 'Mailgun webhook bodies carry {"signature": {"timestamp", "token", "signature"}, "event-data": {...}}; the legacy form has the three fields at the top.',
  };
}

/** Age of a webhook timestamp against now; `fresh` when within the allowed window either side. */
export function timestampFreshness(timestamp: string, nowMs: number, maxAgeSeconds = WEBHOOK_MAX_AGE_SECONDS) {
  const seconds = /^\d{1,12}(?:\.\d+)?$/.test(timestamp.trim()) ? Number(timestamp) : Number.NaN;
  if (!Number.isFinite(seconds)) return { iso: null, ageSeconds: null, fresh: false, maxAgeSeconds };
  const ageSeconds = Math.round(nowMs / 1000 - seconds);
  return { iso: new Date(seconds * 1000).toISOString(), ageSeconds, fresh: Math.abs(ageSeconds) <= maxAgeSeconds, maxAgeSeconds };
}

/** A signature must be 64 lowercase or uppercase hex characters to be an HMAC-SHA256 at all. */
export function isHexSha256(signature: string): boolean {
  return /^[0-9a-f]{64}$/i.test(signature.trim());
}
