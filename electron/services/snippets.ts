import { HTTPSnippet } from 'httpsnippet';
import type { z } from 'zod';
import type { SnippetResult, snippetMethods } from '../../shared/bridge/snippets';
import type { EndpointDef } from '../../shared/catalog/types';
import { AppFailure } from '../../shared/errors';
import { buildRequest, RequestBuildError } from '../../shared/request';
import { generateAll, type HarRequest, type KeySource, type RunLibrary, snippetRequestFrom } from '../../shared/snippets';
import type { SendEnvironment } from './send-request';

export type GenerateSnippetsArgs = z.output<(typeof snippetMethods)['generateSnippets']['args']>;
export type RevealSnippetArgs = z.output<(typeof snippetMethods)['revealSnippetWithKey']['args']>;

export interface SnippetServiceDeps {
  readonly getEnvironment: (id: string) => Promise<SendEnvironment | undefined> | SendEnvironment | undefined;
  readonly getKey: (environmentId: string) => Promise<string | null>;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  /** Replaceable in tests; defaults to httpsnippet. */
  readonly runLibrary?: RunLibrary;
}

export type SnippetService = ReturnType<typeof createSnippetService>;

export const runHttpSnippet: RunLibrary = (har: HarRequest, target: string, client: string) => {
  // httpsnippet's HAR type is stricter about optional fields than ours; the shape is the same.
  const output = new HTTPSnippet(har as unknown as ConstructorParameters<typeof HTTPSnippet>[0]).convert(
    target as Parameters<HTTPSnippet['convert']>[0],
    client,
  );
  if (typeof output !== 'string') throw new Error(`httpsnippet produced no ${target}/${client} snippet.`);
  return output;
};

/**
 * Builds the request exactly as a send would (same builder, same base URL,
 * domain and subaccount), then renders it per language. Files are named,
 * never read.
 */
export function createSnippetService(deps: SnippetServiceDeps) {
  const runLibrary = deps.runLibrary ?? runHttpSnippet;

  async function prepare(args: GenerateSnippetsArgs) {
    const environment = await deps.getEnvironment(args.environmentId);
    if (!environment) throw new AppFailure('not-found', 'That environment no longer exists.', 'Pick another environment.');
    const endpoint = deps.getEndpoint(args.endpointId);
    if (!endpoint)
      throw new AppFailure('not-found', `There is no endpoint "${args.endpointId}" in the catalog.`, 'Pick the endpoint again.');
    try {
      const built = buildRequest(
        endpoint,
        args.values,
        {
          baseUrl: environment.baseUrl,
          domain: environment.domain,
          ...(environment.subaccountId ? { subaccountId: environment.subaccountId } : {}),
        },
        { resolveFile: () => new Blob([]) },
      );
      return { environment, endpoint, request: snippetRequestFrom(built, endpoint.encoding) };
    } catch (error) {
      if (error instanceof RequestBuildError)
        throw new AppFailure('invalid-request', error.message, 'Correct the highlighted value to see the code.', error.param);
      throw error;
    }
  }

  function render(
    endpointId: string,
    request: ReturnType<typeof snippetRequestFrom>,
    key: KeySource,
    language?: GenerateSnippetsArgs['language'],
  ) {
    try {
      return generateAll(request, key, { endpointId, runLibrary }, language);
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      throw new AppFailure(
        'internal',
        'The code snippet could not be generated.',
        'Try another language, or report the request that failed.',
      );
    }
  }

  async function generate(args: GenerateSnippetsArgs): Promise<SnippetResult[]> {
    const { endpoint, request } = await prepare(args);
    return render(endpoint.id, request, { kind: 'env' }, args.language);
  }

  async function reveal(args: RevealSnippetArgs): Promise<{ code: string }> {
    if (args.confirmed !== true) {
      throw new AppFailure('invalid-argument', 'Showing the key needs confirming.', 'Confirm that you want to see the key in the snippet.');
    }
    const { environment, endpoint, request } = await prepare(args);
    const key = await deps.getKey(environment.id);
    if (!key) throw new AppFailure('key-missing', 'This environment has no API key saved.', 'Add the API key in the environment settings.');
    const [snippet] = render(endpoint.id, request, { kind: 'literal', key }, args.language);
    if (!snippet) throw new AppFailure('unsupported', 'There is no snippet in that language for this endpoint.', 'Pick another language.');
    return { code: snippet.code };
  }

  return { generate, reveal };
}
