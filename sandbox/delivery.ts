import { randomBytes } from 'node:crypto';
import { domainOfAddress, eventId, messageId } from './format';
import type { Domain, EventName, SandboxEvent, StoredMessage } from './state';

/**
 * The sandbox's pretend mail system: every accepted message is "delivered"
 * at once, and the outcome for each recipient is decided by simple, visible
 * rules so developers can provoke failures on purpose:
 * - suppressed addresses (bounces, unsubscribes, complaints) fail unless allowlisted;
 * - a local part starting with `bounce` (or containing `+bounce`) bounces permanently and joins the bounce list;
 * - a local part starting with `defer` (or containing `+defer`) fails temporarily;
 * - everyone else gets `delivered`, then `opened` when open tracking is on and test mode is off.
 */

export const MAX_EVENTS_PER_DOMAIN = 10_000;

export interface OutgoingMessage {
  readonly from: string;
  /** The `To` header as written by the sender. */
  readonly toHeader: string;
  /** Every bare recipient address: to, cc and bcc. */
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly tags: readonly string[];
  readonly userVariables: Readonly<Record<string, string>>;
  readonly attachments: readonly { filename: string; 'content-type': string; size: number }[];
  readonly size: number;
  readonly testMode: boolean;
  /** When Mailgun should hand the message over; defaults to acceptance time. */
  readonly deliverAt?: number;
  /** What is kept for retrieval by storage key; a message without it cannot be fetched or resent. */
  readonly content?: Pick<StoredMessage, 'text' | 'html' | 'headers' | 'attachments' | 'template' | 'mime'>;
}

/** Stored copies beyond this many per domain are dropped oldest first, so the state file stays small. */
export const MAX_STORED_PER_DOMAIN = 500;

function store(domain: Domain, message: OutgoingMessage, key: string, messageIdValue: string, at: number): void {
  if (!message.content) return;
  const ttlMs = domain.message_ttl * 1000;
  domain.stored = domain.stored.filter((m) => m.storedAt + ttlMs > at);
  domain.stored.push({
    key,
    messageId: messageIdValue,
    storedAt: at,
    from: message.from,
    to: message.toHeader,
    subject: message.subject,
    recipients: [...message.recipients],
    tags: [...message.tags],
    ...message.content,
  });
  if (domain.stored.length > MAX_STORED_PER_DOMAIN) domain.stored.splice(0, domain.stored.length - MAX_STORED_PER_DOMAIN);
}

function lowerLocal(address: string): string {
  return address.slice(0, address.lastIndexOf('@')).toLowerCase();
}

function unsubscribedFor(domain: Domain, address: string, tags: readonly string[]): boolean {
  const entry = domain.unsubscribes.find((u) => u.address === address);
  if (!entry) return false;
  return entry.tags.length === 0 || entry.tags.includes('*') || tags.some((tag) => entry.tags.includes(tag));
}

function allowlisted(domain: Domain, address: string): boolean {
  const host = domainOfAddress(address);
  return domain.allowlist.some((entry) => (entry.type === 'address' ? entry.value === address : entry.value === host));
}

type Outcome =
  | { readonly kind: 'delivered' }
  | {
      readonly kind: 'failed';
      readonly severity: 'permanent' | 'temporary';
      readonly reason: string;
      readonly code: number;
      readonly description: string;
      readonly addBounce: boolean;
    };

function outcomeFor(domain: Domain, address: string, tags: readonly string[]): Outcome {
  const local = lowerLocal(address);
  if (!allowlisted(domain, address)) {
    if (domain.bounces.some((b) => b.address === address)) {
      return {
        kind: 'failed',
        severity: 'permanent',
        reason: 'suppress-bounce',
        code: 605,
        description: 'Address is on the bounce list',
        addBounce: false,
      };
    }
    if (unsubscribedFor(domain, address, tags)) {
      return {
        kind: 'failed',
        severity: 'permanent',
        reason: 'suppress-unsubscribe',
        code: 606,
        description: 'Recipient has unsubscribed',
        addBounce: false,
      };
    }
    if (domain.complaints.some((c) => c.address === address)) {
      return {
        kind: 'failed',
        severity: 'permanent',
        reason: 'suppress-complaint',
        code: 607,
        description: 'Recipient has complained before',
        addBounce: false,
      };
    }
  }
  if (local.startsWith('bounce') || local.includes('+bounce')) {
    return {
      kind: 'failed',
      severity: 'permanent',
      reason: 'bounce',
      code: 550,
      description: 'Mailbox does not exist (simulated)',
      addBounce: true,
    };
  }
  if (local.startsWith('defer') || local.includes('+defer')) {
    return {
      kind: 'failed',
      severity: 'temporary',
      reason: 'generic',
      code: 421,
      description: 'Mailbox busy, try later (simulated)',
      addBounce: false,
    };
  }
  return { kind: 'delivered' };
}

