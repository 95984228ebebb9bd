import { z } from 'zod';
import type {
  DeleteResult,
  DuplicateResult,
  EnvironmentList,
  ExportedText,
  ExportToFileResult,
  ImportResult,
  KeyStatus,
  LeftoverKey,
  RecoveryNotice,
  RecoveryReason,
  RetryKeyDeletionResult,
} from '../../shared/bridge/environments';
import {
  type ExportItem,
  exportFileName,
  formatJsonExport,
  formatPostmanExport,
  parseImportText,
} from '../../shared/environments/transfer';
import {
  type Environment,
  type EnvironmentColour,
  type EnvironmentInput,
  environmentColourNames,
  environmentLimits,
  keyKinds,
  regions,
} from '../../shared/environments/types';
import { keyLast4, validateApiKey, validateEnvironmentInput } from '../../shared/environments/validate';
import { type AppError, AppFailure } from '../../shared/errors';
import { type EnvironmentVariable, variableLimits, variableNamePattern } from '../../shared/variables';
import { createJsonStore, type JsonStore, type StoreFileSystem, type StoreRecovery } from './json-store';
import { type Keychain, keychainFailure } from './keychain';
import { deleteSecretVariables } from './variables-secrets';

/**
 * Environments: CRUD, order, the active one, what is known about each key,
 * import/export and storage-recovery notices. Non-secret data goes to
 * environments.json; keys go only to the keychain.
 */

export interface EnvironmentsDocument {
  readonly environments: readonly Environment[];
  readonly activeId: string | null;
  /** Kept in the file so a notice survives a restart until the user has seen it. */
  readonly notices: readonly RecoveryNotice[];
  /** Keys of deleted environments the keychain would not remove, kept for a retry. */
  readonly leftoverKeys: readonly LeftoverKey[];
}

export const environmentsFileName = 'environments.json';

const storedEnvironmentSchema = z.object({
  id: z.string().min(1).max(environmentLimits.idMax),
  name: z.string(),
  region: z.enum(regions),
  baseUrl: z.string().optional(),
  domain: z.string(),
  keyKind: z.enum(keyKinds),
  subaccountId: z.string().optional(),
  readOnly: z.boolean(),
  colour: z.enum(environmentColourNames as [EnvironmentColour, ...EnvironmentColour[]]),
  hasKey: z.boolean(),
  keyLast4: z.string().max(4).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  variables: z.array(z.unknown()).optional(),
});

const storedVariableSchema = z.discriminatedUnion('secret', [
  z.object({
    name: z.string().max(variableLimits.nameMax).regex(variableNamePattern),
    secret: z.literal(false),
    value: z.string().max(variableLimits.valueMax),
  }),
  z.object({ name: z.string().max(variableLimits.nameMax).regex(variableNamePattern), secret: z.literal(true), isSet: z.boolean() }),
]);

/** A damaged variable is dropped, not the whole environment; its name is never a secret. */
function storedVariables(raw: readonly unknown[] | undefined): EnvironmentVariable[] | undefined {
  if (raw === undefined) return undefined;
  const seen = new Set<string>();
  const out: EnvironmentVariable[] = [];
  for (const item of raw.slice(0, variableLimits.maxPerEnvironment)) {
    const parsed = storedVariableSchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.name)) continue;
    seen.add(parsed.data.name);
    out.push(parsed.data);
  }
  return out;
}

const noticeSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  movedTo: z.string().nullable(),
  at: z.string(),
  reason: z.enum(['unreadable', 'invalid-json', 'unsupported-version', 'invalid-content', 'partially-valid']),
  dropped: z.number().int().nonnegative(),
  message: z.string(),
});

const leftoverKeySchema = z.object({ id: z.string().min(1).max(environmentLimits.idMax), name: z.string() });

function storedEnvironment(raw: unknown): Environment | null {
  const parsed = storedEnvironmentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const checked = validateEnvironmentInput(parsed.data);
  if (!checked.ok) return null;
  const { id: _ignored, ...fields } = checked.value;
  const { hasKey, keyLast4: last4, createdAt, updatedAt } = parsed.data;
  const variables = storedVariables(parsed.data.variables);
  return {
    id: parsed.data.id,
    ...fields,
    hasKey,
    keyLast4: hasKey ? last4 : null,
    createdAt,
    updatedAt,
    ...(variables === undefined ? {} : { variables }),
  };
}

