import type { JsonValue } from '../../../shared/catalog/types';
import type { Environment, EnvironmentInput, OfficialRegion } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import type { RegionBoundResource } from '../../../shared/status';
import type { RegionFinding, RegionProbe, ReportGap, ResourceRegionFinding, UnderlyingCall } from '../../../shared/support/types';
import { type CallResult, type CallRunner, gapFor, isRecord, str } from './call-runner';
import { type RegionTarget, regionTargets } from './region-targets';

/**
 * Which region does a domain live in? Both are asked for the domain with the
 * environment's key: the environment's own region through the normal sender,
 * the other through the base-URL probe. A domain answers in one region only,
 * and the region is fixed when the domain is created, so wherever it answers
 * is where the environment has to point. Mailing lists and routes are bound
 * to a region the same way, but their paths name no domain, so after a 404
 * they are looked for like a domain.
 */

export interface RegionFinderDeps {
  readonly runner: CallRunner;
  readonly environments: { get(id: string): Promise<Environment>; save(input: EnvironmentInput): Promise<Environment> };
}

function domainStateOf(result: CallResult): string | null {
  const domain = isRecord(result.json) && isRecord(result.json.domain) ? result.json.domain : null;
  return domain === null ? null : str(domain.state) || null;
}

function inputOf(environment: Environment): EnvironmentInput {
  return {
    id: environment.id,
    name: environment.name,
    region: environment.region,
    domain: environment.domain,
    keyKind: environment.keyKind,
    readOnly: environment.readOnly,
    colour: environment.colour,
    ...(environment.baseUrl === undefined ? {} : { baseUrl: environment.baseUrl }),
    ...(environment.subaccountId === undefined ? {} : { subaccountId: environment.subaccountId }),
  };
}

