import type { TimelineEvent } from '../support/types';
import type { NumberedEvent } from './buffer';

export type { NumberedEvent } from './buffer';

/** What a tail watches. An empty filter field matches everything. */
export interface TailFilter {
  /** One domain, or null for every domain of the environment. */
  readonly domain: string | null;
  readonly recipient: string;
  readonly event: string;
  readonly tag: string;
}

export type TailState =
  /** Asking Mailgun every few seconds. */
  | 'running'
  /** Stopped by the user; resumes where it left off. */
  | 'paused'
  /** The window is hidden (or nobody is reading); resumes where it left off when it shows again. */
  | 'hidden'
  /** A poll failed (a 429 or another error); the next one waits `retryInMs`. */
  | 'backing-off'
  | 'stopped';

export interface TailStatus {
  readonly tailId: string;
  readonly state: TailState;
  readonly source: 'logs' | 'events';
  readonly filter: TailFilter;
  readonly domains: readonly string[];
  readonly settleSeconds: number;
  readonly pollMs: number;
  /** Events that arrived in the last minute. */
  readonly perMinute: number;
  /** Events received since the tail started (or was cleared). */
  readonly received: number;
  readonly polls: number;
  /** ISO time from which the next poll counts events as new. */
  readonly fromIso: string;
  readonly lastPollIso: string | null;
  /** Why the last poll failed, in words; null after a good poll. */
  readonly problem: { readonly message: string; readonly hint: string; readonly status: number | null } | null;
  readonly retryInMs: number | null;
  /** Why the tail uses the events API instead of logs, when it does. */
  readonly note: string | null;
}

export interface TailRead {
  readonly events: readonly NumberedEvent[];
  /** Pass as `after` next time. */
  readonly lastSeq: number;
  /** Events that fell out of main's buffer before this reader got them. */
  readonly missed: number;
  readonly status: TailStatus;
}

/** The filter applied to every event main receives, whatever the API could filter on its side. */
export function matchesTailFilter(event: TimelineEvent, filter: TailFilter): boolean {
  if (filter.domain !== null && event.domain !== '' && event.domain.toLowerCase() !== filter.domain.toLowerCase()) return false;
  if (filter.recipient !== '' && event.recipient.toLowerCase() !== filter.recipient.trim().toLowerCase()) return false;
  if (filter.event !== '' && event.event !== filter.event) return false;
  if (filter.tag !== '' && !event.tags.includes(filter.tag)) return false;
  return true;
}

/** Event names a tail can filter on, as both APIs spell them. */
export const tailEventNames = [
  'accepted',
  'delivered',
  'failed',
  'rejected',
  'opened',
  'clicked',
  'unsubscribed',
  'complained',
  'stored',
] as const;

/** A CSV written by main after the user chose where; `path` is the one the user picked. */
export interface CsvExport {
  readonly saved: boolean;
  readonly path: string | null;
  readonly fileName: string;
  readonly rows: number;
}
