import { isLoopbackHostname } from '../../shared/environments/validate';
import { AppFailure } from '../../shared/errors';
import { RESERVED_HEADERS } from '../../shared/request/build-request';
import type { HttpHeaderList, ResponseTimings, SentRequestSummary } from '../../shared/requests/types';
import { type AbortReason, mapRequestError } from './error-mapping';

/** What buildRequest produces: everything except credentials. */
export interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>> | HttpHeaderList;
  readonly body?: FormData | URLSearchParams | string | Blob | undefined;
}

export interface ExecuteOptions {
  /** The environment's base URL; the key is only ever sent to this origin. */
  readonly baseUrl: string;
  /** Asked only after the destination has been checked, so the key is never read for a request that cannot go out. */
  readonly getApiKey: () => Promise<string | null>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Cancels the request; aborting it yields a `cancelled` failure. */
  readonly signal?: AbortSignal;
}

export interface RawResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HttpHeaderList;
  readonly contentType: string;
  /** The whole body, concatenated once from the streamed chunks. */
  readonly bytes: Uint8Array;
  readonly timings: ResponseTimings;
  /** The URL that produced this response, after any same-origin redirects. */
  readonly finalUrl: string;
  readonly request: SentRequestSummary;
}

/** A response whose status and headers are in and whose body is still to be read. */
export interface OpenedResponse {
  readonly head: Omit<RawResponse, 'bytes' | 'timings'>;
  /** The Content-Length the server declared, when it declared one. */
  readonly declaredBytes: number | undefined;
  /**
   * The body's chunks as the network delivers them, within the size cap. A
   * failure (cap, timeout, cancel, a cut connection) is thrown as the same
   * AppFailure a whole-body read gives. The timeout and cancel stay armed
   * until the body has been read to its end (or has failed).
   */
  chunks(): AsyncGenerator<Uint8Array, void, undefined>;
  /** The timings, with `totalMs` up to now (the last byte, once the body has been read). */
  timings(): ResponseTimings;
}

export interface HttpExecutorDeps {
  readonly fetch?: typeof globalThis.fetch;
  /** Wall clock, epoch milliseconds. */
  readonly clock?: () => number;
  /** Monotonic clock for durations. */
  readonly monotonic?: () => number;
}

export type HttpExecutor = ReturnType<typeof createHttpExecutor>;

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function basicAuthHeader(apiKey: string): string {
  return `Basic ${Buffer.from(`api:${apiKey}`, 'utf8').toString('base64')}`;
}

/** The URL as it may be shown or stored: no user info, ever. */
export function displayUrl(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} kB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number): AppFailure {
  return new AppFailure(
    'too-large',
    `The response is larger than the ${formatBytes(maxBytes)} limit, so it was not downloaded.`,
    'Ask for less (a smaller limit, page size or date range), or raise the response size limit in Settings.',
  );
}

function parseUrl(value: string, what: string): URL {
  if (!URL.canParse(value)) {
    throw new AppFailure(
      'invalid-request',
      `The ${what} "${value.slice(0, 200)}" is not a valid URL.`,
      'Check the environment base URL and the path parameters.',
    );
  }
  return new URL(value);
}

/**
 * Refuses to attach the key unless the request goes to the environment's own
 * origin over http(s) and carries no credentials of its own.
 */
function checkDestination(target: URL, base: URL): void {
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new AppFailure(
      'forbidden-host',
      `Only http and https requests can be sent, not ${target.protocol}.`,
      'Check the environment base URL.',
    );
  }
  // The key travels in the clear over http, so only where it never leaves this computer.
  if (target.protocol === 'http:' && !isLoopbackHostname(target.hostname)) {
    throw new AppFailure(
      'forbidden-host',
      `The API key would go unencrypted to ${target.host}.`,
      'Use an https:// base URL; plain http is only for servers on this computer (localhost, 127.x.x.x, ::1).',
    );
  }
  if (target.username || target.password) {
    throw new AppFailure(
      'forbidden-host',
      'The request URL contains a user name or password.',
      'Remove the credentials from the URL; the app adds the API key itself.',
    );
  }
  if (target.origin !== base.origin) {
    throw new AppFailure(
      'forbidden-host',
      `The request would go to ${target.host}, but this environment's API key may only be sent to ${base.host}.`,
      'Pick the environment that belongs to that host, or fix the path parameters.',
    );
  }
}

function toHeaders(source: PreparedRequest['headers']): Headers {
  const headers = new Headers();
  const entries: Iterable<readonly [string, string]> = Array.isArray(source) ? source : Object.entries(source as Record<string, string>);
  for (const [name, value] of entries) headers.append(name, value);
  // Credentials come from the keychain only, and fetch sets the framing itself; the body encoder's Content-Type stays.
  for (const name of RESERVED_HEADERS) if (name !== 'content-type') headers.delete(name);
  return headers;
}

