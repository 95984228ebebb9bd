import type { RecoveryNotice } from '../../shared/bridge/environments';
import { type Workspace, type WorkspaceTab, type WorkspaceView, workspaceTabSchema } from '../../shared/bridge/workspace';
import { createJsonStore, type StoreFileSystem } from './json-store';
import type { Redactor } from './redaction';
import { withoutFiles, withoutKeys } from './saved-requests';
import { storeRecoveryNotice } from './store-recovery';

/**
 * The workbench's open tabs and drafts in workspace.json. The renderer sends the whole set on every change; only
 * the last one within `delayMs` is written (atomically, through the JSON store), and `flush` writes whatever is
 * waiting, which quitting and disposal wait for. Picked files are reduced to their names and every known API key is
 * taken out before anything is kept, even in memory.
 */

export interface WorkspaceStoreDeps {
  readonly dir: string;
  readonly clock: () => number;
  readonly redactor: Redactor;
  readonly delayMs?: number;
  readonly fs?: StoreFileSystem;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  readonly logError?: (message: string, error: unknown) => void;
}

export interface WorkspaceStore {
  view(): Promise<WorkspaceView>;
  save(workspace: Workspace): { readonly saved: true; readonly keyRemoved?: true };
  /** Writes what is waiting now; resolves once it is on disk (or has failed and been logged). */
  flush(): Promise<void>;
}

const emptyWorkspace = (): Workspace => ({ tabs: [], activeTabId: null });

/** Keeps every tab that is still valid; a damaged one is dropped and counted, the rest survive. */
function parseFile(raw: unknown): { value: Workspace; dropped: number } {
  const record = raw as { tabs?: unknown; activeTabId?: unknown };
  if (!Array.isArray(record.tabs)) throw new Error('no tabs');
  const tabs: WorkspaceTab[] = [];
  let dropped = 0;
  for (const candidate of record.tabs) {
    const parsed = workspaceTabSchema.safeParse(candidate);
    if (parsed.success) tabs.push(parsed.data);
    else dropped += 1;
  }
  const activeTabId = typeof record.activeTabId === 'string' ? record.activeTabId : null;
  return { value: { tabs, activeTabId }, dropped };
}

/** Files become names to pick again; keys are taken out the same way a saved request has them taken out. */
export function cleanWorkspace(workspace: Workspace, redactor: Redactor): { workspace: Workspace; keyRemoved: boolean } {
  let keyRemoved = false;
  const tabs = workspace.tabs.map((tab): WorkspaceTab => {
    const missing = new Set(tab.missingFiles ?? []);
    const drafts = tab.drafts.map((draft) => {
      const stripped = withoutFiles(draft.values);
      for (const file of stripped.missingFiles) missing.add(file.name);
      const scrubbed = withoutKeys({ kind: 'catalog', endpointId: '', values: stripped.values }, redactor);
      keyRemoved ||= scrubbed.keyRemoved;
      return { ...draft, values: scrubbed.target.kind === 'catalog' ? scrubbed.target.values : stripped.values };
    });
    let target = tab.target;
    if (target.kind === 'custom') {
      const scrubbed = withoutKeys({ kind: 'custom', request: target.request }, redactor);
      keyRemoved ||= scrubbed.keyRemoved;
      if (scrubbed.target.kind === 'custom') target = { kind: 'custom', request: scrubbed.target.request };
    }
    const saved = tab.saved?.values ? { ...tab.saved, values: withoutFiles(tab.saved.values).values } : tab.saved;
    const cleaned: WorkspaceTab = {
      id: tab.id,
      target,
      ...(tab.title !== undefined ? { title: tab.title } : {}),
      preview: tab.preview,
      ...(saved ? { saved } : {}),
      ...(missing.size > 0 ? { missingFiles: [...missing].slice(0, 100) } : {}),
      drafts,
    };
    // Whatever else still holds a key (a title, the saved copy) keeps only the placeholder.
    if (!redactor.contains(cleaned)) return cleaned;
    keyRemoved = true;
    return redactor.deep(cleaned);
  });
  return { workspace: { tabs, activeTabId: workspace.activeTabId }, keyRemoved };
}

export function createWorkspaceStore(deps: WorkspaceStoreDeps): WorkspaceStore {
  const delayMs = deps.delayMs ?? 500;
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const store = createJsonStore<Workspace>({
    dir: deps.dir,
    fileName: 'workspace.json',
    version: 1,
    clock: deps.clock,
    empty: emptyWorkspace,
    parse: parseFile,
    ...(deps.fs ? { fs: deps.fs } : {}),
  });
  let recovery: RecoveryNotice | undefined;
  let loaded: Promise<void> | undefined;
  let waiting: Workspace | undefined;
  let latest: Workspace | undefined;
  let timer: unknown;
  let writing: Promise<void> = Promise.resolve();

  function load(): Promise<void> {
    loaded ??= store.load().then(({ recovery: found }) => {
      if (found) {
        recovery = storeRecoveryNotice(
          found,
          `workspace-${found.at}`,
          found.reason === 'partially-valid' ? 'The tabs that could be read were opened again.' : 'The workbench started with no tabs.',
        );
      }
    });
    return loaded;
  }

  function writeWaiting(): Promise<void> {
    timer = undefined;
    const next = waiting;
    waiting = undefined;
    if (!next) return writing;
    writing = writing
      .then(() => load())
      .then(() => store.write(next))
      .catch((error: unknown) => deps.logError?.('workspace: could not save the open tabs', error));
    return writing;
  }

  return {
    async view() {
      await load();
      return { workspace: latest ?? (await store.read()), ...(recovery ? { recovery } : {}) };
    },
    save(workspace) {
      const cleaned = cleanWorkspace(workspace, deps.redactor);
      latest = cleaned.workspace;
      waiting = cleaned.workspace;
      if (timer !== undefined) clearTimer(timer);
      timer = setTimer(() => void writeWaiting(), delayMs);
      return { saved: true, ...(cleaned.keyRemoved ? { keyRemoved: true } : {}) };
    },
    flush() {
      if (timer !== undefined) clearTimer(timer);
      return writeWaiting();
    },
  };
}
