import type { BodyEncoding } from '../catalog/types';
import type { BuiltRequest } from '../request/build-request';

/**
 * A request as the snippet generators see it: everything the app would send
 * except the credentials, with files named rather than read.
 */
export type SnippetField = { readonly name: string; readonly value: string } | { readonly name: string; readonly fileName: string };

export type SnippetBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'form'; readonly fields: readonly SnippetField[] }
  | { readonly kind: 'multipart'; readonly fields: readonly SnippetField[] }
  | { readonly kind: 'text'; readonly mimeType: string; readonly text: string };

export interface SnippetRequest {
  readonly method: string;
  /** Absolute, with the query string. */
  readonly url: string;
  /** Never Authorization; Content-Type only for text bodies. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  readonly body: SnippetBody;
}

/** Where the key comes from: the environment variable, or (after an explicit reveal) the key itself. */
export type KeySource = { readonly kind: 'env' } | { readonly kind: 'literal'; readonly key: string };

export function isFileField(field: SnippetField): field is { readonly name: string; readonly fileName: string } {
  return 'fileName' in field;
}

function fieldsOf(built: BuiltRequest): SnippetField[] {
  return built.bodyFields.map((field) => ('file' in field ? { name: field.name, fileName: field.file.name } : field));
}

/** Turns what buildRequest made into the snippet model; `encoding` is the endpoint's. */
export function snippetRequestFrom(built: BuiltRequest, encoding: BodyEncoding): SnippetRequest {
  const headers = Object.entries(built.headers).filter(([name]) => name.toLowerCase() !== 'authorization');
  let body: SnippetBody;
  if (typeof built.body === 'string') {
    const type = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
    body = { kind: 'text', mimeType: type, text: built.body };
  } else if (built.body === undefined) {
    body = { kind: 'none' };
  } else if (encoding === 'multipart') {
    body = { kind: 'multipart', fields: fieldsOf(built) };
  } else {
    body = { kind: 'form', fields: fieldsOf(built) };
  }
  return { method: built.method, url: built.url, headers, body };
}

export function hasRepeatedNames(fields: readonly SnippetField[]): boolean {
  return new Set(fields.map((field) => field.name)).size !== fields.length;
}
