import { SANDBOX_ENVIRONMENT_ID } from '../../shared/sandbox/constants';
import type { Keychain } from './keychain';
import { signingKeyAccount } from './support';

/**
 * The sandbox signs its webhooks with the signing key in its own state, which
 * it publishes on purpose; checking a sandbox environment's signature uses
 * that key, so the inbox and the Support checker verify sandbox deliveries
 * without the user copying a key anywhere.
 */
export function withSandboxSigningKey(keychain: Keychain, sandboxKey: () => Promise<string>): Keychain {
  const account = signingKeyAccount(SANDBOX_ENVIRONMENT_ID);
  return {
    ...keychain,
    getKey: (id) => (id === account ? sandboxKey() : keychain.getKey(id)),
    hasKey: async (id) => (id === account ? true : keychain.hasKey(id)),
  };
}