function touchTags(domain: Domain, tags: readonly string[], at: number): void {
  for (const name of tags) {
    const tag = domain.tags.find((t) => t.tag === name);
    if (tag) {
      tag.first_seen = Math.min(tag.first_seen, at);
      tag.last_seen = Math.max(tag.last_seen, at);
    } else {
      domain.tags.push({ tag: name, description: '', first_seen: at, last_seen: at });
    }
  }
}

/** Records a send: returns the `<message-id>` Mailgun would answer with. */
export function recordSend(
  domain: Domain,
  message: OutgoingMessage,
  acceptedAt: number,
  sequence: number,
  publish: (event: SandboxEvent) => void = () => {},
): string {
  const firstNew = domain.events.length;
  const id = messageId(acceptedAt, sequence, domain.name);
  const deliverAt = Math.max(acceptedAt, message.deliverAt ?? acceptedAt);
  const headers = { to: message.toHeader, 'message-id': id, from: message.from, subject: message.subject };
  const base = (event: EventName, timestamp: number, recipient: string, logLevel: SandboxEvent['log-level']): SandboxEvent => ({
    event,
    id: eventId(),
    timestamp: timestamp / 1000,
    'log-level': logLevel,
    recipient,
    'recipient-domain': domainOfAddress(recipient),
    tags: [...message.tags],
    'user-variables': { ...message.userVariables },
    flags: { 'is-authenticated': true, 'is-routed': false, 'is-system-test': false, 'is-test-mode': message.testMode },
    message: { headers, attachments: message.attachments.map((a) => ({ ...a })), size: message.size },
  });
  const storage = { key: randomBytes(12).toString('base64url') };
  const envelope = (recipient: string) => ({
    sender: `bounce+sandbox@${domain.name}`,
    transport: 'smtp',
    targets: recipient,
    'sending-ip': '127.0.0.1',
  });

  message.recipients.forEach((recipient, index) => {
    // Small offsets keep each recipient's events in a readable order.
    const t = deliverAt + index * 7;
    domain.events.push({
      ...base('accepted', acceptedAt + index * 7, recipient, 'info'),
      method: 'HTTP',
      envelope: { sender: message.from, transport: 'smtp', targets: recipient },
      storage,
    });
    const outcome = outcomeFor(domain, recipient, message.tags);
    if (outcome.kind === 'failed') {
      domain.events.push({
        ...base('failed', t + 300, recipient, outcome.severity === 'permanent' ? 'error' : 'warn'),
        severity: outcome.severity,
        reason: outcome.reason,
        envelope: envelope(recipient),
        storage,
        'delivery-status': {
          'attempt-no': 1,
          code: outcome.code,
          message: outcome.description,
          description: outcome.description,
          'session-seconds': 0.1,
        },
      });
      if (outcome.addBounce && !domain.bounces.some((b) => b.address === recipient)) {
        domain.bounces.push({ address: recipient, code: String(outcome.code), error: outcome.description, created_at: t + 300 });
      }
      return;
    }
    domain.events.push({
      ...base('delivered', t + 400, recipient, 'info'),
      envelope: envelope(recipient),
      storage,
      'delivery-status': {
        tls: true,
        'mx-host': `mx.${domainOfAddress(recipient)}`,
        code: 250,
        description: '',
        'session-seconds': 0.4,
        utf8: true,
        'attempt-no': 1,
        message: 'OK',
        'certificate-verified': true,
      },
    });
    if (domain.tracking.open.active && !message.testMode) {
      domain.events.push({
        ...base('opened', t + 1500, recipient, 'info'),
        ip: '127.0.0.1',
        geolocation: { country: 'US', region: 'Unknown', city: 'Unknown' },
        'client-info': {
          'client-type': 'browser',
          'client-os': 'Linux',
          'device-type': 'desktop',
          'client-name': 'Sandbox',
          'user-agent': 'Mozilla/5.0 (sandbox)',
        },
      });
    }
  });
  for (const event of domain.events.slice(firstNew)) publish(event);
  store(domain, message, storage.key, `<${id}>`, acceptedAt);
  touchTags(domain, message.tags, acceptedAt);
  if (domain.events.length > MAX_EVENTS_PER_DOMAIN) domain.events.splice(0, domain.events.length - MAX_EVENTS_PER_DOMAIN);
  return `<${id}>`;
}
