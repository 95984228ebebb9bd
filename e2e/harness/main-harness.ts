import { readFileSync } from 'node:fs';
import keytar from 'keytar';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { createHandlers } from '../../electron/ipc/handlers';
import { createServices, type Services } from '../../electron/services';
import { BODY_STREAM_READ_CHANNEL, type BodyStreamMessage, bodyStreamGone } from '../../shared/bridge/body-stream';
import { methodForChannel } from '../../shared/bridge/contract';
import type { Result } from '../../shared/errors';
import { createScriptedDialogs, type ScriptedDialogs } from './scripted-dialogs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface BridgeCall {
  readonly method: string;
  readonly arg: unknown;
  readonly result: Result<unknown>;
}

export interface MainHarness {
  readonly services: Services;
  /** Every call the page made and what main answered, for tests that check nothing secret crossed. */
  readonly calls: BridgeCall[];
  /** Links the app asked to open in the OS browser. */
  readonly openedExternally: string[];
  readonly mainErrors: string[];
  readonly dialogs: ScriptedDialogs;
  /** Stands in for the system clipboard main writes to ("Copy with key"). */
  readonly clipboard: { text: string };
  invoke(channel: string, arg: unknown): Promise<Result<unknown>>;
  dispose(): Promise<void>;
}

/** Test runs keep their keys under their own keychain service name, apart from the app's. */
export const keychainServiceNameForTests = 'Mailgun Explorer (tests)';

/**
 * The real main-process services and dispatcher, running in the test's Node
 * process; only the Electron shell around them is missing.
 */
export async function startMainHarness(dataDir: string, options: { readonly messagePreviewBase?: string } = {}): Promise<MainHarness> {
  const openedExternally: string[] = [];
  const mainErrors: string[] = [];
  const calls: BridgeCall[] = [];
  const dialogs = createScriptedDialogs();
  const clipboard = { text: '' };
  const services = await createServices({
    dataDir,
    appVersion: packageJson.version,
    shell: 'browser-harness',
    platform: process.platform,
    versions: { node: process.versions.node },
    keytar,
    keychainServiceName: keychainServiceNameForTests,
    dialogs,
    openExternal: async (url) => {
      openedExternally.push(url);
    },
    clipboard: {
      writeText: (text) => {
        clipboard.text = text;
      },
      readText: () => clipboard.text,
      clear: () => {
        clipboard.text = '';
      },
    },
    logError: (message, error) => mainErrors.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    ...(options.messagePreviewBase ? { messagePreviewBase: options.messagePreviewBase } : {}),
  });
  const dispatch = createDispatcher(createHandlers(services), {
    logError: (method, error) => mainErrors.push(`${method}: ${error instanceof Error ? error.message : String(error)}`),
  });
  // The harness's side of a body stream: the page bridge pulls one message per binding call, each far below CDP's message limit.
  const streams = new Map<string, AsyncIterator<BodyStreamMessage>>();
  const readStream = async (arg: unknown): Promise<BodyStreamMessage> => {
    const streamId = (arg as { streamId?: unknown } | null)?.streamId;
    if (typeof streamId !== 'string') return { type: 'error', error: bodyStreamGone };
    let cursor = streams.get(streamId);
    if (!cursor) {
      cursor = services.bodyStreams.take(streamId)[Symbol.asyncIterator]();
      streams.set(streamId, cursor);
    }
    // Waits for the next chunk when main has not received it from the network yet.
    const next = await cursor.next();
    const message: BodyStreamMessage = next.done ? { type: 'error', error: bodyStreamGone } : next.value;
    if (message.type !== 'chunk') streams.delete(streamId);
    return message;
  };
  return {
    services,
    calls,
    openedExternally,
    mainErrors,
    dialogs,
    clipboard,
    async invoke(channel, arg) {
      if (channel === BODY_STREAM_READ_CHANNEL) {
        const message = await readStream(arg);
        calls.push({ method: channel, arg, result: { ok: true, value: message } });
        return { ok: true, value: message };
      }
      const method = methodForChannel(channel);
      const result: Result<unknown> = method
        ? await dispatch(method, arg)
        : { ok: false, error: { code: 'invalid-argument', message: `Unknown channel ${channel}`, hint: 'This is a bug in the app.' } };
      calls.push({ method: method ?? channel, arg, result });
      return result;
    },
    dispose: () => services.dispose(),
  };
}
