/**
 * Fixed facts about the built-in offline sandbox. The key is deliberately
 * public: it only opens the local sandbox server, never a real account.
 */
export const SANDBOX_ENVIRONMENT_ID = 'sandbox';

export const SANDBOX_API_KEY = 'sandbox-key-0000000000000000-not-a-secret';

/** Basic-auth user name Mailgun expects; the key is the password. */
export const SANDBOX_API_USER = 'api';

export const SANDBOX_US_DOMAIN = 'sandbox.mg.example.com';
export const SANDBOX_EU_DOMAIN = 'eu.mg.example.com';

export const sandboxRegions = ['us', 'eu'] as const;
export type SandboxRegion = (typeof sandboxRegions)[number];

/** Path prefix of each simulated region; the client appends `/v3/...` to `<origin>/<prefix>`. */
export const sandboxRegionPrefixes: Readonly<Record<SandboxRegion, string>> = { us: '/us', eu: '/eu' };

export function isSandboxEnvironmentId(id: string): boolean {
  return id === SANDBOX_ENVIRONMENT_ID;
}
