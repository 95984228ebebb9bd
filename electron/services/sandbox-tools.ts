import type { MailboxEntry } from '../../sandbox/mailbox';
import { findInMailbox, listMailbox, mimeOf } from '../../sandbox/mailbox';
import type { SandboxServer } from '../../sandbox/server';
import type { SandboxMessageDetail, SandboxMessageSummary, SandboxRegionName } from '../../shared/bridge/sandbox-tools';
import { AppFailure } from '../../shared/errors';
import { type PreviewRef, previewPath } from './message-preview';

/**
 * What the app shows of the sandbox's mail: the accepted messages (read from
 * its live state, so a message sent a moment ago is there) and their files.
 */
export interface SandboxMailDeps {
  readonly sandbox: Pick<SandboxServer, 'admin'>;
  readonly clock: () => number;
  readonly saveFile: (suggestedName: string, data: Uint8Array) => Promise<{ saved: boolean }>;
  /** Where previews are served: the app's preview scheme, or the browser harness's loopback origin. */
  readonly previewBase: string;
}

function summary({ region, domain, message }: MailboxEntry): SandboxMessageSummary {
  return {
    region,
    domain: domain.name,
    key: message.key,
    messageId: message.messageId,
    storedAt: message.storedAt,
    from: message.from,
    to: message.to,
    subject: message.subject,
    attachmentCount: message.attachments.length,
    template: message.template ? `${message.template.name}${message.template.version ? ` (${message.template.version})` : ''}` : null,
  };
}

export function createSandboxMail(deps: SandboxMailDeps) {
  async function find(region: SandboxRegionName, domain: string, key: string): Promise<MailboxEntry> {
    const entry = findInMailbox(await deps.sandbox.admin.state(), region, domain, key, deps.clock());
    if (!entry) {
      throw new AppFailure(
        'not-found',
        'That message is no longer in the sandbox.',
        'It was removed by a reset or is past its domain’s message retention; send it again.',
      );
    }
    return entry;
  }

  return {
    async list(): Promise<SandboxMessageSummary[]> {
      return listMailbox(await deps.sandbox.admin.state(), deps.clock()).map(summary);
    },

    async get(arg: { region: SandboxRegionName; domain: string; key: string }): Promise<SandboxMessageDetail> {
      const entry = await find(arg.region, arg.domain, arg.key);
      const { message } = entry;
      return {
        ...summary(entry),
        html: message.html,
        text: message.text,
        headers: message.headers,
        attachments: message.attachments.map((a, index) => ({
          index,
          name: a.filename,
          contentType: a.contentType,
          size: a.size,
          kept: a.data !== null,
        })),
        mime: mimeOf(message),
        previewUrl: `${deps.previewBase}${previewPath(arg)}`,
      };
    },

    /** The HTML a preview shows, or null when there is no such message (any more). */
    async previewHtml(ref: PreviewRef): Promise<string | null> {
      return findInMailbox(await deps.sandbox.admin.state(), ref.region, ref.domain, ref.key, deps.clock())?.message.html ?? null;
    },

    /** Writes one attachment where the user picks in the save dialog; main never writes anywhere else. */
    async saveAttachment(arg: { region: SandboxRegionName; domain: string; key: string; index: number }): Promise<{ saved: boolean }> {
      const { message } = await find(arg.region, arg.domain, arg.key);
      const file = message.attachments[arg.index];
      if (!file)
        throw new AppFailure('not-found', 'The message has no such attachment.', 'Open the message again and pick one of its files.');
      if (file.data === null) {
        throw new AppFailure(
          'too-large',
          `${file.filename} was too large for the sandbox to keep (only its name and size were stored).`,
          'Send it again with smaller attachments (1 MB in all) to be able to save them.',
        );
      }
      return deps.saveFile(file.filename, Buffer.from(file.data, 'base64'));
    },
  };
}

export type SandboxMail = ReturnType<typeof createSandboxMail>;
