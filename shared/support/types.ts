import type { JsonValue } from '../catalog/types';
import type { OfficialRegion } from '../environments/types';
import type { ErrorCode } from '../errors';
import type { RegionBoundResource } from '../status/diagnose';
import type { SimilarAddress } from './similar-addresses';

/**
 * What the support tools hand back to the renderer. Everything is plain,
 * structured-clone-able data; nothing here ever carries a key.
 */

/** Parameter values as the workbench takes them, so any call can be reopened there. */
export interface CallValues {
  readonly params: Readonly<Record<string, JsonValue>>;
}

/** One request a tool made, with enough to reopen it in the workbench. */
export interface UnderlyingCall {
  /** What the call was for, e.g. "Bounces on mg.example.com". */
  readonly label: string;
  readonly endpointId: string;
  readonly method: string;
  readonly path: string;
  readonly values: CallValues;
  /** Null when the call never produced a history entry (refused before sending, or history was unavailable). */
  readonly historyId: string | null;
  /** HTTP status; null when no response came back. */
  readonly status: number | null;
  readonly outcome: 'ok' | 'not-found' | 'failed';
  /** Why the call failed, when it did. */
  readonly error?: { readonly code: ErrorCode | 'http'; readonly message: string };
  /** The base URL the call went to, when it was not the environment's own (region probes). */
  readonly baseUrl?: string;
  /** The account acted for, when not the environment's own: a subaccount id, or null for the key's own account. */
  readonly subaccountId?: string | null;
  /** The URL as sent, without credentials (main redacts it again before any export). */
  readonly url?: string;
  /** Epoch milliseconds when the request left, and how long it took. */
  readonly startedAt?: number;
  readonly durationMs?: number;
}

/** A part of a report that could not be filled in, and why. */
export interface ReportGap {
  /** The section, e.g. "Sending queue". */
  readonly section: string;
  readonly reason: string;
  /** HTTP status behind the gap, when there was one. */
  readonly status: number | null;
  readonly kind: 'plan' | 'rate-limit' | 'timeout' | 'auth' | 'not-found' | 'network' | 'server' | 'other';
}

/** Shared by every tool result. */
export interface ToolReport {
  readonly calls: readonly UnderlyingCall[];
  readonly gaps: readonly ReportGap[];
}

export const suppressionLists = ['bounces', 'complaints', 'unsubscribes'] as const;
export type SuppressionList = (typeof suppressionLists)[number];

/** A state we could not learn is `unknown`, so a failed call is never mistaken for "not listed". */
export type Listing<T> = { readonly state: 'listed'; readonly entry: T } | { readonly state: 'absent' } | { readonly state: 'unknown' };

export interface BounceEntry {
  readonly code: string;
  readonly error: string;
  readonly createdAt: string;
}

export interface ComplaintEntry {
  readonly createdAt: string;
}

export interface UnsubscribeEntry {
  /** `*` means every tag, i.e. all mail. */
  readonly tags: readonly string[];
  readonly createdAt: string;
}

export interface AllowEntry {
  readonly type: 'address' | 'domain';
  readonly value: string;
  readonly reason: string;
}

/** One place a verdict searched: a region of the key's own account or of a subaccount it can act for. */
export interface SearchScope {
  /** Null for a custom base URL, which has no known other region. */
  readonly region: OfficialRegion | null;
  readonly regionLabel: string;
  /** Null for the environment's own account. */
  readonly subaccountId: string | null;
  readonly subaccountName: string | null;
}

export interface RecipientDomainCheck {
  readonly domain: string;
  readonly scope: SearchScope;
  readonly bounce: Listing<BounceEntry>;
  readonly complaint: Listing<ComplaintEntry>;
  readonly unsubscribe: Listing<UnsubscribeEntry>;
  /** An allowlist entry for the address or its domain lets mail through despite the suppression lists. */
  readonly allowlist: Listing<AllowEntry>;
}

export interface RecipientBlock {
  readonly domain: string;
  readonly scope: SearchScope;
  /** When the address was put on the list, as Mailgun gives it; empty when it does not. */
  readonly since: string;
  readonly list: SuppressionList;
  readonly summary: string;
  /** False when an allowlist entry overrides it. */
  readonly effective: boolean;
  /** False in a read-only environment. */
  readonly canRelease: boolean;
}

/** One message sent to the address, with where it ended up. */
export interface RecipientMessage {
  readonly messageId: string;
  readonly subject: string;
  readonly domain: string;
  readonly scope: SearchScope;
  readonly outcome: 'delivered' | 'failed' | 'retrying' | 'accepted';
  /** The latest event of the message, e.g. "failed" with its SMTP answer. */
  readonly lastEvent: string;
  readonly lastIso: string;
  readonly smtp: string;
  readonly reason: string | null;
}

