import { SANDBOX_ENVIRONMENT_ID } from '../../shared/sandbox/constants';
import type { Keychain } from './keychain';
import { signingKeyAccount } from './support';

/**
 * The sandbox signs its webhooks with the signing key in its own state, which
 * it publishes on purpose; checking a sandbox environment's signature uses
 * that key, so the inbox and the Support checker verify sandbox deliveries
 * without the user copying a key anywhere. A key the user saved for the
 * sandbox environment still wins: they are checking a body signed with it.
 */
export function withSandboxSigningKey(keychain: Keychain, sandboxKey: () => Promise<string>): Keychain {
  const account = signingKeyAccount(SANDBOX_ENVIRONMENT_ID);
  return {
    ...keychain,
    getKey: async (id) => {
      if (id !== account) return keychain.getKey(id);
      return (await keychain.getKey(id).catch(() => null)) ?? sandboxKey();
    },
    hasKey: async (id) => (id === account ? true : keychain.hasKey(id)),
  };
}
