import { type CustomRequest, collectionLimits } from '../../shared/bridge/collections';
import { AppFailure } from '../../shared/errors';
import { checkHeaderName, checkHeaderValue, isReservedHeader } from '../../shared/request';
import type { ResponseRecord } from '../../shared/requests/types';
import type { PreparedRequest } from './http-executor';
import { methodMutates, type RequestPipeline } from './request-pipeline';
import type { SendEnvironment } from './send-request';

/**
 * Sends a request that is not in the catalog (kept from a Postman import)
 * through the same pipeline as catalog requests, so the same rules apply:
 * only to the environment's own origin, nothing that changes data in a
 * read-only environment, DELETE only once confirmed, cancel, limits and
 * redaction.
 */

export interface SendCustomArgs {
  readonly requestId: string;
  readonly environmentId: string;
  readonly request: CustomRequest;
  readonly confirmedDestructive?: boolean | undefined;
}

export interface CustomSenderDeps {
  readonly getEnvironment: (id: string) => Promise<SendEnvironment | undefined> | SendEnvironment | undefined;
  readonly pipeline: RequestPipeline;
  /** Fills `{{name}}` references from the environment (main's variables service); throws when one cannot be. */
  readonly resolveVariables?: (environmentId: string, request: CustomRequest) => Promise<CustomRequest>;
}

/** History files custom requests under this pseudo-endpoint. */
export const customEndpointId = 'custom';

const ON_BEHALF_OF = 'x-mailgun-on-behalf-of';

function invalid(message: string, field?: string): AppFailure {
  return new AppFailure('invalid-request', message, 'Edit the saved request and try again.', field);
}

/** `{{domain}}` becomes the environment's domain; any other variable left in the path is an error. */
export function resolveCustomPath(path: string, domain: string): string {
  const trimmed = path.trim();
  if (!trimmed.startsWith('/')) throw invalid('The path must start with "/" (it is added to the environment’s base URL).', 'path');
  if (trimmed.includes('{{domain}}') && domain.trim() === '') {
    throw new AppFailure('invalid-request', 'This request needs a domain.', 'Set a default domain on the environment.', 'path');
  }
  const filled = trimmed.replaceAll('{{domain}}', encodeURIComponent(domain.trim()));
  const left = /\{\{([^}]*)\}\}/.exec(filled);
  if (left) throw invalid(`The path still contains the variable {{${left[1]}}}, which has no value here.`, 'path');
  if (/[\s#]/.test(filled) || filled.includes('..') || filled.startsWith('//'))
    throw invalid('The path contains characters that cannot be sent.', 'path');
  return filled;
}

export function prepareCustomRequest(request: CustomRequest, environment: SendEnvironment): PreparedRequest & { path: string } {
  const path = resolveCustomPath(request.path, environment.domain);
  if (path.length > collectionLimits.pathMax) throw invalid('The path is too long.', 'path');
  const url = new URL(`${environment.baseUrl.replace(/\/+$/, '')}${path}`);
  for (const { name, value } of request.query) if (name.trim() !== '') url.searchParams.append(name, value);

  const headers: [string, string][] = [];
  for (const { name, value } of request.headers) {
    const trimmed = name.trim();
    if (trimmed === '' || isReservedHeader(trimmed)) continue;
    const problem = checkHeaderName(trimmed) ?? checkHeaderValue(value);
    if (problem) throw invalid(`Header "${trimmed}": ${problem}`, 'headers');
    headers.push([trimmed, value]);
  }
  if (environment.subaccountId && !headers.some(([n]) => n.toLowerCase() === ON_BEHALF_OF)) {
    headers.unshift(['X-Mailgun-On-Behalf-Of', environment.subaccountId]);
  }

  let body: PreparedRequest['body'];
  const { body: source } = request;
  if (source.kind === 'form') {
    const form = new URLSearchParams();
    for (const field of source.fields) form.append(field.name, field.value);
    body = form;
  } else if (source.kind === 'multipart') {
    const form = new FormData();
    for (const field of source.fields) form.append(field.name, field.value);
    body = form;
  } else if (source.kind === 'json') {
    body = source.text;
    headers.push(['Content-Type', 'application/json']);
  }
  if (body !== undefined && (request.method === 'GET' || request.method === 'DELETE') && source.kind !== 'none') {
    throw invalid(`A ${request.method} request cannot carry a body; move the fields to the query.`, 'body');
  }
  return { method: request.method, url: url.href, headers, body, path: request.path };
}

export function createCustomSender(deps: CustomSenderDeps) {
  async function send(args: SendCustomArgs, options: { readonly streamLargeBody?: boolean } = {}): Promise<ResponseRecord> {
    const environment = await deps.getEnvironment(args.environmentId);
    if (!environment) throw new AppFailure('not-found', 'That environment no longer exists.', 'Pick another environment.');
    const { request } = args;
    return deps.pipeline.send({
      requestId: args.requestId,
      environment,
      method: request.method,
      path: request.path,
      mutates: methodMutates(request.method),
      confirmedDestructive: args.confirmedDestructive,
      streamLargeBody: options.streamLargeBody === true,
      context: {
        requestId: args.requestId,
        environment: { id: environment.id, name: environment.name, baseUrl: environment.baseUrl },
        endpoint: { id: customEndpointId, method: request.method, path: request.path },
        values: { query: request.query, headers: request.headers, body: request.body },
      },
      prepare: async () =>
        prepareCustomRequest(deps.resolveVariables ? await deps.resolveVariables(environment.id, request) : request, environment),
    });
  }

  return { send, cancel: deps.pipeline.cancel };
}

export type CustomSender = ReturnType<typeof createCustomSender>;
