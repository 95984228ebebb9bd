import { z } from 'zod';
import {
  type CollectionExportResult,
  type CollectionImportResult,
  collectionLimits,
  customRequestSchema,
  type MissingFile,
  type SavedCollection,
  type SavedRequest,
  type SavedRequestList,
  type SavedTarget,
} from '../../shared/bridge/collections';
import type { RecoveryNotice } from '../../shared/bridge/environments';
import { requestValuesSchema } from '../../shared/bridge/requests';
import type { ImportedVariables } from '../../shared/bridge/variables';
import type { EndpointDef } from '../../shared/catalog/types';
import { formatPostmanExport } from '../../shared/environments/transfer';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { isFileRef, type ParamInput, type RequestValues } from '../../shared/request';
import type { ResponseRecord } from '../../shared/requests/types';
import type { EnvironmentsService } from './environments';
import { createJsonStore, type StoreFileSystem } from './json-store';
import { catalogFolders, collectionFileName, type ExportFolder, formatPostmanCollection, partsOfSaved } from './postman/export';
import { type EnvironmentHints, type ParsedCollection, parsePostmanCollection } from './postman/import';
import type { Redactor } from './redaction';
import type { CustomSender } from './send-custom-request';
import type { RequestSender, SendRequestArgs } from './send-request';
import { storeRecoveryNotice } from './store-recovery';
import type { VariablesService } from './variables';

/**
 * The user's saved requests, grouped in collections, in saved-requests.json.
 * Values are stored without picked files (kept by name) and never with the
 * API key; Postman files go in and out through the postman/ mappers.
 */

interface SavedDocument {
  readonly collections: readonly SavedCollection[];
  readonly requests: readonly SavedRequest[];
}

