import type { MissingFile } from '../../../shared/bridge/collections';
import { domainParamName } from '../../../shared/catalog/domain-scope';
import type { EndpointDef, ParamDef, ParamType } from '../../../shared/catalog/types';
import {
  type FileRef,
  formatRfc2822,
  isEmptyInput,
  isFileRef,
  isReservedHeader,
  type ParamInput,
  type ParamScalar,
  paramKey,
  type RequestValues,
} from '../../../shared/request';

/**
 * A request as Postman describes it, in the few shapes Mailgun uses, and the
 * mapping between it and a catalog endpoint's values in both directions.
 */

export interface NameValue {
  readonly name: string;
  readonly value: string;
}

export type PartsBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'form'; readonly fields: readonly NameValue[] }
  | { readonly kind: 'multipart'; readonly fields: readonly NameValue[]; readonly files: readonly MissingFile[] }
  | { readonly kind: 'json'; readonly text: string };

export interface RequestParts {
  readonly method: string;
  /** From the version segment on, e.g. `/v3/{{domain}}/messages`; no query. */
  readonly path: string;
  readonly query: readonly NameValue[];
  readonly headers: readonly NameValue[];
  readonly body: PartsBody;
}

const FAMILY = /^(o:|h:|v:|t:|recipient-variables$)/;

function toText(type: ParamType, item: unknown): string {
  if (item instanceof Date)
    return type.kind === 'date' && type.format === 'epoch' ? String(Math.floor(item.getTime() / 1000)) : formatRfc2822(item);
  if (typeof item === 'boolean') return type.kind === 'boolean' && type.style === 'true-false' ? String(item) : item ? 'yes' : 'no';
  if (typeof item === 'string') return item;
  if (typeof item === 'number') return String(item);
  return JSON.stringify(item);
}

function itemsOf(input: ParamInput): unknown[] {
  return Array.isArray(input) ? input.filter((item) => !isEmptyInput(item)) : [input];
}

function jsonValue(type: ParamType, input: ParamInput): unknown {
  if (Array.isArray(input) && type.kind !== 'json') return input.map((item) => jsonValue(type, item as ParamInput));
  if (type.kind === 'json' && typeof input === 'string') {
    try {
      return JSON.parse(input);
    } catch {
      return input;
    }
  }
  if (
    (type.kind === 'integer' || type.kind === 'number') &&
    typeof input === 'string' &&
    input.trim() !== '' &&
    Number.isFinite(Number(input))
  ) {
    return Number(input);
  }
  if (type.kind === 'boolean' && typeof input === 'string') return input === 'true' || input === 'yes';
  if (input instanceof Date) return input.toISOString();
  return input;
}

/** Catalog endpoint + values -> Postman parts. Empty path parameters become `{{domain}}` or `:name`. */
export function partsFromValues(endpoint: EndpointDef, values: RequestValues): { parts: RequestParts; files: MissingFile[] } {
  const domainParam = domainParamName(endpoint.path);
  const toQuery = endpoint.encoding === 'none' || endpoint.method === 'GET';
  const query: NameValue[] = [];
  const headers: NameValue[] = [];
  const fields: NameValue[] = [];
  const files: MissingFile[] = [];
  const json: Record<string, unknown> = {};
  const pathValues = new Map<string, string>();

  const add = (name: string, location: ParamDef['in'], type: ParamType, input: ParamInput) => {
    if (isEmptyInput(input)) return;
    const where = location === 'body' && toQuery ? 'query' : location;
    if (where === 'body' && endpoint.encoding === 'json') {
      json[name] = jsonValue(type, input);
      return;
    }
    for (const item of itemsOf(input)) {
      if (isFileRef(item)) {
        files.push({ field: name, name: (item as FileRef).name });
        continue;
      }
      const text = toText(type, item);
      if (where === 'path') pathValues.set(name, text);
      else if (where === 'query') query.push({ name, value: text });
      else if (where === 'header') headers.push({ name, value: text });
      else fields.push({ name, value: text });
    }
  };

  for (const def of endpoint.params) {
    const input = values.params[paramKey(endpoint, def)];
    if (input !== undefined) add(def.name, def.in, def.type, input);
  }
  const declared = new Set(endpoint.params.map((p) => paramKey(endpoint, p)));
  for (const [name, input] of Object.entries(values.params)) {
    if (!declared.has(name) && input !== undefined) add(name, 'body', { kind: 'string' }, input);
  }
  for (const entry of values.extra ?? []) {
    const def = endpoint.params.find((p) => p.name === entry.name);
    add(entry.name, 'body', def?.type ?? { kind: 'string' }, entry.value);
  }
  for (const header of values.headers ?? []) headers.push({ name: header.name, value: header.value });

  const path = endpoint.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = pathValues.get(name);
    if (value !== undefined) return encodeURIComponent(value);
    return name === domainParam ? '{{domain}}' : `:${name}`;
  });
  let body: PartsBody = { kind: 'none' };
  if (!toQuery) {
    if (endpoint.encoding === 'json') body = { kind: 'json', text: JSON.stringify(json, null, 2) };
    else if (endpoint.encoding === 'multipart') body = { kind: 'multipart', fields, files };
    else if (endpoint.encoding === 'urlencoded') body = { kind: 'form', fields };
  }
  return { parts: { method: endpoint.method, path, query, headers, body }, files };
}