export function createRegionFinder(deps: RegionFinderDeps) {
  /** The same read-only call in each region: the current one as usual, the other through the base-URL probe. */
  async function askEach(
    environmentId: string,
    current: OfficialRegion,
    targets: readonly RegionTarget[],
    labelPrefix: string,
    endpointId: string,
    params: Record<string, JsonValue>,
    calls: UnderlyingCall[],
    gaps: ReportGap[],
  ): Promise<RegionProbe[]> {
    const results = await Promise.all(
      targets.map((target) =>
        deps.runner.run({
          label: `${labelPrefix} ${target.label}`,
          environmentId,
          endpointId,
          params,
          ...(target.region === current ? {} : { baseUrl: target.baseUrl }),
        }),
      ),
    );
    return targets.map((target, index) => {
      const result = results[index] as CallResult;
      calls.push(result.call);
      if (!result.ok && result.status !== 404 && result.status !== 401) gaps.push(gapFor(target.label, result));
      return {
        region: target.region,
        label: target.label,
        baseUrl: target.baseUrl,
        current: target.region === current,
        status: result.status,
        found: result.ok,
        domainState: endpointId === 'domains.get' && result.ok ? domainStateOf(result) : null,
      };
    });
  }

  async function find(arg: { environmentId: string; domain?: string | undefined }): Promise<RegionFinding> {
    const environment = await deps.environments.get(arg.environmentId);
    const domain = (arg.domain ?? environment.domain).trim().toLowerCase();
    if (domain === '')
      throw new AppFailure(
        'invalid-argument',
        'No domain to look for.',
        'Enter a domain, or set a default domain on the environment.',
        'domain',
      );
    const base = { environmentId: environment.id, domain };
    if (environment.keyKind === 'sending') {
      return {
        ...base,
        probes: [],
        foundIn: null,
        mismatch: false,
        fix: null,
        message: 'Nothing was asked: a domain sending key cannot read domain details in either region.',
        hint: 'Use an environment with the primary account key (or an admin key) to find the region.',
        calls: [],
        gaps: [],
      };
    }
    const { current, targets } = regionTargets(environment);
    const calls: UnderlyingCall[] = [];
    const gaps: ReportGap[] = [];

    if (current === null) {
      const result = await deps.runner.run({
        label: 'The domain at this environment’s URL',
        environmentId: environment.id,
        endpointId: 'domains.get',
        params: { name: domain },
      });
      calls.push(result.call);
      if (!result.ok && result.status !== 404) gaps.push(gapFor('This environment’s URL', result));
      return {
        ...base,
        probes: [],
        foundIn: null,
        mismatch: false,
        fix: null,
        message: result.ok
          ? `${domain} answers at this environment’s custom URL.`
          : `${domain} did not answer at this environment’s custom URL (${result.status === null ? result.call.error?.message : `HTTP ${result.status}`}).`,
        hint: 'Custom URLs are not compared with Mailgun’s regions, since there is no telling where a proxy forwards to.',
        calls,
        gaps,
      };
    }

    const probes = await askEach(environment.id, current, targets, `${domain} in`, 'domains.get', { name: domain }, calls, gaps);
    const found = probes.find((p) => p.found);
    const here = probes.find((p) => p.current);
    const foundIn: OfficialRegion | null = found?.region ?? null;
    const mismatch = found !== undefined && !found.current;
    const fix = mismatch && found ? { region: found.region, label: found.label, baseUrl: found.baseUrl } : null;
    let message: string;
    let hint: string;
    if (found && !mismatch) {
      message = `${domain} lives in ${found.label}, where this environment already points.`;
      hint =
        found.domainState && found.domainState !== 'active'
          ? `The domain is ${found.domainState}; verify its DNS records before sending.`
          : '';
    } else if (found) {
      message = `${domain} lives in ${found.label}, but this environment points at ${here?.label ?? 'another region'}.`;
      hint = `Switch the environment to ${found.label}; calls for this domain in the wrong region fail with 401 or 404.`;
    } else if (probes.every((p) => p.status === 401)) {
      message = 'The key was refused in both regions.';
      hint = 'Check that the key is the primary account key (or an admin key), copied in full and not revoked.';
    } else if (probes.some((p) => p.status === null || (p.status !== 404 && p.status !== 401))) {
      message = `${domain} was not found, and not every region could be asked.`;
      hint = 'See what failed below, then try again.';
    } else {
      message = `${domain} was found in neither region.`;
      hint = 'Check the spelling, and that the domain belongs to this account (or the subaccount set on the environment).';
    }
    return { ...base, probes, foundIn, mismatch, fix, message, hint, calls, gaps };
  }

  /** Which region a mailing list or route lives in; asked after a 404 for it (see `probe` in diagnose). */
  async function findResource(arg: { environmentId: string; resource: RegionBoundResource }): Promise<ResourceRegionFinding> {
    const environment = await deps.environments.get(arg.environmentId);
    const { resource } = arg;
    const what = resource.kind === 'route' ? `Route ${resource.id}` : `The mailing list ${resource.address}`;
    const it = resource.kind === 'route' ? 'this route' : 'this list';
    const base = { environmentId: environment.id, resource };
    const { current, targets } = regionTargets(environment);
    if (current === null) {
      return {
        ...base,
        probes: [],
        foundIn: null,
        mismatch: false,
        fix: null,
        message: 'Nothing was asked: this environment uses a custom URL.',
        hint: 'Custom URLs are not compared with Mailgun’s regions, since there is no telling where a proxy forwards to.',
        calls: [],
        gaps: [],
      };
    }
    const calls: UnderlyingCall[] = [];
    const gaps: ReportGap[] = [];
    const [endpointId, params] =
      resource.kind === 'route' ? ['routes.get', { id: resource.id }] : ['mailing-lists.get', { list_address: resource.address }];
    const probes = await askEach(environment.id, current, targets, `${what} in`, endpointId, params, calls, gaps);
    const found = probes.find((p) => p.found);
    const mismatch = found !== undefined && !found.current;
    const fix = mismatch && found ? { region: found.region, label: found.label, baseUrl: found.baseUrl } : null;
    let message: string;
    let hint: string;
    if (found && !mismatch) {
      message = `${what} exists in the ${found.label} region, where this environment already points.`;
      hint = 'Check the rest of the path (a member address, for example).';
    } else if (found) {
      message = `${what} exists in the ${found.label} region, not in the ${probes.find((p) => p.current)?.label ?? 'current'} region.`;
      hint = `Switch the environment to the ${found.label} region to work with ${it}.`;
    } else if (probes.some((p) => p.status !== 404)) {
      message = `${what} was not found here, and the other region could not be asked.`;
      hint = 'See what failed below, then try again.';
    } else {
      message = `${what} was not found in either region.`;
      hint =
        resource.kind === 'route'
          ? 'Check the id against the route list.'
          : 'Check the address (the whole list address, with its domain) against the list of mailing lists.';
    }
    return { ...base, probes, foundIn: found?.region ?? null, mismatch, fix, message, hint, calls, gaps };
  }

  /** Points the environment at a region; only the two places the finder knows for it are accepted. */
  async function apply(arg: { environmentId: string; region: OfficialRegion }): Promise<Environment> {
    const environment = await deps.environments.get(arg.environmentId);
    const { current, targets } = regionTargets(environment);
    if (current === null || !targets.some((t) => t.region === arg.region)) {
      throw new AppFailure(
        'unsupported',
        'This environment uses a custom URL, so its region cannot be switched here.',
        'Edit the base URL in the environment settings.',
      );
    }
    return deps.environments.save({ ...inputOf(environment), region: arg.region });
  }

  return { find, findResource, apply };
}
