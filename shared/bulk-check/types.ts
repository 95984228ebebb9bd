import type { SuppressionList } from '../support/types';

/** What a pasted or imported CSV held, once read. */
export interface AddressList {
  /** Unique addresses, lower-cased, in the order first seen. */
  readonly addresses: readonly string[];
  readonly rows: number;
  /** Rows whose value is not an address (at most the first 100 are listed). */
  readonly invalid: readonly { readonly row: number; readonly value: string }[];
  readonly invalidCount: number;
  readonly duplicates: number;
  readonly headerSkipped: boolean;
  /** The 1-based column the addresses were taken from. */
  readonly column: number;
  readonly fileName: string | null;
  /** Addresses beyond the limit were left out. */
  readonly truncated: boolean;
}

export interface SuppressionHit {
  readonly domain: string;
  readonly list: SuppressionList;
  /** Bounce code and error, or the unsubscribed tags. */
  readonly detail: string;
  readonly createdAt: string;
}

export interface BulkRow {
  readonly address: string;
  /** `unknown`: a list it might be on could not be read (see the failures). */
  readonly state: 'suppressed' | 'clear' | 'unknown';
  readonly hits: readonly SuppressionHit[];
  /** Releases done from this check. */
  readonly released: readonly { readonly domain: string; readonly list: SuppressionList }[];
}

export interface BulkFailure {
  readonly domain: string;
  readonly list: SuppressionList | 'domains';
  readonly status: number | null;
  readonly message: string;
}

export interface BulkCheckStatus {
  readonly checkId: string;
  readonly environmentId: string;
  readonly state: 'running' | 'done' | 'cancelled';
  readonly total: number;
  readonly domains: readonly string[];
  /** Lists (domain × bounces, complaints, unsubscribes) read so far, of all. */
  readonly listsDone: number;
  readonly listsTotal: number;
  readonly calls: number;
  readonly counts: { readonly suppressed: number; readonly clear: number; readonly unknown: number };
  readonly failures: readonly BulkFailure[];
  /** How the lists were read, in words (pages of a list, or one look-up per address). */
  readonly method: string;
  readonly startedAt: string;
  readonly elapsedMs: number;
  readonly readOnly: boolean;
}

export interface BulkReleaseItem {
  readonly address: string;
  readonly domain: string;
  readonly list: SuppressionList;
}

export interface BulkReleaseResult {
  readonly released: number;
  readonly notListed: number;
  readonly failed: readonly (BulkReleaseItem & { readonly message: string })[];
  readonly message: string;
}
