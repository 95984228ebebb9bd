import type { StreamedBody } from '../bridge/body-stream';
import type { RecoveryNotice } from '../bridge/environments';
import type { AppError } from '../errors';

/**
 * Types shared by the request bridge, the main-process executor and history.
 * Everything here is plain, structured-clone-able data.
 */

/** A file the user picked. The handle is an opaque random id; the path never leaves main. */
export interface FileHandle {
  readonly handle: string;
  readonly name: string;
  readonly size: number;
  /** A MIME type guessed from the file name; empty when unknown. */
  readonly type: string;
}

export type ResponseBody =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  | { readonly kind: 'empty' };

export interface ResponseTimings {
  /** Epoch milliseconds when the request left. */
  readonly startedAt: number;
  /** Only present when the platform reports it. */
  readonly dnsMs?: number;
  /** Until the status line and headers arrived. */
  readonly ttfbMs: number;
  /** Until the last body byte arrived. */
  readonly totalMs: number;
}

/**
 * Something odd about a response the UI should point out, while still showing
 * the status and body as received.
 */
export interface ResponseNotice {
  readonly kind: 'invalid-json' | 'empty-json' | 'html-error-page';
  readonly message: string;
  readonly hint: string;
}

export type HttpHeaderList = readonly (readonly [name: string, value: string])[];

export interface SentRequestSummary {
  readonly method: string;
  /** Never carries credentials. */
  readonly url: string;
  /** Names of the headers sent, Authorization excluded. */
  readonly headerNames: readonly string[];
  /** Whether Basic auth was attached (it only ever is for the environment's own host). */
  readonly authSent: boolean;
}

export interface ResponseRecord {
  readonly requestId: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: HttpHeaderList;
  readonly timings: ResponseTimings;
  readonly sizeBytes: number;
  /** The Content-Type header as sent, or an empty string. */
  readonly contentType: string;
  /** A large text body is streamed to the page after the answer (see shared/bridge/body-stream.ts). */
  readonly body: ResponseBody | StreamedBody;
  /** Live responses are never truncated; oversize ones fail with `too-large` instead. */
  readonly truncated?: false;
  readonly notice?: ResponseNotice;
  /** Null only when the response could not be written to history; the response itself is still valid. */
  readonly historyId: string | null;
  readonly request: SentRequestSummary;
}

/** How a history entry's body was kept. */
export interface StoredBodyInfo {
  readonly kind: 'text' | 'binary' | 'empty' | 'none';
  /** Bytes kept on disk. */
  readonly storedBytes: number;
  /** The body was longer than the per-entry budget, so only its start was kept. */
  readonly truncated: boolean;
  /** The body was dropped later to keep history within its total budget. */
  readonly evicted: boolean;
}

/** A history entry as listed: everything except the body. */
export interface HistorySummary {
  readonly id: string;
  readonly requestId: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly environment: { readonly id: string; readonly name: string; readonly baseUrl: string };
  readonly endpoint: { readonly id: string; readonly method: string; readonly path: string };
  readonly request: {
    readonly method: string;
    readonly url: string;
    /** Authorization is never stored. */
    readonly headers: HttpHeaderList;
  };
  /** Parameter values as sent (files by name and size only). */
  readonly values: unknown;
  /** Long values were shortened to keep history small; resending needs them filled in again. */
  readonly valuesTruncated: boolean;
  readonly response?: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: HttpHeaderList;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly timings: ResponseTimings;
  };
  /** Set when the request failed before a response arrived. */
  readonly error?: AppError;
  readonly body: StoredBodyInfo;
}

export interface HistoryEntry extends HistorySummary {
  readonly storedBody: ResponseBody | { readonly kind: 'none' };
}

export interface HistoryPage {
  readonly entries: readonly HistorySummary[];
  /** Matching entries in total, for paging. */
  readonly total: number;
  /** Set after the index had to be rebuilt at start, until the app restarts. */
  readonly recovery?: RecoveryNotice;
}