/** Keeps every valid entry and counts the rest, so a damaged file loses as little as possible. */
export function parseEnvironmentsDocument(raw: unknown): { value: EnvironmentsDocument; dropped: number } {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { environments?: unknown }).environments)) {
    throw new Error('No environments list');
  }
  const source = raw as { environments: unknown[]; activeId?: unknown; notices?: unknown; leftoverKeys?: unknown };
  let dropped = 0;
  const environments: Environment[] = [];
  const seen = new Set<string>();
  for (const item of source.environments) {
    const environment = storedEnvironment(item);
    if (environment === null || seen.has(environment.id)) {
      dropped += 1;
      continue;
    }
    seen.add(environment.id);
    environments.push(environment);
  }
  const notices: RecoveryNotice[] = [];
  for (const item of Array.isArray(source.notices) ? source.notices : []) {
    const parsed = noticeSchema.safeParse(item);
    if (parsed.success) notices.push(parsed.data);
    else dropped += 1;
  }
  const leftoverKeys: LeftoverKey[] = [];
  for (const item of Array.isArray(source.leftoverKeys) ? source.leftoverKeys : []) {
    const parsed = leftoverKeySchema.safeParse(item);
    if (parsed.success) leftoverKeys.push(parsed.data);
    else dropped += 1;
  }
  const activeId = typeof source.activeId === 'string' && seen.has(source.activeId) ? source.activeId : null;
  return { value: { environments, activeId, notices, leftoverKeys }, dropped };
}

export function createEnvironmentsStore(options: {
  dir: string;
  clock: () => number;
  fs?: StoreFileSystem;
}): JsonStore<EnvironmentsDocument> {
  return createJsonStore<EnvironmentsDocument>({
    dir: options.dir,
    fileName: environmentsFileName,
    version: 1,
    parse: parseEnvironmentsDocument,
    empty: () => ({ environments: [], activeId: null, notices: [], leftoverKeys: [] }),
    clock: options.clock,
    ...(options.fs ? { fs: options.fs } : {}),
  });
}

export interface EnvironmentsServiceDeps {
  readonly store: JsonStore<EnvironmentsDocument>;
  readonly keychain: Keychain;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly newId: () => string;
}

export type SaveTextFile = (suggestedName: string, text: string) => Promise<{ saved: boolean; path?: string }>;

export interface EnvironmentsService {
  list(): Promise<EnvironmentList>;
  /** Throws `not-found` for an unknown id. */
  get(id: string): Promise<Environment>;
  find(id: string): Promise<Environment | undefined>;
  getActive(): Promise<Environment | null>;
  /** `newId` is for main only: the built-in sandbox is created under its fixed id. */
  save(input: EnvironmentInput, options?: { newId?: string }): Promise<Environment>;
  duplicate(id: string, options?: { copyKey?: boolean }): Promise<DuplicateResult>;
  remove(id: string, options?: { force?: boolean }): Promise<DeleteResult>;
  reorder(ids: readonly string[]): Promise<EnvironmentList>;
  setActive(id: string | null): Promise<{ activeId: string | null }>;
  setApiKey(id: string, key: string): Promise<{ hasKey: true; keyLast4: string | null }>;
  /** Stores the variable definitions (plain values, and for secrets only whether one is set); the variables service keeps the keychain in step. */
  setVariables(id: string, variables: readonly EnvironmentVariable[]): Promise<Environment>;
  deleteApiKey(id: string): Promise<{ hasKey: false; deleted: boolean }>;
  /** Tries again to remove the keys deleted environments left in the keychain. */
  retryKeyDeletion(): Promise<RetryKeyDeletionResult>;
  keyStatus(id: string): Promise<KeyStatus>;
  acknowledgeRecovery(ids?: readonly string[]): Promise<{ remaining: number }>;
  /** Without keys: the text may go to the renderer. */
  exportText(options: { format: 'json' | 'postman'; ids?: readonly string[] }): Promise<ExportedText>;
  /** The text (with keys if asked for) goes only to `saveFile`, which main implements. */
  exportToFile(
    options: { format: 'json' | 'postman'; ids?: readonly string[]; includeKeys: boolean },
    saveFile: SaveTextFile,
  ): Promise<ExportToFileResult>;
  importText(options: { text: string; format: 'auto' | 'json' | 'postman' }): Promise<ImportResult>;
}

