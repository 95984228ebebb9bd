import type { Environment, OfficialRegion, Region } from './types';

export const regionBaseUrls: Readonly<Record<OfficialRegion, string>> = {
  us: 'https://api.mailgun.net',
  eu: 'https://api.eu.mailgun.net',
};

export const regionLabels: Readonly<Record<Region, string>> = {
  us: 'US',
  eu: 'EU',
  custom: 'Custom URL',
};

export function isOfficialRegion(region: Region): region is OfficialRegion {
  return region === 'us' || region === 'eu';
}

/** Where requests for this environment go, without a trailing slash. */
export function baseUrlFor(env: Pick<Environment, 'region' | 'baseUrl' | 'sandbox'>): string {
  if (isOfficialRegion(env.region)) return regionBaseUrlFor(env, env.region);
  if (env.baseUrl === undefined || env.baseUrl === '') throw new Error('A custom-region environment has no base URL');
  return env.baseUrl;
}

/** An official region's base URL as this environment sees it: the built-in sandbox simulates both regions locally. */
export function regionBaseUrlFor(env: Pick<Environment, 'sandbox'>, region: OfficialRegion): string {
  return env.sandbox ? env.sandbox[region] : regionBaseUrls[region];
}

/**
 * The region to try when a domain is missing or the key is refused. Custom
 * URLs have none: we must not guess where someone's proxy forwards to.
 */
export function otherRegion(region: Region): OfficialRegion | null {
  if (region === 'us') return 'eu';
  if (region === 'eu') return 'us';
  return null;
}

/** Maps an official base URL back to its region, so imports keep the short form. */
export function regionForBaseUrl(baseUrl: string): OfficialRegion | null {
  const trimmed = baseUrl.trim().replace(/\/+$/, '').toLowerCase();
  for (const region of ['us', 'eu'] as const) {
    if (trimmed === regionBaseUrls[region] || trimmed === `${regionBaseUrls[region]}/v3`) return region;
  }
  return null;
}
