import type { JsonValue } from '../../../shared/catalog/types';
import { regionLabels } from '../../../shared/environments/regions';
import type { Environment, OfficialRegion } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import { formatRfc2822 } from '../../../shared/request';
import { deliveryStatus, timelineFrom } from '../../../shared/support/events';
import { recipientConclusion } from '../../../shared/support/recipient-verdict';
import { similarAddresses } from '../../../shared/support/similar-addresses';
import type {
  AllowEntry,
  BounceEntry,
  ComplaintEntry,
  Listing,
  RecipientBlock,
  RecipientDomainCheck,
  RecipientLookup,
  RecipientMessage,
  ReleaseResult,
  ReportGap,
  ScopeSearch,
  SearchScope,
  SuppressionList,
  TimelineEvent,
  UnderlyingCall,
  UnsubscribeEntry,
} from '../../../shared/support/types';
import { type CallResult, type CallRunner, type CallSpec, createLimiter, gapFor, isRecord, str } from './call-runner';
import { regionTargets } from './region-targets';

/**
 * "Why is mail to this address not arriving?", answered in one sentence: the
 * three suppression lists and the allowlist on every domain of the account in
 * both regions (and of each subaccount the key can act for), what was sent to
 * the address in the period with each message's last outcome (Logs API, or
 * Events where Logs is refused), similar recipients that did get mail, and a
 * way to take the address off a list.
 */

export interface RecipientToolDeps {
  readonly runner: CallRunner;
  readonly environments: { get(id: string): Promise<Environment> };
  /** How many domains one lookup may check; each costs five requests. */
  readonly maxDomains?: number;
  /** Calls in flight at once over the whole lookup. */
  readonly concurrency?: number;
  /** Epoch milliseconds. */
  readonly clock?: () => number;
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const LOGS_PAGE = 1000;
/** Pages of the address's own logs read before saying the history is cut short. */
const MAX_LOG_PAGES = 5;
const EVENTS_PAGE = 300;

/** Where calls go: `baseUrl`/`subaccountId` only when not the environment's own. */
interface Place {
  readonly scope: SearchScope;
  readonly baseUrl?: string;
  readonly subaccountId?: string;
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
  const maxDomains = deps.maxDomains ?? 50;
  const clock = deps.clock ?? Date.now;
  const { runner } = deps;

  function placeSpec(place: Place, spec: Omit<CallSpec, 'baseUrl' | 'subaccountId'>): CallSpec {
    return {
      ...spec,
      ...(place.baseUrl === undefined ? {} : { baseUrl: place.baseUrl }),
      ...(place.subaccountId === undefined ? {} : { subaccountId: place.subaccountId }),
    };
  }

  function where(place: Place): string {
    return `${place.scope.regionLabel}${place.scope.subaccountName ? `, ${place.scope.subaccountName}` : ''}`;
  }

  /** The regions of the environment (both official ones; only its own for a custom URL), for its own account and each open subaccount. */
  async function placesOf(environment: Environment, run: (spec: CallSpec) => Promise<CallResult>, gaps: ReportGap[]): Promise<Place[]> {
    const { current, targets } = regionTargets(environment);
    const regions: { region: OfficialRegion | null; label: string; baseUrl?: string }[] =
      current === null
        ? [{ region: null, label: regionLabels.custom }]
        : targets.map((t) => ({
            region: t.region,
            label: regionLabels[t.region],
            ...(t.region === current ? {} : { baseUrl: t.baseUrl }),
          }));
    const accounts: { id: string | null; name: string | null }[] = [{ id: null, name: null }];
    // A key acting for one subaccount already is that subaccount; only the primary account's key can act for the others.
    if (environment.subaccountId === undefined && environment.keyKind !== 'sending') {
      const listed = await run({
        label: 'Subaccounts the key can act for',
        environmentId: environment.id,
        endpointId: 'subaccounts.list',
        params: { limit: 1000, enabled: true },
      });
      const items = isRecord(listed.json) && Array.isArray(listed.json.subaccounts) ? listed.json.subaccounts : null;
      if (listed.ok && items !== null) {
        for (const item of items)
          if (isRecord(item) && str(item.id) !== '') accounts.push({ id: str(item.id), name: str(item.name) || str(item.id) });
      } else if (listed.status !== 403 && listed.status !== 404) gaps.push(gapFor('Subaccounts', listed));
    }
    return accounts.flatMap((account) =>
      regions.map((r) => ({
        scope: { region: r.region, regionLabel: r.label, subaccountId: account.id, subaccountName: account.name },
        ...(r.baseUrl === undefined ? {} : { baseUrl: r.baseUrl }),
        ...(account.id === null ? {} : { subaccountId: account.id }),
      })),
    );
  }

