import { randomUUID } from 'node:crypto';
import type { EndpointDef, JsonValue } from '../../../shared/catalog/types';
import { AppFailure, type ErrorCode } from '../../../shared/errors';
import type { ResponseRecord } from '../../../shared/requests/types';
import { explainStatus, extractErrorMessage } from '../../../shared/status';
import type { ReportGap, UnderlyingCall } from '../../../shared/support/types';
import type { SendRequestArgs } from '../send-request';

/**
 * Runs the catalog calls behind a support tool through the normal request
 * sender, so read-only mode, DELETE confirmation and history all apply, and
 * turns every outcome (answer, HTTP error, refusal, network failure) into an
 * `UnderlyingCall` the UI can list and reopen. It never throws for a failed
 * call: partial answers are the normal case for these reports.
 */

export interface SupportSender {
  send(args: SendRequestArgs): Promise<ResponseRecord>;
}

/**
 * Where a call goes when it is not the environment's own place: another base
 * URL (the other region) and/or another account (`null` is the key's own
 * account, a string a subaccount sent as X-Mailgun-On-Behalf-Of).
 */
export interface CallScope {
  readonly baseUrl?: string;
  readonly subaccountId?: string | null;
}

/** Sends like the environment would, but in another scope (a region probe, a subaccount); see base-url-probe.ts. */
export type BaseUrlSender = (scope: CallScope, args: SendRequestArgs) => Promise<ResponseRecord>;

export interface CallSpec {
  readonly label: string;
  readonly environmentId: string;
  readonly endpointId: string;
  readonly params: Readonly<Record<string, JsonValue>>;
  readonly confirmedDestructive?: boolean;
  /** Send to this base URL instead of the environment's own (needs a probe sender). */
  readonly baseUrl?: string;
  /** Act for this account instead of the environment's own (needs a probe sender); null is the key's own account. */
  readonly subaccountId?: string | null;
}

export interface CallResult {
  readonly call: UnderlyingCall;
  readonly status: number | null;
  /** The parsed JSON body, or undefined when there was none or it was not JSON. */
  readonly json: unknown;
  readonly ok: boolean;
  readonly failure?: AppFailure;
}

export interface CallRunnerDeps {
  readonly sender: SupportSender;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  readonly probe?: BaseUrlSender;
  readonly newId?: () => string;
  /** Per call; without it the user's own timeout applies, as for every other request. */
  readonly timeoutMs?: number;
  /** How a 429 is waited out; injected so tests need not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Epoch milliseconds, for reading X-RateLimit-Reset. */
  readonly clock?: () => number;
}

/** Retries of one call answered 429, and the longest wait honoured before giving up with the 429. */
const RATE_LIMIT_RETRIES = 3;
const MAX_RATE_LIMIT_WAIT_MS = 20_000;

