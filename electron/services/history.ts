import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { RecoveryNotice } from '../../shared/bridge/environments';
import { type AppError, AppFailure } from '../../shared/errors';
import type { HistoryEntry, HistoryPage, HistorySummary, HttpHeaderList, ResponseBody, StoredBodyInfo } from '../../shared/requests/types';
import { createJsonStore, fileTimestamp, type StoreRecovery } from './json-store';
import { decodeBody, decodeText } from './response-body';
import { storeRecoveryNotice } from './store-recovery';

export interface HistoryLimits {
  readonly maxEntries: number;
  /** Bodies longer than this are kept truncated. */
  readonly maxBodyBytes: number;
  /** Older bodies are dropped (their entries stay) to keep all bodies within this. */
  readonly maxTotalBodyBytes: number;
  /** Parameter values longer than this are shortened. */
  readonly maxValueChars: number;
  /** All parameter text of one entry together. */
  readonly maxValuesChars: number;
}

export const defaultHistoryLimits: HistoryLimits = {
  maxEntries: 1_000,
  maxBodyBytes: 256 * 1024,
  maxTotalBodyBytes: 20 * 1024 * 1024,
  maxValueChars: 16 * 1024,
  maxValuesChars: 128 * 1024,
};

export interface HistoryStoreDeps {
  /** The app data folder; history lives in its `history` subfolder. */
  readonly dir: string;
  readonly clock?: () => number;
  readonly randomId?: () => string;
  readonly limits?: Partial<HistoryLimits>;
  readonly logError?: (message: string, error: unknown) => void;
}

/** What the sender records for one request. */
export interface NewHistoryEntry {
  readonly requestId: string;
  readonly environment: HistorySummary['environment'];
  readonly endpoint: HistorySummary['endpoint'];
  readonly request: HistorySummary['request'];
  readonly values: unknown;
  readonly response?: NonNullable<HistorySummary['response']>;
  readonly bodyBytes?: Uint8Array;
  /** How the live response was shown; decides how the kept bytes are read back. */
  readonly bodyKind?: ResponseBody['kind'];
  readonly error?: AppError;
}

