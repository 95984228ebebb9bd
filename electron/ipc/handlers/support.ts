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
  /** Runs a report as one cancellable operation, so `cancelRequest` stops all of its calls. */
  readonly operation: <T>(id: string | undefined, work: () => Promise<T>) => Promise<T>;
}

export type SupportHandlers = Pick<Handlers, keyof typeof supportMethods>;

export function createSupportHandlers({ support, dialogs, operation }: SupportHandlerDeps): SupportHandlers {
  return {
    lookupRecipient: ({ operationId, ...arg }) => operation(operationId, () => support.recipients.lookup(arg)),
    releaseRecipient: (arg) => support.recipients.release(arg),
    traceMessage: ({ operationId, ...arg }) => operation(operationId, () => support.tracer.trace(arg)),
    domainHealth: ({ operationId, ...arg }) => operation(operationId, () => support.domainHealth.build(arg)),
    exportInvestigation: (arg) => support.reports.export(arg, (name, text) => dialogs.saveTextFile(name, text)),
    exportDomainHealth: (arg) => support.domainHealth.export(arg, (name, text) => dialogs.saveTextFile(name, text)),
    findRegion: ({ operationId, ...arg }) => operation(operationId, () => support.regions.find(arg)),
    findResourceRegion: ({ operationId, ...arg }) => operation(operationId, () => support.regions.findResource(arg)),
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
