import { AsyncLocalStorage } from 'node:async_hooks';
import { BODY_STREAM_THRESHOLD_BYTES } from '../../shared/bridge/body-stream';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from '../../shared/bridge/requests';
import { type AppError, AppFailure, type ErrorCode } from '../../shared/errors';
import type { HttpHeaderList, ResponseRecord } from '../../shared/requests/types';
import type { BodyStreams } from './body-streams';
import { forwardBody } from './forward-body';
import type { HistoryStore } from './history';
import {
  type ExecuteOptions,
  type HttpExecutor,
  joinChunks,
  type OpenedResponse,
  type PreparedRequest,
  type RawResponse,
} from './http-executor';
import { fileResponse, recordResponse, type SentContext } from './record-response';
import type { Redactor } from './redaction';
import { isTextType, noticeFor } from './response-body';

/**
 * The one way a request leaves main. Every caller (workbench, custom and
 * saved requests, support tools, the region probe, "Test connection") hands
 * its prepared request here, and the same rules apply to all of them:
 * read-only and DELETE confirmation first, then the executor's origin check
 * before the key is read, the user's timeout and size cap, cancelling by id,
 * and redaction of every known key from what is returned and stored.
 */

export interface SendLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/** The environment facts the rules need. */
export interface PipelineEnvironment {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly readOnly: boolean;
}

export interface PipelineJob {
  readonly requestId: string;
  readonly environment: PipelineEnvironment;
  /** As shown in messages: the catalog path or the custom path the user typed. */
  readonly method: string;
  readonly path: string;
  readonly mutates: boolean;
  readonly confirmedDestructive?: boolean | undefined;
  /** Built only once the rules passed; may resolve files. */
  prepare(): Promise<PreparedRequest> | PreparedRequest;
  readonly context: SentContext;
  /** Per-request overrides of the user's limits. */
  readonly limits?: Partial<SendLimits> | undefined;
  /**
   * The answer goes to the page, which can read a large text body as a
   * stream: it is answered once the headers (or the first bytes) show the
   * body is large, and the body follows while the network delivers it.
   * Main's own callers read `body.text`.
   */
  readonly streamLargeBody?: boolean;
}

export interface ProbeJob {
  readonly requestId?: string | undefined;
  readonly environmentId: string;
  /** The origin the key may go to for this probe (the environment's, or the other official region's). */
  readonly baseUrl: string;
  readonly prepared: PreparedRequest;
  readonly limits?: Partial<SendLimits> | undefined;
}

export interface RequestPipelineDeps {
  readonly executor: HttpExecutor;
  readonly getKey: (environmentId: string) => Promise<string | null>;
  readonly history: Pick<HistoryStore, 'add'>;
  readonly redactor: Redactor;
  /** The user's limits; read on every request so a change applies at once. */
  readonly limits?: () => SendLimits;
  /** How many recent full bodies to keep in memory so they can be saved without truncation. */
  readonly recentBodies?: { readonly maxEntries: number; readonly maxTotalBytes: number };
  readonly logError?: (message: string, error: unknown) => void;
  /** Where large bodies wait for the page to open them; without it every body stays in the answer. */
  readonly bodyStreams?: Pick<BodyStreams, 'open'>;
}

export type RequestPipeline = ReturnType<typeof createRequestPipeline>;

/** Failures that happen once the request is on its way; those are worth a history entry. */
const NETWORK_FAILURES = new Set<ErrorCode>([
  'network',
  'dns',
  'connection-refused',
  'connection-reset',
  'tls',
  'timeout',
  'cancelled',
  'too-large',
]);

export const defaultLimits: SendLimits = { timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes: DEFAULT_MAX_RESPONSE_BYTES };

const unexpectedStreamFailure: AppError = {
  code: 'network',
  message: 'The response body stopped arriving because of an error in the app.',
  hint: 'Send the request again; if it keeps happening, the app log has the details.',
};

export function cancelledFailure(): AppFailure {
  return new AppFailure('cancelled', 'The request was cancelled.', 'Send it again when you are ready.');
}

/** GET and HEAD change nothing; every other method may. */
export function methodMutates(method: string): boolean {
  const upper = method.toUpperCase();
  return upper !== 'GET' && upper !== 'HEAD';
}

export function checkRules(job: Pick<PipelineJob, 'environment' | 'method' | 'path' | 'mutates' | 'confirmedDestructive'>): void {
  if (job.environment.readOnly && job.mutates) {
    throw new AppFailure(
      'read-only',
      `"${job.environment.name}" is read-only, and ${job.method} ${job.path} would change data.`,
      'Use another environment, or turn off read-only in this environment’s settings.',
    );
  }
  if (job.method.toUpperCase() === 'DELETE' && job.confirmedDestructive !== true) {
    throw new AppFailure(
      'invalid-request',
      `${job.method} ${job.path} deletes data and needs confirming first.`,
      'Confirm the deletion, then send again.',
      'confirmedDestructive',
    );
  }
}

