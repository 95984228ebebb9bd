import { HTTPSnippet } from 'httpsnippet';
import type { z } from 'zod';
import type { CopyWithKeyResult, SnippetResult, snippetMethods } from '../../shared/bridge/snippets';
import type { EndpointDef } from '../../shared/catalog/types';
import { AppFailure } from '../../shared/errors';
import { buildRequest, RequestBuildError } from '../../shared/request';
import { generateAll, type HarRequest, type KeySource, type RunLibrary, snippetRequestFrom } from '../../shared/snippets';
import type { SendEnvironment } from './send-request';

export type GenerateSnippetsArgs = z.output<(typeof snippetMethods)['generateSnippets']['args']>;
export type CopySnippetArgs = z.output<(typeof snippetMethods)['copySnippetWithKey']['args']>;

/** The system clipboard: Electron's in the app, a fake in tests. */
export interface ClipboardLike {
  writeText(text: string): void;
  readText(): string | Promise<string>;
  clear(): void;
}

/** A native yes/no question, asked by main so the renderer cannot answer it for the user. */
export type ConfirmDialog = (question: {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly confirmLabel: string;
}) => Promise<boolean>;

/** How long a snippet with the key stays on the clipboard. */
export const CLIPBOARD_CLEAR_SECONDS = 60;

export interface SnippetServiceDeps {
  readonly getEnvironment: (id: string) => Promise<SendEnvironment | undefined> | SendEnvironment | undefined;
  readonly getKey: (environmentId: string) => Promise<string | null>;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  /** Replaceable in tests; defaults to httpsnippet. */
  readonly runLibrary?: RunLibrary;
  readonly clipboard?: ClipboardLike;
  readonly confirm?: ConfirmDialog;
  readonly setTimer?: (run: () => Promise<void>, ms: number) => unknown;
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

  /** Asks in main, copies in main, and clears the clipboard later if it still holds this text; the code is never returned. */
  async function copyWithKey(args: CopySnippetArgs): Promise<CopyWithKeyResult> {
    const { clipboard, confirm } = deps;
    if (!clipboard || !confirm) {
      throw new AppFailure(
        'unsupported',
        'Copying with the key is not available here.',
        'Copy the snippet and set MAILGUN_API_KEY instead.',
      );
    }
    const { environment, endpoint, request } = await prepare(args);
    const key = await deps.getKey(environment.id);
    if (!key) throw new AppFailure('key-missing', 'This environment has no API key saved.', 'Add the API key in the environment settings.');
    const [snippet] = render(endpoint.id, request, { kind: 'literal', key }, args.language);
    if (!snippet) throw new AppFailure('unsupported', 'There is no snippet in that language for this endpoint.', 'Pick another language.');
    const confirmed = await confirm({
      title: 'Copy with the API key',
      message: `Copy the ${snippet.label} snippet with the real API key of "${environment.name}"?`,
      detail: `Anyone who sees the pasted text can use the key. The clipboard is cleared after ${CLIPBOARD_CLEAR_SECONDS} seconds if it still holds the snippet.`,
      confirmLabel: 'Copy with key',
    });
    if (!confirmed) return { copied: false };
    clipboard.writeText(snippet.code);
    const setTimer = deps.setTimer ?? ((run: () => Promise<void>, ms: number) => setTimeout(() => void run(), ms).unref());
    setTimer(async () => {
      if ((await clipboard.readText()) === snippet.code) clipboard.clear();
    }, CLIPBOARD_CLEAR_SECONDS * 1000);
    return { copied: true, clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS };
  }

  return { generate, copyWithKey };
}
