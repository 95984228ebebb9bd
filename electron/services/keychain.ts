import { AppFailure } from '../../shared/errors';

/**
 * The OS keychain, through keytar (or a fake with the same three methods).
 * keytar's `findCredentials` is deliberately not part of this: it crashes
 * the process when the keyring holds an item of our service without an
 * account attribute.
 */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const keychainServiceName = 'Mailgun Explorer';

/** What bridge-facing code may use: it can store and remove a key, never read one. */
export interface KeyWriter {
  setKey(environmentId: string, key: string): Promise<void>;
  /** True when a key was there to delete. */
  deleteKey(environmentId: string): Promise<boolean>;
  hasKey(environmentId: string): Promise<boolean>;
}

export interface Keychain extends KeyWriter {
  /** For main's request executor only. Nothing reachable from the bridge may return this value. */
  getKey(environmentId: string): Promise<string | null>;
  /**
   * Why a key that should be there was not found, if the keychain can say:
   * a locked Secret Service answers reads and deletes with "nothing here"
   * and only refuses writes, so this writes (and removes) a probe entry.
   */
  accessProblem(): Promise<AppFailure | null>;
}

/** The account of the probe entry; never an environment id, which are UUIDs or `sandbox`. */
const probeAccount = 'keychain-access-check';

export interface KeychainOptions {
  readonly keytar: KeytarLike;
  readonly serviceName?: string;
  readonly platform?: NodeJS.Platform;
}

const unavailablePatterns = [
  /autolaunch D-Bus/i,
  /org\.freedesktop\.secrets/i,
  /not provided by any \.service files/i,
  /DBUS_SESSION_BUS_ADDRESS/i,
  /Could not connect/i,
  /ServiceUnknown/i,
  /no such (?:interface|object)/i,
  /libsecret/i,
];
const lockedPatterns = [/locked/i];
const deniedPatterns = [/denied/i, /not allowed/i, /cancel+ed/i, /dismissed/i, /not authori[sz]ed/i, /passphrase .* not correct/i];

function unavailableHint(platform: NodeJS.Platform): string {
  if (platform === 'linux') {
    return 'Install and start a Secret Service such as gnome-keyring (Debian/Ubuntu: apt install gnome-keyring), and on a desktop make sure you are logged in to your keyring. Requests that need no key still work meanwhile.';
  }
  if (platform === 'darwin') return 'Open Keychain Access and check that your login keychain exists and is unlocked, then try again.';
  return 'Check that Windows Credential Manager is available for your user account, then try again.';
}

/**
 * keytar throws plain Errors with no code, so the message text is all there is
 * to go on. Each kind gets a sentence saying what happened and what to do.
 */
export function keychainFailure(error: unknown, platform: NodeJS.Platform = process.platform): AppFailure {
  if (error instanceof AppFailure) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (lockedPatterns.some((pattern) => pattern.test(text))) {
    return new AppFailure(
      'keychain-locked',
      'The system keychain is locked, so the API key cannot be stored or read.',
      platform === 'linux'
        ? 'Unlock your keyring (for example in Passwords and Keys / Seahorse, or by logging in to the desktop again), then try again.'
        : 'Unlock your keychain, then try again.',
    );
  }
  if (deniedPatterns.some((pattern) => pattern.test(text))) {
    return new AppFailure(
      'keychain-denied',
      'The system keychain refused access to the API key.',
      'Try again and allow Mailgun Explorer when the system asks; if no prompt appears, check the keychain access settings for this app.',
    );
  }
  if (unavailablePatterns.some((pattern) => pattern.test(text))) {
    return new AppFailure(
      'keychain-unavailable',
      'No system keychain is available, so the API key cannot be stored.',
      unavailableHint(platform),
    );
  }
  return new AppFailure(
    'keychain-unavailable',
    `The system keychain failed: ${text.slice(0, 200)}`,
    `${unavailableHint(platform)} API keys are never written to disk instead.`,
  );
}

export function createKeychain(options: KeychainOptions): Keychain {
  const { keytar } = options;
  const service = options.serviceName ?? keychainServiceName;
  const platform = options.platform ?? process.platform;

  async function call<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw keychainFailure(error, platform);
    }
  }

  const getKey = (environmentId: string) => call(() => keytar.getPassword(service, environmentId));
  return {
    getKey,
    setKey: (environmentId, key) => call(() => keytar.setPassword(service, environmentId, key)),
    deleteKey: (environmentId) => call(() => keytar.deletePassword(service, environmentId)),
    hasKey: async (environmentId) => (await getKey(environmentId)) !== null,
    async accessProblem() {
      try {
        await keytar.setPassword(service, probeAccount, 'probe');
      } catch (error) {
        return keychainFailure(error, platform);
      }
      await keytar.deletePassword(service, probeAccount).catch(() => false);
      return null;
    },
  };
}