export interface StoredBodyBytes {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly truncated: boolean;
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;

const FORMAT_VERSION = 1;
const REDACTED = '[redacted]';
const NO_BODY: StoredBodyInfo = { kind: 'none', storedBytes: 0, truncated: false, evicted: false };

interface IndexFile {
  /** Oldest first, so appending is cheap. */
  readonly entries: HistorySummary[];
}

function parseIndex(raw: unknown): { value: IndexFile; dropped: number } {
  const list = (raw as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new Error('no entries');
  const entries = list.filter(isSummary);
  return { value: { entries }, dropped: list.length - entries.length };
}

/**
 * Bodies are raw bytes, which the JSON store does not handle: same recipe,
 * temporary file, flush, rename, so a crash never leaves half a body.
 */
export async function writeBytesAtomic(filePath: string, data: Uint8Array): Promise<void> {
  const temp = `${filePath}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await fsp.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.rename(temp, filePath);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  return out;
}

function scrubDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secrets));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[scrubText(key, secrets)] = scrubDeep(inner, secrets);
    return out;
  }
  return value;
}

function scrubHeaders(headers: HttpHeaderList, secrets: readonly string[]): HttpHeaderList {
  return headers
    .filter(([name]) => name.toLowerCase() !== 'authorization' && name.toLowerCase() !== 'proxy-authorization')
    .map(([name, value]) => [name, scrubText(value, secrets)] as const);
}

function scrubBytes(bytes: Uint8Array, secrets: readonly string[]): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!secrets.some((secret) => secret && buffer.includes(secret))) return bytes;
  // latin1 maps bytes one to one, so binary content survives the round trip.
  return Buffer.from(scrubText(buffer.toString('latin1'), secrets), 'latin1');
}

/**
 * Belt and braces: the sender never passes the key in, but whatever arrives
 * is still stripped of Authorization headers and any copy of the key.
 */
export function redactEntry<T extends NewHistoryEntry>(entry: T, secrets: readonly string[]): T {
  return {
    ...entry,
    request: { ...entry.request, url: scrubText(entry.request.url, secrets), headers: scrubHeaders(entry.request.headers, secrets) },
    values: scrubDeep(entry.values, secrets),
    ...(entry.response ? { response: { ...entry.response, headers: scrubHeaders(entry.response.headers, secrets) } } : {}),
    ...(entry.bodyBytes ? { bodyBytes: scrubBytes(entry.bodyBytes, secrets) } : {}),
    ...(entry.error ? { error: scrubDeep(entry.error, secrets) as AppError } : {}),
  };
}

/** Shortens long text values so one big HTML body cannot bloat the history file. */
function limitValues(values: unknown, limits: HistoryLimits): { values: unknown; truncated: boolean } {
  let budget = limits.maxValuesChars;
  let truncated = false;
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const allowed = Math.max(0, Math.min(limits.maxValueChars, budget));
      if (value.length > allowed) {
        truncated = true;
        budget -= allowed;
        return value.slice(0, allowed);
      }
      budget -= value.length;
      return value;
    }
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner)]));
    return value;
  };
  const limited = visit(values);
  return { values: limited, truncated };
}

function haystackOf(entry: HistorySummary): string {
  return [
    entry.endpoint.id,
    entry.endpoint.method,
    entry.endpoint.path,
    entry.request.url,
    entry.environment.name,
    entry.response ? String(entry.response.status) : '',
    entry.error?.code ?? '',
    JSON.stringify(entry.values ?? null),
  ]
    .join('\n')
    .toLowerCase();
}

function isSummary(value: unknown): value is HistorySummary {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Partial<HistorySummary>;
  return (
    typeof entry.id === 'string' &&
    /^[A-Za-z0-9-]{1,64}$/.test(entry.id) &&
    typeof entry.createdAt === 'number' &&
    typeof entry.endpoint?.id === 'string' &&
    typeof entry.environment?.id === 'string' &&
    typeof entry.request?.url === 'string' &&
    Array.isArray(entry.request.headers) &&
    typeof entry.body?.kind === 'string'
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Every sent request, newest last on disk, newest first when listed. The
 * index is one JSON file; bodies sit beside it, one file each, so adding an
 * entry never rewrites the other bodies. Each entry is also written on its
 * own into `entries/`, so a damaged index can be rebuilt from what is on disk.
 */
export function createHistoryStore(deps: HistoryStoreDeps) {
  const limits: HistoryLimits = { ...defaultHistoryLimits, ...deps.limits };
  const clock = deps.clock ?? Date.now;
  const randomId = deps.randomId ?? randomUUID;
  const root = path.join(deps.dir, 'history');
  const bodiesDir = path.join(root, 'bodies');
  const entriesDir = path.join(root, 'entries');

  const store = createJsonStore<IndexFile>({
    dir: root,
    fileName: 'index.json',
    version: FORMAT_VERSION,
    parse: parseIndex,
    empty: () => ({ entries: [] }),
    clock,
  });
  const haystacks = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();
  let loading: Promise<void> | undefined;
  // What the app works with; the index on disk follows it whenever it can be written.
  let entries: HistorySummary[] = [];
  let recoveryNotice: RecoveryNotice | undefined;

  /** One change at a time: a body file and the index must move together. */
  function serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const bodyPath = (id: string) => path.join(bodiesDir, `${id}.body`);
  const entryPath = (id: string) => path.join(entriesDir, `${id}.json`);

  function load(): Promise<readonly HistorySummary[]> {
    loading ??= (async () => {
      const { value, recovery } = await store.load();
      if (recovery) await rebuild(value.entries, recovery);
      else {
        entries = value.entries;
        await removeOrphans(entries);
      }
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading.then(() => entries);
  }

  async function persist(list: HistorySummary[]): Promise<void> {
    const kept = list.slice(-limits.maxEntries);
    await store.write({ entries: kept });
    entries = kept;
  }

  async function removeFiles(ids: readonly string[]): Promise<void> {
    await Promise.all(
      ids.flatMap((id) => [bodyPath(id), entryPath(id)].map((file) => fsp.rm(file, { force: true }).catch(() => undefined))),
    );
  }

  async function removeBodies(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => fsp.rm(bodyPath(id), { force: true }).catch(() => undefined)));
  }

  /** A crash between writing an entry's files and the index can leave files nobody refers to. */
  async function removeOrphans(list: readonly HistorySummary[]): Promise<void> {
    const withBody = new Set(list.filter((entry) => !entry.body.evicted).map((entry) => `${entry.id}.body`));
    const listed = new Set(list.map((entry) => `${entry.id}.json`));
    for (const [folder, known] of [
      [bodiesDir, withBody],
      [entriesDir, listed],
    ] as const) {
      const names = await fsp.readdir(folder).catch(() => [] as string[]);
      await Promise.all(
        names.filter((name) => !known.has(name)).map((name) => fsp.rm(path.join(folder, name), { force: true }).catch(() => undefined)),
      );
    }
  }

  async function readEntryFiles(): Promise<HistorySummary[]> {
    const found: HistorySummary[] = [];
    for (const name of await fsp.readdir(entriesDir).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      try {
        const parsed: unknown = JSON.parse(await fsp.readFile(path.join(entriesDir, name), 'utf8'));
        if (isSummary(parsed) && `${parsed.id}.json` === name) found.push(parsed);
      } catch {
        // A damaged entry file stays where it is; the rest are still rebuilt.
      }
    }
    return found;
  }

  /**
   * The index could not be used as it was: every entry is taken back from its
   * own file (and what the index still held), bodies that belong to no entry
   * are moved into a folder of their own rather than deleted, and the user is told.
   */
  async function rebuild(kept: readonly HistorySummary[], recovery: StoreRecovery): Promise<void> {
    const byId = new Map<string, HistorySummary>();
    for (const entry of await readEntryFiles()) byId.set(entry.id, entry);
    // The index knows about evictions the entry files do not.
    for (const entry of kept) byId.set(entry.id, entry);
    const bodyNames = new Set(await fsp.readdir(bodiesDir).catch(() => [] as string[]));
    const rebuilt = [...byId.values()]
      .map((entry) =>
        entry.body.storedBytes > 0 && !entry.body.evicted && !bodyNames.has(`${entry.id}.body`)
          ? { ...entry, body: { ...entry.body, storedBytes: 0, evicted: true } }
          : entry,
      )
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(-limits.maxEntries);
    const placed = new Set(rebuilt.filter((entry) => !entry.body.evicted).map((entry) => `${entry.id}.body`));
    const unmatched = [...bodyNames].filter((name) => !placed.has(name));
    const unmatchedDir = `unmatched-bodies-${fileTimestamp(new Date(clock()))}`;
    let moved = 0;
    if (unmatched.length > 0) {
      await fsp.mkdir(path.join(root, unmatchedDir), { recursive: true, mode: 0o700 }).catch(() => undefined);
      for (const name of unmatched) {
        moved += await fsp.rename(path.join(bodiesDir, name), path.join(root, unmatchedDir, name)).then(
          () => 1,
          () => 0,
        );
      }
    }
    entries = rebuilt;
    await store.write({ entries: rebuilt }).catch((error) => deps.logError?.('The rebuilt history index could not be saved.', error));
    const outcome = [
      `${plural(rebuilt.length, 'entry was', 'entries were')} rebuilt from the files kept beside it.`,
      unmatched.length > 0
        ? `${plural(unmatched.length, 'response body', 'response bodies')} could not be matched to an entry and ${unmatched.length === 1 ? 'was' : 'were'} kept in history/${moved === unmatched.length ? unmatchedDir : 'bodies'}.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    const inHistoryFolder = { ...recovery, fileName: 'history/index.json', movedTo: recovery.movedTo && `history/${recovery.movedTo}` };
    recoveryNotice = storeRecoveryNotice(inHistoryFolder, randomId(), outcome);
    deps.logError?.(recoveryNotice.message, undefined);
  }

  function storedTotal(list: readonly HistorySummary[]): number {
    let total = 0;
    for (const entry of list) if (!entry.body.evicted) total += entry.body.storedBytes;
    return total;
  }

  async function add(input: NewHistoryEntry, secrets: readonly string[] = []): Promise<HistorySummary> {
    const clean = redactEntry(input, secrets);
    return serialise(async () => {
      const list = await load();
      const id = randomId();
      const { values, truncated: valuesTruncated } = limitValues(clean.values, limits);

      let body: StoredBodyInfo = NO_BODY;
      let kept: Uint8Array | undefined;
      if (clean.response) {
        const bytes = clean.bodyBytes ?? new Uint8Array(0);
        const kind = bytes.byteLength === 0 ? 'empty' : (clean.bodyKind ?? decodeBody(bytes, clean.response.contentType).kind);
        kept = bytes.byteLength > limits.maxBodyBytes ? bytes.subarray(0, limits.maxBodyBytes) : bytes;
        body = { kind, storedBytes: kept.byteLength, truncated: kept.byteLength < bytes.byteLength, evicted: false };
      }
      if (kept && kept.byteLength > 0) {
        try {
          await fsp.mkdir(bodiesDir, { recursive: true, mode: 0o700 });
          await writeBytesAtomic(bodyPath(id), kept);
        } catch (error) {
          deps.logError?.('A response body could not be saved to history.', error);
          body = { ...body, storedBytes: 0, evicted: true };
        }
      }

      const entry: HistorySummary = {
        id,
        requestId: clean.requestId,
        createdAt: clock(),
        environment: clean.environment,
        endpoint: clean.endpoint,
        request: clean.request,
        values,
        valuesTruncated,
        ...(clean.response ? { response: clean.response } : {}),
        ...(clean.error ? { error: clean.error } : {}),
        body,
      };

      try {
        await fsp.mkdir(entriesDir, { recursive: true, mode: 0o700 });
        await writeBytesAtomic(entryPath(id), Buffer.from(JSON.stringify(entry), 'utf8'));
      } catch (error) {
        // Only the chance to rebuild this entry after a damaged index is lost.
        deps.logError?.('A history entry could not be kept beside the index.', error);
      }

      const next = [...list, entry];
      const dropped = next.splice(0, Math.max(0, next.length - limits.maxEntries));
      const evicted: string[] = [];
      let total = storedTotal(next);
      for (let i = 0; i < next.length && total > limits.maxTotalBodyBytes; i++) {
        const old = next[i];
        if (!old || old.body.evicted || old.body.storedBytes === 0 || old.id === id) continue;
        total -= old.body.storedBytes;
        next[i] = { ...old, body: { ...old.body, storedBytes: 0, evicted: true } };
        evicted.push(old.id);
      }

      await persist(next);
      for (const gone of dropped) haystacks.delete(gone.id);
      await removeFiles(dropped.map((gone) => gone.id));
      await removeBodies(evicted);
      return entry;
    });
  }

  async function list(options: { query?: string; limit?: number; offset?: number } = {}): Promise<HistoryPage> {
    const all = await load();
    const terms = (options.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches: HistorySummary[] = [];
    for (let i = all.length - 1; i >= 0; i--) {
      const entry = all[i];
      if (!entry) continue;
      if (terms.length > 0) {
        let haystack = haystacks.get(entry.id);
        if (haystack === undefined) {
          haystack = haystackOf(entry);
          haystacks.set(entry.id, haystack);
        }
        if (!terms.every((term) => haystack.includes(term))) continue;
      }
      matches.push(entry);
    }
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 100;
    return {
      entries: matches.slice(offset, offset + limit),
      total: matches.length,
      ...(recoveryNotice ? { recovery: recoveryNotice } : {}),
    };
  }

  async function find(id: string): Promise<HistorySummary> {
    const entry = (await load()).find((item) => item.id === id);
    if (!entry) throw new AppFailure('not-found', 'That history entry no longer exists.', 'Refresh the history list.');
    return entry;
  }

  async function readBody(entry: HistorySummary): Promise<Uint8Array | undefined> {
    if (entry.body.evicted || entry.body.storedBytes === 0) return undefined;
    try {
      return new Uint8Array(await fsp.readFile(bodyPath(entry.id)));
    } catch (error) {
      deps.logError?.('A stored response body could not be read.', error);
      return undefined;
    }
  }

  async function get(id: string): Promise<HistoryEntry> {
    const entry = await find(id);
    if (entry.body.kind === 'none') return { ...entry, storedBody: { kind: 'none' } };
    const bytes = await readBody(entry);
    if (!bytes) return { ...entry, storedBody: entry.body.kind === 'empty' ? { kind: 'empty' } : { kind: 'none' } };
    if (entry.body.kind !== 'text') return { ...entry, storedBody: { kind: 'binary', bytes } };
    const text = decodeText(bytes, entry.response?.contentType ?? '');
    // The cut may have split a multi-byte character.
    return { ...entry, storedBody: { kind: 'text', text: entry.body.truncated ? text.replace(/\uFFFD+$/, '') : text } };
  }

  async function getBodyBytes(id: string): Promise<StoredBodyBytes | undefined> {
    const entry = await find(id);
    const bytes = await readBody(entry);
    if (!bytes) return undefined;
    return { bytes, contentType: entry.response?.contentType ?? '', truncated: entry.body.truncated };
  }

  async function findByRequestId(requestId: string): Promise<string | undefined> {
    const all = await load();
    for (let i = all.length - 1; i >= 0; i--) if (all[i]?.requestId === requestId) return all[i]?.id;
    return undefined;
  }

  function remove(id: string): Promise<boolean> {
    return serialise(async () => {
      const all = await load();
      const next = all.filter((entry) => entry.id !== id);
      if (next.length === all.length) return false;
      await persist(next);
      haystacks.delete(id);
      await removeFiles([id]);
      return true;
    });
  }

  function clear(): Promise<number> {
    return serialise(async () => {
      const all = await load();
      await persist([]);
      haystacks.clear();
      await fsp.rm(bodiesDir, { recursive: true, force: true }).catch(() => undefined);
      await fsp.rm(entriesDir, { recursive: true, force: true }).catch(() => undefined);
      return all.length;
    });
  }

  return { add, list, get, getBodyBytes, findByRequestId, delete: remove, clear };
}