  async function domainsIn(environment: Environment, place: Place, run: (spec: CallSpec) => Promise<CallResult>, gaps: ReportGap[]) {
    const result = await run(
      placeSpec(place, {
        label: `Domains (${where(place)})`,
        environmentId: environment.id,
        endpointId: 'domains.list',
        params: { limit: 1000 },
      }),
    );
    const items = isRecord(result.json) && Array.isArray(result.json.items) ? result.json.items : null;
    if (!result.ok || items === null) {
      // The other region refusing the key (401) only means the account has nothing there.
      if (result.status !== 401 || place.baseUrl === undefined) gaps.push(gapFor(`Domains (${where(place)})`, result));
      return place.baseUrl === undefined && place.subaccountId === undefined && environment.domain !== '' ? [environment.domain] : [];
    }
    return items.map((item) => (isRecord(item) ? str(item.name) : '')).filter((name) => name !== '');
  }

  async function checkDomain(
    environment: Environment,
    place: Place,
    domain: string,
    address: string,
    run: (spec: CallSpec) => Promise<CallResult>,
  ) {
    const addressDomain = address.slice(address.lastIndexOf('@') + 1);
    const one = (endpointId: string, label: string, params: Record<string, JsonValue>) =>
      run(
        placeSpec(place, {
          label: `${label} on ${domain}`,
          environmentId: environment.id,
          endpointId,
          params: { domain_name: domain, ...params },
        }),
      );
    const [bounce, complaint, unsubscribe, allowAddress, allowDomain] = await Promise.all([
      one('bounces.get', 'Bounce list', { address }),
      one('complaints.get', 'Complaint list', { address }),
      one('unsubscribes.get', 'Unsubscribe list', { address }),
      one('allowlist.get', 'Allowlist (address)', { value: address }),
      one('allowlist.get', 'Allowlist (domain)', { value: addressDomain }),
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
      scope: place.scope,
      bounce: listing(bounce, readBounce),
      complaint: listing(complaint, readComplaint),
      unsubscribe: listing(unsubscribe, readUnsubscribe),
      allowlist,
    };
    return { check, gaps };
  }

  /** Every page of the address's own logs (up to a cap), and one page of recent deliveries to anyone, for similar addresses. */
  async function logsIn(
    environment: Environment,
    place: Place,
    address: string,
    window: { startMs: number; endMs: number },
    domain: string | undefined,
    run: (spec: CallSpec) => Promise<CallResult>,
    gaps: ReportGap[],
  ): Promise<{ ok: boolean; status: number | null; own: TimelineEvent[]; delivered: TimelineEvent[] }> {
    const domainFilter = domain === undefined ? [] : [{ attribute: 'domain', comparator: '=', values: [{ label: domain, value: domain }] }];
    const base = { start: formatRfc2822(new Date(window.startMs)), end: formatRfc2822(new Date(window.endMs)) };
    const own: TimelineEvent[] = [];
    let token: string | undefined;
    let status: number | null = null;
    for (let page = 0; page < MAX_LOG_PAGES; page++) {
      const result = await run(
        placeSpec(place, {
          label: `Logs of ${address} (${where(place)})${page > 0 ? `, page ${page + 1}` : ''}`,
          environmentId: environment.id,
          endpointId: 'logs.query',
          params: {
            ...base,
            filter: { AND: [{ attribute: 'recipient', comparator: '=', values: [{ label: address, value: address }] }, ...domainFilter] },
            pagination: { sort: 'timestamp:desc', limit: LOGS_PAGE, ...(token ? { token } : {}) },
          },
        }),
      );
      status = result.status;
      if (!result.ok) {
        if (page === 0) return { ok: false, status, own: [], delivered: [] };
        gaps.push(gapFor(`Logs of ${address} (${where(place)})`, result));
        break;
      }
      const items = timelineFrom(result.json);
      own.push(...items);
      const next = isRecord(result.json) && isRecord(result.json.pagination) ? str(result.json.pagination.next) : '';
      if (items.length < LOGS_PAGE || next === '') break;
      token = next;
      if (page === MAX_LOG_PAGES - 1)
        gaps.push({
          section: `Logs of ${address}`,
          status: null,
          kind: 'other',
          reason: 'More log lines matched than were read; choose a shorter period.',
        });
    }
    const recent = await run(
      placeSpec(place, {
        label: `Recent deliveries, for similar addresses (${where(place)})`,
        environmentId: environment.id,
        endpointId: 'logs.query',
        params: {
          ...base,
          events: ['delivered'],
          ...(domainFilter.length > 0 ? { filter: { AND: domainFilter } } : {}),
          pagination: { sort: 'timestamp:desc', limit: LOGS_PAGE },
        },
      }),
    );
    if (!recent.ok) gaps.push(gapFor(`Recent deliveries (${where(place)})`, recent));
    return { ok: true, status, own, delivered: recent.ok ? timelineFrom(recent.json) : [] };
  }

  /** Where the Logs API is refused: the Events API of each domain, for the address and for recent deliveries. */
  async function eventsIn(
    environment: Environment,
    place: Place,
    domains: readonly string[],
    address: string,
    startMs: number,
    run: (spec: CallSpec) => Promise<CallResult>,
    gaps: ReportGap[],
  ): Promise<{ ok: boolean; own: TimelineEvent[]; delivered: TimelineEvent[] }> {
    const begin = Math.floor(startMs / 1000);
    const perDomain = await Promise.all(
      domains.map(async (domain) => {
        const ask = (label: string, params: Record<string, JsonValue>) =>
          run(
            placeSpec(place, {
              label: `${label} on ${domain}`,
              environmentId: environment.id,
              endpointId: 'events.list',
              params: { domain_name: domain, begin, ascending: 'no', limit: EVENTS_PAGE, ...params },
            }),
          );
        const [own, delivered] = await Promise.all([
          ask(`Events of ${address}`, { recipient: address }),
          ask('Recent deliveries', { event: 'delivered' }),
        ]);
        if (!own.ok) gaps.push(gapFor(`Events of ${address} on ${domain}`, own));
        return {
          ok: own.ok,
          own: own.ok ? timelineFrom(own.json, domain) : [],
          delivered: delivered.ok ? timelineFrom(delivered.json, domain) : [],
        };
      }),
    );
    return {
      ok: perDomain.length === 0 || perDomain.some((d) => d.ok),
      own: perDomain.flatMap((d) => d.own),
      delivered: perDomain.flatMap((d) => d.delivered),
    };
  }

  function blocksOf(check: RecipientDomainCheck, readOnly: boolean): RecipientBlock[] {
    const effective = check.allowlist.state !== 'listed';
    const blocks: RecipientBlock[] = [];
    const add = (list: SuppressionList, summary: string, since: string) =>
      blocks.push({ domain: check.domain, scope: check.scope, list, summary, since, effective, canRelease: !readOnly });
    if (check.bounce.state === 'listed') {
      const b = check.bounce.entry;
      add(
        'bounces',
        `Bounced${b.code ? ` (${b.code}${b.error ? `: ${b.error}` : ''})` : ''}${b.createdAt ? ` on ${b.createdAt}` : ''}`,
        b.createdAt,
      );
    }
    if (check.complaint.state === 'listed')
      add(
        'complaints',
        `Marked a message as spam${check.complaint.entry.createdAt ? ` on ${check.complaint.entry.createdAt}` : ''}`,
        check.complaint.entry.createdAt,
      );
    if (check.unsubscribe.state === 'listed')
      add('unsubscribes', unsubscribeSummary(check.unsubscribe.entry), check.unsubscribe.entry.createdAt);
    return blocks;
  }

  function messagesOf(events: readonly TimelineEvent[], scopeOf: (domain: string) => SearchScope): RecipientMessage[] {
    const byMessage = new Map<string, TimelineEvent[]>();
    for (const event of events) {
      const key = event.messageId || event.id;
      byMessage.set(key, [...(byMessage.get(key) ?? []), event]);
    }
    const messages: RecipientMessage[] = [];
    for (const [key, list] of byMessage) {
      const sorted = [...list].sort((a, b) => a.timestamp - b.timestamp);
      const last = sorted.at(-1) as TimelineEvent;
      const status = deliveryStatus(sorted);
      const decisive = [...sorted].reverse().find((e) => e.event === 'delivered' || e.event === 'failed' || e.event === 'rejected');
      const smtp = decisive?.smtp
        ? [decisive.smtp.code === null ? '' : String(decisive.smtp.code), decisive.smtp.message].filter((p) => p !== '').join(' ')
        : '';
      messages.push({
        messageId: last.messageId || key,
        subject: sorted.find((e) => e.subject !== '')?.subject ?? '',
        domain: last.domain,
        scope: scopeOf(last.domain),
        outcome: status === 'delivered' || status === 'failed' || status === 'retrying' ? status : 'accepted',
        lastEvent: last.event,
        lastIso: last.iso,
        smtp,
        reason: decisive?.reason ?? null,
      });
    }
    return messages.sort((a, b) => b.lastIso.localeCompare(a.lastIso));
  }

  async function lookup(arg: {
    environmentId: string;
    address: string;
    domain?: string | undefined;
    days?: number | undefined;
  }): Promise<Omit<RecipientLookup, 'reportId'>> {
    const address = checkAddress(arg.address);
    const environment = await deps.environments.get(arg.environmentId);
    const periodDays = arg.days ?? DEFAULT_DAYS;
    const calls: UnderlyingCall[] = [];
    const gaps: ReportGap[] = [];
    const limited = createLimiter(deps.concurrency ?? 6);
    const run = (spec: CallSpec) =>
      limited(() => runner.run(spec)).then((result) => {
        calls.push(result.call);
        return result;
      });
    const now = clock();
    // Events are stamped a moment after acceptance, so the end leaves a minute's room.
    const window = { startMs: now - periodDays * DAY_MS, endMs: now + 60_000 };

    const wanted = arg.domain?.trim();
    const places: Place[] =
      wanted !== undefined && wanted !== ''
        ? [
            {
              scope: {
                region: regionTargets(environment).current,
                regionLabel: regionLabels[environment.region],
                subaccountId: null,
                subaccountName: null,
              },
            },
          ]
        : await placesOf(environment, run, gaps);
    // Domain lists first, so the budget is shared out in a fixed order: the environment's own place (and default domain) first.
    const listed = await Promise.all(
      places.map((place) => (wanted ? Promise.resolve([wanted]) : domainsIn(environment, place, run, gaps))),
    );
    let budget = maxDomains;
    let truncated = false;
    const allotted = places.map((place, index) => {
      const all = listed[index] ?? [];
      const names = [
        ...new Set([...(all.includes(environment.domain) && place.baseUrl === undefined ? [environment.domain] : []), ...all]),
      ];
      const kept = names.slice(0, Math.max(0, budget));
      budget -= kept.length;
      if (kept.length < names.length) truncated = true;
      return { place, kept };
    });
    const perPlace = await Promise.all(
      allotted.map(async ({ place, kept }) => {
        const [checks, logs] = await Promise.all([
          Promise.all(kept.map((domain) => checkDomain(environment, place, domain, address, run))),
          kept.length === 0
            ? Promise.resolve({ ok: true, status: null, own: [], delivered: [] })
            : logsIn(environment, place, address, window, wanted, run, gaps),
        ]);
        let history: { ok: boolean; own: TimelineEvent[]; delivered: TimelineEvent[] } = logs;
        let source: ScopeSearch['source'] = 'logs';
        if (!logs.ok) {
          gaps.push({
            section: `Logs (${where(place)})`,
            status: logs.status,
            kind: logs.status === 402 || logs.status === 403 ? 'plan' : 'other',
            reason: 'The Logs API could not be read here, so the Events API of each domain was asked instead.',
          });
          history = await eventsIn(environment, place, kept, address, window.startMs, run, gaps);
          source = history.ok ? 'events' : 'none';
        }
        return { place, checks, history, search: { scope: place.scope, domains: kept.length, source } satisfies ScopeSearch };
      }),
    );
    if (truncated) {
      gaps.push({
        section: 'Domains',
        status: null,
        kind: 'other',
        reason: `Only ${maxDomains} domains were checked; enter a domain to check another one.`,
      });
    }
    const domains = perPlace.flatMap((p) => p.checks.map((c) => c.check));
    for (const p of perPlace) for (const c of p.checks) gaps.push(...c.gaps);
    if (domains.length === 0) {
      throw new AppFailure(
        'invalid-argument',
        'There is no domain to check.',
        'Enter a domain, or set a default domain on the environment.',
        'domain',
      );
    }
    // The same event can come back from more than one place (an account-wide log); each is counted once, where its domain lives.
    const scopeByDomain = new Map(domains.map((d) => [d.domain, d.scope]));
    const unique = (events: readonly TimelineEvent[]) => [...new Map(events.map((e) => [e.id, e])).values()];
    const own = unique(perPlace.flatMap((p) => p.history.own)).filter((e) => e.recipient.toLowerCase() === address);
    const delivered = unique(perPlace.flatMap((p) => p.history.delivered)).filter((e) => e.event === 'delivered');
    const counts = new Map<string, number>();
    for (const e of delivered) counts.set(e.recipient.toLowerCase(), (counts.get(e.recipient.toLowerCase()) ?? 0) + 1);
    const fallbackScope = places[0]?.scope as SearchScope;
    const messages = messagesOf(own, (domain) => scopeByDomain.get(domain) ?? fallbackScope);
    const similar = similarAddresses(address, counts);
    const blocks = domains.flatMap((check) => blocksOf(check, environment.readOnly));
    const unknown = domains.some((d) => [d.bounce, d.complaint, d.unsubscribe].some((l) => l.state === 'unknown'));
    const searched = perPlace.map((p) => p.search);
    const { verdict, message } = recipientConclusion({ address, blocks, unknown, messages, similar, periodDays, searched });
    return {
      address,
      environmentId: environment.id,
      readOnly: environment.readOnly,
      periodDays,
      searched,
      messages,
      similar,
      domainsTruncated: truncated,
      domains,
      blocks,
      events: [...own].sort((a, b) => a.timestamp - b.timestamp).slice(-100),
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
    region?: OfficialRegion | undefined;
    subaccountId?: string | null | undefined;
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
    const target = arg.region === undefined ? undefined : regionTargets(environment).targets.find((t) => t.region === arg.region);
    const elsewhere = target !== undefined && target.region !== regionTargets(environment).current;
    const result = await runner.run({
      label: `Remove ${address} from the ${listNames[arg.list]} of ${arg.domain}`,
      environmentId: environment.id,
      endpointId: `${arg.list}.delete-one`,
      params: { domain_name: arg.domain, address },
      confirmedDestructive: arg.confirmed,
      ...(elsewhere ? { baseUrl: target.baseUrl } : {}),
      ...(typeof arg.subaccountId === 'string' ? { subaccountId: arg.subaccountId } : {}),
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
