import type { TimelineEvent } from './types';

/**
 * Turning Events API items and Logs API items into one timeline shape. The
 * two carry the same facts under slightly different names (`timestamp` in
 * epoch seconds versus `@timestamp` in ISO 8601, for one).
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(record: unknown, ...keys: string[]): unknown {
  let current = record;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function orNull(value: unknown): string | null {
  const text = str(value);
  return text === '' ? null : text;
}

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}

/** Message ids are compared without angle brackets and case, as Mailgun's own filter does. */
export function normaliseMessageId(value: string): string {
  return value.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}

function timestampOf(item: Record<string, unknown>): number | null {
  const epoch = num(item.timestamp);
  if (epoch !== null) return epoch;
  const iso = str(item['@timestamp']);
  const ms = iso === '' ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** One API item as a timeline event; null for items without a usable time. */
export function toTimelineEvent(item: unknown, fallbackDomain = ''): TimelineEvent | null {
  if (!isRecord(item)) return null;
  const timestamp = timestampOf(item);
  if (timestamp === null) return null;
  const status = at(item, 'delivery-status');
  const code = num(at(status, 'code'));
  const smtpMessage = [str(at(status, 'message')), str(at(status, 'description'))]
    .filter((part, index, all) => part !== '' && all.indexOf(part) === index)
    .join(' — ');
  const tags = Array.isArray(item.tags) ? item.tags.map(str).filter((tag) => tag !== '') : [];
  return {
    id: str(item.id) || `${timestamp}-${str(item.event)}-${str(item.recipient)}`,
    event: str(item.event) || 'unknown',
    timestamp,
    iso: new Date(timestamp * 1000).toISOString(),
    recipient: str(item.recipient),
    domain: str(at(item, 'domain', 'name')) || fallbackDomain,
    messageId: normaliseMessageId(str(at(item, 'message', 'headers', 'message-id'))),
    subject: str(at(item, 'message', 'headers', 'subject')),
    severity: orNull(item.severity),
    reason: orNull(item.reason),
    logLevel: orNull(item['log-level']),
    smtp:
      status === undefined || (code === null && smtpMessage === '')
        ? null
        : { code, message: smtpMessage, attempt: num(at(status, 'attempt-no')), mxHost: str(at(status, 'mx-host')) },
    tags,
  };
}

/** The `items` of an Events or Logs answer as timeline events, oldest first. */
export function timelineFrom(body: unknown, fallbackDomain = ''): TimelineEvent[] {
  const items = at(body, 'items');
  if (!Array.isArray(items)) return [];
  return items
    .map((item) => toTimelineEvent(item, fallbackDomain))
    .filter((event): event is TimelineEvent => event !== null)
    .sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
}

/** Where a message ended up for its recipients, judged from its latest events. */
export function deliveryStatus(events: readonly TimelineEvent[]): 'delivered' | 'failed' | 'retrying' | 'accepted' | 'not-found' | 'mixed' {
  if (events.length === 0) return 'not-found';
  const byRecipient = new Map<string, TimelineEvent[]>();
  for (const event of events) byRecipient.set(event.recipient, [...(byRecipient.get(event.recipient) ?? []), event]);
  const outcomes = new Set<string>();
  for (const list of byRecipient.values()) {
    const delivered = list.some((e) => e.event === 'delivered');
    const permanent = list.some((e) => e.event === 'failed' && e.severity === 'permanent') || list.some((e) => e.event === 'rejected');
    const temporary = list.some((e) => e.event === 'failed' && e.severity !== 'permanent');
    outcomes.add(delivered ? 'delivered' : permanent ? 'failed' : temporary ? 'retrying' : 'accepted');
  }
  if (outcomes.size > 1) return 'mixed';
  return ([...outcomes][0] ?? 'accepted') as 'delivered' | 'failed' | 'retrying' | 'accepted';
}
