import postman, { type Item, type ItemGroup, type Collection as PostmanCollection } from 'postman-collection';

// A CommonJS package: its classes are read off the default export so plain Node ESM (scripts, benchmarks) loads it too.
const { Collection } = postman;

import {
  type CustomMethod,
  type CustomRequest,
  collectionLimits,
  customMethods,
  type MissingFile,
  type SavedTarget,
} from '../../../shared/bridge/collections';
import { findEndpointByRequest } from '../../../shared/catalog';
import { AppFailure } from '../../../shared/errors';
import { isReservedHeader, validateValues } from '../../../shared/request';
import { isBuiltInVariable, variableLimits, variableNamePattern, withoutVariableFieldErrors } from '../../../shared/variables';
import { type NameValue, type PartsBody, type RequestParts, valuesFromParts } from './parts';

/**
 * Reads a Postman collection (v2.0 or v2.1) into saved requests, without
 * touching storage: everything is checked first so the caller can commit the
 * whole import at once or nothing.
 */

export interface ParsedRequest {
  /** The top-level folder the request sat in; null at the collection's root. */
  readonly folder: string | null;
  readonly name: string;
  readonly target: SavedTarget;
  readonly missingFiles: readonly MissingFile[];
}

export interface EnvironmentHints {
  readonly domain?: string;
  readonly baseUrl?: string;
  readonly region?: string;
  readonly subaccountId?: string;
  readonly apiKey?: string;
}

export interface ParsedCollection {
  readonly name: string;
  readonly requests: readonly ParsedRequest[];
  readonly environment: EnvironmentHints;
  /** The collection's own variables that requests keep as `{{name}}`, to become environment variables. */
  readonly variables: readonly { readonly name: string; readonly value: string }[];
  /** Every `{{name}}` the requests keep (built-ins aside), defined by the collection or not. */
  readonly referenced: readonly string[];
  readonly warnings: readonly string[];
}

const SUPPORTED_SCHEMA = /\/collection\/v2\.[01]\.\d+\/collection\.json$/;
const VARIABLE = /\{\{\s*([^}]+?)\s*\}\}/g;

