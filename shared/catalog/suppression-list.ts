import { MAX_MESSAGE_BYTES } from '../limits';
import { defineEndpoints, type ParamSpec } from './define';
import type { EndpointDef, JsonValue, ParamType } from './types';

/** The words of one call; the call itself (method, path, encoding) is the same for every list. */
interface CallText {
  readonly summary: string;
  readonly description: string;
}

/**
 * Bounces, complaints, unsubscribes and the allowlist are one API over four
 * path segments: import, look up, remove, list, add and clear. Each list's
 * file supplies its words, its record and its form fields.
 */
export interface SuppressionList {
  readonly group: 'bounces' | 'complaints' | 'unsubscribes' | 'allowlist';
  readonly segment: string;
  readonly domainDescription: string;
  /** The path parameter naming one record. */
  readonly entry: { readonly name: string; readonly type: ParamType; readonly example: string; readonly description: string };
  readonly sample: JsonValue;
  readonly import: CallText & { readonly file: string };
  readonly get: CallText;
  readonly deleteOne: CallText & { readonly response: JsonValue };
  /** `pivot` is the query parameter a paging link carries, where the spec lists it. */
  readonly list: CallText & {
    readonly pivot?: { readonly type: ParamType; readonly description: string };
    readonly term: { readonly example: string; readonly description: string };
  };
  /** `multipartHeader` is false where the spec declares no Content-Type for the form. */
  readonly create: CallText & { readonly fields: readonly ParamSpec[]; readonly response: JsonValue; readonly multipartHeader?: boolean };
  readonly deleteAll: CallText & { readonly response: JsonValue };
}

/** Kept because the spec declares it; the real multipart header, boundary included, is produced when the body is encoded. */
const multipartContentType: ParamSpec = {
  name: 'Content-Type',
  in: 'header',
  type: { kind: 'enum', values: ['multipart/form-data'] },
  required: true,
  default: 'multipart/form-data',
  example: 'multipart/form-data',
  description: 'Request body type. Leave as multipart/form-data; the boundary is added automatically.',
};

export function suppressionList(list: SuppressionList): readonly EndpointDef[] {
  const base = `/v3/{domain_name}/${list.segment}`;
  const domain: ParamSpec = {
    name: 'domain_name',
    in: 'path',
    type: { kind: 'string', format: 'domain' },
    example: 'mg.example.com',
    description: list.domainDescription,
  };
  const entry: ParamSpec = { ...list.entry, in: 'path' };
  const url = `https://api.mailgun.net/v3/mg.example.com/${list.segment}`;
  const term = `limit=100&term=${list.list.term.example}`;
  const pivot = `address=${encodeURIComponent(list.entry.example)}`;
  const text = ({ summary, description }: CallText) => ({ summary, description });
  return defineEndpoints(list.group, [
    {
      id: `${list.group}.import`,
      method: 'POST',
      path: `${base}/import`,
      ...text(list.import),
      encoding: 'multipart',
      params: [
        domain,
        multipartContentType,
        {
          name: 'file',
          in: 'body',
          type: { kind: 'file', accept: '.csv,text/csv', maxBytes: MAX_MESSAGE_BYTES },
          required: true,
          example: `${list.group}.csv`,
          description: list.import.file,
        },
      ],
      exampleResponse: { status: 202, contentType: 'application/json', body: { message: 'file accepted, processing in the background' } },
    },
    {
      id: `${list.group}.get`,
      method: 'GET',
      path: `${base}/{${entry.name}}`,
      ...text(list.get),
      params: [domain, entry],
      response: list.sample,
    },
    {
      id: `${list.group}.delete-one`,
      method: 'DELETE',
      path: `${base}/{${entry.name}}`,
      ...text(list.deleteOne),
      params: [domain, entry],
      response: list.deleteOne.response,
    },
    {
      id: `${list.group}.list`,
      method: 'GET',
      path: base,
      ...text(list.list),
      pagination: 'paging-urls',
      params: [
        domain,
        {
          name: 'limit',
          in: 'query',
          type: { kind: 'integer', min: 1, max: 1000 },
          default: 100,
          example: 100,
          description: 'Records per page, at most 1,000 (default 100).',
        },
        {
          name: 'page',
          in: 'query',
          type: { kind: 'string' },
          example: 'next',
          description: 'Direction relative to the pivot address: next, previous or last; leave empty for the first page.',
        },
        ...(list.list.pivot ? [{ name: 'address', in: 'query', example: list.entry.example, ...list.list.pivot } as const] : []),
        { name: 'term', in: 'query', type: { kind: 'string' }, ...list.list.term },
      ],
      response: {
        items: [list.sample],
        paging: {
          first: `${url}?${term}`,
          next: `${url}?page=next&${pivot}&${term}`,
          previous: `${url}?page=previous&${pivot}&${term}`,
          last: `${url}?page=last&${term}`,
        },
      },
    },
    {
      id: `${list.group}.create`,
      method: 'POST',
      path: base,
      ...text(list.create),
      encoding: 'multipart',
      params: [
        domain,
        ...(list.create.multipartHeader === false
          ? []
          : [{ ...multipartContentType, description: 'multipart/form-data for a single record (boundary added automatically).' }]),
        ...list.create.fields,
      ],
      response: list.create.response,
    },
    {
      id: `${list.group}.delete-all`,
      method: 'DELETE',
      path: base,
      ...text(list.deleteAll),
      params: [domain],
      response: list.deleteAll.response,
    },
  ]);
}