/** Where the sending history of one scope came from. */
export interface ScopeSearch {
  readonly scope: SearchScope;
  readonly domains: number;
  /** `logs` normally; `events` when the Logs API was refused; `none` when neither could be read. */
  readonly source: 'logs' | 'events' | 'none';
}

export interface RecipientLookup extends ToolReport {
  /** Names the result for an export of exactly what was shown. */
  readonly reportId: string;
  readonly address: string;
  readonly environmentId: string;
  readonly readOnly: boolean;
  /** The period the sending history covers, in days back from now. */
  readonly periodDays: number;
  readonly searched: readonly ScopeSearch[];
  /** Newest first. */
  readonly messages: readonly RecipientMessage[];
  /** Similar recipients that did get mail in the same period, from the same logs. */
  readonly similar: readonly SimilarAddress[];
  /** True when the environment's domains could not all be checked (too many, or the list failed). */
  readonly domainsTruncated: boolean;
  readonly domains: readonly RecipientDomainCheck[];
  readonly blocks: readonly RecipientBlock[];
  readonly events: readonly TimelineEvent[];
  readonly verdict: 'blocked' | 'clear' | 'unknown';
  readonly message: string;
}

export interface ReleaseResult {
  readonly released: boolean;
  readonly message: string;
  readonly call: UnderlyingCall;
}

/** One event of a message, from the Events API or the Logs API. */
export interface TimelineEvent {
  readonly id: string;
  readonly event: string;
  /** Epoch seconds (fractional). */
  readonly timestamp: number;
  readonly iso: string;
  readonly recipient: string;
  readonly domain: string;
  readonly messageId: string;
  readonly subject: string;
  readonly severity: string | null;
  readonly reason: string | null;
  readonly logLevel: string | null;
  /** The remote server's answer, e.g. "550 Mailbox does not exist". */
  readonly smtp: {
    readonly code: number | null;
    readonly message: string;
    readonly attempt: number | null;
    readonly mxHost: string;
  } | null;
  readonly tags: readonly string[];
}

export interface MessageTrace extends ToolReport {
  /** Names the result for an export of exactly what was shown. */
  readonly reportId: string;
  readonly source: 'events' | 'logs';
  readonly query: {
    readonly messageId?: string;
    readonly recipient?: string;
    readonly subject?: string;
    readonly domain: string;
    readonly beginIso: string;
    readonly endIso: string;
  };
  readonly events: readonly TimelineEvent[];
  readonly messageIds: readonly string[];
  /** Delivered, failed (permanent), retrying (temporary failure last), accepted only, or nothing found. */
  readonly status: 'delivered' | 'failed' | 'retrying' | 'accepted' | 'not-found' | 'mixed';
  readonly message: string;
  /** True when more events matched than one page holds. */
  readonly truncated: boolean;
  /** Mailgun's classification of the failed attempts; null when no attempt failed at a receiving server (nothing asked). */
  readonly classification: BounceClassification | null;
}

/**
 * Mailgun's bounce classification (POST /v2/bounce-classification/metrics)
 * of failures from the sending domain to the recipients' domains in the
 * trace's period. Counted over all such mail, not one message alone.
 */
export interface BounceClassification {
  /** classified: rows came back; no-data: Mailgun answered with none; unavailable: refused (plan, key) or failed. */
  readonly state: 'classified' | 'no-data' | 'unavailable';
  /** What it means, in words, including what to do when unavailable. */
  readonly message: string;
  readonly rows: readonly BounceClassRow[];
}

export interface BounceClassRow {
  readonly recipientDomain: string;
  /** The receiving provider or filter, e.g. "Gmail". */
  readonly entity: string;
  /** e.g. BOUNCE, GENERIC, GREYLISTED, ESPBLOCK. */
  readonly category: string | null;
  /** PERMANENT or TEMPORARY. */
  readonly severity: string | null;
  /** CRITICAL or NON-CRITICAL. */
  readonly criticality: string | null;
  /** Classified failures in the group over the period. */
  readonly failures: number;
}

export type DnsVerdict = 'valid' | 'invalid' | 'missing' | 'unknown';

export interface DnsRecordCheck {
  readonly purpose: 'sending' | 'receiving';
  readonly recordType: string;
  readonly name: string;
  readonly expected: string;
  readonly found: readonly string[];
  readonly verdict: DnsVerdict;
  readonly advice: string;
}

