import type { supportMethods } from '../../../shared/bridge/support';
import { AppFailure } from '../../../shared/errors';
import { convertDate } from '../../../shared/support/dates';
import type { SupportServices } from '../../services/support';
import type { Handlers } from '../dispatcher';
import type { TextFileDialogs } from './environments';

/** Thin glue from the bridge to the support tools. */

export interface SupportHandlerDeps {
  readonly support: SupportServices;
  readonly dialogs: Pick<TextFileDialogs, 'saveTextFile'>;
}

export type SupportHandlers = Pick<Handlers, keyof typeof supportMethods>;

export function createSupportHandlers({ support, dialogs }: SupportHandlerDeps): SupportHandlers {
  return {
    lookupRecipient: (arg) => support.recipients.lookup(arg),
    releaseRecipient: (arg) => support.recipients.release(arg),
    traceMessage: (arg) => support.tracer.trace(arg),
    domainHealth: (arg) => support.domainHealth.build(arg),
    exportDomainHealth: (arg) => support.domainHealth.export(arg, (name, text) => dialogs.saveTextFile(name, text)),
    findRegion: (arg) => support.regions.find(arg),
    applyRegion: (arg) => support.regions.apply(arg),
    setWebhookSigningKey: ({ environmentId, key }) => support.webhooks.setKey(environmentId, key),
    deleteWebhookSigningKey: ({ environmentId }) => support.webhooks.deleteKey(environmentId),
    hasWebhookSigningKey: ({ environmentId }) => support.webhooks.hasKey(environmentId),
    checkWebhookSignature: (arg) => support.webhooks.check(arg),
    convertDate: async ({ input }) => {
      const result = convertDate(input);
      if (!result.ok) throw new AppFailure('invalid-argument', result.message, result.hint, 'input');
      return result.value;
    },
  };
}
