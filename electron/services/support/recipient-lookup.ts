import type { JsonValue } from '../../../shared/catalog/types';
import type { Environment } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import { timelineFrom } from '../../../shared/support/events';
import type {
  AllowEntry,
  BounceEntry,
  ComplaintEntry,
  Listing,
  RecipientBlock,
  RecipientDomainCheck,
  RecipientLookup,
  ReleaseResult,
  ReportGap,
  SuppressionList,
  TimelineEvent,
  UnderlyingCall,
  UnsubscribeEntry,
} from '../../../shared/support/types';
import { type CallResult, type CallRunner, gapFor, isRecord, mapLimit, str } from './call-runner';

/**
 * "Why is mail to this address not arriving?": the three suppression lists
 * and the allowlist on each of the environment's domains, plus the address's
 * recent events, and a way to take it off a list.
 */

export interface RecipientToolDeps {
  readonly runner: CallRunner;
  readonly environments: { get(id: string): Promise<Environment> };
  /** How many domains one lookup may check; each costs six requests. */
  readonly maxDomains?: number;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (!ADDRESS.test(trimmed)) {
    throw new AppFailure(
      'invalid-argument',
      `"${address.slice(0, 100)}" is not an email address.`,
      'Enter one address, such as alice@example.com.',
      'address',
    );
  }
  return trimmed;
}

function listing<T>(result: CallResult, read: (body: Record<string, unknown>) => T): Listing<T> {
  if (result.ok && isRecord(result.json)) return { state: 'listed', entry: read(result.json) };
  if (result.status === 404) return { state: 'absent' };
  return { state: 'unknown' };
}

const readBounce = (b: Record<string, unknown>): BounceEntry => ({ code: str(b.code), error: str(b.error), createdAt: str(b.created_at) });
const readComplaint = (b: Record<string, unknown>): ComplaintEntry => ({ createdAt: str(b.created_at) });
const readUnsubscribe = (b: Record<string, unknown>): UnsubscribeEntry => ({
  tags: Array.isArray(b.tags) ? b.tags.map(str).filter((t) => t !== '') : ['*'],
  createdAt: str(b.created_at),
});
const readAllow = (b: Record<string, unknown>): AllowEntry => ({
  type: b.type === 'domain' ? 'domain' : 'address',
  value: str(b.value),
  reason: str(b.reason),
});

function unsubscribeSummary(entry: UnsubscribeEntry): string {
  if (entry.tags.length === 0 || entry.tags.includes('*')) return 'Unsubscribed from all mail';
  return `Unsubscribed from mail tagged ${entry.tags.join(', ')}`;
}

const listNames: Record<SuppressionList, string> = {
  bounces: 'bounce list',
  complaints: 'complaint list',
  unsubscribes: 'unsubscribe list',
};