export interface DnsReport {
  readonly records: readonly DnsRecordCheck[];
  readonly counts: Readonly<Record<DnsVerdict, number>>;
  readonly sendingReady: boolean;
  readonly receivingReady: boolean;
  readonly summary: string;
}

export interface QueueState {
  readonly disabled: boolean;
  readonly until: string;
  readonly reason: string;
}

export interface DeliveryStats {
  readonly period: string;
  readonly accepted: number;
  readonly delivered: number;
  readonly failedPermanent: number;
  readonly failedTemporary: number;
  /** Permanent failures over accepted, 0..1; null when nothing was accepted. */
  readonly permanentFailureRate: number | null;
  readonly temporaryFailureRate: number | null;
}

export interface SuppressionCount {
  readonly list: SuppressionList | 'allowlist';
  readonly count: number;
  /** True when the count stopped at one page, so there are at least this many. */
  readonly atLeast: boolean;
}

export interface DomainHealthReport extends ToolReport {
  readonly reportId: string;
  readonly environmentId: string;
  readonly environmentName: string;
  readonly domain: string;
  readonly generatedAt: string;
  readonly overview: {
    readonly state: string;
    readonly type: string;
    readonly createdAt: string;
    readonly spamAction: string;
    readonly requireTls: boolean | null;
    readonly webScheme: string;
  } | null;
  readonly dns: DnsReport | null;
  readonly tracking: {
    readonly open: boolean;
    readonly click: string;
    readonly unsubscribe: boolean;
    readonly webScheme: string;
  } | null;
  readonly webhooks: readonly { readonly event: string; readonly urls: readonly string[] }[] | null;
  readonly queue: { readonly regular: QueueState; readonly scheduled: QueueState } | null;
  readonly stats: DeliveryStats | null;
  readonly suppressions: readonly SuppressionCount[] | null;
  /** Plain findings worth a support engineer's attention, most important first. */
  readonly findings: readonly { readonly level: 'error' | 'warning' | 'info'; readonly text: string }[];
}

export interface ExportResult {
  readonly saved: boolean;
  readonly path: string | null;
  readonly fileName: string;
  readonly format: 'markdown' | 'json';
}

/** Where a region finder looked; `sandbox-us`/`sandbox-eu` are the built-in sandbox's two regions. */
export interface RegionProbe {
  readonly region: OfficialRegion;
  readonly label: string;
  readonly baseUrl: string;
  readonly current: boolean;
  readonly status: number | null;
  readonly found: boolean;
  readonly domainState: string | null;
}

export interface RegionFinding extends ToolReport {
  readonly environmentId: string;
  readonly domain: string;
  readonly probes: readonly RegionProbe[];
  /** Where the domain answered; null when nowhere (or only the current place could be asked). */
  readonly foundIn: OfficialRegion | null;
  readonly mismatch: boolean;
  /** What applyRegion would change, when there is a fix. */
  readonly fix: { readonly region: OfficialRegion; readonly label: string; readonly baseUrl: string } | null;
  readonly message: string;
  readonly hint: string;
}

/** Where a mailing list or route answered, asked for after a 404 that could mean the other region. */
export interface ResourceRegionFinding extends ToolReport {
  readonly environmentId: string;
  readonly resource: RegionBoundResource;
  readonly probes: readonly RegionProbe[];
  readonly foundIn: OfficialRegion | null;
  readonly mismatch: boolean;
  readonly fix: { readonly region: OfficialRegion; readonly label: string; readonly baseUrl: string } | null;
  readonly message: string;
  readonly hint: string;
}

export interface WebhookSummary {
  readonly event: string | null;
  readonly recipient: string | null;
  readonly messageId: string | null;
  readonly severity: string | null;
  readonly reason: string | null;
  readonly eventTimestamp: string | null;
  readonly domain: string | null;
  readonly smtp: string | null;
}

export type SignatureVerdict = 'valid' | 'invalid' | 'api-key-used' | 'no-signing-key' | 'malformed';

export interface WebhookCheck {
  readonly form: 'json' | 'legacy-flat';
  readonly verdict: SignatureVerdict;
  /** True only when the signature matches the stored signing key. */
  readonly signatureValid: boolean;
  readonly message: string;
  readonly hint: string;
  readonly timestamp: {
    readonly value: string;
    readonly iso: string | null;
    /** Seconds between the timestamp and now; negative when it lies in the future. */
    readonly ageSeconds: number | null;
    readonly fresh: boolean;
    readonly maxAgeSeconds: number;
  };
  readonly token: string;
  readonly summary: WebhookSummary;
  /** The `event-data` part, re-indented for reading; empty for the legacy form. */
  readonly eventDataJson: string;
  readonly notes: readonly string[];
}
