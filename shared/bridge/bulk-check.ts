import { z } from 'zod';
import type { AddressList, BulkCheckStatus, BulkReleaseResult, BulkRow } from '../bulk-check/types';
import { environmentLimits } from '../environments/types';
import type { CsvExport } from '../live-tail/types';
import { method } from './define';

/**
 * Bulk check: many addresses against every domain's suppression lists. The
 * list is read in main (a pasted text, or the file the user picks in main's
 * dialog); the check runs in main and the page asks for its progress.
 */

const checkId = z.string().min(1).max(64);
const address = z.string().trim().min(3).max(320);

export const bulkCheckMethods = {
  /** Reads a pasted list or CSV; nothing is sent to Mailgun. */
  parseBulkAddresses: method<AddressList>()(z.object({ text: z.string().max(8_000_000) }).strict()),
  /** Main opens the file picker and reads only the picked file; null when the user cancelled. */
  importBulkAddresses: method<AddressList | null>()(z.undefined()),
  startBulkCheck: method<BulkCheckStatus>()(
    z.object({ environmentId: z.string().min(1).max(environmentLimits.idMax), addresses: z.array(address).min(1).max(20_000) }).strict(),
  ),
  bulkCheckStatus: method<BulkCheckStatus>()(z.object({ checkId }).strict()),
  bulkCheckResults: method<{ status: BulkCheckStatus; rows: BulkRow[] }>()(z.object({ checkId }).strict()),
  cancelBulkCheck: method<BulkCheckStatus>()(z.object({ checkId }).strict()),
  /** Reads again the lists that could not be read. */
  retryBulkCheck: method<BulkCheckStatus>()(z.object({ checkId }).strict()),
  /** Takes the chosen addresses off the chosen lists; refused in read-only environments. */
  releaseBulkCheck: method<BulkReleaseResult>()(
    z
      .object({
        checkId,
        items: z
          .array(
            z
              .object({
                address,
                domain: z.string().trim().min(1).max(environmentLimits.domainMax),
                list: z.enum(['bounces', 'complaints', 'unsubscribes']),
              })
              .strict(),
          )
          .min(1)
          .max(20_000),
        confirmed: z.literal(true),
      })
      .strict(),
  ),
  /** Main shows a save dialog and writes the results as CSV. */
  exportBulkCheck: method<CsvExport>()(z.object({ checkId }).strict()),
};