function fromText(def: ParamDef | undefined, text: string): ParamScalar {
  if (def?.type.kind === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (lower === 'yes' || lower === 'true') return true;
    if (lower === 'no' || lower === 'false') return false;
  }
  return text;
}

function fromJson(def: ParamDef | undefined, value: unknown): ParamInput {
  if (def?.type.kind === 'json') return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  if (def?.type.kind === 'boolean' && typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Postman parts of a request that matched `endpoint` -> the editor's values.
 * Declared parameters go to `params` (lists for repeatable ones), everything
 * else to `extra` in order; files are listed so the user can pick them again.
 */
export function valuesFromParts(
  endpoint: EndpointDef,
  pathParams: Readonly<Record<string, string>>,
  parts: RequestParts,
): { values: RequestValues; missingFiles: MissingFile[]; warnings: string[] } {
  const params: Record<string, ParamInput> = {};
  const extra: { name: string; value: ParamInput }[] = [];
  const headers: { name: string; value: string }[] = [];
  const warnings: string[] = [];
  const byLocation = (name: string, locations: readonly ParamDef['in'][]) =>
    endpoint.params.find((p) => p.name === name && locations.includes(p.in));
  const collected = new Map<string, { def: ParamDef; texts: ParamScalar[] }>();
  const collect = (def: ParamDef, value: ParamScalar) => {
    const key = paramKey(endpoint, def);
    const entry = collected.get(key) ?? { def, texts: [] };
    entry.texts.push(value);
    collected.set(key, entry);
  };

  for (const def of endpoint.params.filter((p) => p.in === 'path')) {
    const raw = pathParams[def.name] ?? '';
    // `{{domain}}` in the domain's place is what an empty value means: the environment's domain. Other `{{name}}` stay, for the environment's variables.
    if (raw === '' || raw.startsWith(':') || (raw === '{{domain}}' && def.name === domainParamName(endpoint.path))) continue;
    collect(def, raw);
  }
  const toQuery = endpoint.encoding === 'none' || endpoint.method === 'GET';
  for (const item of parts.query) {
    const def = byLocation(item.name, toQuery ? ['query', 'body'] : ['query']);
    if (def && !FAMILY.test(def.name)) collect(def, fromText(def, item.value));
    else extra.push({ name: item.name, value: item.value });
  }
  for (const header of parts.headers) {
    const lower = header.name.toLowerCase();
    if (isReservedHeader(lower)) continue;
    if (lower === 'x-mailgun-on-behalf-of' && /^\{\{.*\}\}$/.test(header.value)) continue;
    const def = byLocation(header.name, ['header']);
    if (def) collect(def, header.value);
    else headers.push({ name: header.name, value: header.value });
  }
  const missingFiles: MissingFile[] = [];
  const { body } = parts;
  if (body.kind === 'form' || body.kind === 'multipart') {
    for (const field of body.fields) {
      const def = byLocation(field.name, ['body']);
      if (def && !FAMILY.test(def.name)) collect(def, fromText(def, field.value));
      else extra.push({ name: field.name, value: fromText(def, field.value) });
    }
    if (body.kind === 'multipart') missingFiles.push(...body.files);
  } else if (body.kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      warnings.push('Its JSON body could not be read, so it was left out.');
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [name, value] of Object.entries(parsed)) {
        const def = byLocation(name, ['body']);
        if (def) params[paramKey(endpoint, def)] = fromJson(def, value);
        else extra.push({ name, value: fromJson(undefined, value) });
      }
    }
  }
  for (const [key, { def, texts }] of collected) {
    params[key] = def.repeatable ? texts : texts.length === 1 ? (texts[0] as ParamScalar) : texts;
  }
  return {
    values: { params, ...(extra.length > 0 ? { extra } : {}), ...(headers.length > 0 ? { headers } : {}) },
    missingFiles,
    warnings,
  };
}
