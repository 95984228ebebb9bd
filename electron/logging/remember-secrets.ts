import type { KeytarLike } from '../services/keychain';

/**
 * Wraps the keychain so every secret main stores or reads is known to the log
 * redactor before anything about the request that uses it can be logged.
 */
export function rememberSecrets(keytar: KeytarLike, remember: (secret: string | null) => void): KeytarLike {
  return {
    async getPassword(service, account) {
      const secret = await keytar.getPassword(service, account);
      remember(secret);
      return secret;
    },
    async setPassword(service, account, password) {
      remember(password);
      await keytar.setPassword(service, account, password);
    },
    deletePassword: (service, account) => keytar.deletePassword(service, account),
  };
}