const reasonText: Record<RecoveryReason, string> = {
  unreadable: 'could not be read',
  'invalid-json': 'was not valid JSON',
  'unsupported-version': 'was written by a newer version of the app',
  'invalid-content': 'did not contain environments in the expected form',
  'partially-valid': 'contained entries that were not valid',
};

function noticeMessage(recovery: StoreRecovery): string {
  const where =
    recovery.movedTo === null
      ? `It could not be moved aside, so changes cannot be saved until you move ${recovery.fileName} out of the data folder yourself.`
      : `The original was kept as ${recovery.movedTo} in the data folder.`;
  const kept =
    recovery.reason === 'partially-valid'
      ? `${recovery.dropped} ${recovery.dropped === 1 ? 'entry was' : 'entries were'} left out; the rest were kept.`
      : 'The app started without the saved environments.';
  return `${recovery.fileName} ${reasonText[recovery.reason]}. ${kept} ${where}`;
}

function notFound(): AppFailure {
  return new AppFailure('not-found', 'This environment no longer exists.', 'Reload the list of environments.');
}

function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  const limit = environmentLimits.nameMax;
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${wanted.slice(0, limit - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function withoutOptional(environment: Environment, input: EnvironmentInput): Environment {
  const { baseUrl: _b, subaccountId: _s, ...rest } = environment;
  return {
    ...rest,
    ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
    ...(input.subaccountId === undefined ? {} : { subaccountId: input.subaccountId }),
  };
}

export function createEnvironmentsService(deps: EnvironmentsServiceDeps): EnvironmentsService {
  const { store, keychain, clock, newId } = deps;
  // Notices that could not be written to disk still have to reach the user.
  let unsavedNotices: RecoveryNotice[] = [];
  let starting: Promise<void> | undefined;

  function ready(): Promise<void> {
    starting ??= (async () => {
      const { recovery } = await store.load();
      if (recovery === null) return;
      const notice: RecoveryNotice = { id: newId(), ...recovery, message: noticeMessage(recovery) };
      try {
        await store.update((doc) => ({ ...doc, notices: [...doc.notices, notice] }));
      } catch {
        unsavedNotices = [...unsavedNotices, notice];
      }
    })();
    starting.catch(() => {
      starting = undefined;
    });
    return starting;
  }

  async function doc(): Promise<EnvironmentsDocument> {
    await ready();
    return store.read();
  }

  function find(document: EnvironmentsDocument, id: string): Environment {
    const environment = document.environments.find((item) => item.id === id);
    if (environment === undefined) throw notFound();
    return environment;
  }

  async function change(mutate: (document: EnvironmentsDocument) => EnvironmentsDocument): Promise<EnvironmentsDocument> {
    await ready();
    return store.update(mutate);
  }

  async function patchEnvironment(id: string, patch: Partial<Pick<Environment, 'hasKey' | 'keyLast4'>>): Promise<Environment> {
    const stamp = new Date(clock()).toISOString();
    const next = await change((document) => {
      find(document, id);
      return {
        ...document,
        environments: document.environments.map((item) => (item.id === id ? { ...item, ...patch, updatedAt: stamp } : item)),
      };
    });
    return find(next, id);
  }

  /**
   * Deletes a key and says why when it could not: `expected` is whether the
   * record says there is one, because a locked keyring answers "nothing to
   * delete" instead of failing.
   */
  async function removeKey(id: string, expected: boolean): Promise<{ deleted: boolean; failure: AppFailure | null }> {
    try {
      const deleted = await keychain.deleteKey(id);
      if (deleted || !expected) return { deleted, failure: null };
      return { deleted: false, failure: await keychain.accessProblem() };
    } catch (error) {
      return { deleted: false, failure: keychainFailure(error) };
    }
  }

  function listOf(document: EnvironmentsDocument): EnvironmentList {
    return {
      environments: document.environments,
      activeId: document.activeId,
      recovery: [...document.notices, ...unsavedNotices],
      leftoverKeys: document.leftoverKeys,
    };
  }

  function invalid(input: EnvironmentInput): EnvironmentInput {
    const checked = validateEnvironmentInput(input);
    if (checked.ok) return checked.value;
    const [first] = checked.errors;
    throw new AppFailure(
      'invalid-argument',
      first?.message ?? 'The environment is not valid.',
      'Correct the highlighted field and save again.',
      first?.field,
    );
  }

  function capacityCheck(document: EnvironmentsDocument, adding: number): void {
    if (document.environments.length + adding > environmentLimits.maxEnvironments) {
      throw new AppFailure(
        'conflict',
        `There can be at most ${environmentLimits.maxEnvironments} environments.`,
        'Delete environments you no longer use first.',
      );
    }
  }

  async function selection(ids: readonly string[] | undefined): Promise<Environment[]> {
    const document = await doc();
    if (ids === undefined) return [...document.environments];
    if (ids.length === 0)
      throw new AppFailure('invalid-argument', 'No environments were chosen.', 'Choose at least one environment to export.', 'ids');
    const wanted = new Set(ids);
    const chosen = document.environments.filter((item) => wanted.has(item.id));
    if (chosen.length !== wanted.size) throw notFound();
    return chosen;
  }

  async function exportItems(format: 'json' | 'postman', ids: readonly string[] | undefined, includeKeys: boolean): Promise<ExportItem[]> {
    const chosen = await selection(ids);
    if (format === 'postman' && chosen.length !== 1) {
      throw new AppFailure(
        'invalid-argument',
        'A Postman environment file holds exactly one environment.',
        'Choose one environment to export in Postman format.',
        'ids',
      );
    }
    const items: ExportItem[] = [];
    for (const environment of chosen) {
      const apiKey = includeKeys && environment.hasKey ? await keychain.getKey(environment.id) : null;
      if (includeKeys && environment.hasKey && apiKey === null) {
        // Asked for keys: a file that silently lacks one is worse than saying why.
        const problem = await keychain.accessProblem();
        if (problem) throw problem;
      }
      items.push({ environment, apiKey });
    }
    return items;
  }

  function render(format: 'json' | 'postman', items: readonly ExportItem[], at: Date): { fileName: string; text: string } {
    const [first] = items;
    const text = format === 'postman' && first !== undefined ? formatPostmanExport(first, at) : formatJsonExport(items, at);
    return { fileName: exportFileName(format, items, at), text };
  }

  return {
    async list() {
      return listOf(await doc());
    },

    async get(id) {
      return find(await doc(), id);
    },

    async find(id) {
      return (await doc()).environments.find((item) => item.id === id);
    },

    async getActive() {
      const document = await doc();
      return document.environments.find((item) => item.id === document.activeId) ?? null;
    },

    async save(rawInput, options = {}) {
      const input = invalid(rawInput);
      const stamp = new Date(clock()).toISOString();
      if (input.id !== undefined) {
        const id = input.id;
        const next = await change((document) => {
          const current = find(document, id);
          const updated = withoutOptional({ ...current, ...input, id, updatedAt: stamp }, input);
          return { ...document, environments: document.environments.map((item) => (item.id === id ? updated : item)) };
        });
        return find(next, id);
      }
      const id = options.newId ?? newId();
      const created = withoutOptional({ ...input, id, hasKey: false, keyLast4: null, createdAt: stamp, updatedAt: stamp }, input);
      await change((document) => {
        capacityCheck(document, 1);
        return { ...document, environments: [...document.environments, created], activeId: document.activeId ?? id };
      });
      return created;
    },

    async duplicate(id, options = {}) {
      const stamp = new Date(clock()).toISOString();
      const copyId = newId();
      let source: Environment | undefined;
      const next = await change((document) => {
        capacityCheck(document, 1);
        source = find(document, id);
        const names = new Set(document.environments.map((item) => item.name));
        const copy: Environment = {
          ...source,
          id: copyId,
          name: uniqueName(`${source.name.slice(0, environmentLimits.nameMax - 7)} (copy)`, names),
          hasKey: false,
          keyLast4: null,
          createdAt: stamp,
          updatedAt: stamp,
          // Secret values stay with their environment; the copy lists the names to set again.
          ...(source.variables === undefined
            ? {}
            : { variables: source.variables.map((item) => (item.secret ? { ...item, isSet: false } : item)) }),
        };
        const index = document.environments.indexOf(source);
        const environments = [...document.environments];
        environments.splice(index + 1, 0, copy);
        return { ...document, environments };
      });
      const copy = find(next, copyId);
      if (options.copyKey === false || source === undefined || !source.hasKey)
        return { environment: copy, keyCopied: false, warning: null };
      try {
        const key = await keychain.getKey(source.id);
        if (key === null) {
          const problem = await keychain.accessProblem();
          return {
            environment: copy,
            keyCopied: false,
            warning: problem
              ? `The copy was made without a key. ${problem.message} ${problem.hint}`
              : `The keychain returned no key for "${source.name}", so the copy has none. Enter a key for the copy.`,
          };
        }
        await keychain.setKey(copyId, key);
        return { environment: await patchEnvironment(copyId, { hasKey: true, keyLast4: keyLast4(key) }), keyCopied: true, warning: null };
      } catch (error) {
        const failure =
          error instanceof AppFailure ? error : new AppFailure('internal', 'The key could not be copied.', 'Enter a key for the copy.');
        return { environment: copy, keyCopied: false, warning: `The copy was made without a key. ${failure.message} ${failure.hint}` };
      }
    },

    async remove(id, options = {}) {
      const environment = find(await doc(), id);
      const { deleted: keyDeleted, failure } = await removeKey(id, environment.hasKey);
      // With no key on record there is nothing to leave behind, so a keychain failure does not matter.
      const leftBehind = failure !== null && environment.hasKey;
      if (leftBehind && options.force !== true) {
        throw new AppFailure(
          failure.code,
          `${failure.message} The environment was not deleted, so its key is not left behind.`,
          `${failure.hint} Or delete the environment anyway; the app remembers its key and offers to remove it later.`,
        );
      }
      const next = await change((document) => {
        find(document, id);
        const environments = document.environments.filter((item) => item.id !== id);
        const activeId = document.activeId === id ? (environments[0]?.id ?? null) : document.activeId;
        const leftoverKeys = [
          ...document.leftoverKeys.filter((item) => item.id !== id),
          ...(leftBehind ? [{ id, name: environment.name }] : []),
        ];
        return { ...document, environments, activeId, leftoverKeys };
      });
      await deleteSecretVariables(keychain, id, environment.variables);
      return { deleted: true, keyDeleted, activeId: next.activeId, ...(leftBehind ? { keyError: failure.toValue() } : {}) };
    },

    async retryKeyDeletion() {
      const document = await doc();
      const live = new Set(document.environments.map((item) => item.id));
      const done = new Set<string>();
      let error: AppError | null = null;
      for (const leftover of document.leftoverKeys) {
        // An environment made since under the same id (the sandbox) owns that entry now.
        if (live.has(leftover.id)) {
          done.add(leftover.id);
          continue;
        }
        const { failure } = await removeKey(leftover.id, true);
        if (failure === null) done.add(leftover.id);
        else error ??= failure.toValue();
      }
      if (done.size === 0) return { remaining: document.leftoverKeys.length, error };
      const next = await change((current) => ({ ...current, leftoverKeys: current.leftoverKeys.filter((item) => !done.has(item.id)) }));
      return { remaining: next.leftoverKeys.length, error };
    },

    async reorder(ids) {
      const next = await change((document) => {
        const byId = new Map(document.environments.map((item) => [item.id, item]));
        if (ids.length !== byId.size || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
          throw new AppFailure(
            'conflict',
            'The list of environments changed while you were reordering it.',
            'Reload the list and try again.',
          );
        }
        return { ...document, environments: ids.map((id) => byId.get(id) as Environment) };
      });
      return listOf(next);
    },

    async setActive(id) {
      const next = await change((document) => {
        if (id !== null) find(document, id);
        return { ...document, activeId: id };
      });
      return { activeId: next.activeId };
    },

    async setApiKey(id, rawKey) {
      const checked = validateApiKey(rawKey);
      if (!checked.ok) throw new AppFailure('invalid-argument', checked.message, 'Paste the key exactly as Mailgun shows it.', 'key');
      find(await doc(), id);
      await keychain.setKey(id, checked.value);
      try {
        const updated = await patchEnvironment(id, { hasKey: true, keyLast4: keyLast4(checked.value) });
        return { hasKey: true, keyLast4: updated.keyLast4 };
      } catch (error) {
        // Deleted meanwhile: its key must not stay behind.
        if (error instanceof AppFailure && error.code === 'not-found') await keychain.deleteKey(id).catch(() => false);
        throw error;
      }
    },

    async setVariables(id, variables) {
      const stamp = new Date(clock()).toISOString();
      const next = await change((document) => {
        find(document, id);
        return {
          ...document,
          environments: document.environments.map((item) =>
            item.id === id ? { ...item, variables: [...variables], updatedAt: stamp } : item,
          ),
        };
      });
      return find(next, id);
    },

    async deleteApiKey(id) {
      const environment = find(await doc(), id);
      const { deleted, failure } = await removeKey(id, environment.hasKey);
      if (failure !== null) throw failure;
      await patchEnvironment(id, { hasKey: false, keyLast4: null });
      return { hasKey: false, deleted };
    },

    async keyStatus(id) {
      const environment = find(await doc(), id);
      const key = await keychain.getKey(id);
      if (key !== null) {
        const last4 = keyLast4(key);
        if (!environment.hasKey || environment.keyLast4 !== last4) await patchEnvironment(id, { hasKey: true, keyLast4: last4 });
        return { hasKey: true, keyLast4: last4, warning: null };
      }
      if (environment.hasKey) {
        // A locked keyring also answers "nothing here", so the record is left as it is.
        const problem = await keychain.accessProblem();
        return {
          hasKey: false,
          keyLast4: null,
          warning: problem
            ? `${problem.message} ${problem.hint}`
            : 'A key was saved for this environment, but the keychain did not return it. Unlock your keyring, or enter the key again if it was removed.',
        };
      }
      return { hasKey: false, keyLast4: null, warning: null };
    },

    async acknowledgeRecovery(ids) {
      const drop = (notice: RecoveryNotice) => ids === undefined || ids.includes(notice.id);
      unsavedNotices = unsavedNotices.filter((notice) => !drop(notice));
      const document = await doc();
      if (document.notices.some(drop)) {
        const next = await change((current) => ({ ...current, notices: current.notices.filter((notice) => !drop(notice)) }));
        return { remaining: next.notices.length + unsavedNotices.length };
      }
      return { remaining: document.notices.length + unsavedNotices.length };
    },

    async exportText({ format, ids }) {
      const items = await exportItems(format, ids, false);
      const { fileName, text } = render(format, items, new Date(clock()));
      return { fileName, text, count: items.length, includesKeys: false };
    },

    async exportToFile({ format, ids, includeKeys }, saveFile) {
      const items = await exportItems(format, ids, includeKeys);
      const { fileName, text } = render(format, items, new Date(clock()));
      const outcome = await saveFile(fileName, text);
      return {
        saved: outcome.saved,
        path: outcome.path ?? null,
        fileName,
        count: items.length,
        keysIncluded: items.filter((item) => item.apiKey !== null).length,
      };
    },

    async importText({ text, format }) {
      const parsed = parseImportText(text, format);
      const document = await doc();
      capacityCheck(document, parsed.entries.length);
      const warnings = [...parsed.warnings];
      const names = new Set(document.environments.map((item) => item.name));
      const stamp = new Date(clock()).toISOString();
      const created: Environment[] = [];
      const keyed: string[] = [];
      for (const entry of parsed.entries) {
        const id = newId();
        const name = uniqueName(entry.input.name, names);
        names.add(name);
        let hasKey = false;
        if (entry.apiKey !== null) {
          try {
            await keychain.setKey(id, entry.apiKey);
            hasKey = true;
            keyed.push(id);
          } catch (error) {
            const failure = error instanceof AppFailure ? error : new AppFailure('internal', 'The key could not be stored.', '');
            warnings.push(`${entry.label} was imported without its key. ${failure.message} ${failure.hint}`);
          }
        }
        const { id: _ignored, ...fields } = entry.input;
        created.push({
          id,
          ...fields,
          name,
          hasKey,
          keyLast4: hasKey && entry.apiKey !== null ? keyLast4(entry.apiKey) : null,
          createdAt: stamp,
          updatedAt: stamp,
          ...(entry.variables.length > 0 ? { variables: entry.variables } : {}),
        });
      }
      try {
        await change((current) => {
          capacityCheck(current, created.length);
          return { ...current, environments: [...current.environments, ...created], activeId: current.activeId ?? created[0]?.id ?? null };
        });
      } catch (error) {
        await Promise.all(keyed.map((id) => keychain.deleteKey(id).catch(() => false)));
        throw error;
      }
      return { format: parsed.format, imported: created, keysStored: keyed.length, skipped: parsed.skipped, warnings };
    },
  };
}
