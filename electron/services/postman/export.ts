import postman from 'postman-collection';

// A CommonJS package: its classes are read off the default export so plain Node ESM (scripts, benchmarks) loads it too.
const { Collection } = postman;

import type { CustomRequest, SavedRequest } from '../../../shared/bridge/collections';
import type { EndpointDef, ParamDef } from '../../../shared/catalog/types';
import type { ParamInput, RequestValues } from '../../../shared/request';
import { partsFromValues, type RequestParts } from './parts';

/**
 * Writes Postman v2.1 collections. Requests use `{{base_url}}`, `{{domain}}`
 * and collection-level Basic auth with `{{api_key}}`, the variable names the
 * app's Postman environment export defines, so the two files work together.
 */

export const postmanSchema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface ExportFolder {
  readonly name: string;
  readonly requests: readonly { readonly name: string; readonly parts: RequestParts }[];
}

function partsFromCustom(request: CustomRequest): RequestParts {
  const body = request.body.kind === 'multipart' ? { kind: 'multipart' as const, fields: request.body.fields, files: [] } : request.body;
  return { method: request.method, path: request.path, query: request.query, headers: request.headers, body };
}

export function partsOfSaved(saved: SavedRequest, getEndpoint: (id: string) => EndpointDef | undefined): RequestParts | undefined {
  if (saved.target.kind === 'custom') return partsFromCustom(saved.target.request);
  const endpoint = getEndpoint(saved.target.endpointId);
  if (!endpoint) return undefined;
  const withFiles: RequestValues = {
    ...saved.target.values,
    params: { ...saved.target.values.params },
  };
  // Files are kept by name only; put them back as placeholders so the export shows where they go.
  const params = withFiles.params as Record<string, ParamInput | undefined>;
  for (const file of saved.missingFiles) {
    const placeholder = { kind: 'file' as const, handle: 'export', name: file.name, size: 0 };
    const current = params[file.field];
    params[file.field] = current === undefined ? [placeholder] : [...(Array.isArray(current) ? current : [current]), placeholder];
  }
  return partsFromValues(endpoint, withFiles).parts;
}

function exampleValue(param: ParamDef): ParamInput | undefined {
  if (param.type.kind === 'file')
    return { kind: 'file', handle: 'export', name: typeof param.example === 'string' ? param.example : 'file', size: 0 };
  const example = param.example;
  if (Array.isArray(example)) return example.map(String);
  if (typeof example === 'object' && example !== null) return JSON.stringify(example, null, 2);
  return example as ParamInput;
}

/** One request per catalog endpoint, filled with the catalog's examples for its required parameters. */
export function catalogFolders(endpoints: readonly EndpointDef[], groupTitle: (id: string) => string): ExportFolder[] {
  const folders = new Map<string, { name: string; requests: { name: string; parts: RequestParts }[] }>();
  for (const endpoint of endpoints) {
    const params: Record<string, ParamInput | undefined> = {};
    for (const param of endpoint.params) {
      if (!param.required || param.in === 'path') continue;
      params[param.name] = exampleValue(param);
    }
    const folder = folders.get(endpoint.group) ?? { name: groupTitle(endpoint.group), requests: [] };
    folder.requests.push({ name: endpoint.summary, parts: partsFromValues(endpoint, { params }).parts });
    folders.set(endpoint.group, folder);
  }
  return [...folders.values()];
}

function requestJson(parts: RequestParts) {
  const segments = parts.path.split('/').filter((s) => s !== '');
  const query = parts.query.map((q) => ({ key: q.name, value: q.value }));
  const search = query.length > 0 ? `?${query.map((q) => `${q.key}=${q.value}`).join('&')}` : '';
  const header = parts.headers.map((h) => ({ key: h.name, value: h.value }));
  const url = {
    raw: `{{base_url}}/${segments.join('/')}${search}`,
    host: ['{{base_url}}'],
    path: segments,
    ...(query.length > 0 ? { query } : {}),
  };
  const { body } = parts;
  switch (body.kind) {
    case 'none':
      return { method: parts.method, header, url };
    case 'form':
      return {
        method: parts.method,
        header,
        url,
        body: { mode: 'urlencoded', urlencoded: body.fields.map((f) => ({ key: f.name, value: f.value, type: 'text' })) },
      };
    case 'multipart':
      return {
        method: parts.method,
        header,
        url,
        body: {
          mode: 'formdata',
          formdata: [
            ...body.fields.map((f) => ({ key: f.name, value: f.value, type: 'text' })),
            ...body.files.map((f) => ({ key: f.field, type: 'file', src: f.name })),
          ],
        },
      };
    case 'json':
      return {
        method: parts.method,
        header: [...header, { key: 'Content-Type', value: 'application/json' }],
        url,
        body: { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } },
      };
  }
}

export function formatPostmanCollection(name: string, folders: readonly ExportFolder[], exportedAt: Date): string {
  const collection = new Collection({
    info: { name, schema: postmanSchema } as never,
    auth: {
      type: 'basic',
      basic: [
        { key: 'username', value: 'api', type: 'string' },
        { key: 'password', value: '{{api_key}}', type: 'string' },
      ],
    } as never,
    item: folders.map((folder) => ({
      name: folder.name,
      item: folder.requests.map((request) => ({ name: request.name, request: requestJson(request.parts) })),
    })) as never,
  });
  const json = collection.toJSON() as Record<string, unknown> & { info: Record<string, unknown> };
  // The SDK drops `raw` from URLs; Postman reads it first, so it goes back in.
  const withRaw = {
    ...json,
    info: { ...json.info, schema: postmanSchema, description: `Exported by Mailgun Explorer on ${exportedAt.toISOString().slice(0, 10)}.` },
    item: folders.map((folder, f) => ({
      ...((json.item as Record<string, unknown>[])[f] ?? {}),
      item: folder.requests.map((request, r) => {
        const exported = (((json.item as { item: Record<string, unknown>[] }[])[f]?.item ?? [])[r] ?? {}) as { request?: { url?: object } };
        return { ...exported, request: { ...exported.request, url: requestJson(request.parts).url } };
      }),
    })),
  };
  return `${JSON.stringify(withRaw, null, 2)}\n`;
}

export function collectionFileName(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'collection';
  return `${slug}.postman_collection.json`;
}
