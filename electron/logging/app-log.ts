import path from 'node:path';
import type ElectronLog from 'electron-log';
import type { LogRedactor } from './redact-log';

/** What the app logs through; main.ts backs it with electron-log, tests with electron-log's Node build. */
export interface AppLog {
  readonly filePath: string;
  error(message: string, error?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  /** The latest errors and warnings, already redacted, newest last: for "Copy diagnostics". */
  recentProblems(): readonly string[];
}

export interface AppLogOptions {
  readonly logger: ElectronLog.NodeLogger;
  readonly redactor: LogRedactor;
  readonly dir: string;
  /** The file is rotated to main.old.log past this size, so at most two files exist. */
  readonly maxBytes?: number;
  readonly keepRecent?: number;
  readonly consoleLevel?: ElectronLog.LevelOption;
}

/**
 * A rotating log in the user-data folder. Redaction runs as an electron-log
 * hook, so it applies to every transport before anything is formatted or
 * written, whatever shape the logged values have.
 */
export function createAppLog({
  logger,
  redactor,
  dir,
  maxBytes = 1024 * 1024,
  keepRecent = 20,
  consoleLevel = 'warn',
}: AppLogOptions): AppLog {
  const filePath = path.join(dir, 'logs', 'main.log');
  const recent: string[] = [];
  logger.transports.file.resolvePathFn = () => filePath;
  logger.transports.file.maxSize = maxBytes;
  logger.transports.file.level = 'info';
  logger.transports.console.level = consoleLevel;
  logger.hooks.push((message) => {
    const data = message.data.map((value) => redactor.redactValue(value));
    if (message.level === 'error' || message.level === 'warn') {
      recent.push(`${message.date.toISOString()} ${message.level} ${data.join(' ')}`.slice(0, 2000));
      if (recent.length > keepRecent) recent.shift();
    }
    return { ...message, data };
  });
  const entry = (message: string, value: unknown) => (value === undefined ? [message] : [`${message}:`, value]);
  return {
    filePath,
    error: (message, error) => logger.error(...entry(message, error)),
    warn: (message, detail) => logger.warn(...entry(message, detail)),
    info: (message, detail) => logger.info(...entry(message, detail)),
    recentProblems: () => [...recent],
  };
}
