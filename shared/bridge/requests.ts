import { z } from 'zod';
import type { FileHandle, HistoryEntry, HistoryPage, ResponseRecord } from '../requests/types';
import { method } from './define';
import { nameSchema } from './names';

/** Long enough for an HTML message body, short enough to keep IPC messages sane. */
const MAX_VALUE_CHARS = 5_000_000;
const MAX_LIST_ITEMS = 1_000;

const idSchema = z.string().min(1).max(128);

export const fileValueSchema = z
  .object({
    kind: z.literal('file'),
    handle: z.string().min(1).max(64),
    name: z.string().max(512),
    size: z.number().int().nonnegative(),
  })
  .strict();

type JsonInput = string | number | boolean | null | readonly JsonInput[] | { readonly [key: string]: JsonInput };

const jsonSchema: z.ZodType<JsonInput> = z.lazy(() =>
  z.union([
    z.string().max(MAX_VALUE_CHARS),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(jsonSchema).max(MAX_LIST_ITEMS).readonly(),
    z.record(z.string().max(256), jsonSchema).readonly(),
  ]),
);

/** One value: JSON data, a date, or a picked file (by handle). Files come first so they are never read as plain objects. */
const paramScalarSchema = z.union([fileValueSchema, z.date(), jsonSchema]);

export const paramInputSchema = z.union([paramScalarSchema, z.array(paramScalarSchema).max(MAX_LIST_ITEMS).readonly()]);

export const requestValuesSchema = z
  .object({
    params: z.record(nameSchema(256), paramInputSchema.optional()).readonly(),
    extra: z
      .array(z.object({ name: nameSchema(256), value: paramInputSchema }).strict())
      .max(MAX_LIST_ITEMS)
      .readonly()
      .optional(),
    headers: z
      .array(z.object({ name: nameSchema(256), value: z.string().max(16_384) }).strict())
      .max(100)
      .readonly()
      .optional(),
  })
  .strict();

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

const timeoutSchema = z.number().int().min(1_000).max(600_000);
const maxBytesSchema = z
  .number()
  .int()
  .min(1_024)
  .max(1024 * 1024 * 1024);

export const requestMethods = {
  /** Sends one catalog request through main; main attaches the key and enforces the safety rules. */
  sendRequest: method<ResponseRecord>()(
    z
      .object({
        requestId: z.uuid(),
        environmentId: idSchema,
        endpointId: z.string().min(1).max(200),
        values: requestValuesSchema,
        timeoutMs: timeoutSchema.optional(),
        maxBytes: maxBytesSchema.optional(),
        confirmedDestructive: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Stops any request main is making under this id: a send, a saved or custom run, a support tool run, a connection test. */
  cancelRequest: method<{ cancelled: boolean }>()(z.object({ requestId: z.uuid() }).strict()),
  /** The user's timeout and size cap; main applies them to every request, saved runs and support tools included. */
  setRequestLimits: method<{ timeoutMs: number; maxBytes: number }>()(
    z.object({ timeoutMs: timeoutSchema, maxBytes: maxBytesSchema }).strict(),
  ),
  pickFiles: method<FileHandle[]>()(
    z.object({ purpose: z.enum(['attachment', 'inline', 'import', 'other']), multiple: z.boolean() }).strict(),
  ),
  releaseFiles: method<{ released: number }>()(z.object({ handles: z.array(z.string().min(1).max(64)).max(MAX_LIST_ITEMS) }).strict()),
  saveResponseBody: method<{ saved: boolean; truncated: boolean }>()(
    z
      .object({
        historyId: idSchema.optional(),
        requestId: z.uuid().optional(),
        suggestedName: nameSchema(255).min(1),
      })
      .strict()
      .refine((arg) => (arg.historyId === undefined) !== (arg.requestId === undefined), 'Give either historyId or requestId'),
  ),
  listHistory: method<HistoryPage>()(
    z
      .object({
        query: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(1_000).optional(),
        offset: z.number().int().min(0).max(1_000_000).optional(),
      })
      .strict(),
  ),
  getHistoryEntry: method<HistoryEntry>()(z.object({ id: idSchema }).strict()),
  clearHistory: method<{ cleared: number }>()(z.undefined()),
  deleteHistoryEntry: method<{ deleted: boolean }>()(z.object({ id: idSchema }).strict()),
};
