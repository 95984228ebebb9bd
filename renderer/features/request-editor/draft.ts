import { domainParamName } from '../../../shared/catalog/domain-scope';
import type { EndpointDef, ParamDef } from '../../../shared/catalog/types';
import { type ParamInput, paramKey, type RequestValues } from '../../../shared/request';

/** The open-ended families edited as free name/value rows; `recipient-variables` is a single JSON field instead. */
export const rowFamilies = ['o:', 'h:', 'v:', 't:'] as const;
export type RowFamily = (typeof rowFamilies)[number];

export interface FamilyRow {
  /** Stable React key; never sent. */
  readonly id: string;
  readonly name: string;
  readonly value: ParamInput;
}

export interface HeaderRow {
  readonly id: string;
  readonly name: string;
  readonly value: string;
}

/**
 * What the editor holds for one endpoint in one environment. Inputs keep the
 * text the user typed (a number field may hold "12a") so nothing is lost while
 * they type; validation reads the same values the request would send.
 */
export interface EditorDraft {
  /** Keyed as the request builder reads them (`draftKey`), so a name taken twice (path and query) holds two values. */
  readonly params: Readonly<Record<string, ParamInput | undefined>>;
  readonly extra: readonly FamilyRow[];
  readonly headers: readonly HeaderRow[];
}

export const emptyDraft: EditorDraft = { params: {}, extra: [], headers: [] };

let rowCounter = 0;
export function newRowId(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function familyOf(name: string): RowFamily | undefined {
  return rowFamilies.find((prefix) => name.startsWith(prefix));
}

/**
 * Declared parameters that belong to a prefix family (`o:tag`, `h:X-My-Header`)
 * are edited as family rows, so the main form shows only the endpoint's own fields.
 */
export function isRowFamilyParam(param: ParamDef): boolean {
  return param.in === 'body' && familyOf(param.name) !== undefined;
}

/** Where the draft keeps a parameter's value: the builder's key, `<in>:<name>` when the endpoint takes the name twice. */
export function draftKey(endpoint: EndpointDef, param: ParamDef): string {
  return paramKey(endpoint, param);
}

export function formParams(endpoint: EndpointDef): readonly ParamDef[] {
  return endpoint.params.filter((p) => !isRowFamilyParam(p));
}

/** The prefix families this endpoint accepts, from its declaration and its declared family members. */
export function endpointRowFamilies(endpoint: EndpointDef): readonly RowFamily[] {
  const declared = new Set<string>(endpoint.families ?? []);
  for (const p of endpoint.params) if (isRowFamilyParam(p)) declared.add(familyOf(p.name) ?? '');
  return rowFamilies.filter((f) => declared.has(f));
}

export function toRequestValues(draft: EditorDraft): RequestValues {
  return {
    params: draft.params,
    extra: draft.extra.map(({ name, value }) => ({ name, value })),
    headers: draft.headers.map(({ name, value }) => ({ name, value })),
  };
}

/** Turns values from history or a paging link back into an editable draft. */
export function fromRequestValues(endpoint: EndpointDef, values: RequestValues): EditorDraft {
  const params: Record<string, ParamInput | undefined> = {};
  const extra: FamilyRow[] = [];
  const rowNames = new Set(endpoint.params.filter(isRowFamilyParam).map((p) => p.name));
  for (const [name, value] of Object.entries(values.params ?? {})) {
    if (value === undefined) continue;
    if (rowNames.has(name) || (familyOf(name) !== undefined && !endpoint.params.some((p) => p.name === name))) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) extra.push({ id: newRowId(), name, value: item });
    } else {
      params[name] = value;
    }
  }
  for (const entry of values.extra ?? []) extra.push({ id: newRowId(), name: entry.name, value: entry.value });
  const headers = (values.headers ?? []).map((h) => ({ id: newRowId(), name: h.name, value: h.value }));
  return { params, extra, headers };
}

/**
 * Fills every empty form field with its catalog example, and the domain with the environment's own where it has one.
 * Files are left alone because only the user can pick them, and so are fields whose example would contradict another's.
 */
export function withExamples(endpoint: EndpointDef, draft: EditorDraft, environmentDomain?: string): EditorDraft {
  const params: Record<string, ParamInput | undefined> = { ...draft.params };
  const domainParam = domainParamName(endpoint.path);
  const envDomain = environmentDomain?.trim() ?? '';
  for (const p of formParams(endpoint)) {
    if (p.type.kind === 'file' || p.fillExample === false) continue;
    const key = draftKey(endpoint, p);
    if (p.in === 'path' && p.name === domainParam && envDomain !== '') {
      if (isBlank(params[key])) params[key] = envDomain;
      continue;
    }
    if (!isBlank(params[key])) continue;
    params[key] = exampleInput(p);
  }
  return { ...draft, params };
}

function isBlank(current: ParamInput | undefined): boolean {
  return current === undefined || current === '' || (Array.isArray(current) && current.length === 0);
}

function exampleInput(p: ParamDef): ParamInput {
  const example = p.example;
  if (p.type.kind === 'json') return typeof example === 'string' ? example : JSON.stringify(example, null, 2);
  if (p.type.kind === 'boolean') return example === true || example === 'yes' || example === 'true';
  if (Array.isArray(example)) return p.repeatable ? example.map(String) : example.map(String).join(', ');
  if (p.repeatable) return [String(example)];
  return typeof example === 'object' && example !== null ? JSON.stringify(example) : String(example);
}
