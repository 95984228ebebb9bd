import type { z } from 'zod';
import type { requestMethods } from '../../shared/bridge/requests';
import type { EndpointDef } from '../../shared/catalog/types';
import { baseUrlFor } from '../../shared/environments/regions';
import type { Environment, KeyKind } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { type BuiltRequest, buildRequest, type FileRef, isFileRef, RequestBuildError, type RequestValues } from '../../shared/request';
import type { ResponseRecord } from '../../shared/requests/types';
import type { FileRegistry } from './file-handles';
import type { RequestPipeline } from './request-pipeline';

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

export type { SendLimits } from './request-pipeline';

export interface RequestSenderDeps {
  readonly getEnvironment: (id: string) => Promise<SendEnvironment | undefined> | SendEnvironment | undefined;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  readonly files: Pick<FileRegistry, 'resolve'>;
  readonly pipeline: RequestPipeline;
  /** Fills `{{name}}` references from the environment (main's variables service); throws when one cannot be. */
  readonly resolveVariables?: (environmentId: string, endpoint: EndpointDef, values: RequestValues) => Promise<RequestValues>;
}

export type RequestSender = ReturnType<typeof createRequestSender>;

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

/**
 * Environment, catalog entry, values -> prepared request -> the pipeline,
 * which applies the safety rules in main so a misbehaving renderer cannot get
 * round them.
 */
export function createRequestSender(deps: RequestSenderDeps) {
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

  /** `streamLargeBody` only for answers going to the page; main's own callers (support tools, probes) read `body.text`. */
  async function send(args: SendRequestArgs, options: { readonly streamLargeBody?: boolean } = {}): Promise<ResponseRecord> {
    const environment = await deps.getEnvironment(args.environmentId);
    if (!environment) throw new AppFailure('not-found', 'That environment no longer exists.', 'Pick another environment.');
    const endpoint = deps.getEndpoint(args.endpointId);
    if (!endpoint)
      throw new AppFailure(
        'not-found',
        `There is no endpoint "${args.endpointId}" in the catalog.`,
        'Pick the endpoint from the list again.',
      );
    const values: RequestValues = args.values;
    return deps.pipeline.send({
      requestId: args.requestId,
      environment,
      method: endpoint.method,
      path: endpoint.path,
      mutates: endpoint.mutates,
      confirmedDestructive: args.confirmedDestructive,
      streamLargeBody: options.streamLargeBody === true,
      limits: { ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}), ...(args.maxBytes ? { maxBytes: args.maxBytes } : {}) },
      context: {
        requestId: args.requestId,
        environment: { id: environment.id, name: environment.name, baseUrl: environment.baseUrl },
        endpoint: { id: endpoint.id, method: endpoint.method, path: endpoint.path },
        values,
      },
      // History keeps `values` as typed, so a secret's `{{name}}` is recorded, never its value.
      prepare: async () => {
        const resolved = deps.resolveVariables ? await deps.resolveVariables(environment.id, endpoint, values) : values;
        return prepare(endpoint, resolved, environment, await resolveFiles(resolved));
      },
    });
  }

  return { send, cancel: deps.pipeline.cancel, getResponseBody: deps.pipeline.getResponseBody };
}
