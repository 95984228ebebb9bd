import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** A start-up failure with words for the dialog; anything else is shown with a generic title. */
export class StartupFailure extends Error {
  constructor(
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
  }
}

export type FolderFileSystem = Pick<typeof nodeFs, 'mkdir' | 'writeFile' | 'unlink'>;

/**
 * Proves the data folder can be written before any store tries to, so the
 * user learns which folder is the problem instead of getting no window.
 */
export async function ensureWritableFolder(dir: string, fs: FolderFileSystem = nodeFs): Promise<void> {
  const probe = path.join(dir, `.write-check-${randomBytes(4).toString('hex')}`);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.writeFile(probe, '', { flag: 'wx', mode: 0o600 });
    await fs.unlink(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StartupFailure(
      'Mailgun Explorer cannot write its data folder',
      [
        `The app keeps its environments, history and saved requests in:\n${dir}`,
        `Writing there failed${code ? ` (${code})` : ''}.`,
        'Check that the folder is yours and writable and that the disk is not full, then start the app again. ' +
          'To use another folder, start the app with MAILGUN_EXPLORER_USER_DATA set to its path.',
      ].join('\n\n'),
    );
  }
}

export function describeStartupFailure(error: unknown): { title: string; detail: string } {
  if (error instanceof StartupFailure) return { title: error.title, detail: error.detail };
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'Mailgun Explorer could not start',
    detail: `${message}\n\nThe details are in the log file. Start the app again; if it keeps failing, report the log's last lines.`,
  };
}

export interface StartupDeps {
  readonly start: () => Promise<void>;
  readonly showErrorBox: (title: string, content: string) => void;
  readonly exit: (code: number) => void;
  readonly logError: (message: string, error: unknown) => void;
}

/** Runs start-up; any failure is logged, shown in a native dialog, and ends the app with exit code 1. */
export async function runStartup({ start, showErrorBox, exit, logError }: StartupDeps): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    logError('start-up failed', error);
    const { title, detail } = describeStartupFailure(error);
    showErrorBox(title, detail);
    exit(1);
    return false;
  }
}
