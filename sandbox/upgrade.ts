import { dkimValue } from './resources/dkim';
import { type Domain, emptyRegion, type IpPool, newSigningKey, type RegionState, type SandboxState, sampleIps } from './state';

/**
 * State files written by earlier versions lack the collections added since;
 * they are filled in empty so old sandboxes keep their data.
 */
export function upgradeState(state: SandboxState): SandboxState {
  const loose = state as Partial<SandboxState> & SandboxState;
  loose.subaccounts ??= [];
  loose.webhookSigningKey ??= newSigningKey();
  loose.ips ??= sampleIps();
  loose.ipPools ??= [];
  for (const pool of loose.ipPools) (pool as Partial<IpPool> & IpPool).delegates ??= [];
  loose.validationJobs ??= [];
  loose.alerts ??= [];
  loose.authorizedRecipients ??= [];
  loose.monthlyLimit ??= null;
  const regionsOf = [state.regions, ...loose.subaccounts.map((s) => s.regions)];
  for (const regions of regionsOf) {
    for (const name of ['us', 'eu'] as const) {
      regions[name] ??= emptyRegion();
      upgradeRegion(regions[name]);
    }
  }
  return state;
}

function upgradeRegion(region: RegionState): void {
  (region as Partial<RegionState> & RegionState).accountWebhooks ??= [];
  for (const domain of region.domains) {
    const loose = domain as Partial<Domain> & Domain;
    loose.stored ??= [];
    loose.credentials ??= [];
    loose.dkimKeys ??= [{ selector: 'pic', active: true, created_at: domain.created_at, value: dkimValue(domain.name, 'pic') }];
    loose.dkimSelector ??= 'pic';
    loose.dkimAuthoritySelf ??= true;
    loose.ips ??= [];
    loose.ipPool ??= null;
  }
}