async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body of a redirect we follow is never shown, so failing to drain it does not matter.
  }
}

/** Joins a body's chunks exactly once. */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const only = chunks.length === 1 ? chunks[0] : undefined;
  // A chunk may be a window on a larger shared buffer, and IPC would send that whole buffer; reuse it only when it is exactly the body.
  if (only && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function createHttpExecutor(deps: HttpExecutorDeps = {}) {
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const clock = deps.clock ?? Date.now;
  const monotonic = deps.monotonic ?? (() => performance.now());

  async function open(prepared: PreparedRequest, options: ExecuteOptions): Promise<OpenedResponse> {
    const base = parseUrl(options.baseUrl, 'environment base URL');
    const requestedUrl = parseUrl(prepared.url, 'request URL');
    checkDestination(requestedUrl, base);
    let url = requestedUrl;

    const controller = new AbortController();
    let abortReason: AbortReason | undefined;
    const abort = (reason: AbortReason) => {
      abortReason ??= reason;
      controller.abort();
    };
    const onCancel = () => abort('cancelled');
    if (options.signal?.aborted) abort('cancelled');
    options.signal?.addEventListener('abort', onCancel, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
    };
    const mapped = (error: unknown, duringBody: boolean) =>
      mapRequestError(error, {
        host: url.host,
        timeoutMs: options.timeoutMs,
        duringBody,
        ...(abortReason && abortReason !== 'too-large' ? { abortReason } : {}),
      });

    try {
      const apiKey = await options.getApiKey();
      if (!apiKey) {
        throw new AppFailure('key-missing', 'This environment has no API key saved.', 'Add the API key in the environment settings.');
      }
      if (abortReason) throw new Error('aborted before sending');
      // Started only now: an OS keychain prompt waiting for the user is not the network being slow.
      timer = setTimeout(() => abort('timeout'), options.timeoutMs);
      const headers = toHeaders(prepared.headers);
      const headerNames = [...headers.keys()];
      headers.set('authorization', basicAuthHeader(apiKey));

      const requestedMethod = prepared.method.toUpperCase();
      let method = requestedMethod;
      let body = prepared.body;
      const startedAt = clock();
      const t0 = monotonic();
      let response: Response;
      let hops = 0;
      for (;;) {
        response = await fetchImpl(url.href, { method, headers, body: body ?? null, redirect: 'manual', signal: controller.signal });
        const location = response.headers.get('location');
        if (!REDIRECT_STATUSES.has(response.status) || location === null || hops >= MAX_REDIRECTS) break;
        if (!URL.canParse(location, url.href)) break;
        const next = new URL(location, url.href);
        // Only same-origin hops are followed; anything else goes back to the user as the 3xx it is.
        if (next.origin !== base.origin || next.username || next.password) break;
        await discardBody(response);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers.delete('content-type');
        }
        url = next;
        hops += 1;
      }
      const ttfbMs = monotonic() - t0;
      let totalMs: number | undefined;

      const declaredHeader = response.headers.get('content-length');
      const declared = declaredHeader === null ? Number.NaN : Number(declaredHeader);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        abort('too-large');
        await discardBody(response);
        throw tooLarge(options.maxBytes);
      }
      const reply = response;
      async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
        try {
          if (!reply.body) return;
          const reader = reply.body.getReader();
          let total = 0;
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            total += value.byteLength;
            if (total > options.maxBytes) {
              abort('too-large');
              await reader.cancel().catch(() => undefined);
              throw tooLarge(options.maxBytes);
            }
            yield value;
          }
          totalMs = monotonic() - t0;
        } catch (error) {
          throw mapped(error, true);
        } finally {
          settle();
        }
      }
      return {
        head: {
          status: reply.status,
          statusText: reply.statusText,
          headers: [...reply.headers],
          contentType: reply.headers.get('content-type') ?? '',
          finalUrl: displayUrl(url),
          request: { method: requestedMethod, url: displayUrl(requestedUrl), headerNames, authSent: true },
        },
        declaredBytes: Number.isFinite(declared) ? declared : undefined,
        chunks,
        timings: () => ({ startedAt, ttfbMs, totalMs: totalMs ?? monotonic() - t0 }),
      };
    } catch (error) {
      settle();
      throw mapped(error, false);
    }
  }

  /** Sends the request and reads the whole body, giving up as soon as the cap is passed. */
  async function execute(prepared: PreparedRequest, options: ExecuteOptions): Promise<RawResponse> {
    const opened = await open(prepared, options);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of opened.chunks()) {
      chunks.push(chunk);
      total += chunk.byteLength;
    }
    return { ...opened.head, bytes: joinChunks(chunks, total), timings: opened.timings() };
  }

  return { open, execute };
}