const collectionSchema = z.object({ id: z.string().min(1).max(128), name: z.string().min(1), createdAt: z.string() });
const storedRequestSchema = z.object({
  id: z.string().min(1).max(128),
  collectionId: z.string().min(1).max(128),
  name: z.string().min(1),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('catalog'), endpointId: z.string().min(1).max(200), values: requestValuesSchema }),
    z.object({ kind: z.literal('custom'), request: customRequestSchema }),
  ]),
  missingFiles: z.array(z.object({ field: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function parseSavedDocument(raw: unknown): { value: SavedDocument; dropped: number } {
  const source = raw as { collections?: unknown; requests?: unknown };
  if (!Array.isArray(source?.collections) || !Array.isArray(source.requests)) throw new Error('Not a saved requests file');
  const collections: SavedCollection[] = [];
  let dropped = 0;
  for (const item of source.collections) {
    const parsed = collectionSchema.safeParse(item);
    if (parsed.success) collections.push(parsed.data);
    else dropped += 1;
  }
  const ids = new Set(collections.map((c) => c.id));
  const requests: SavedRequest[] = [];
  for (const item of source.requests) {
    const parsed = storedRequestSchema.safeParse(item);
    if (parsed.success && ids.has(parsed.data.collectionId)) requests.push(parsed.data as SavedRequest);
    else dropped += 1;
  }
  return { value: { collections, requests }, dropped };
}

export interface SavedRequestsDeps {
  readonly dir: string;
  readonly clock: () => number;
  readonly newId: () => string;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  readonly catalog: readonly EndpointDef[];
  readonly groupTitle: (groupId: string) => string;
  readonly environments: Pick<EnvironmentsService, 'find' | 'importText' | 'setApiKey'>;
  readonly getKey: (environmentId: string) => Promise<string | null>;
  /** Knows every key; nothing stored here or exported keeps one. */
  readonly redactor: Redactor;
  /** Where an import's `{{name}}` variables go. */
  readonly variables?: Pick<VariablesService, 'addImported'>;
  readonly sender: Pick<RequestSender, 'send'>;
  readonly customSender: CustomSender;
  readonly fs?: StoreFileSystem;
}

export type SavedRequestsService = ReturnType<typeof createSavedRequestsService>;

type SaveTextFile = (suggestedName: string, text: string) => Promise<{ saved: boolean; path?: string }>;

function cleanName(name: string, what: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed === '') throw new AppFailure('invalid-argument', `The ${what} needs a name.`, 'Type a name and try again.', 'name');
  if (trimmed.length > collectionLimits.nameMax) {
    throw new AppFailure(
      'invalid-argument',
      `The name is longer than ${collectionLimits.nameMax} characters.`,
      'Shorten the name.',
      'name',
    );
  }
  return trimmed;
}

function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${wanted.slice(0, collectionLimits.nameMax - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Takes picked files out of the values (they are only valid for this session) and notes them by name. */
export function withoutFiles(values: RequestValues): { values: RequestValues; missingFiles: MissingFile[] } {
  const missingFiles: MissingFile[] = [];
  const strip = (field: string, input: ParamInput | undefined): ParamInput | undefined => {
    if (input === undefined) return undefined;
    if (isFileRef(input)) {
      missingFiles.push({ field, name: input.name });
      return undefined;
    }
    if (!Array.isArray(input)) return input;
    const kept = input.filter((item) => {
      if (!isFileRef(item)) return true;
      missingFiles.push({ field, name: item.name });
      return false;
    });
    return kept.length === 0 && input.length > 0 ? undefined : kept;
  };
  const params: Record<string, ParamInput> = {};
  for (const [name, input] of Object.entries(values.params)) {
    const kept = strip(name, input);
    if (kept !== undefined) params[name] = kept;
  }
  const extra: { name: string; value: ParamInput }[] = [];
  for (const entry of values.extra ?? []) {
    const kept = strip(entry.name, entry.value);
    if (kept !== undefined) extra.push({ name: entry.name, value: kept });
  }
  return {
    values: {
      params,
      ...(extra.length > 0 ? { extra } : {}),
      ...(values.headers && values.headers.length > 0 ? { headers: values.headers } : {}),
    },
    missingFiles,
  };
}

/**
 * Takes every known key out of a request before it is stored: header and
 * query entries that carry one are dropped (the app sends the key itself, as
 * Basic auth), and any other copy becomes the redaction placeholder.
 */
export function withoutKeys(target: SavedTarget, redactor: Redactor): { target: SavedTarget; keyRemoved: boolean } {
  if (!redactor.contains(target)) return { target, keyRemoved: false };
  const clean = <T extends { readonly value: unknown }>(entries: readonly T[] | undefined) =>
    entries?.filter((entry) => !redactor.contains(entry.value));
  if (target.kind === 'custom') {
    const { request } = target;
    const stripped = { ...request, query: clean(request.query) ?? [], headers: clean(request.headers) ?? [] };
    return { target: { kind: 'custom', request: redactor.deep(stripped) }, keyRemoved: true };
  }
  const { values } = target;
  const headers = clean(values.headers);
  const stripped: RequestValues = { ...values, ...(headers ? { headers } : {}) };
  return { target: { ...target, values: redactor.deep(stripped) }, keyRemoved: true };
}

function environmentFileFor(name: string, hints: EnvironmentHints): string {
  const variable = (key: string, value: string) => ({ key, value, enabled: true });
  const values = [
    ...(hints.domain ? [variable('domain', hints.domain)] : []),
    ...(hints.baseUrl ? [variable('base_url', hints.baseUrl.replace(/\/v\d+\/?$/, ''))] : []),
    ...(hints.region ? [variable('region', hints.region)] : []),
    ...(hints.subaccountId ? [variable('subaccount_id', hints.subaccountId)] : []),
    ...(hints.apiKey ? [variable('api_key', hints.apiKey)] : []),
  ];
  return JSON.stringify({ name, values, _postman_variable_scope: 'environment' });
}

export function createSavedRequestsService(deps: SavedRequestsDeps) {
  const store = createJsonStore<SavedDocument>({
    dir: deps.dir,
    fileName: 'saved-requests.json',
    version: 1,
    parse: parseSavedDocument,
    empty: () => ({ collections: [], requests: [] }),
    clock: deps.clock,
    ...(deps.fs ? { fs: deps.fs } : {}),
  });
  const stamp = () => new Date(deps.clock()).toISOString();
  // Found when the file is first read; shown with the list until the app restarts.
  let recovery: RecoveryNotice | undefined;
  const loaded = store.load().then(
    ({ recovery: found }) => {
      if (found === null) return;
      const partly = found.reason === 'partially-valid';
      const kept = partly
        ? `${found.dropped} ${found.dropped === 1 ? 'entry was' : 'entries were'} left out; the rest were kept.`
        : 'The app started without the saved requests.';
      const todo =
        found.movedTo === null
          ? ''
          : `To get ${partly ? 'the rest' : 'them'} back, quit the app, repair the kept file and rename it to saved-requests.json.`;
      recovery = storeRecoveryNotice(found, deps.newId(), kept, todo);
    },
    () => undefined,
  );

  function collectionIn(doc: SavedDocument, id: string): SavedCollection {
    const found = doc.collections.find((c) => c.id === id);
    if (!found) throw new AppFailure('not-found', 'That collection no longer exists.', 'Reload the list of saved requests.');
    return found;
  }

  function requestIn(doc: SavedDocument, id: string): SavedRequest {
    const found = doc.requests.find((r) => r.id === id);
    if (!found) throw new AppFailure('not-found', 'That saved request no longer exists.', 'Reload the list of saved requests.');
    return found;
  }

  function checkNameFree(doc: SavedDocument, collectionId: string, name: string, exceptId?: string): void {
    const clash = doc.requests.some(
      (r) => r.collectionId === collectionId && r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash)
      throw new AppFailure(
        'conflict',
        `"${name}" already exists in this collection.`,
        'Choose another name, or save over the existing request.',
        'name',
      );
  }

  async function list(): Promise<SavedRequestList> {
    await loaded;
    const doc = await store.read();
    return recovery ? { ...doc, recovery } : doc;
  }

  async function createCollection(name: string): Promise<SavedCollection> {
    const clean = cleanName(name, 'collection');
    const created: SavedCollection = { id: deps.newId(), name: clean, createdAt: stamp() };
    await store.update((doc) => {
      if (doc.collections.length >= collectionLimits.maxCollections) {
        throw new AppFailure(
          'conflict',
          `There can be at most ${collectionLimits.maxCollections} collections.`,
          'Delete collections you no longer use.',
        );
      }
      if (doc.collections.some((c) => c.name.toLowerCase() === clean.toLowerCase())) {
        throw new AppFailure('conflict', `A collection called "${clean}" already exists.`, 'Choose another name.', 'name');
      }
      return { ...doc, collections: [...doc.collections, created] };
    });
    return created;
  }

  async function renameCollection(id: string, name: string): Promise<SavedCollection> {
    const clean = cleanName(name, 'collection');
    const next = await store.update((doc) => {
      collectionIn(doc, id);
      if (doc.collections.some((c) => c.id !== id && c.name.toLowerCase() === clean.toLowerCase())) {
        throw new AppFailure('conflict', `A collection called "${clean}" already exists.`, 'Choose another name.', 'name');
      }
      return { ...doc, collections: doc.collections.map((c) => (c.id === id ? { ...c, name: clean } : c)) };
    });
    return collectionIn(next, id);
  }

  async function deleteCollection(id: string): Promise<{ deleted: true; requestsDeleted: number }> {
    let requestsDeleted = 0;
    await store.update((doc) => {
      collectionIn(doc, id);
      requestsDeleted = doc.requests.filter((r) => r.collectionId === id).length;
      return { collections: doc.collections.filter((c) => c.id !== id), requests: doc.requests.filter((r) => r.collectionId !== id) };
    });
    return { deleted: true, requestsDeleted };
  }

  async function save(input: {
    id?: string | undefined;
    collectionId: string;
    name: string;
    target: SavedTarget;
    environmentId?: string | undefined;
  }): Promise<SavedRequest & { readonly keyRemoved?: true }> {
    const name = cleanName(input.name, 'request');
    let target = input.target;
    let missingFiles: MissingFile[] = [];
    if (target.kind === 'catalog') {
      if (!deps.getEndpoint(target.endpointId))
        throw new AppFailure('not-found', `There is no endpoint "${target.endpointId}".`, 'Pick the endpoint again.');
      const stripped = withoutFiles(target.values);
      target = { ...target, values: stripped.values };
      missingFiles = stripped.missingFiles;
    }
    if (input.environmentId) deps.redactor.learn(await deps.getKey(input.environmentId).catch(() => null));
    const scrubbed = withoutKeys(target, deps.redactor);
    target = scrubbed.target;
    const now = stamp();
    const id = input.id ?? deps.newId();
    const next = await store.update((doc) => {
      collectionIn(doc, input.collectionId);
      checkNameFree(doc, input.collectionId, name, input.id);
      if (input.id !== undefined) {
        const existing = requestIn(doc, input.id);
        const updated: SavedRequest = { ...existing, collectionId: input.collectionId, name, target, missingFiles, updatedAt: now };
        return { ...doc, requests: doc.requests.map((r) => (r.id === input.id ? updated : r)) };
      }
      if (doc.requests.length >= collectionLimits.maxRequests) {
        throw new AppFailure(
          'conflict',
          `There can be at most ${collectionLimits.maxRequests} saved requests.`,
          'Delete requests you no longer use.',
        );
      }
      const created: SavedRequest = { id, collectionId: input.collectionId, name, target, missingFiles, createdAt: now, updatedAt: now };
      return { ...doc, requests: [...doc.requests, created] };
    });
    const stored = requestIn(next, id);
    return scrubbed.keyRemoved ? { ...stored, keyRemoved: true } : stored;
  }

  async function rename(id: string, name: string): Promise<SavedRequest> {
    const clean = cleanName(name, 'request');
    const next = await store.update((doc) => {
      const current = requestIn(doc, id);
      checkNameFree(doc, current.collectionId, clean, id);
      return { ...doc, requests: doc.requests.map((r) => (r.id === id ? { ...r, name: clean, updatedAt: stamp() } : r)) };
    });
    return requestIn(next, id);
  }

  async function remove(id: string): Promise<{ deleted: true }> {
    await store.update((doc) => {
      requestIn(doc, id);
      return { ...doc, requests: doc.requests.filter((r) => r.id !== id) };
    });
    return { deleted: true };
  }

  async function move(id: string, collectionId: string): Promise<SavedRequest> {
    const next = await store.update((doc) => {
      const current = requestIn(doc, id);
      collectionIn(doc, collectionId);
      const taken = new Set(doc.requests.filter((r) => r.collectionId === collectionId && r.id !== id).map((r) => r.name.toLowerCase()));
      const name = uniqueName(current.name, taken);
      return { ...doc, requests: doc.requests.map((r) => (r.id === id ? { ...r, collectionId, name, updatedAt: stamp() } : r)) };
    });
    return requestIn(next, id);
  }

  async function applyEnvironment(
    name: string,
    hints: EnvironmentHints,
    environmentId: string | undefined,
    warnings: string[],
  ): Promise<CollectionImportResult['environment']> {
    if (environmentId !== undefined) {
      if (!hints.apiKey) return null;
      const environment = await deps.environments.find(environmentId);
      if (!environment) {
        warnings.push('The chosen environment no longer exists, so the key in the file was not stored.');
        return null;
      }
      if (environment.hasKey) {
        warnings.push(
          `The file contains an API key; "${environment.name}" already has one, so it was kept and the file's key was not used.`,
        );
        return null;
      }
      try {
        await deps.environments.setApiKey(environmentId, hints.apiKey);
        return { id: environment.id, name: environment.name, keyStored: true };
      } catch (error) {
        warnings.push(
          `The key in the file could not be stored: ${error instanceof AppFailure ? error.message : 'the keychain refused it'}.`,
        );
        return null;
      }
    }
    if (!hints.apiKey && !hints.domain) return null;
    try {
      const result = await deps.environments.importText({ text: environmentFileFor(name, hints), format: 'postman' });
      warnings.push(...result.warnings);
      const [created] = result.imported;
      return created ? { id: created.id, name: created.name, keyStored: created.hasKey } : null;
    } catch (error) {
      warnings.push(
        `No environment was created from the file's variables: ${error instanceof AppFailure ? error.message : 'it could not be saved'}.`,
      );
      return null;
    }
  }

  /** The requests keep `{{name}}`; the file's values become the environment's variables where it has none. */
  async function importVariables(
    parsed: ParsedCollection,
    environmentId: string | undefined,
    warnings: string[],
  ): Promise<ImportedVariables | null> {
    const usesDomain = parsed.requests.some((request) => JSON.stringify(request.target).includes('{{domain}}'));
    if (!deps.variables || (parsed.referenced.length === 0 && !usesDomain)) return null;
    const names = (list: readonly string[]) => list.map((name) => `{{${name}}}`).join(', ');
    let result: ImportedVariables | null;
    try {
      result = await deps.variables.addImported(environmentId, parsed.variables, parsed.referenced);
    } catch (error) {
      warnings.push(
        `The file's variables (${names(parsed.variables.map((item) => item.name))}) were not added: ${error instanceof AppFailure ? error.message : 'they could not be saved'}.`,
      );
      return null;
    }
    if (result === null) {
      if (parsed.referenced.length > 0) {
        warnings.push(`The requests use ${names(parsed.referenced)}; pick an environment and define them in Environments → Variables.`);
      }
      return null;
    }
    const target = await deps.environments.find(result.environmentId);
    if (usesDomain && parsed.environment.domain && target && target.domain !== parsed.environment.domain.toLowerCase()) {
      warnings.push(
        `{{domain}} is filled in with the domain of "${result.environmentName}" (${target.domain}), not the file's ${parsed.environment.domain}.`,
      );
    }
    if (result.created.length > 0) warnings.push(`Added to "${result.environmentName}" from the file: ${names(result.created)}.`);
    if (result.kept.length > 0)
      warnings.push(`"${result.environmentName}" already defines ${names(result.kept)}; its own values were kept.`);
    if (result.undefinedNames.length > 0) {
      const one = result.undefinedNames.length === 1;
      warnings.push(
        `${names(result.undefinedNames)} ${one ? 'is' : 'are'} not defined in environment ${result.environmentName}: define ${one ? 'it' : 'them'} in Environments → Variables before sending.`,
      );
    }
    return result;
  }

  /** Everything is parsed and checked before anything is written; the requests land in one write. */
  async function importText(text: string, environmentId?: string): Promise<CollectionImportResult> {
    const parsed = parsePostmanCollection(text);
    const warnings = [...parsed.warnings];
    // The collection's key goes to the keychain (applyEnvironment); no copy of it stays in the requests.
    deps.redactor.learn(parsed.environment.apiKey);
    let keysRemoved = 0;
    const now = stamp();
    const created: SavedCollection[] = [];
    const added: SavedRequest[] = [];
    await store.update((doc) => {
      created.length = 0;
      added.length = 0;
      keysRemoved = 0;
      const folderNames = [...new Set(parsed.requests.map((r) => r.folder ?? parsed.name))];
      if (
        doc.collections.length + folderNames.length > collectionLimits.maxCollections ||
        doc.requests.length + parsed.requests.length > collectionLimits.maxRequests
      ) {
        throw new AppFailure(
          'conflict',
          'Importing this file would go over the limit of saved collections or requests.',
          'Delete collections you no longer use, then import again.',
        );
      }
      const takenCollections = new Set(doc.collections.map((c) => c.name.toLowerCase()));
      const byFolder = new Map<string, SavedCollection>();
      for (const folder of folderNames) {
        const name = uniqueName(folder.slice(0, collectionLimits.nameMax), takenCollections);
        if (name !== folder) warnings.push(`A collection called "${folder}" already exists, so the imported one is called "${name}".`);
        takenCollections.add(name.toLowerCase());
        const collection: SavedCollection = { id: deps.newId(), name, createdAt: now };
        byFolder.set(folder, collection);
        created.push(collection);
      }
      const taken = new Map<string, Set<string>>();
      for (const request of parsed.requests) {
        const collection = byFolder.get(request.folder ?? parsed.name) as SavedCollection;
        const names = taken.get(collection.id) ?? new Set<string>();
        const name = uniqueName(request.name, names);
        if (name !== request.name) warnings.push(`Two requests are called "${request.name}"; the second was renamed "${name}".`);
        names.add(name.toLowerCase());
        taken.set(collection.id, names);
        const scrubbed = withoutKeys(request.target, deps.redactor);
        if (scrubbed.keyRemoved) keysRemoved += 1;
        added.push({
          id: deps.newId(),
          collectionId: collection.id,
          name,
          target: scrubbed.target,
          missingFiles: request.missingFiles,
          createdAt: now,
          updatedAt: now,
        });
      }
      return { collections: [...doc.collections, ...created], requests: [...doc.requests, ...added] };
    });
    if (keysRemoved > 0) {
      warnings.push(
        `The API key was taken out of ${keysRemoved === 1 ? '1 request' : `${keysRemoved} requests`} (headers and query values that held it were dropped); the app adds the key itself when sending.`,
      );
    }
    const environment = await applyEnvironment(parsed.name, parsed.environment, environmentId, warnings);
    const variables = await importVariables(parsed, environmentId ?? environment?.id, warnings);
    const mapped = added.filter((r) => r.target.kind === 'catalog').length;
    return { collections: created, imported: added.length, mapped, custom: added.length - mapped, warnings, environment, variables };
  }

  async function exportFolders(scope: 'catalog' | 'saved', collectionId?: string): Promise<{ name: string; folders: ExportFolder[] }> {
    if (scope === 'catalog') return { name: 'Mailgun API', folders: catalogFolders(deps.catalog, deps.groupTitle) };
    const doc = await store.read();
    const collections = collectionId === undefined ? doc.collections : [collectionIn(doc, collectionId)];
    const folders = collections.map((collection) => ({
      name: collection.name,
      requests: doc.requests
        .filter((r) => r.collectionId === collection.id)
        .flatMap((r) => {
          const parts = partsOfSaved(r, deps.getEndpoint);
          return parts ? [{ name: r.name, parts }] : [];
        }),
    }));
    if (folders.every((f) => f.requests.length === 0)) {
      throw new AppFailure('not-found', 'There are no saved requests to export.', 'Save a request first.');
    }
    return { name: collections.length === 1 && collections[0] ? collections[0].name : 'Mailgun Explorer saved requests', folders };
  }

  async function exportText(scope: 'catalog' | 'saved', collectionId?: string) {
    const { name, folders } = await exportFolders(scope, collectionId);
    // Stored requests hold no key; this catches one typed before the key was known.
    const text = deps.redactor.text(formatPostmanCollection(name, folders, new Date(deps.clock())));
    return { fileName: collectionFileName(name), text, requests: folders.reduce((n, f) => n + f.requests.length, 0) };
  }

  async function exportToFile(
    options: { scope: 'catalog' | 'saved'; collectionId?: string | undefined; environmentId?: string | undefined; includeKeys: boolean },
    saveFile: SaveTextFile,
  ): Promise<CollectionExportResult> {
    let environment: Environment | undefined;
    if (options.environmentId !== undefined) {
      environment = await deps.environments.find(options.environmentId);
      if (!environment) throw new AppFailure('not-found', 'That environment no longer exists.', 'Pick another environment.');
    }
    const { fileName, text, requests } = await exportText(options.scope, options.collectionId);
    const outcome = await saveFile(fileName, text);
    let environmentFile: CollectionExportResult['environmentFile'] = null;
    if (outcome.saved && environment) {
      const apiKey = options.includeKeys && environment.hasKey ? await deps.getKey(environment.id) : null;
      const envText = formatPostmanExport({ environment, apiKey }, new Date(deps.clock()));
      const envName = `${collectionFileName(environment.name).replace('.postman_collection.json', '')}${apiKey ? '-WITH-KEY' : ''}.postman_environment.json`;
      const envOutcome = await saveFile(envName, envText);
      environmentFile = { saved: envOutcome.saved, fileName: envName, keyIncluded: apiKey !== null && envOutcome.saved };
    }
    return { saved: outcome.saved, path: outcome.path ?? null, fileName, requests, environmentFile };
  }

  async function sendSaved(args: {
    requestId: string;
    environmentId: string;
    savedId: string;
    confirmedDestructive?: boolean | undefined;
  }): Promise<ResponseRecord> {
    const saved = requestIn(await store.read(), args.savedId);
    if (saved.missingFiles.length > 0) {
      throw new AppFailure(
        'file-missing',
        `This request needs ${saved.missingFiles.map((f) => `"${f.name}"`).join(', ')}, which must be picked again.`,
        'Open it in the editor, pick the file, then send.',
      );
    }
    const confirmed = args.confirmedDestructive === undefined ? {} : { confirmedDestructive: args.confirmedDestructive };
    if (saved.target.kind === 'custom') {
      return deps.customSender.send(
        {
          requestId: args.requestId,
          environmentId: args.environmentId,
          request: saved.target.request,
          ...confirmed,
        },
        // A run's answer goes to the page's response viewer.
        { streamLargeBody: true },
      );
    }
    return deps.sender.send(
      {
        requestId: args.requestId,
        environmentId: args.environmentId,
        endpointId: saved.target.endpointId,
        values: saved.target.values as SendRequestArgs['values'],
        ...confirmed,
      },
      { streamLargeBody: true },
    );
  }

  return {
    list,
    createCollection,
    renameCollection,
    deleteCollection,
    save,
    rename,
    remove,
    move,
    importText,
    exportText,
    exportToFile,
    sendSaved,
  };
}
