import { isOfficialRegion, regionBaseUrlFor, regionBaseUrls, regionLabels } from '../../../shared/environments/regions';
import type { Environment, OfficialRegion } from '../../../shared/environments/types';

/**
 * The places a domain could live for a given environment: Mailgun's two
 * regions (simulated locally for the built-in sandbox). Custom URLs (proxies)
 * have no known counterpart, so nothing else is ever asked with the key.
 */

export interface RegionTarget {
  readonly region: OfficialRegion;
  readonly label: string;
  readonly baseUrl: string;
}

export interface RegionTargets {
  /** Where the environment points now; null for a custom URL. */
  readonly current: OfficialRegion | null;
  readonly targets: readonly RegionTarget[];
}

export function regionTargets(environment: Pick<Environment, 'region' | 'sandbox'>): RegionTargets {
  if (!isOfficialRegion(environment.region)) return { current: null, targets: [] };
  const prefix = environment.sandbox ? 'Sandbox ' : '';
  return {
    current: environment.region,
    targets: (['us', 'eu'] as const).map((region) => ({
      region,
      label: `${prefix}${regionLabels[region]}`,
      baseUrl: regionBaseUrlFor(environment, region),
    })),
  };
}

function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}

/**
 * Where a key may go besides the environment's own base URL: Mailgun's
 * official regions, or another path on the environment's own origin (the
 * sandbox serves both regions from one local server).
 */
export function mayProbe(baseUrl: string, ownBaseUrl: string): boolean {
  const wanted = baseUrl.trim().replace(/\/+$/, '').toLowerCase();
  if (Object.values(regionBaseUrls).some((url) => url === wanted)) return true;
  const origin = originOf(baseUrl);
  return origin !== null && origin === originOf(ownBaseUrl);
}