function headerList(headers: PreparedRequest['headers']): HttpHeaderList {
  return Array.isArray(headers) ? headers : Object.entries(headers as Record<string, string>);
}

export function createRequestPipeline(deps: RequestPipelineDeps) {
  const limits = deps.limits ?? (() => defaultLimits);
  const recentLimits = deps.recentBodies ?? { maxEntries: 4, maxTotalBytes: 128 * 1024 * 1024 };
  const { redactor } = deps;
  const inFlight = new Map<string, AbortController>();
  const recent = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const streaming = new Set<Promise<void>>();
  // An operation (a support report, a connection test) makes several requests; each joins the operation's signal.
  const operationScope = new AsyncLocalStorage<AbortSignal>();

  function remember(requestId: string, bytes: Uint8Array, contentType: string): void {
    if (bytes.byteLength > recentLimits.maxTotalBytes) return;
    recent.set(requestId, { bytes, contentType });
    let total = 0;
    for (const item of recent.values()) total += item.bytes.byteLength;
    for (const [id, item] of recent) {
      if (recent.size <= recentLimits.maxEntries && total <= recentLimits.maxTotalBytes) break;
      recent.delete(id);
      total -= item.bytes.byteLength;
    }
  }

  /** Registers a cancellable unit of work under `id`; the returned signal also fires when the surrounding operation is cancelled. */
  function begin(id: string | undefined): { signal: AbortSignal; end: () => void } {
    if (id !== undefined && inFlight.has(id)) {
      throw new AppFailure('conflict', 'A request with this id is already being sent.', 'Wait for it to finish or cancel it.');
    }
    const controller = new AbortController();
    const outer = operationScope.getStore();
    const onOuter = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onOuter, { once: true });
    if (id !== undefined) inFlight.set(id, controller);
    return {
      signal: controller.signal,
      end: () => {
        outer?.removeEventListener('abort', onOuter);
        if (id !== undefined && inFlight.get(id) === controller) inFlight.delete(id);
      },
    };
  }

  function resolvedLimits(overrides: Partial<SendLimits> | undefined): SendLimits {
    return {
      ...limits(),
      ...(overrides?.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}),
      ...(overrides?.maxBytes ? { maxBytes: overrides.maxBytes } : {}),
    };
  }

  function keyReader(environmentId: string): () => Promise<string | null> {
    return async () => {
      const key = await deps.getKey(environmentId);
      redactor.learn(key);
      return key;
    };
  }

  function scrubbed(raw: RawResponse): RawResponse {
    return { ...raw, headers: redactor.deep(raw.headers), bytes: redactor.bytes(raw.bytes), finalUrl: redactor.text(raw.finalUrl) };
  }

  async function recordFailure(context: SentContext, prepared: PreparedRequest, failure: unknown): Promise<void> {
    if (!(failure instanceof AppFailure) || !NETWORK_FAILURES.has(failure.code)) return;
    await deps.history
      .add(
        {
          ...context,
          request: {
            method: prepared.method,
            url: redactor.text(prepared.url),
            headers: redactor.deep(headerList(prepared.headers)),
          },
          error: failure.toValue(),
        },
        redactor.secrets(),
      )
      .catch((historyError: unknown) => deps.logError?.('Could not record a failed request in history.', historyError));
  }

  /**
   * Reads the start of a body for the page: a text body past the stream
   * threshold (declared, or read so far) is answered as a stream at once;
   * anything else is read whole, as for main's own callers.
   */
  async function openForPage(
    opened: OpenedResponse,
  ): Promise<{ raw: RawResponse } | { early: Uint8Array[]; read: number; rest: AsyncGenerator<Uint8Array, void, undefined> }> {
    const text = isTextType(opened.head.contentType);
    const rest = opened.chunks();
    const early: Uint8Array[] = [];
    let read = 0;
    const large = () => text && ((opened.declaredBytes ?? 0) > BODY_STREAM_THRESHOLD_BYTES || read > BODY_STREAM_THRESHOLD_BYTES);
    while (!large()) {
      const next = await rest.next();
      if (next.done) return { raw: scrubbed({ ...opened.head, bytes: joinChunks(early, read), timings: opened.timings() }) };
      early.push(next.value);
      read += next.value.byteLength;
    }
    return { early, read, rest };
  }

  async function* sequence(early: Uint8Array[], rest: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    // Handed on and let go, so the start of the body is not held twice.
    for (let chunk = early.shift(); chunk; chunk = early.shift()) yield chunk;
    yield* rest;
  }

  async function send(job: PipelineJob): Promise<ResponseRecord> {
    checkRules(job);
    const { signal, end } = begin(job.requestId);
    const context = redactor.deep(job.context);
    let prepared: PreparedRequest | undefined;
    // Set once a streamed body's reading has been handed to the background; it ends the request itself.
    let handedOver = false;
    try {
      if (signal.aborted) throw cancelledFailure();
      prepared = await job.prepare();
      if (signal.aborted) throw cancelledFailure();
      const options: ExecuteOptions = {
        baseUrl: job.environment.baseUrl,
        getApiKey: keyReader(job.environment.id),
        ...resolvedLimits(job.limits),
        signal,
      };
      const requestHeaders = redactor.deep(headerList(prepared.headers));
      const streams = job.streamLargeBody ? deps.bodyStreams : undefined;
      let raw: RawResponse;
      if (streams) {
        const opened = await deps.executor.open(prepared, options);
        const start = await openForPage(opened);
        if (!('raw' in start)) {
          handedOver = true;
          return streamBody(job, context, prepared, requestHeaders, opened, start, streams, end);
        }
        raw = start.raw;
      } else {
        raw = scrubbed(await deps.executor.execute(prepared, options));
      }
      const record = await recordResponse(deps.history, context, requestHeaders, raw, redactor.secrets(), deps.logError);
      remember(job.requestId, raw.bytes, raw.contentType);
      return record;
    } catch (error) {
      const failure = redactor.error(error);
      if (prepared) await recordFailure(context, prepared, failure);
      throw failure;
    } finally {
      if (!handedOver) end();
    }
  }

  /**
   * Answers with a stream id, then passes the body on as it arrives. The
   * request stays cancellable, and its timeout and size cap armed, until the
   * last byte; a failure on the way ends the stream with its error and goes
   * to history as any failed request does, a success files the (redacted)
   * response as a whole-body one would be.
   */
  function streamBody(
    job: PipelineJob,
    context: SentContext,
    prepared: PreparedRequest,
    requestHeaders: HttpHeaderList,
    opened: OpenedResponse,
    start: { early: Uint8Array[]; read: number; rest: AsyncGenerator<Uint8Array, void, undefined> },
    streams: Pick<BodyStreams, 'open'>,
    end: () => void,
  ): ResponseRecord {
    const head = { ...opened.head, headers: redactor.deep(opened.head.headers), finalUrl: redactor.text(opened.head.finalUrl) };
    const writer = streams.open();
    const secrets = redactor.secrets();
    const task = (async () => {
      try {
        const bytes = await forwardBody(sequence(start.early, start.rest), head.contentType, secrets, writer);
        const raw: RawResponse = { ...head, bytes, timings: opened.timings() };
        remember(job.requestId, bytes, head.contentType);
        await fileResponse(deps.history, context, requestHeaders, raw, 'text', redactor.secrets(), deps.logError);
      } catch (error) {
        const failure = redactor.error(error);
        writer.fail(failure instanceof AppFailure ? failure.toValue() : unexpectedStreamFailure);
        if (!(failure instanceof AppFailure)) deps.logError?.('A streamed response body failed.', failure);
        await recordFailure(context, prepared, failure);
      } finally {
        end();
      }
    })();
    streaming.add(task);
    task.finally(() => streaming.delete(task));
    // Too big to check here: only the status and type are looked at; the page finds out whether it parses.
    const notice = noticeFor(head.status, head.request.method, head.contentType, { kind: 'text', text: '' }, true);
    return {
      requestId: context.requestId,
      status: head.status,
      statusText: head.statusText,
      headers: head.headers,
      timings: opened.timings(),
      sizeBytes: opened.declaredBytes ?? start.read,
      contentType: head.contentType,
      body: { kind: 'stream', streamId: writer.id },
      historyId: null,
      request: head.request,
      ...(notice ? { notice } : {}),
    };
  }

  /** One request outside history (the connection test); same origin check, limits, cancelling and redaction. */
  async function probe(job: ProbeJob): Promise<RawResponse> {
    const { signal, end } = begin(job.requestId);
    try {
      return scrubbed(
        await deps.executor.execute(job.prepared, {
          baseUrl: job.baseUrl,
          getApiKey: keyReader(job.environmentId),
          ...resolvedLimits(job.limits),
          signal,
        }),
      );
    } catch (error) {
      throw redactor.error(error);
    } finally {
      end();
    }
  }

  /** Runs `work` as one cancellable operation: `cancel(id)` aborts every request it makes. */
  async function operation<T>(id: string | undefined, work: () => Promise<T>): Promise<T> {
    if (id === undefined) return work();
    const { signal, end } = begin(id);
    try {
      return await operationScope.run(signal, work);
    } finally {
      end();
    }
  }

  function cancel(id: string): boolean {
    const controller = inFlight.get(id);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** The full body of a recent live response, for saving without the history size limit. */
  function getResponseBody(requestId: string): { bytes: Uint8Array; contentType: string } | undefined {
    return recent.get(requestId);
  }

  /** Resolves once every body still streaming has ended and been filed in history. */
  async function settled(): Promise<void> {
    await Promise.all([...streaming]);
  }

  return { send, probe, operation, cancel, getResponseBody, settled };
}
