import { z } from 'zod';
import { type Environment, environmentLimits } from '../environments/types';
import type { DateConversion } from '../support/dates';
import type {
  DomainHealthReport,
  ExportResult,
  MessageTrace,
  RecipientLookup,
  RegionFinding,
  ReleaseResult,
  ResourceRegionFinding,
  WebhookCheck,
} from '../support/types';
import { method } from './define';

/**
 * The support toolkit. Every Mailgun call behind these goes through main's
 * normal request sender (so read-only mode and history apply); the webhook
 * signing key, like the API key, goes into the keychain and never comes back.
 */

const environmentId = z.string().min(1).max(environmentLimits.idMax);
const domain = z.string().trim().min(1).max(environmentLimits.domainMax);
const address = z.string().trim().min(3).max(320);
const dateText = z.string().trim().max(100);
/** Names the run so `cancelRequest({ requestId: operationId })` stops every call it makes. */
const operationId = z.uuid().optional();

export const supportMethods = {
  /** Suppression lists, allowlist and recent events for one address, across the environment's domains (or one). */
  lookupRecipient: method<RecipientLookup>()(
    z
      .object({
        environmentId,
        address,
        domain: domain.optional(),
        /** How far back the sending history goes. */
        days: z.number().int().min(1).max(90).optional(),
        operationId,
      })
      .strict(),
  ),
  /** Removes the address from one suppression list (in the region and account it was found in); refused in read-only environments. */
  releaseRecipient: method<ReleaseResult>()(
    z
      .object({
        environmentId,
        domain,
        list: z.enum(['bounces', 'complaints', 'unsubscribes']),
        address,
        region: z.enum(['us', 'eu']).optional(),
        subaccountId: z.string().trim().min(1).max(environmentLimits.subaccountIdMax).nullable().optional(),
        confirmed: z.literal(true),
      })
      .strict(),
  ),
  /** A message's events in order, found by Message-Id, or by recipient or subject within a time range. */
  traceMessage: method<MessageTrace>()(
    z
      .object({
        environmentId,
        domain: domain.optional(),
        messageId: z.string().trim().min(1).max(998).optional(),
        recipient: address.optional(),
        subject: z.string().trim().min(1).max(998).optional(),
        begin: dateText.optional(),
        end: dateText.optional(),
        operationId,
      })
      .strict()
      .refine(
        (arg) => arg.messageId !== undefined || arg.recipient !== undefined || arg.subject !== undefined,
        'Give a Message-Id, a recipient or a subject',
      ),
  ),
  domainHealth: method<DomainHealthReport>()(z.object({ environmentId, domain: domain.optional(), operationId }).strict()),
  /** Main shows a save dialog and writes the file; the report shown is reused when its id is given. */
  exportDomainHealth: method<ExportResult>()(
    z
      .object({
        environmentId,
        domain: domain.optional(),
        reportId: z.string().min(1).max(64).optional(),
        format: z.enum(['markdown', 'json']),
      })
      .strict(),
  ),
  /** Writes a recipient verdict or message trace shown (by its report id) as Markdown or JSON, through main's redactor, to a file the user picks. */
  exportInvestigation: method<ExportResult>()(
    z.object({ environmentId, reportId: z.string().min(1).max(64), format: z.enum(['markdown', 'json']) }).strict(),
  ),
  /** Asks both regions where the domain lives. */
  findRegion: method<RegionFinding>()(z.object({ environmentId, domain: domain.optional(), operationId }).strict()),
  /** Asks both regions for a mailing list or route, after a 404 for it (the probe a diagnosis asks for). */
  findResourceRegion: method<ResourceRegionFinding>()(
    z
      .object({
        environmentId,
        resource: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('mailing-list'), address: z.string().trim().min(1).max(320) }).strict(),
          z.object({ kind: z.literal('route'), id: z.string().trim().min(1).max(128) }).strict(),
        ]),
        operationId,
      })
      .strict(),
  ),
  /** Points the environment at the region the finder found. */
  applyRegion: method<Environment>()(z.object({ environmentId, region: z.enum(['us', 'eu']) }).strict()),
  setWebhookSigningKey: method<{ hasKey: true }>()(z.object({ environmentId, key: z.string().trim().min(1).max(512) }).strict()),
  deleteWebhookSigningKey: method<{ hasKey: false; deleted: boolean }>()(z.object({ environmentId }).strict()),
  hasWebhookSigningKey: method<{ hasKey: boolean }>()(z.object({ environmentId }).strict()),
  checkWebhookSignature: method<WebhookCheck>()(z.object({ environmentId, payload: z.string().max(1_000_000) }).strict()),
  convertDate: method<DateConversion>()(z.object({ input: z.string().max(200) }).strict()),
};
