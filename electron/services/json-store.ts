import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { RecoveryReason } from '../../shared/bridge/environments';
import { AppFailure } from '../../shared/errors';

/**
 * One versioned JSON file in the data folder, cached in memory after the
 * first read. Writes are atomic (temp file in the same folder, fsync, rename)
 * and queued, so concurrent callers never interleave or lose each other's
 * changes. A file that cannot be used as it is gets moved aside, never
 * overwritten, and the caller is told so it can tell the user.
 */

export interface StoreRecovery {
  readonly fileName: string;
  readonly movedTo: string | null;
  readonly at: string;
  readonly reason: RecoveryReason;
  readonly dropped: number;
}

export interface JsonStoreOptions<T extends object> {
  readonly dir: string;
  readonly fileName: string;
  readonly version: number;
  /**
   * Gets the file's content without its `version` field. Returns what could be
   * used and how many entries could not; throws when nothing is usable.
   */
  readonly parse: (raw: unknown) => { value: T; dropped: number };
  readonly empty: () => T;
  /** Wall clock, epoch milliseconds (the same convention as the other services). */
  readonly clock: () => number;
  /** Replaceable so tests can simulate a full disk or a crash mid-write. */
  readonly fs?: StoreFileSystem;
}

export type StoreFileSystem = Pick<typeof nodeFs, 'mkdir' | 'open' | 'readFile' | 'readdir' | 'rename' | 'unlink' | 'lstat'>;

export interface JsonStore<T extends object> {
  readonly filePath: string;
  /** Reads the file once; later calls return the cached value and no recovery. */
  load(): Promise<{ value: T; recovery: StoreRecovery | null }>;
  read(): Promise<T>;
  write(value: T): Promise<void>;
  /** Read-modify-write inside the queue; the change sees every earlier write. */
  update(change: (current: T) => T | Promise<T>): Promise<T>;
}

class UnusableFile extends Error {
  constructor(readonly reason: RecoveryReason) {
    super(reason);
  }
}

/** `2026-11-26T13:55:00.123Z` becomes `2026-11-26T13-55-00Z`, which every file system accepts. */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}

function storageFailure(fileName: string, action: 'read' | 'save'): AppFailure {
  return new AppFailure(
    'storage-failed',
    `Could not ${action} ${fileName} in the app's data folder.`,
    'Check that the disk is not full and that the data folder is writable, then try again.',
  );
}

export function createJsonStore<T extends object>(options: JsonStoreOptions<T>): JsonStore<T> {
  const { dir, fileName, version, parse, empty, clock } = options;
  const fs = options.fs ?? nodeFs;
  const filePath = path.join(dir, fileName);
  const tempPrefix = `.${fileName}.`;
  let loading: Promise<{ value: T; recovery: StoreRecovery | null }> | undefined;
  let cache: T | undefined;
  // Set when the original could not be moved aside: saving would replace it.
  let blocked = false;
  let tail: Promise<unknown> = Promise.resolve();

  function enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  function decode(text: string): { value: T; dropped: number } {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new UnusableFile('invalid-json');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UnusableFile('invalid-content');
    const { version: fileVersion, ...content } = raw as Record<string, unknown>;
    if (fileVersion !== version) throw new UnusableFile(Number.isInteger(fileVersion) ? 'unsupported-version' : 'invalid-content');
    try {
      return parse(content);
    } catch {
      throw new UnusableFile('invalid-content');
    }
  }

  async function exists(candidate: string): Promise<boolean> {
    try {
      await fs.lstat(candidate);
      return true;
    } catch {
      return false;
    }
  }

  async function moveAside(reason: RecoveryReason, at: Date): Promise<string | null> {
    const label = reason === 'unsupported-version' ? 'unsupported' : 'corrupt';
    const base = `${fileName}.${label}-${fileTimestamp(at)}`;
    try {
      let candidate = base;
      for (let n = 2; await exists(path.join(dir, candidate)); n += 1) candidate = `${base}-${n}`;
      await fs.rename(filePath, path.join(dir, candidate));
      return candidate;
    } catch {
      blocked = true;
      return null;
    }
  }

  async function removeStaleTempFiles(): Promise<void> {
    try {
      for (const entry of await fs.readdir(dir)) {
        if (entry.startsWith(tempPrefix) && entry.endsWith('.tmp')) await fs.unlink(path.join(dir, entry)).catch(() => undefined);
      }
    } catch {
      // A missing folder simply has nothing to clean.
    }
  }

  async function syncFolder(): Promise<void> {
    // Makes the rename itself durable; some platforms cannot open folders, which is fine.
    try {
      const handle = await fs.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Best effort only.
    }
  }

  async function writeFileAtomically(value: T): Promise<void> {
    if (blocked) {
      throw new AppFailure(
        'storage-failed',
        `${fileName} could not be read or moved aside, so saving now would overwrite it.`,
        "Move the file out of the app's data folder yourself (keep a copy if you need its content), then restart the app.",
      );
    }
    const text = `${JSON.stringify({ version, ...value }, null, 2)}\n`;
    const tempPath = path.join(dir, `${tempPrefix}${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await fs.open(tempPath, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tempPath, filePath);
    } catch {
      await fs.unlink(tempPath).catch(() => undefined);
      throw storageFailure(fileName, 'save');
    }
    await syncFolder();
  }

  async function readFromDisk(): Promise<{ value: T; recovery: StoreRecovery | null }> {
    await removeStaleTempFiles();
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: empty(), recovery: null };
      return recover('unreadable', empty(), 0);
    }
    let decoded: { value: T; dropped: number };
    try {
      decoded = decode(text);
    } catch (error) {
      if (error instanceof UnusableFile) return recover(error.reason, empty(), 0);
      throw error;
    }
    if (decoded.dropped > 0) return recover('partially-valid', decoded.value, decoded.dropped);
    return { value: decoded.value, recovery: null };
  }

  async function recover(reason: RecoveryReason, value: T, dropped: number) {
    const at = new Date(clock());
    const movedTo = await moveAside(reason, at);
    if (movedTo !== null && reason === 'partially-valid') {
      // Rewrite what was kept straight away, so the next start reads a clean file.
      await writeFileAtomically(value).catch(() => undefined);
    }
    const recovery: StoreRecovery = { fileName, movedTo, at: at.toISOString(), reason, dropped };
    return { value, recovery };
  }

  async function current(): Promise<T> {
    if (cache !== undefined) return cache;
    return (await load()).value;
  }

  function load(): Promise<{ value: T; recovery: StoreRecovery | null }> {
    if (loading === undefined) {
      loading = enqueue(async () => {
        const result = await readFromDisk();
        cache = result.value;
        return result;
      });
      loading.catch(() => {
        loading = undefined;
      });
      return loading;
    }
    return loading.then(() => ({ value: cache as T, recovery: null }));
  }

  return {
    filePath,
    load,
    read: current,
    async write(value) {
      await current();
      await enqueue(async () => {
        await writeFileAtomically(value);
        cache = value;
      });
    },
    async update(change) {
      await current();
      return enqueue(async () => {
        const next = await change(cache as T);
        await writeFileAtomically(next);
        cache = next;
        return next;
      });
    },
  };
}
