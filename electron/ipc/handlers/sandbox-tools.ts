import type { SandboxServer } from '../../../sandbox/server';
import type { SandboxMail } from '../../services/sandbox-tools';
import type { WebhookInbox } from '../../services/webhook-inbox';
import type { Handlers } from '../dispatcher';

type SandboxToolHandlers = Pick<
  Handlers,
  | 'getWebhookInbox'
  | 'getWebhookInboxDelivery'
  | 'clearWebhookInbox'
  | 'replayWebhookDelivery'
  | 'listSandboxMessages'
  | 'getSandboxMessage'
  | 'saveSandboxAttachment'
  | 'simulateInboundMessage'
>;

export interface SandboxToolHandlerDeps {
  readonly inbox: WebhookInbox;
  readonly mail: SandboxMail;
  readonly sandbox: Pick<SandboxServer, 'admin'>;
}

export function createSandboxToolHandlers({ inbox, mail, sandbox }: SandboxToolHandlerDeps): SandboxToolHandlers {
  return {
    getWebhookInbox: (arg) => inbox.list(arg.environmentId),
    getWebhookInboxDelivery: (arg) => inbox.get(arg.id, arg.environmentId),
    clearWebhookInbox: () => inbox.clear(),
    replayWebhookDelivery: (arg) => inbox.replay(arg.id, arg.url),
    listSandboxMessages: () => mail.list(),
    getSandboxMessage: (arg) => mail.get(arg),
    saveSandboxAttachment: (arg) => mail.saveAttachment(arg),
    simulateInboundMessage: ({ region, ...message }) => sandbox.admin.simulateInbound(region, message),
  };
}
