import type { z } from 'zod';
import type { requestMethods } from '../../shared/bridge/requests';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from '../../shared/bridge/requests';
import type { EndpointDef } from '../../shared/catalog/types';
import { baseUrlFor } from '../../shared/environments/regions';
import type { Environment, KeyKind } from '../../shared/environments/types';
import { AppFailure, type ErrorCode } from '../../shared/errors';
import { type BuiltRequest, buildRequest, type FileRef, isFileRef, RequestBuildError, type RequestValues } from '../../shared/request';
import type { ResponseRecord } from '../../shared/requests/types';
import type { FileRegistry } from './file-handles';
import { type HistoryStore, secretsFor } from './history';
import type { HttpExecutor } from './http-executor';
import { recordResponse } from './record-response';

export type SendRequestArgs = z.output<(typeof requestMethods)['sendRequest']['args']>;

/** The environment facts a send needs, with the base URL already worked out from the region. */
export interface SendEnvironment {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly domain: string;
  readonly subaccountId?: string;
  readonly readOnly: boolean;
  readonly keyKind: KeyKind;
}

export function toSendEnvironment(environment: Environment): SendEnvironment {
  let baseUrl: string;
  try {
    baseUrl = baseUrlFor(environment);
  } catch {
    throw new AppFailure(
      'invalid-request',
      `"${environment.name}" has no base URL.`,
      'Set the base URL in the environment settings.',
      'baseUrl',
    );
  }
  return {
    id: environment.id,
    name: environment.name,
    baseUrl,
    domain: environment.domain,
    readOnly: environment.readOnly,
    keyKind: environment.keyKind,
    ...(environment.subaccountId ? { subaccountId: environment.subaccountId } : {}),
  };
}

export interface SendLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export interface RequestSenderDeps {
  readonly getEnvironment: (id: string) => Promise<SendEnvironment | undefined> | SendEnvironment | undefined;
  readonly getKey: (environmentId: string) => Promise<string | null>;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  readonly executor: HttpExecutor;
  readonly files: Pick<FileRegistry, 'resolve'>;
  readonly history: Pick<HistoryStore, 'add'>;
  /** The user's configured defaults; read on every send so changes apply at once. */
  readonly limits?: () => SendLimits;
  /** How many recent full bodies to keep in memory so they can be saved without truncation. */
  readonly recentBodies?: { readonly maxEntries: number; readonly maxTotalBytes: number };
  readonly logError?: (message: string, error: unknown) => void;
}

export type RequestSender = ReturnType<typeof createRequestSender>;

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

function fileRefsIn(values: RequestValues): FileRef[] {
  const found: FileRef[] = [];
  const visit = (input: unknown) => {
    if (isFileRef(input)) found.push(input);
    else if (Array.isArray(input)) for (const item of input) if (isFileRef(item)) found.push(item);
  };
  for (const input of Object.values(values.params)) visit(input);
  for (const entry of values.extra ?? []) visit(entry.value);
  return found;
}

function headerList(headers: BuiltRequest['headers']): [string, string][] {
  return Object.entries(headers);
}

/**
 * Environment, catalog entry, values -> prepared request -> executor ->
 * history. The safety rules live here, in main, so a misbehaving renderer
 * cannot get round them.
 */
