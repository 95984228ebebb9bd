import type { EnvironmentVariable } from '../variables/names';

/**
 * An environment is everything needed to talk to one Mailgun account or
 * proxy, minus the API key itself, which only ever lives in the OS keychain.
 */
export const regions = ['us', 'eu', 'custom'] as const;
export type Region = (typeof regions)[number];
export type OfficialRegion = Exclude<Region, 'custom'>;

export const keyKinds = ['primary', 'sending'] as const;
export type KeyKind = (typeof keyKinds)[number];

/** Named colours so the UI can theme them; hex values are the light-theme defaults. */
export const environmentColours = {
  slate: '#64748b',
  blue: '#2563eb',
  teal: '#0d9488',
  green: '#16a34a',
  amber: '#d97706',
  orange: '#ea580c',
  red: '#dc2626',
  pink: '#db2777',
  purple: '#7c3aed',
} as const;
export type EnvironmentColour = keyof typeof environmentColours;
export const environmentColourNames = Object.freeze(Object.keys(environmentColours) as EnvironmentColour[]);

/** What the user edits. `id` is absent when creating. */
export interface EnvironmentInput {
  readonly id?: string;
  readonly name: string;
  readonly region: Region;
  /** Only for `custom`: the proxy or local server the requests go to. */
  readonly baseUrl?: string;
  /** The default domain; for a sending key, the one domain the key belongs to. */
  readonly domain: string;
  readonly keyKind: KeyKind;
  /** Sent as `X-Mailgun-On-Behalf-Of` when present. */
  readonly subaccountId?: string;
  readonly readOnly: boolean;
  readonly colour: EnvironmentColour;
}

/** A stored environment: validated input plus non-secret facts about its key. */
export interface Environment {
  readonly id: string;
  readonly name: string;
  readonly region: Region;
  readonly baseUrl?: string;
  readonly domain: string;
  readonly keyKind: KeyKind;
  readonly subaccountId?: string;
  readonly readOnly: boolean;
  readonly colour: EnvironmentColour;
  /** Whether a key was saved to the keychain for this environment. */
  readonly hasKey: boolean;
  /** Recorded when the key is saved, so the UI can show it without reading the keychain. */
  readonly keyLast4: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** User-defined `{{name}}` variables; a secret one says only whether it is set (its value is in the keychain). */
  readonly variables?: readonly EnvironmentVariable[];
  /**
   * Only on the built-in sandbox environment, filled in by main while the
   * local sandbox server runs (its port changes every start); never stored.
   */
  readonly sandbox?: SandboxBaseUrls;
}

export interface SandboxBaseUrls {
  readonly us: string;
  readonly eu: string;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Limits shared by the bridge schemas and the validators. */
export const environmentLimits = {
  nameMax: 80,
  domainMax: 253,
  baseUrlMax: 2048,
  subaccountIdMax: 64,
  apiKeyMax: 512,
  idMax: 64,
  maxEnvironments: 500,
} as const;
