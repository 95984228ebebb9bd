import { AppFailure } from '../../../shared/errors';
import { createRequestSender, type RequestSenderDeps } from '../send-request';
import type { BaseUrlSender } from './call-runner';
import { mayProbe } from './region-targets';

/**
 * A sender for asking the other region: the normal sender (so the call is
 * checked, signed and written to history like any other), with only the base
 * URL swapped. It refuses anything that changes data, and any base URL that
 * is neither an official Mailgun region nor on the environment's own origin.
 */
export function createBaseUrlSender(deps: RequestSenderDeps): BaseUrlSender {
  return async (baseUrl, args) => {
    const endpoint = deps.getEndpoint(args.endpointId);
    if (endpoint === undefined || endpoint.mutates) {
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
        if (!mayProbe(baseUrl, environment.baseUrl)) {
          throw new AppFailure(
            'forbidden-host',
            'Refused to send the key to an unknown host.',
            'Only Mailgun’s US and EU regions are asked.',
          );
        }
        return { ...environment, baseUrl };
      },
    });
    return sender.send(args);
  };
}