export function createRequestSender(deps: RequestSenderDeps) {
  const limits = deps.limits ?? (() => ({ timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes: DEFAULT_MAX_RESPONSE_BYTES }));
  const recentLimits = deps.recentBodies ?? { maxEntries: 4, maxTotalBytes: 128 * 1024 * 1024 };
  const inFlight = new Map<string, AbortController>();
  const recent = new Map<string, { bytes: Uint8Array; contentType: string }>();

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

  function checkSafety(environment: SendEnvironment, endpoint: EndpointDef, args: SendRequestArgs): void {
    if (environment.readOnly && endpoint.mutates) {
      throw new AppFailure(
        'read-only',
        `"${environment.name}" is read-only, and ${endpoint.method} ${endpoint.path} would change data.`,
        'Use another environment, or turn off read-only in this environment’s settings.',
      );
    }
    if (endpoint.method === 'DELETE' && args.confirmedDestructive !== true) {
      throw new AppFailure(
        'invalid-request',
        `${endpoint.method} ${endpoint.path} deletes data and needs confirming first.`,
        'Confirm the deletion, then send again.',
        'confirmedDestructive',
      );
    }
  }

  async function resolveFiles(values: RequestValues): Promise<Map<string, Blob>> {
    const blobs = new Map<string, Blob>();
    for (const ref of fileRefsIn(values)) {
      if (!blobs.has(ref.handle)) blobs.set(ref.handle, await deps.files.resolve(ref.handle));
    }
    return blobs;
  }

  function prepare(endpoint: EndpointDef, values: RequestValues, environment: SendEnvironment, blobs: Map<string, Blob>): BuiltRequest {
    try {
      return buildRequest(
        endpoint,
        values,
        {
          baseUrl: environment.baseUrl,
          domain: environment.domain,
          ...(environment.subaccountId ? { subaccountId: environment.subaccountId } : {}),
        },
        {
          resolveFile: (handle) => {
            const blob = blobs.get(handle);
            if (!blob)
              throw new AppFailure('file-missing', 'A file attached to this request is no longer available.', 'Pick the file again.');
            return blob;
          },
        },
      );
    } catch (error) {
      if (error instanceof RequestBuildError)
        throw new AppFailure('invalid-request', error.message, 'Correct the highlighted value and send again.', error.param);
      throw error;
    }
  }

  async function send(args: SendRequestArgs): Promise<ResponseRecord> {
    if (inFlight.has(args.requestId)) {
      throw new AppFailure('conflict', 'A request with this id is already being sent.', 'Wait for it to finish or cancel it.');
    }
    const environment = await deps.getEnvironment(args.environmentId);
    if (!environment) throw new AppFailure('not-found', 'That environment no longer exists.', 'Pick another environment.');
    const endpoint = deps.getEndpoint(args.endpointId);
    if (!endpoint)
      throw new AppFailure(
        'not-found',
        `There is no endpoint "${args.endpointId}" in the catalog.`,
        'Pick the endpoint from the list again.',
      );
    checkSafety(environment, endpoint, args);

    const values: RequestValues = args.values;
    const controller = new AbortController();
    inFlight.set(args.requestId, controller);
    const { timeoutMs, maxBytes } = {
      ...limits(),
      ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}),
      ...(args.maxBytes ? { maxBytes: args.maxBytes } : {}),
    };
    let apiKey: string | null = null;
    let prepared: BuiltRequest | undefined;
    const context = {
      requestId: args.requestId,
      environment: { id: environment.id, name: environment.name, baseUrl: environment.baseUrl },
      endpoint: { id: endpoint.id, method: endpoint.method, path: endpoint.path },
      values,
    };

    try {
      const blobs = await resolveFiles(values);
      if (controller.signal.aborted) throw new AppFailure('cancelled', 'The request was cancelled.', 'Send it again when you are ready.');
      prepared = prepare(endpoint, values, environment, blobs);
      const raw = await deps.executor.execute(prepared, {
        baseUrl: environment.baseUrl,
        getApiKey: async () => {
          apiKey = await deps.getKey(environment.id);
          return apiKey;
        },
        timeoutMs,
        maxBytes,
        signal: controller.signal,
      });

      const record = await recordResponse(deps.history, context, headerList(prepared.headers), raw, apiKey, deps.logError);
      remember(args.requestId, raw.bytes, raw.contentType);
      return record;
    } catch (error) {
      if (error instanceof AppFailure && prepared && NETWORK_FAILURES.has(error.code)) {
        await deps.history
          .add(
            {
              ...context,
              request: { method: prepared.method, url: prepared.url, headers: headerList(prepared.headers) },
              error: error.toValue(),
            },
            secretsFor(apiKey),
          )
          .catch((historyError: unknown) => deps.logError?.('Could not record a failed request in history.', historyError));
      }
      throw error;
    } finally {
      inFlight.delete(args.requestId);
    }
  }

  function cancel(requestId: string): boolean {
    const controller = inFlight.get(requestId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** The full body of a recent live response, for saving without the history size limit. */
  function getResponseBody(requestId: string): { bytes: Uint8Array; contentType: string } | undefined {
    return recent.get(requestId);
  }

  return { send, cancel, getResponseBody };
}
