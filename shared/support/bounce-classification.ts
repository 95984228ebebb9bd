import type { JsonValue } from '../catalog/types';
import { formatRfc2822 } from '../dates/rfc2822';
import type { BounceClassification, BounceClassRow, TimelineEvent } from './types';

/**
 * Asking Mailgun's bounce classification about a trace's failed attempts,
 * and reading its answer. The metrics API groups failures, it does not look
 * up one message: the query asks for the sending domain's failures to the
 * recipients' domains in the trace's period, split by provider, category,
 * severity and criticality, and an attempt is matched to the groups of its
 * recipient's domain and severity.
 */

const DIMENSIONS = ['recipient-domain', 'entity-name', 'category', 'severity', 'criticality'] as const;
/** The API's own page limit. */
const PAGE_LIMIT = 50;

export function recipientDomainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Failures a receiving server answered; drops because of a suppression list never reached one, so nothing classifies them. */
export function classifiableFailures(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.event === 'failed' && !(e.reason ?? '').startsWith('suppress-') && e.recipient.includes('@'));
}

export interface ClassificationQuery {
  readonly domain: string;
  readonly recipientDomains: readonly string[];
  readonly beginMs: number;
  /** Null asks up to now, Mailgun's default. */
  readonly endMs: number | null;
}

/** The body of POST /v2/bounce-classification/metrics, as catalog parameter values. */
export function classificationParams(query: ClassificationQuery): Record<string, JsonValue> {
  const labelled = (values: readonly string[]) => values.map((value) => ({ label: value, value }));
  return {
    start: formatRfc2822(new Date(query.beginMs)),
    ...(query.endMs === null ? {} : { end: formatRfc2822(new Date(query.endMs)) }),
    dimensions: [...DIMENSIONS],
    metrics: ['classified_failures_count'],
    filter: {
      AND: [
        { attribute: 'domain.name', comparator: '=', values: labelled([query.domain]) },
        { attribute: 'recipient-domain', comparator: '=', values: labelled(query.recipientDomains) },
      ],
    },
    pagination: { sort: 'entity-name:asc', skip: 0, limit: PAGE_LIMIT },
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The groups of an answer; items without a provider or without failures are left out. */
export function classificationRows(json: unknown): BounceClassRow[] {
  const items = (json as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item): BounceClassRow[] => {
    if (typeof item !== 'object' || item === null) return [];
    const row = item as Record<string, unknown>;
    const metrics = (row.metrics ?? {}) as Record<string, unknown>;
    const failures = typeof metrics.classified_failures_count === 'number' ? metrics.classified_failures_count : 0;
    const entity = text(row['entity-name']);
    const recipientDomain = text(row['recipient-domain']);
    if (entity === null || recipientDomain === null || failures <= 0) return [];
    return [
      {
        recipientDomain: recipientDomain.toLowerCase(),
        entity,
        category: text(row.category),
        severity: text(row.severity),
        criticality: text(row.criticality),
        failures,
      },
    ];
  });
}

const SMTP_ONLY = 'The explanations beside each attempt come from its SMTP codes alone.';

/** The outcome of the query in words, from its HTTP status (null: no answer) and body. */
export function classificationFrom(
  answer: { readonly status: number | null; readonly ok: boolean; readonly json: unknown; readonly reason?: string },
  query: Pick<ClassificationQuery, 'domain' | 'recipientDomains'>,
): BounceClassification {
  const to = query.recipientDomains.join(', ');
  if (!answer.ok) {
    const status = answer.status;
    const why =
      status === 404 || status === 403 || status === 402
        ? `Bounce classification is not available to this account or key (HTTP ${status}); Mailgun offers it on some plans only.`
        : status === 401
          ? 'Bounce classification could not be read: the key was refused (HTTP 401).'
          : `Bounce classification could not be read${status === null ? '' : ` (HTTP ${status})`}${answer.reason ? `: ${answer.reason}` : ''}. Try the trace again later.`;
    return { state: 'unavailable', message: `${why} ${SMTP_ONLY}`, rows: [] };
  }
  const rows = classificationRows(answer.json);
  if (rows.length === 0)
    return {
      state: 'no-data',
      message: `Mailgun’s bounce classification has no failures from ${query.domain} to ${to} in this period. ${SMTP_ONLY}`,
      rows,
    };
  const total = rows.reduce((sum, r) => sum + r.failures, 0);
  return {
    state: 'classified',
    message: `Mailgun classified ${total} ${total === 1 ? 'failure' : 'failures'} from ${query.domain} to ${to} in this period (all such mail, not this message alone).`,
    rows,
  };
}

/** The groups that describe one failed attempt: its recipient's domain, and its severity where the group names one. */
export function classificationFor(classification: BounceClassification | null, event: TimelineEvent): BounceClassRow[] {
  if (classification === null || event.event !== 'failed') return [];
  const domain = recipientDomainOf(event.recipient);
  const severity = event.severity?.toUpperCase() ?? null;
  return classification.rows.filter(
    (row) => row.recipientDomain === domain && (row.severity === null || severity === null || row.severity === severity),
  );
}

/** One group in a few words: "Gmail · BOUNCE · PERMANENT · NON-CRITICAL". */
export function classRowWords(row: BounceClassRow): string {
  return [row.entity, row.category, row.severity, row.criticality].filter((part): part is string => part !== null).join(' · ');
}
