import type { curlMethods } from '../../../shared/bridge/curl';
import { keyInCurl } from '../../../shared/curl/parse-curl';
import { AppFailure } from '../../../shared/errors';
import { isSandboxEnvironmentId } from '../../../shared/sandbox/constants';
import type { EnvironmentsService } from '../../services/environments';
import type { Handlers } from '../dispatcher';

export type CurlHandlers = Pick<Handlers, keyof typeof curlMethods>;

/** The key of a pasted curl command goes from the command straight to the keychain; no field of the page ever holds it. */
export function createCurlHandlers({ environments }: { readonly environments: Pick<EnvironmentsService, 'setApiKey'> }): CurlHandlers {
  return {
    storeKeyFromCurl: async ({ environmentId, command }) => {
      if (isSandboxEnvironmentId(environmentId))
        throw new AppFailure('invalid-request', 'The offline sandbox has its own fixed key.', 'Switch to your own environment first.');
      const key = keyInCurl(command)?.trim();
      if (!key || key.startsWith('$'))
        throw new AppFailure(
          'invalid-request',
          'The command has no key to store (it has none, or names a variable such as $MAILGUN_API_KEY).',
          'Set the key in the environment manager instead.',
        );
      return environments.setApiKey(environmentId, key);
    },
  };
}
