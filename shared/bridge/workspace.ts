import { z } from 'zod';
import type { RequestValues } from '../request/build-request';
import { customRequestSchema } from './collections';
import { method } from './define';
import type { RecoveryNotice } from './environments';
import { nameSchema } from './names';
import { requestValuesSchema } from './requests';

/**
 * The workbench's open tabs and their drafts, kept by main between sessions
 * (and across a renderer crash). Never a response body, a picked file (only
 * its name, so the user picks it again) or an API key: main scrubs any key
 * before the file is written.
 */

export const workspaceLimits = {
  maxTabs: 100,
  /** One draft per environment the tab was edited in. */
  maxDraftsPerTab: 20,
  titleMax: 200,
} as const;

const id = z.string().min(1).max(128);

const tabTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('blank') }).strict(),
  z.object({ kind: z.literal('endpoint'), endpointId: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('custom'), request: customRequestSchema }).strict(),
]);

const savedLinkSchema = z
  .object({ id, collectionId: id, name: nameSchema(workspaceLimits.titleMax * 4), values: requestValuesSchema.optional() })
  .strict();

export const workspaceDraftSchema = z
  .object({
    /** Null for a draft written while no environment was chosen. */
    environmentId: id.nullable(),
    values: requestValuesSchema,
  })
  .strict();

export const workspaceTabSchema = z
  .object({
    id,
    target: tabTargetSchema,
    title: nameSchema(workspaceLimits.titleMax * 4).optional(),
    preview: z.boolean(),
    saved: savedLinkSchema.optional(),
    /** Names of files the tab's drafts held; they are not kept, so they must be picked again. */
    missingFiles: z.array(nameSchema(255)).max(100).optional(),
    drafts: z.array(workspaceDraftSchema).max(workspaceLimits.maxDraftsPerTab),
  })
  .strict();

export const workspaceSchema = z
  .object({
    tabs: z.array(workspaceTabSchema).max(workspaceLimits.maxTabs),
    activeTabId: id.nullable(),
  })
  .strict();

export type WorkspaceTab = z.output<typeof workspaceTabSchema>;
export type Workspace = z.output<typeof workspaceSchema>;
export type WorkspaceDraft = { readonly environmentId: string | null; readonly values: RequestValues };

export interface WorkspaceView {
  readonly workspace: Workspace;
  /** Set when workspace.json could not be used as it was at start, until the app restarts. */
  readonly recovery?: RecoveryNotice;
}

export const workspaceMethods = {
  /** The tabs kept from the last session (or from before a renderer crash). */
  getWorkspace: method<WorkspaceView>()(z.undefined()),
  /**
   * Replaces the kept tabs; main writes them shortly after (debounced) and before quitting.
   * `keyRemoved` says an API key was found in a draft and taken out.
   */
  saveWorkspace: method<{ readonly saved: true; readonly keyRemoved?: true }>()(workspaceSchema),
};
