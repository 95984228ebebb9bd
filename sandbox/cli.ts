import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SANDBOX_API_KEY, SANDBOX_API_USER, SANDBOX_EU_DOMAIN, SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { createSandboxServer, type SandboxServer } from './server';
import { STATE_FILE_NAME } from './state';

export const DEFAULT_PORT = 4025;
export const DEFAULT_DATA_DIR = '.mailgun-sandbox';

export const USAGE = `Usage: mailgun-sandbox [--port N] [--data DIR]

A simulated Mailgun HTTP API on 127.0.0.1, with its state in DIR/${STATE_FILE_NAME}.
  --port N     port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data DIR   folder for the state file (default ./${DEFAULT_DATA_DIR})
  --help       show this text`;

export interface CommandOptions {
  readonly port: number;
  readonly dataDir: string;
}

export type ParsedCommand =
  | { readonly kind: 'run'; readonly options: CommandOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export function parseCommand(argv: readonly string[], cwd: string): ParsedCommand {
  let values: { port?: string | undefined; data?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string', short: 'p' }, data: { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const rawPort = values.port ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d{1,5}$/.test(rawPort) || port > 65_535)
    return { kind: 'error', message: `--port must be a number from 0 to 65535, not "${rawPort}"` };
  const data = values.data ?? DEFAULT_DATA_DIR;
  if (data.trim() === '') return { kind: 'error', message: '--data must name a folder' };
  return { kind: 'run', options: { port, dataDir: resolve(cwd, data) } };
}

/** What the command prints once it listens: everything a client needs to point at it. */
export function banner(urls: { usBaseUrl: string; euBaseUrl: string }, dataDir: string, signingKey: string): string {
  return [
    'Mailgun sandbox running (simulated; nothing leaves this computer)',
    `  US base URL  ${urls.usBaseUrl}   (domain ${SANDBOX_US_DOMAIN})`,
    `  EU base URL  ${urls.euBaseUrl}   (domain ${SANDBOX_EU_DOMAIN})`,
    `  API user     ${SANDBOX_API_USER}`,
    `  API key      ${SANDBOX_API_KEY}`,
    `  Webhook signing key  ${signingKey}   (webhooks are posted only to loopback URLs)`,
    `  State file   ${resolve(dataDir, STATE_FILE_NAME)}`,
    'Press Ctrl+C to stop.',
  ].join('\n');
}

export interface RunningCommand {
  readonly server: SandboxServer;
  /** Closes the server and writes the state; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startCommand(
  options: CommandOptions,
  logError: (error: unknown) => void,
  log: (message: string) => void = () => {},
): Promise<{ running: RunningCommand; text: string }> {
  const server = createSandboxServer({
    dataDir: options.dataDir,
    port: options.port,
    catalog: () => import('../shared/catalog').then((module) => module.catalog),
    logError,
    log,
  });
  const urls = await server.start();
  const { webhookSigningKey } = await server.admin.state();
  let stopping: Promise<void> | null = null;
  return {
    running: {
      server,
      stop() {
        stopping ??= server.stop();
        return stopping;
      },
    },
    text: banner(urls, options.dataDir, webhookSigningKey),
  };
}

/** The `mailgun-sandbox` command: runs until SIGINT or SIGTERM, then closes the server and saves the state. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, process.cwd());
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  let started: Awaited<ReturnType<typeof startCommand>>;
  try {
    started = await startCommand(
      parsed.options,
      (error) => console.error('sandbox:', error),
      (message) => process.stdout.write(`sandbox: ${message}\n`),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const message =
      code === 'EADDRINUSE'
        ? `Port ${parsed.options.port} is already in use: stop what runs there or pass another --port (0 picks a free one).`
        : `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    return 1;
  }
  process.stdout.write(`${started.text}\n`);
  return new Promise<number>((done) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.stdout.write(`\n${signal}: stopping the sandbox and saving its state...\n`);
      // A second Ctrl+C while saving leaves at once.
      process.once('SIGINT', () => done(130));
      started.running.stop().then(
        () => {
          process.stdout.write('Sandbox stopped.\n');
          done(0);
        },
        (error: unknown) => {
          process.stderr.write(`The state could not be saved: ${error instanceof Error ? error.message : String(error)}\n`);
          done(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
