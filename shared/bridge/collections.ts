import { z } from 'zod';
import type { RequestValues } from '../request/build-request';
import type { ResponseRecord } from '../requests/types';
import { method } from './define';
import type { RecoveryNotice } from './environments';
import { nameSchema } from './names';
import { requestValuesSchema } from './requests';
import type { ImportedVariables } from './variables';

/**
 * Saved requests, organised in collections, plus Postman import and export.
 * Saved requests never hold the API key or picked files (a file is recorded
 * by name so the user can pick it again).
 */

export const collectionLimits = {
  nameMax: 120,
  maxCollections: 500,
  maxRequests: 5_000,
  /** Postman files above this are refused before parsing. */
  importMaxChars: 20 * 1024 * 1024,
  pathMax: 2_048,
} as const;

export const customMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type CustomMethod = (typeof customMethods)[number];

const nameValue = z.object({ name: nameSchema(256), value: z.string().max(1_000_000) }).strict();
const nameValues = z.array(nameValue).max(1_000);

export const customRequestSchema = z
  .object({
    method: z.enum(customMethods),
    /** After the base URL, starting with `/`; `{{domain}}` is filled from the environment. */
    path: z.string().min(1).max(collectionLimits.pathMax),
    query: nameValues,
    headers: nameValues,
    body: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }).strict(),
      z.object({ kind: z.literal('form'), fields: nameValues }).strict(),
      z.object({ kind: z.literal('multipart'), fields: nameValues }).strict(),
      z.object({ kind: z.literal('json'), text: z.string().max(5_000_000) }).strict(),
    ]),
  })
  .strict();

export type CustomRequest = z.output<typeof customRequestSchema>;

export const savedTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catalog'), endpointId: z.string().min(1).max(200), values: requestValuesSchema }).strict(),
  z.object({ kind: z.literal('custom'), request: customRequestSchema }).strict(),
]);

export type SavedTarget =
  | { readonly kind: 'catalog'; readonly endpointId: string; readonly values: RequestValues }
  | { readonly kind: 'custom'; readonly request: CustomRequest };

export interface MissingFile {
  /** The field the file went in. */
  readonly field: string;
  readonly name: string;
}

export interface SavedRequest {
  readonly id: string;
  readonly collectionId: string;
  readonly name: string;
  readonly target: SavedTarget;
  /** Files the request carried; they must be picked again before sending. */
  readonly missingFiles: readonly MissingFile[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SavedCollection {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface SavedRequestList {
  readonly collections: readonly SavedCollection[];
  readonly requests: readonly SavedRequest[];
  /** Set when saved-requests.json could not be used as it was at start, until the app restarts. */
  readonly recovery?: RecoveryNotice;
}

export interface CollectionImportResult {
  readonly collections: readonly SavedCollection[];
  readonly imported: number;
  /** Requests opened as catalog endpoints; the rest were kept as custom requests. */
  readonly mapped: number;
  readonly custom: number;
  readonly warnings: readonly string[];
  /** Set when the file's variables created an environment (its key, if any, went to the keychain). */
  readonly environment: { readonly id: string; readonly name: string; readonly keyStored: boolean } | null;
  /** The file's `{{name}}` variables: added to the environment, kept, or defined nowhere (also in `warnings`). */
  readonly variables?: ImportedVariables | null;
}

export type CollectionImportFromFileResult =
  | { readonly cancelled: true }
  | ({ readonly cancelled: false; readonly fileName: string } & CollectionImportResult);

export interface CollectionExportResult {
  readonly saved: boolean;
  readonly path: string | null;
  readonly fileName: string;
  readonly requests: number;
  /** The environment file, when one was asked for and saved. */
  readonly environmentFile: { readonly saved: boolean; readonly fileName: string; readonly keyIncluded: boolean } | null;
}

const id = z.string().min(1).max(128);
const name = nameSchema(collectionLimits.nameMax * 4).min(1);
const sendOptions = {
  requestId: z.uuid(),
  environmentId: id,
  confirmedDestructive: z.boolean().optional(),
};

export const collectionMethods = {
  listSavedRequests: method<SavedRequestList>()(z.undefined()),
  createCollection: method<SavedCollection>()(z.object({ name }).strict()),
  renameCollection: method<SavedCollection>()(z.object({ id, name }).strict()),
  /** Deletes the collection and the requests in it. */
  deleteCollection: method<{ deleted: true; requestsDeleted: number }>()(z.object({ id }).strict()),
  /**
   * Saves a new request, or replaces the one with `id`. Main strips files and
   * takes out every known API key; `keyRemoved` says it did, so the user knows.
   */
  saveRequest: method<SavedRequest & { readonly keyRemoved?: true }>()(
    z.object({ id: id.optional(), collectionId: id, name, target: savedTargetSchema, environmentId: id.optional() }).strict(),
  ),
  renameSavedRequest: method<SavedRequest>()(z.object({ id, name }).strict()),
  deleteSavedRequest: method<{ deleted: true }>()(z.object({ id }).strict()),
  moveSavedRequest: method<SavedRequest>()(z.object({ id, collectionId: id }).strict()),
  /** Main shows the open dialog and reads the file. */
  importPostmanCollectionFromFile: method<CollectionImportFromFileResult>()(z.object({ environmentId: id.optional() }).strict()),
  importPostmanCollection: method<CollectionImportResult>()(
    z.object({ text: z.string().max(collectionLimits.importMaxChars), environmentId: id.optional() }).strict(),
  ),
  /** Main writes the collection (and the environment file, with the key only if asked) through save dialogs. */
  exportCollectionToFile: method<CollectionExportResult>()(
    z
      .object({
        scope: z.enum(['catalog', 'saved']),
        collectionId: id.optional(),
        environmentId: id.optional(),
        includeKeys: z.boolean(),
      })
      .strict(),
  ),
  sendSavedRequest: method<ResponseRecord>()(z.object({ ...sendOptions, savedId: id }).strict()),
  sendCustomRequest: method<ResponseRecord>()(z.object({ ...sendOptions, request: customRequestSchema }).strict()),
};
