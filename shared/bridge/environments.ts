import { z } from 'zod';
import {
  type Environment,
  type EnvironmentColour,
  environmentColourNames,
  environmentLimits,
  keyKinds,
  type OfficialRegion,
  type Region,
  regions,
} from '../environments/types';
import type { AppError, ErrorCode } from '../errors';
import { method } from './define';
import { nameSchema } from './names';

/**
 * Environments across the bridge. No method here returns an API key: keys go
 * into the keychain and only main reads them back, to sign requests.
 * Schemas bound sizes and shapes; the field-level checks with friendly
 * messages live in shared/environments/validate.ts and run in the service.
 */

const environmentId = z.string().min(1).max(environmentLimits.idMax);
const environmentIds = z.array(environmentId).max(environmentLimits.maxEnvironments);
const exportFormat = z.enum(['json', 'postman']);
const importFormat = z.enum(['auto', 'json', 'postman']);

export const environmentInputSchema = z
  .object({
    id: environmentId.optional(),
    name: nameSchema(environmentLimits.nameMax * 4),
    region: z.enum(regions),
    baseUrl: z.string().max(environmentLimits.baseUrlMax).optional(),
    domain: z.string().max(environmentLimits.domainMax * 4),
    keyKind: z.enum(keyKinds),
    subaccountId: z
      .string()
      .max(environmentLimits.subaccountIdMax * 4)
      .optional(),
    readOnly: z.boolean(),
    colour: z.enum(environmentColourNames as [EnvironmentColour, ...EnvironmentColour[]]),
  })
  .strict();

export type RecoveryReason = 'unreadable' | 'invalid-json' | 'unsupported-version' | 'invalid-content' | 'partially-valid';

/** Shown until acknowledged: a data file could not be read as it was, and where the original went. */
export interface RecoveryNotice {
  readonly id: string;
  readonly fileName: string;
  /** File name (in the same folder) the original was moved to; null when it could not be moved. */
  readonly movedTo: string | null;
  readonly at: string;
  readonly reason: RecoveryReason;
  /** Entries that could not be recovered (they remain in the moved-aside file). */
  readonly dropped: number;
  readonly message: string;
}

/** The key of a deleted environment that the keychain would not remove; kept until a retry removes it. */
export interface LeftoverKey {
  readonly id: string;
  readonly name: string;
}

export interface EnvironmentList {
  readonly environments: readonly Environment[];
  readonly activeId: string | null;
  readonly recovery: readonly RecoveryNotice[];
  readonly leftoverKeys: readonly LeftoverKey[];
}

export interface KeyStatus {
  readonly hasKey: boolean;
  readonly keyLast4: string | null;
  /** Set when the keychain and what the app remembers disagree, e.g. a locked keyring. */
  readonly warning: string | null;
}

export interface DuplicateResult {
  readonly environment: Environment;
  readonly keyCopied: boolean;
  readonly warning: string | null;
}

export interface DeleteResult {
  readonly deleted: true;
  /** False when no key was found to delete, or the keychain refused and `force` was set. */
  readonly keyDeleted: boolean;
  readonly activeId: string | null;
  /** Why the key stayed in the keychain (forced delete); `retryKeyDeletion` tries again. */
  readonly keyError?: AppError;
}

export interface RetryKeyDeletionResult {
  /** Keys of deleted environments still in the keychain. */
  readonly remaining: number;
  readonly error: AppError | null;
}

export interface ExportedText {
  readonly fileName: string;
  readonly text: string;
  readonly count: number;
  readonly includesKeys: false;
}

export interface ExportToFileResult {
  readonly saved: boolean;
  readonly path: string | null;
  readonly fileName: string;
  readonly count: number;
  /** How many keys went into the file (environments without a stored key have none). */
  readonly keysIncluded: number;
}

export interface ImportResult {
  readonly format: 'json' | 'postman';
  readonly imported: readonly Environment[];
  readonly keysStored: number;
  /** Entries that were refused; each also has a warning saying why. */
  readonly skipped: number;
  readonly warnings: readonly string[];
}

export type ImportFromFileResult = { readonly cancelled: true } | ({ readonly cancelled: false; readonly fileName: string } & ImportResult);

export interface ConnectionTestResult {
  /** True only when a request proved that the key and region work for the domain. */
  readonly ok: boolean;
  /** False when no request was made (a sending key has no harmless request to try). */
  readonly checked: boolean;
  /** HTTP status of the request to the environment's own region; null if none came back. */
  readonly status: number | null;
  readonly region: Region;
  readonly baseUrl: string;
  /** Present when the other official region was tried as well. */
  readonly otherRegion?: { readonly region: OfficialRegion; readonly status: number | null; readonly found: boolean };
  readonly message: string;
  readonly hint: string;
  /** For failures without an HTTP status (DNS, TLS, timeout...). */
  readonly errorCode?: ErrorCode;
  /** How requests to `baseUrl` leave the machine (`direct connection`, `via proxy http://proxy:8080`); absent if unknown. */
  readonly route?: string;
}

export const environmentMethods = {
  listEnvironments: method<EnvironmentList>()(z.undefined()),
  saveEnvironment: method<Environment>()(environmentInputSchema),
  duplicateEnvironment: method<DuplicateResult>()(z.object({ id: environmentId, copyKey: z.boolean().optional() }).strict()),
  deleteEnvironment: method<DeleteResult>()(z.object({ id: environmentId, force: z.boolean().optional() }).strict()),
  reorderEnvironments: method<EnvironmentList>()(z.object({ ids: environmentIds }).strict()),
  setActiveEnvironment: method<{ activeId: string | null }>()(z.object({ id: environmentId.nullable() }).strict()),
  setApiKey: method<{ hasKey: true; keyLast4: string | null }>()(
    z.object({ environmentId, key: z.string().max(environmentLimits.apiKeyMax * 8) }).strict(),
  ),
  deleteApiKey: method<{ hasKey: false; deleted: boolean }>()(z.object({ environmentId }).strict()),
  hasApiKey: method<KeyStatus>()(z.object({ environmentId }).strict()),
  /** Tries again to remove the keys that deleted environments left in the keychain. */
  retryKeyDeletion: method<RetryKeyDeletionResult>()(z.undefined()),
  acknowledgeRecovery: method<{ remaining: number }>()(z.object({ ids: z.array(z.string().max(128)).max(100).optional() }).strict()),
  /** Text for a preview or the clipboard; keys can only go straight to a file, via exportEnvironmentsToFile. */
  exportEnvironments: method<ExportedText>()(
    z.object({ format: exportFormat, ids: environmentIds.optional(), includeKeys: z.literal(false) }).strict(),
  ),
  /** Main shows a save dialog and writes the file itself, so keys never pass through the renderer. */
  exportEnvironmentsToFile: method<ExportToFileResult>()(
    z.object({ format: exportFormat, ids: environmentIds.optional(), includeKeys: z.boolean() }).strict(),
  ),
  importEnvironments: method<ImportResult>()(z.object({ text: z.string().max(2_000_000), format: importFormat }).strict()),
  /** Main shows an open dialog and reads the file. */
  importEnvironmentsFromFile: method<ImportFromFileResult>()(z.object({ format: importFormat }).strict()),
  /** `requestId` lets `cancelRequest` stop the test. */
  testConnection: method<ConnectionTestResult>()(z.object({ environmentId, requestId: z.uuid().optional() }).strict()),
};