function failure(message: string, hint = 'Export the collection from Postman as Collection v2.1 and import that file.'): AppFailure {
  return new AppFailure('import-failed', message, hint);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Size, JSON and schema checks, with a message for each way a file can be wrong. */
export function checkCollectionText(text: string): Record<string, unknown> {
  if (text.length > collectionLimits.importMaxChars) {
    throw new AppFailure(
      'too-large',
      'This file is larger than the 20 MB import limit.',
      'Split the collection in Postman and import the parts.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw failure('This file is not valid JSON.');
  }
  if (!isRecord(data)) throw failure('This file does not contain a Postman collection.');
  if (Array.isArray(data.values) && ('_postman_variable_scope' in data || !('item' in data))) {
    throw failure('This is a Postman environment, not a collection.', 'Import it under Environments instead.');
  }
  if (Array.isArray(data.requests) || 'order' in data) {
    throw new AppFailure(
      'unsupported',
      'This is a Postman v1 collection, which is no longer supported.',
      'Open it in Postman and export it again as Collection v2.1.',
    );
  }
  const info = isRecord(data.info) ? data.info : undefined;
  const schema = typeof info?.schema === 'string' ? info.schema : '';
  if (!info || !Array.isArray(data.item)) throw failure('This file does not contain a Postman collection.');
  if (!SUPPORTED_SCHEMA.test(schema)) {
    throw new AppFailure(
      'unsupported',
      schema === ''
        ? 'This collection does not say which Postman format it uses.'
        : `This collection uses an unknown format (${schema.slice(0, 200)}).`,
      'Export the collection from Postman as Collection v2.1 and import that file.',
    );
  }
  return data;
}

function keyOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const KEY_NAMES = new Set(['apikey', 'mailgunapikey', 'key', 'privateapikey']);
const BASE_NAMES = new Set(['baseurl', 'mailgunbaseurl', 'url', 'host', 'apiurl']);

function hintsFrom(variables: ReadonlyMap<string, string>, authPassword: string | undefined): EnvironmentHints {
  const pick = (names: Set<string> | string) => {
    for (const [name, value] of variables) {
      const matches = typeof names === 'string' ? keyOf(name) === names : names.has(keyOf(name));
      if (matches && value.trim() !== '' && !/\{\{/.test(value)) return value.trim();
    }
    return undefined;
  };
  const apiKey = pick(KEY_NAMES) ?? (authPassword && !/\{\{/.test(authPassword) ? authPassword : undefined);
  const hints: Record<string, string> = {};
  const domain = pick('domain') ?? pick('mailgundomain');
  const baseUrl = pick(BASE_NAMES);
  const region = pick('region');
  const subaccountId = pick('subaccountid');
  if (domain) hints.domain = domain;
  if (baseUrl) hints.baseUrl = baseUrl;
  if (region) hints.region = region;
  if (subaccountId) hints.subaccountId = subaccountId;
  if (apiKey) hints.apiKey = apiKey;
  return hints;
}

/** A name the app's `{{name}}` variables can hold, so a request can keep the reference rather than the value. */
function keepsReference(name: string): boolean {
  const lower = keyOf(name);
  return !KEY_NAMES.has(lower) && !BASE_NAMES.has(lower) && name.length <= variableLimits.nameMax && variableNamePattern.test(name);
}

/**
 * The key is never substituted into values. `{{domain}}` (any spelling) and
 * every other variable the app can hold stay references, filled in from the
 * environment when sending; base URLs and names the app cannot hold take the
 * collection's value. What has no value anywhere is named in `unresolved`.
 */
function substitute(text: string, variables: ReadonlyMap<string, string>, unresolved: Set<string>, kept: Set<string>): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const lower = keyOf(name);
    if (lower === 'domain') return '{{domain}}';
    if (KEY_NAMES.has(lower)) {
      unresolved.add(name);
      return whole;
    }
    if (keepsReference(name)) {
      kept.add(name);
      if (!isBuiltInVariable(name) && !variables.has(name)) unresolved.add(name);
      return `{{${name}}}`;
    }
    const value = variables.get(name);
    if (value === undefined) {
      unresolved.add(name);
      return whole;
    }
    return value;
  });
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function folderChain(item: Item): string[] {
  const chain: string[] = [];
  let parent = item.parent() as ItemGroup<Item> | PostmanCollection | undefined;
  while (parent && !(parent instanceof Collection)) {
    chain.unshift(String(parent.name ?? '').trim());
    parent = (parent as ItemGroup<Item>).parent() as ItemGroup<Item> | PostmanCollection | undefined;
  }
  return chain;
}

function hasScripts(events: { all(): { script?: { exec?: string[] } }[] } | undefined): boolean {
  return (events?.all() ?? []).some((event) => (event.script?.exec ?? []).some((line) => line.trim() !== ''));
}

interface RawRequest {
  readonly parts: RequestParts;
  readonly unresolved: Set<string>;
  readonly kept: Set<string>;
  readonly dropped: string[];
}

function pathOf(item: Item, variables: ReadonlyMap<string, string>, unresolved: Set<string>, kept: Set<string>): string {
  const url = item.request.url;
  const pathVariables = new Map<string, string>();
  for (const variable of url.variables.all()) if (variable.key) pathVariables.set(variable.key, String(variable.value ?? ''));
  const segments = (url.path ?? []).map((segment) => {
    const named = /^:(.+)$/.exec(segment);
    const value = named?.[1] ? pathVariables.get(named[1]) : undefined;
    return value !== undefined && value !== '' ? value : segment;
  });
  let path = `/${segments.join('/')}`;
  // Some collections keep the version in the base URL variable (`https://api.mailgun.net/v3`).
  if (!/^\/v\d+(\/|$)/.test(path)) {
    const host = (url.host ?? []).join('.');
    const hostVariable = /^\{\{\s*([^}]+?)\s*\}\}$/.exec(host)?.[1];
    const version = /\/(v\d+)\/?$/.exec(hostVariable ? (variables.get(hostVariable) ?? '') : '')?.[1];
    if (version) path = `/${version}${path}`;
  }
  return substitute(path, variables, unresolved, kept);
}

function readRequest(item: Item, variables: ReadonlyMap<string, string>): RawRequest {
  const unresolved = new Set<string>();
  const kept = new Set<string>();
  const dropped: string[] = [];
  const sub = (text: unknown) => substitute(String(text ?? ''), variables, unresolved, kept);
  const request = item.request;
  const query: NameValue[] = request.url.query
    .all()
    .filter((q) => !q.disabled && q.key !== null && q.key !== undefined && q.key !== '')
    .map((q) => ({ name: String(q.key), value: sub(q.value) }));
  const headers: NameValue[] = request.headers
    .all()
    .filter((h) => !h.disabled && h.key)
    .map((h) => ({ name: String(h.key), value: sub(h.value) }));
  let body: PartsBody = { kind: 'none' };
  const source = request.body;
  if (source && !source.isEmpty()) {
    if (source.mode === 'urlencoded') {
      const fields = (source.urlencoded?.all() ?? [])
        .filter((f) => !f.disabled && f.key)
        .map((f) => ({ name: String(f.key), value: sub(f.value) }));
      body = { kind: 'form', fields };
    } else if (source.mode === 'formdata') {
      const fields: NameValue[] = [];
      const files: MissingFile[] = [];
      for (const field of (source.formdata?.all() ?? []) as {
        key?: string;
        value?: string;
        type?: string;
        src?: unknown;
        disabled?: boolean;
      }[]) {
        if (field.disabled || !field.key) continue;
        if (field.type === 'file') {
          const sources = Array.isArray(field.src) ? field.src : [field.src];
          for (const src of sources) files.push({ field: field.key, name: basename(String(src ?? 'file')) });
        } else {
          fields.push({ name: field.key, value: sub(field.value) });
        }
      }
      body = { kind: 'multipart', fields, files };
    } else if (source.mode === 'raw') {
      body = { kind: 'json', text: sub(source.raw) };
    } else {
      dropped.push(`its ${source.mode} body`);
    }
  }
  return {
    parts: {
      method: String(request.method ?? 'GET').toUpperCase(),
      path: pathOf(item, variables, unresolved, kept),
      query,
      headers,
      body,
    },
    unresolved,
    kept,
    dropped,
  };
}

function customFrom(parts: RequestParts): CustomRequest {
  const body: CustomRequest['body'] =
    parts.body.kind === 'multipart'
      ? { kind: 'multipart', fields: [...parts.body.fields] }
      : parts.body.kind === 'form'
        ? { kind: 'form', fields: [...parts.body.fields] }
        : parts.body;
  return {
    method: parts.method as CustomMethod,
    path: parts.path,
    query: [...parts.query],
    headers: parts.headers.filter((h) => !isReservedHeader(h.name)),
    body,
  };
}

export function parsePostmanCollection(text: string): ParsedCollection {
  const data = checkCollectionText(text);
  let collection: PostmanCollection;
  try {
    collection = new Collection(data as ConstructorParameters<typeof Collection>[0]);
  } catch {
    throw failure('The collection could not be read.');
  }
  const variables = new Map<string, string>();
  for (const variable of collection.variables.all()) {
    if (variable.key && !variable.disabled) variables.set(variable.key, String(variable.value ?? ''));
  }
  const auth = collection.auth?.parameters();
  const environment = hintsFrom(variables, auth?.get('password') as string | undefined);

  const warnings: string[] = [];
  const requests: ParsedRequest[] = [];
  const referenced = new Set<string>();
  let scripted = hasScripts(collection.events as never) ? 1 : 0;
  collection.forEachItemGroup((group) => {
    if (hasScripts(group.events as never)) scripted += 1;
  });

  const items: Item[] = [];
  collection.forEachItem((item) => items.push(item));
  if (items.length > collectionLimits.maxRequests) {
    throw failure(
      `This collection has ${items.length} requests; at most ${collectionLimits.maxRequests} can be imported at once.`,
      'Split the collection in Postman and import the parts.',
    );
  }
  for (const item of items) {
    const chain = folderChain(item);
    const baseName = String(item.name ?? '').trim();
    if (hasScripts(item.events as never)) scripted += 1;
    const { parts, unresolved, kept, dropped } = readRequest(item, variables);
    for (const name of kept) if (!isBuiltInVariable(name)) referenced.add(name);
    const label = `${[...chain.slice(1), baseName || `${parts.method} ${parts.path}`].join(' / ')}`.slice(0, collectionLimits.nameMax);
    const notes: string[] = [];
    if (dropped.length > 0) notes.push(`${dropped.join(' and ')} could not be kept`);
    if (unresolved.size > 0)
      notes.push(`these variables have no value in the collection: ${[...unresolved].map((v) => `{{${v}}}`).join(', ')}`);

    const match = findEndpointByRequest(parts.method, parts.path);
    let target: SavedTarget;
    let missingFiles: readonly MissingFile[] = parts.body.kind === 'multipart' ? parts.body.files : [];
    if (match) {
      const mapped = valuesFromParts(match.endpoint, match.pathParams, parts);
      notes.push(...mapped.warnings);
      // A field holding `{{name}}` is checked once the variable is filled in, when sending.
      const problems = withoutVariableFieldErrors(
        validateValues(match.endpoint, mapped.values, { baseUrl: 'https://api.mailgun.net', domain: 'example.com' }),
        mapped.values,
      ).filter((problem) => !missingFiles.some((file) => file.field === problem.param));
      if (problems.length > 0) notes.push(`check ${problems.map((p) => `"${p.param}"`).join(', ')} before sending`);
      target = { kind: 'catalog', endpointId: match.endpoint.id, values: mapped.values };
      missingFiles = mapped.missingFiles;
    } else if ((customMethods as readonly string[]).includes(parts.method)) {
      if (parts.body.kind === 'multipart' && parts.body.files.length > 0) notes.push('its files cannot be sent as a custom request');
      target = { kind: 'custom', request: customFrom(parts) };
    } else {
      warnings.push(`"${label}" was skipped: ${parts.method} requests are not supported.`);
      continue;
    }
    if (notes.length > 0) warnings.push(`"${label}": ${notes.join('; ')}.`);
    requests.push({ folder: chain[0] || null, name: label, target, missingFiles });
  }
  if (scripted > 0) {
    warnings.unshift(
      `${scripted} pre-request or test script${scripted === 1 ? ' was' : 's were'} ignored; the app does not run Postman scripts.`,
    );
  }
  if (requests.length === 0)
    throw failure('This collection contains no requests that can be imported.', 'Check that you chose the right file.');
  const collectionVariables = [...variables]
    .filter(([name]) => referenced.has(name))
    .map(([name, value]) => ({ name, value: value.slice(0, variableLimits.valueMax) }));
  return {
    name: String(collection.name ?? '').trim() || 'Imported collection',
    requests,
    environment,
    variables: collectionVariables,
    referenced: [...referenced],
    warnings,
  };
}
