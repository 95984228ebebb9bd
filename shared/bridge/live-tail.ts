import { z } from 'zod';
import { environmentLimits } from '../environments/types';
import type { CsvExport, TailRead, TailStatus } from '../live-tail/types';
import { method } from './define';

/**
 * Live tail. Main polls Mailgun (through the one request pipeline) and keeps
 * the events; the renderer reads them with `readLiveTail`, which waits up to
 * `waitMs` for new ones, so the page is told of an event as soon as main has it.
 */

const tailId = z.string().min(1).max(64);
const filterText = z.string().trim().max(320).optional();

export const liveTailMethods = {
  /** Starts polling one domain, or every domain of the environment when `domain` is left out. */
  startLiveTail: method<TailStatus>()(
    z
      .object({
        environmentId: z.string().min(1).max(environmentLimits.idMax),
        domain: z.string().trim().max(environmentLimits.domainMax).optional(),
        recipient: filterText,
        event: z.string().trim().max(40).optional(),
        tag: filterText,
      })
      .strict(),
  ),
  /** The events after `after` (a sequence number from the last read). */
  readLiveTail: method<TailRead>()(
    z
      .object({ tailId, after: z.int().min(0), waitMs: z.int().min(0).max(5000).optional(), max: z.int().min(1).max(5000).optional() })
      .strict(),
  ),
  pauseLiveTail: method<TailStatus>()(z.object({ tailId, paused: z.boolean() }).strict()),
  /** The page tells main when the window is hidden or shown again; every tail stops or resumes. */
  setLiveTailVisibility: method<{ visible: boolean }>()(z.object({ visible: z.boolean() }).strict()),
  clearLiveTail: method<TailStatus>()(z.object({ tailId }).strict()),
  stopLiveTail: method<{ stopped: boolean }>()(z.object({ tailId }).strict()),
  /** Main shows a save dialog and writes the events it holds as CSV. */
  exportLiveTail: method<CsvExport>()(z.object({ tailId }).strict()),
};
