import { z } from 'zod';
import type { SignatureVerdict, WebhookCheck } from '../support/types';
import { method } from './define';

/**
 * The tools around the offline sandbox: the webhook inbox (a loopback
 * receiver main runs), the messages the sandbox accepted, and a simulated
 * inbound message that runs the account's routes.
 */

/** `unchecked`: no environment to check against; `unreadable`: the body is not a Mailgun webhook at all. */
export type InboxVerdict = SignatureVerdict | 'unchecked' | 'unreadable';

export interface InboxDelivery {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly receivedAt: number;
  readonly size: number;
  readonly contentType: string;
  readonly event: string | null;
  readonly recipient: string | null;
  readonly messageId: string | null;
  readonly verdict: InboxVerdict;
  readonly verdictMessage: string;
}

export interface InboxDeliveryDetail extends InboxDelivery {
  readonly userAgent: string;
  /** The body as received, re-indented when it is JSON. */
  readonly body: string;
  /** The Support checker's full answer; null when the body could not be read or no environment was given. */
  readonly check: WebhookCheck | null;
}

export interface InboxList {
  /** Paste this into a webhook: `http://127.0.0.1:<port>/webhooks`. */
  readonly url: string;
  /** Newest first. */
  readonly deliveries: readonly InboxDelivery[];
}

export interface ReplayResult {
  readonly status: number;
  readonly statusText: string;
  readonly durationMs: number;
  readonly bodyExcerpt: string;
  readonly truncated: boolean;
}

export type SandboxRegionName = 'us' | 'eu';

export interface SandboxMessageSummary {
  readonly region: SandboxRegionName;
  readonly domain: string;
  /** The storage key the message's events carry. */
  readonly key: string;
  readonly messageId: string;
  /** Epoch milliseconds. */
  readonly storedAt: number;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly attachmentCount: number;
  /** The template's name and version tag when the message was sent with one. */
  readonly template: string | null;
}

export interface SandboxAttachment {
  readonly index: number;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  /** False when it was too large for the sandbox to keep its bytes. */
  readonly kept: boolean;
}

export interface SandboxMessageDetail extends SandboxMessageSummary {
  /** As delivered: a template already rendered with the message's variables. */
  readonly html: string;
  readonly text: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly attachments: readonly SandboxAttachment[];
  /** The message as MIME: what was posted to messages.mime, or built from the parts. */
  readonly mime: string;
  /** The HTML as a document of its own, served by main with a policy that allows inline styles and nothing active. */
  readonly previewUrl: string;
}

export type RouteActionOutcome = 'forwarded' | 'forward-failed' | 'not-called' | 'stored' | 'stop' | 'unsupported';

export interface SimulatedRoute {
  readonly id: string;
  readonly priority: number;
  readonly description: string;
  readonly expression: string;
  readonly matched: boolean;
  /** Why it did or did not match, in one sentence. */
  readonly reason: string;
  readonly actions: readonly { readonly action: string; readonly outcome: RouteActionOutcome; readonly detail: string }[];
}

export interface InboundSimulation {
  readonly region: SandboxRegionName;
  /** Every route in the order Mailgun evaluates them (priority, then age); those after a stop() are not evaluated. */
  readonly routes: readonly SimulatedRoute[];
  /** Set when a store() action kept the message; its storage key. */
  readonly storedKey: string | null;
  readonly summary: string;
}

const id = z.string().trim().min(1).max(200);
const environmentId = z.string().trim().min(1).max(200).optional();
const region = z.enum(['us', 'eu']);
const domain = z.string().trim().min(1).max(253);

export const sandboxToolMethods = {
  getWebhookInbox: method<InboxList>()(z.object({ environmentId }).strict()),
  getWebhookInboxDelivery: method<InboxDeliveryDetail>()(z.object({ id, environmentId }).strict()),
  clearWebhookInbox: method<{ cleared: number }>()(z.undefined()),
  replayWebhookDelivery: method<ReplayResult>()(z.object({ id, url: z.string().trim().min(1).max(2000) }).strict()),
  listSandboxMessages: method<readonly SandboxMessageSummary[]>()(z.undefined()),
  getSandboxMessage: method<SandboxMessageDetail>()(z.object({ region, domain, key: id }).strict()),
  saveSandboxAttachment: method<{ saved: boolean }>()(
    z.object({ region, domain, key: id, index: z.number().int().min(0).max(999) }).strict(),
  ),
  simulateInboundMessage: method<InboundSimulation>()(
    z
      .object({
        region,
        from: z.string().trim().min(1).max(320),
        to: z.string().trim().min(1).max(320),
        subject: z.string().max(998),
        body: z.string().max(100_000),
      })
      .strict(),
  ),
};
