import { z } from 'zod';
import { method } from './define';

/** An error the renderer could not handle, sent to main's log. Bounded so a loop cannot fill the disk. */
export const rendererErrorSchema = z
  .object({
    kind: z.enum(['error', 'unhandled-rejection', 'render']),
    message: z.string().max(4000),
    stack: z.string().max(20_000).optional(),
    /** The component stack of a render error, or the script and line of a window error. */
    source: z.string().max(8000).optional(),
  })
  .strict();

export type RendererErrorReport = z.infer<typeof rendererErrorSchema>;

export const desktopMethods = {
  /** `logged` is false once the renderer has reported too many errors in a short time. */
  reportRendererError: method<{ logged: boolean }>()(rendererErrorSchema),
};