export function createRecipientTools(deps: RecipientToolDeps) {
  const maxDomains = deps.maxDomains ?? 10;
  const { runner } = deps;

  async function domainsOf(
    environment: Environment,
    calls: UnderlyingCall[],
    gaps: ReportGap[],
  ): Promise<{ names: string[]; truncated: boolean }> {
    const result = await runner.run({
      label: 'Domains of the environment',
      environmentId: environment.id,
      endpointId: 'domains.list',
      params: { limit: 1000 },
    });
    calls.push(result.call);
    const items = isRecord(result.json) && Array.isArray(result.json.items) ? result.json.items : null;
    if (!result.ok || items === null) {
      gaps.push({
        ...gapFor('Domains', result),
        reason: `Could not list the domains, so only the default domain was checked. ${gapFor('Domains', result).reason}`,
      });
      return { names: environment.domain === '' ? [] : [environment.domain], truncated: true };
    }
    const names = items.map((item) => (isRecord(item) ? str(item.name) : '')).filter((name) => name !== '');
    // The default domain goes first so it is never the one cut off.
    const ordered = [...new Set([...(names.includes(environment.domain) ? [environment.domain] : []), ...names])];
    return { names: ordered.slice(0, maxDomains), truncated: ordered.length > maxDomains };
  }

  async function checkDomain(environment: Environment, domain: string, address: string) {
    const id = environment.id;
    const addressDomain = address.slice(address.lastIndexOf('@') + 1);
    const one = (endpointId: string, label: string, params: Record<string, JsonValue>) =>
      runner.run({ label: `${label} on ${domain}`, environmentId: id, endpointId, params: { domain_name: domain, ...params } });
    const [bounce, complaint, unsubscribe, allowAddress, allowDomain, events] = await Promise.all([
      one('bounces.get', 'Bounce list', { address }),
      one('complaints.get', 'Complaint list', { address }),
      one('unsubscribes.get', 'Unsubscribe list', { address }),
      one('allowlist.get', 'Allowlist (address)', { value: address }),
      one('allowlist.get', 'Allowlist (domain)', { value: addressDomain }),
      one('events.list', 'Recent events', { recipient: address, limit: 50, ascending: 'no' }),
    ]);
    const gaps: ReportGap[] = [];
    for (const [section, result] of [
      ['Bounce list', bounce],
      ['Complaint list', complaint],
      ['Unsubscribe list', unsubscribe],
      ['Allowlist (address)', allowAddress],
      ['Allowlist (domain)', allowDomain],
    ] as const) {
      if (!result.ok && result.status !== 404) gaps.push(gapFor(`${section} on ${domain}`, result));
    }
    if (!events.ok) gaps.push(gapFor(`Recent events on ${domain}`, events));
    const byAddress = listing(allowAddress, readAllow);
    const byDomain = listing(allowDomain, readAllow);
    const allowlist: Listing<AllowEntry> =
      byAddress.state === 'listed'
        ? byAddress
        : byDomain.state === 'listed'
          ? byDomain
          : byAddress.state === 'absent' && byDomain.state === 'absent'
            ? { state: 'absent' }
            : { state: 'unknown' };
    const check: RecipientDomainCheck = {
      domain,
      bounce: listing(bounce, readBounce),
      complaint: listing(complaint, readComplaint),
      unsubscribe: listing(unsubscribe, readUnsubscribe),
      allowlist,
    };
    return {
      check,
      gaps,
      calls: [bounce, complaint, unsubscribe, allowAddress, allowDomain, events].map((r) => r.call),
      events: events.ok ? timelineFrom(events.json, domain) : [],
    };
  }

  function blocksOf(check: RecipientDomainCheck, readOnly: boolean): RecipientBlock[] {
    const effective = check.allowlist.state !== 'listed';
    const blocks: RecipientBlock[] = [];
    const add = (list: SuppressionList, summary: string) =>
      blocks.push({ domain: check.domain, list, summary, effective, canRelease: !readOnly });
    if (check.bounce.state === 'listed') {
      const b = check.bounce.entry;
      add('bounces', `Bounced${b.code ? ` (${b.code}${b.error ? `: ${b.error}` : ''})` : ''}${b.createdAt ? ` on ${b.createdAt}` : ''}`);
    }
    if (check.complaint.state === 'listed')
      add('complaints', `Marked a message as spam${check.complaint.entry.createdAt ? ` on ${check.complaint.entry.createdAt}` : ''}`);
    if (check.unsubscribe.state === 'listed') add('unsubscribes', unsubscribeSummary(check.unsubscribe.entry));
    return blocks;
  }

  async function lookup(arg: { environmentId: string; address: string; domain?: string | undefined }): Promise<RecipientLookup> {
    const address = checkAddress(arg.address);
    const environment = await deps.environments.get(arg.environmentId);
    const calls: UnderlyingCall[] = [];
    const gaps: ReportGap[] = [];
    const { names, truncated } =
      arg.domain !== undefined ? { names: [arg.domain], truncated: false } : await domainsOf(environment, calls, gaps);
    if (names.length === 0) {
      throw new AppFailure(
        'invalid-argument',
        'There is no domain to check.',
        'Enter a domain, or set a default domain on the environment.',
        'domain',
      );
    }
    const perDomain = await mapLimit(names, 3, (domain) => checkDomain(environment, domain, address));
    const domains = perDomain.map((d) => d.check);
    for (const d of perDomain) {
      calls.push(...d.calls);
      gaps.push(...d.gaps);
    }
    if (truncated && arg.domain === undefined && gaps.every((g) => g.section !== 'Domains')) {
      gaps.push({
        section: 'Domains',
        status: null,
        kind: 'other',
        reason: `Only the first ${names.length} domains were checked; choose a domain to check another one.`,
      });
    }
    const blocks = domains.flatMap((check) => blocksOf(check, environment.readOnly));
    const events: TimelineEvent[] = perDomain
      .flatMap((d) => d.events)
      .sort((a, b) => a.timestamp - b.timestamp)
      .slice(-100);
    const effective = blocks.filter((b) => b.effective);
    const unknown = domains.some((d) => [d.bounce, d.complaint, d.unsubscribe].some((l) => l.state === 'unknown'));
    const verdict = effective.length > 0 ? 'blocked' : unknown ? 'unknown' : 'clear';
    let message: string;
    if (verdict === 'blocked') {
      const where = [...new Set(effective.map((b) => `the ${listNames[b.list]} of ${b.domain}`))];
      message = `Mail to ${address} is suppressed: it is on ${where.join(' and ')}.`;
    } else if (verdict === 'unknown')
      message = `Some lists could not be read, so it is not certain whether mail to ${address} is suppressed.`;
    else if (blocks.length > 0) message = `${address} is on a suppression list, but an allowlist entry lets mail through.`;
    else message = `${address} is on no suppression list of the ${domains.length === 1 ? 'domain' : `${domains.length} domains`} checked.`;
    return {
      address,
      environmentId: environment.id,
      readOnly: environment.readOnly,
      domainsTruncated: truncated,
      domains,
      blocks,
      events,
      verdict,
      message,
      calls,
      gaps,
    };
  }

  async function release(arg: {
    environmentId: string;
    domain: string;
    list: SuppressionList;
    address: string;
    confirmed: true;
  }): Promise<ReleaseResult> {
    const address = checkAddress(arg.address);
    const environment = await deps.environments.get(arg.environmentId);
    if (environment.readOnly) {
      throw new AppFailure(
        'read-only',
        `"${environment.name}" is read-only, so ${address} cannot be taken off the ${listNames[arg.list]}.`,
        'Use another environment, or turn off read-only in this environment’s settings.',
      );
    }
    const result = await runner.run({
      label: `Remove ${address} from the ${listNames[arg.list]} of ${arg.domain}`,
      environmentId: environment.id,
      endpointId: `${arg.list}.delete-one`,
      params: { domain_name: arg.domain, address },
      confirmedDestructive: arg.confirmed,
    });
    if (result.ok)
      return { released: true, message: `${address} was removed from the ${listNames[arg.list]} of ${arg.domain}.`, call: result.call };
    if (result.status === 404)
      return { released: false, message: `${address} was no longer on the ${listNames[arg.list]} of ${arg.domain}.`, call: result.call };
    if (result.failure) throw result.failure;
    throw new AppFailure(
      'invalid-request',
      `Mailgun refused the removal: ${result.call.error?.message ?? `HTTP ${result.status}`}.`,
      gapFor('Removal', result).reason,
    );
  }

  return { lookup, release };
}