function header(record: ResponseRecord, name: string): string | undefined {
  return record.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/** How long Mailgun asks us to wait: Retry-After (seconds or a date), else X-RateLimit-Reset (epoch seconds); null when it does not say. */
export function rateLimitWaitMs(record: ResponseRecord, now: number): number | null {
  const retryAfter = header(record, 'retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = header(record, 'x-ratelimit-reset')?.trim();
  if (reset !== undefined && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

export type CallRunner = ReturnType<typeof createCallRunner>;

function parseJson(record: ResponseRecord): unknown {
  if (record.body.kind !== 'text') return undefined;
  try {
    return JSON.parse(record.body.text) as unknown;
  } catch {
    return undefined;
  }
}

function httpMessage(record: ResponseRecord): string {
  const text = record.body.kind === 'text' ? record.body.text : undefined;
  return extractErrorMessage(text) ?? explainStatus(record.status).title;
}

export function createCallRunner(deps: CallRunnerDeps) {
  const newId = deps.newId ?? randomUUID;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = deps.clock ?? Date.now;

  async function sendOnce(spec: CallSpec, args: SendRequestArgs): Promise<ResponseRecord> {
    const scoped = spec.baseUrl !== undefined || spec.subaccountId !== undefined;
    if (!scoped) return deps.sender.send(args);
    if (!deps.probe) throw new AppFailure('unsupported', 'Asking another region is not available here.', 'Check the region by hand.');
    return deps.probe(
      {
        ...(spec.baseUrl === undefined ? {} : { baseUrl: spec.baseUrl }),
        ...(spec.subaccountId === undefined ? {} : { subaccountId: spec.subaccountId }),
      },
      args,
    );
  }

  /** A 429 is waited out as Mailgun asks (within reason) and the call made again, each time as a new request. */
  async function send(spec: CallSpec, args: SendRequestArgs): Promise<ResponseRecord> {
    let record = await sendOnce(spec, args);
    for (let retry = 0; retry < RATE_LIMIT_RETRIES && record.status === 429; retry++) {
      const wait = rateLimitWaitMs(record, clock()) ?? 1000 * 2 ** retry;
      if (wait > MAX_RATE_LIMIT_WAIT_MS) break;
      await sleep(wait);
      record = await sendOnce(spec, { ...args, requestId: newId() });
    }
    return record;
  }

  async function run(spec: CallSpec): Promise<CallResult> {
    const endpoint = deps.getEndpoint(spec.endpointId);
    const base = {
      label: spec.label,
      endpointId: spec.endpointId,
      method: endpoint?.method ?? '?',
      path: endpoint?.path ?? spec.endpointId,
      values: { params: spec.params },
      ...(spec.baseUrl === undefined ? {} : { baseUrl: spec.baseUrl }),
      ...(spec.subaccountId === undefined ? {} : { subaccountId: spec.subaccountId }),
    };
    const args: SendRequestArgs = {
      requestId: newId(),
      environmentId: spec.environmentId,
      endpointId: spec.endpointId,
      // Catalog JSON values are read-only views of the same plain data the sender takes.
      values: { params: { ...spec.params } as SendRequestArgs['values']['params'] },
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      ...(spec.confirmedDestructive ? { confirmedDestructive: true } : {}),
    };
    try {
      const record = await send(spec, args);
      const ok = record.status >= 200 && record.status < 300;
      const outcome = ok ? 'ok' : record.status === 404 ? 'not-found' : 'failed';
      return {
        call: {
          ...base,
          historyId: record.historyId,
          status: record.status,
          url: record.request.url,
          startedAt: record.timings.startedAt,
          durationMs: Math.round(record.timings.totalMs),
          outcome,
          ...(ok ? {} : { error: { code: 'http' as const, message: httpMessage(record) } }),
        },
        status: record.status,
        json: parseJson(record),
        ok,
      };
    } catch (error) {
      const failure =
        error instanceof AppFailure
          ? error
          : new AppFailure('internal', 'The request failed unexpectedly.', 'Try again; if it keeps failing, report it.');
      return {
        call: { ...base, historyId: null, status: null, outcome: 'failed', error: { code: failure.code, message: failure.message } },
        status: null,
        json: undefined,
        ok: false,
        failure,
      };
    }
  }

  return { run };
}

const networkCodes = new Set<ErrorCode>(['network', 'dns', 'connection-refused', 'connection-reset', 'tls', 'forbidden-host']);

/** Why a section of a report is missing, in words a support engineer can pass on. */
export function gapFor(section: string, result: CallResult): ReportGap {
  const status = result.status;
  const message = result.call.error?.message ?? '';
  if (status === null) {
    const code = result.failure?.code;
    if (code === 'timeout') return { section, status, kind: 'timeout', reason: 'Mailgun did not answer in time.' };
    if (code !== undefined && networkCodes.has(code)) return { section, status, kind: 'network', reason: message };
    return { section, status, kind: 'other', reason: message || 'The request could not be made.' };
  }
  if (status === 401) return { section, status, kind: 'auth', reason: `The key was refused${message ? ` (${message})` : ''}.` };
  if (status === 402 || status === 403)
    return { section, status, kind: 'plan', reason: `Not allowed for this key or plan${message ? ` (${message})` : ''}.` };
  if (status === 404) return { section, status, kind: 'not-found', reason: message || 'Not found.' };
  if (status === 429)
    return { section, status, kind: 'rate-limit', reason: 'Mailgun is limiting the request rate; try again in a minute.' };
  if (status >= 500) return { section, status, kind: 'server', reason: `Mailgun had a server error${message ? ` (${message})` : ''}.` };
  return { section, status, kind: 'other', reason: message || `HTTP ${status}.` };
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** At most `limit` tasks in flight across everything one report runs, so a wide search stays within Mailgun's rate limits. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function limited<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so the count never overshoots.
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
