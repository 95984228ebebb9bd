import { AppFailure } from '../../../shared/errors';
import { createRequestSender, type RequestSenderDeps } from '../send-request';
import type { BaseUrlSender } from './call-runner';
import { mayProbe } from './region-targets';

/**
 * A sender for asking another region or account: the normal sender (so the
 * call is checked, signed, held to read-only mode and written to history like
 * any other), with only the base URL and/or the account acted for swapped. It
 * refuses any base URL that is neither an official Mailgun region nor on the
 * environment's own origin, and anything that changes data unless the user
 * confirmed that very change (a release from a suppression list found there).
 */
export function createBaseUrlSender(deps: RequestSenderDeps): BaseUrlSender {
  return async (scope, args) => {
    const endpoint = deps.getEndpoint(args.endpointId);
    if (endpoint === undefined || (endpoint.mutates && args.confirmedDestructive !== true)) {
      throw new AppFailure(
        'invalid-request',
        'Only requests that change nothing may be sent to another region.',
        'Send it from an environment set to that region.',
      );
    }
    const sender = createRequestSender({
      ...deps,
      getEnvironment: async (id) => {
        const environment = await deps.getEnvironment(id);
        if (environment === undefined) return undefined;
        const baseUrl = scope.baseUrl ?? environment.baseUrl;
        if (!mayProbe(baseUrl, environment.baseUrl)) {
          throw new AppFailure(
            'forbidden-host',
            'Refused to send the key to an unknown host.',
            'Only Mailgun’s US and EU regions are asked.',
          );
        }
        const { subaccountId: own, ...rest } = environment;
        const subaccountId = scope.subaccountId === undefined ? own : (scope.subaccountId ?? undefined);
        return { ...rest, baseUrl, ...(subaccountId ? { subaccountId } : {}) };
      },
    });
    return sender.send(args);
  };
}
