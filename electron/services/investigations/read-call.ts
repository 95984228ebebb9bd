import { randomUUID } from 'node:crypto';
import type { EndpointDef, JsonValue } from '../../../shared/catalog/types';
import { AppFailure } from '../../../shared/errors';
import { buildRequest, RequestBuildError, type RequestValues } from '../../../shared/request';
import type { RequestPipeline } from '../request-pipeline';
import type { SendEnvironment } from '../send-request';

/**
 * The catalog reads behind a live tail and a bulk check. They go through the
 * pipeline's probe (the same origin check before the key is read, limits,
 * cancelling and redaction as every request) but not into history: a tail
 * polls every few seconds and a bulk check walks hundreds of pages, which
 * would bury the user's own requests. Only calls that change nothing are
 * accepted here; changes go through the normal sender, and into history.
 */

export interface ReadAnswer {
  readonly status: number;
  readonly json: unknown;
  readonly header: (name: string) => string | null;
}

export interface ReadCallerDeps {
  readonly getEnvironment: (id: string) => Promise<SendEnvironment | undefined>;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  readonly pipeline: Pick<RequestPipeline, 'probe'>;
  readonly newId?: () => string;
  readonly timeoutMs?: number;
}

/** `extra` carries fields the catalog does not declare, such as the `address` pivot of suppression-list pages (query fields of a GET). */
export type ReadCaller = (
  environmentId: string,
  endpointId: string,
  params: Record<string, JsonValue>,
  extra?: readonly { readonly name: string; readonly value: string }[],
) => Promise<ReadAnswer>;

export function createReadCaller(deps: ReadCallerDeps): ReadCaller {
  const newId = deps.newId ?? randomUUID;
  return async (environmentId, endpointId, params, extra) => {
    const endpoint = deps.getEndpoint(endpointId);
    if (endpoint === undefined || endpoint.mutates) {
      throw new AppFailure('internal', `"${endpointId}" is not a read-only catalog call.`, 'Report this; it is a bug.');
    }
    const environment = await deps.getEnvironment(environmentId);
    if (environment === undefined) throw new AppFailure('not-found', 'That environment no longer exists.', 'Pick another environment.');
    let prepared: ReturnType<typeof buildRequest>;
    try {
      prepared = buildRequest(endpoint, { params, ...(extra ? { extra } : {}) } as RequestValues, {
        baseUrl: environment.baseUrl,
        domain: environment.domain,
        ...(environment.subaccountId ? { subaccountId: environment.subaccountId } : {}),
      });
    } catch (error) {
      if (error instanceof RequestBuildError) throw new AppFailure('invalid-request', error.message, 'Check the value and try again.');
      throw error;
    }
    const raw = await deps.pipeline.probe({
      requestId: newId(),
      environmentId,
      baseUrl: environment.baseUrl,
      prepared,
      ...(deps.timeoutMs ? { limits: { timeoutMs: deps.timeoutMs } } : {}),
    });
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw.bytes)) as unknown;
    } catch {
      json = undefined;
    }
    const header = (name: string) => {
      const wanted = name.toLowerCase();
      return raw.headers.find(([key]) => key.toLowerCase() === wanted)?.[1] ?? null;
    };
    return { status: raw.status, json, header };
  };
}
