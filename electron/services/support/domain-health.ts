import { randomUUID } from 'node:crypto';
import { crossRegionRecords } from '../../../shared/environments/region-hosts';
import { isOfficialRegion } from '../../../shared/environments/regions';
import type { Environment } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import { evaluateDns } from '../../../shared/support/dns';
import { domainHealthFileName, renderDomainHealthJson, renderDomainHealthMarkdown } from '../../../shared/support/domain-health-markdown';
import type {
  DeliveryStats,
  DomainHealthReport,
  ExportResult,
  QueueState,
  ReportGap,
  SuppressionCount,
  UnderlyingCall,
} from '../../../shared/support/types';
import type { SaveTextFile } from '../environments';
import { type CallResult, type CallRunner, gapFor, isRecord, mapLimit, str } from './call-runner';

/**
 * One report on a domain: settings, DNS, tracking, webhooks, sending queue,
 * recent delivery and suppression counts. Each part comes from its own call,
 * and a part that fails is listed as a gap instead of failing the report.
 */

export interface DomainHealthDeps {
  readonly runner: CallRunner;
  readonly environments: { get(id: string): Promise<Environment> };
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly newId?: () => string;
  /** Reports kept so an export matches what was on screen. */
  readonly keepReports?: number;
}

const STATS_PERIOD = '7d';
const COUNT_PAGE = 1000;

function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === 'yes';
}

function readOverview(body: unknown): DomainHealthReport['overview'] {
  const domain = isRecord(body) && isRecord(body.domain) ? body.domain : null;
  if (domain === null) return null;
  return {
    state: str(domain.state) || 'unknown',
    type: str(domain.type) || 'unknown',
    createdAt: str(domain.created_at),
    spamAction: str(domain.spam_action) || 'unknown',
    requireTls: typeof domain.require_tls === 'boolean' ? domain.require_tls : null,
    webScheme: str(domain.web_scheme) || 'unknown',
  };
}

function readTracking(body: unknown): DomainHealthReport['tracking'] {
  const tracking = isRecord(body) && isRecord(body.tracking) ? body.tracking : null;
  if (tracking === null) return null;
  const part = (name: string) => (isRecord(tracking[name]) ? (tracking[name] as Record<string, unknown>) : {});
  const clickActive = part('click').active;
  return {
    open: bool(part('open').active),
    click: clickActive === 'htmlonly' ? 'HTML only' : bool(clickActive) ? 'on' : 'off',
    unsubscribe: bool(part('unsubscribe').active),
    webScheme: str(tracking.web_scheme) || 'http',
  };
}

/** v3 webhooks answer `{webhooks: {delivered: {urls: [...]}, ...}}`; older ones carry a single `url`. */
function readWebhooks(body: unknown): DomainHealthReport['webhooks'] {
  const hooks = isRecord(body) && isRecord(body.webhooks) ? body.webhooks : null;
  if (hooks === null) return null;
  return Object.entries(hooks)
    .map(([event, value]) => {
      const urls = isRecord(value) ? (Array.isArray(value.urls) ? value.urls.map(str) : str(value.url) ? [str(value.url)] : []) : [];
      return { event, urls: urls.filter((u) => u !== '') };
    })
    .filter((hook) => hook.urls.length > 0)
    .sort((a, b) => a.event.localeCompare(b.event));
}

function readQueue(body: unknown): DomainHealthReport['queue'] {
  if (!isRecord(body)) return null;
  const one = (value: unknown): QueueState => {
    const record = isRecord(value) ? value : {};
    const disabled = isRecord(record.disabled) ? record.disabled : {};
    return { disabled: bool(record.is_disabled), until: str(disabled.until), reason: str(disabled.reason) };
  };
  if (!isRecord(body.regular) && !isRecord(body.scheduled)) return null;
  return { regular: one(body.regular), scheduled: one(body.scheduled) };
}

function sum(stats: unknown[], read: (entry: Record<string, unknown>) => unknown): number {
  return stats.reduce<number>((total, entry) => {
    const value = isRecord(entry) ? read(entry) : 0;
    return total + (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  }, 0);
}

function at(record: Record<string, unknown>, ...keys: string[]): unknown {
  let current: unknown = record;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function readStats(body: unknown): DeliveryStats | null {
  if (!isRecord(body) || !Array.isArray(body.stats)) return null;
  const stats = body.stats;
  const accepted = sum(stats, (e) => at(e, 'accepted', 'total'));
  const delivered = sum(stats, (e) => at(e, 'delivered', 'total'));
  const failedPermanent = sum(stats, (e) => at(e, 'failed', 'permanent', 'total'));
  const failedTemporary = sum(stats, (e) => at(e, 'failed', 'temporary', 'total'));
  return {
    period: `last ${STATS_PERIOD.replace('d', ' days')}`,
    accepted,
    delivered,
    failedPermanent,
    failedTemporary,
    permanentFailureRate: accepted === 0 ? null : failedPermanent / accepted,
    temporaryFailureRate: accepted === 0 ? null : failedTemporary / accepted,
  };
}

function countOf(list: SuppressionCount['list'], result: CallResult): SuppressionCount | null {
  if (!result.ok || !isRecord(result.json) || !Array.isArray(result.json.items)) return null;
  const count = result.json.items.length;
  return { list, count, atLeast: count >= COUNT_PAGE };
}

function findingsOf(report: Omit<DomainHealthReport, 'findings'>): DomainHealthReport['findings'] {
  const findings: { level: 'error' | 'warning' | 'info'; text: string }[] = [];
  const o = report.overview;
  if (o && o.state !== 'active')
    findings.push({ level: 'error', text: `The domain is ${o.state}, not active; it cannot send normally until verified.` });
  if (report.dns) {
    if (!report.dns.sendingReady)
      findings.push({ level: 'error', text: `Sending DNS records are not all in place: ${report.dns.summary}` });
    const tracking = report.dns.records.find((r) => r.recordType === 'CNAME');
    if (tracking && tracking.verdict !== 'valid' && report.tracking && (report.tracking.open || report.tracking.click !== 'off')) {
      findings.push({
        level: 'warning',
        text: 'Tracking is on but the tracking CNAME is not verified, so tracked links and opens may not work.',
      });
    }
    if (!report.dns.receivingReady)
      findings.push({ level: 'info', text: 'MX records do not point at Mailgun; that only matters for receiving mail through routes.' });
  }
  const q = report.queue;
  if (q?.regular.disabled)
    findings.push({
      level: 'error',
      text: `Sending is paused${q.regular.reason ? `: ${q.regular.reason}` : ''}${q.regular.until ? ` (until ${q.regular.until})` : ''}.`,
    });
  if (q?.scheduled.disabled)
    findings.push({ level: 'warning', text: `Scheduled sending is paused${q.scheduled.reason ? `: ${q.scheduled.reason}` : ''}.` });
  const s = report.stats;
  if (s?.permanentFailureRate != null && s.permanentFailureRate >= 0.05) {
    findings.push({
      level: 'warning',
      text: `${(s.permanentFailureRate * 100).toFixed(1)}% of accepted messages failed permanently in the ${s.period}; above about 5% harms reputation.`,
    });
  }
  if (report.webhooks?.length === 0)
    findings.push({ level: 'info', text: 'No webhooks are set, so nothing is told about bounces or complaints as they happen.' });
  if (report.gaps.length > 0)
    findings.push({
      level: 'info',
      text: `${report.gaps.length} part${report.gaps.length === 1 ? '' : 's'} of the report could not be read; each is listed at the end with the reason.`,
    });
  const order = { error: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => order[a.level] - order[b.level]);
}

export function createDomainHealth(deps: DomainHealthDeps) {
  const { runner } = deps;
  const newId = deps.newId ?? randomUUID;
  const keep = deps.keepReports ?? 10;
  const recent = new Map<string, DomainHealthReport>();

  async function build(arg: { environmentId: string; domain?: string | undefined }): Promise<DomainHealthReport> {
    const environment = await deps.environments.get(arg.environmentId);
    const domain = (arg.domain ?? environment.domain).trim().toLowerCase();
    if (domain === '')
      throw new AppFailure(
        'invalid-argument',
        'No domain to report on.',
        'Enter a domain, or set a default domain on the environment.',
        'domain',
      );
    const id = environment.id;
    const specs = [
      { section: 'Overview', label: 'Domain settings and DNS', endpointId: 'domains.get', params: { name: domain } },
      { section: 'Tracking', label: 'Tracking settings', endpointId: 'domain-tracking.get', params: { name: domain } },
      { section: 'Webhooks', label: 'Webhooks', endpointId: 'webhooks.list', params: { domain } },
      { section: 'Sending queue', label: 'Sending queue', endpointId: 'messages.queue-status', params: { name: domain } },
      {
        section: 'Delivery',
        label: `Delivery totals, ${STATS_PERIOD}`,
        endpointId: 'stats.domain-totals',
        params: { domain, event: ['accepted', 'delivered', 'failed'], duration: STATS_PERIOD, resolution: 'day' },
      },
      { section: 'Suppressions', label: 'Bounce count', endpointId: 'bounces.list', params: { domain_name: domain, limit: COUNT_PAGE } },
      {
        section: 'Suppressions',
        label: 'Complaint count',
        endpointId: 'complaints.list',
        params: { domain_name: domain, limit: COUNT_PAGE },
      },
      {
        section: 'Suppressions',
        label: 'Unsubscribe count',
        endpointId: 'unsubscribes.list',
        params: { domain_name: domain, limit: COUNT_PAGE },
      },
      {
        section: 'Suppressions',
        label: 'Allowlist count',
        endpointId: 'allowlist.list',
        params: { domain_name: domain, limit: COUNT_PAGE },
      },
    ] as const;
    const results = await mapLimit(specs, 4, (spec) =>
      runner.run({ label: spec.label, environmentId: id, endpointId: spec.endpointId, params: spec.params }),
    );
    const calls: UnderlyingCall[] = results.map((r) => r.call);
    const gaps: ReportGap[] = [];
    const [domainResult, trackingResult, webhooksResult, queueResult, statsResult, ...countResults] = results as [
      CallResult,
      ...CallResult[],
    ];
    const need = <T>(section: string, result: CallResult | undefined, read: (body: unknown) => T | null): T | null => {
      if (result === undefined) return null;
      const value = result.ok ? read(result.json) : null;
      if (value === null)
        gaps.push(
          result.ok
            ? { section, status: result.status, kind: 'other', reason: 'The answer was not in the expected form.' }
            : gapFor(section, result),
        );
      return value;
    };
    const overview = need('Overview', domainResult, readOverview);
    const dns =
      domainResult.ok && isRecord(domainResult.json)
        ? evaluateDns(domainResult.json.sending_dns_records, domainResult.json.receiving_dns_records)
        : null;
    if (dns === null) gaps.push({ ...gapFor('DNS records', domainResult), section: 'DNS records' });
    const tracking = need('Tracking', trackingResult, readTracking);
    const webhooks = need('Webhooks', webhooksResult, readWebhooks);
    const queue = need('Sending queue', queueResult, readQueue);
    const stats = need('Delivery', statsResult, readStats);
    const lists = ['bounces', 'complaints', 'unsubscribes', 'allowlist'] as const;
    const counts: SuppressionCount[] = [];
    countResults.forEach((result, index) => {
      const list = lists[index];
      if (list === undefined) return;
      const count = countOf(list, result);
      if (count) counts.push(count);
      else gaps.push({ ...gapFor(`Suppressions (${list})`, result) });
    });
    const partial: Omit<DomainHealthReport, 'findings'> = {
      reportId: newId(),
      environmentId: id,
      environmentName: environment.name,
      domain,
      generatedAt: new Date(deps.clock()).toISOString(),
      overview,
      dns,
      tracking,
      webhooks,
      queue,
      stats,
      suppressions: counts.length === 0 ? null : counts,
      calls,
      gaps,
    };
    // Mailgun's own record values (`cached`), never a DNS lookup of ours: records naming the other region's hosts come first.
    const crossRegion =
      partial.dns && isOfficialRegion(environment.region) ? crossRegionRecords(partial.dns.records, environment.region) : [];
    const report: DomainHealthReport = {
      ...partial,
      findings: [...crossRegion.map((text) => ({ level: 'error' as const, text })), ...findingsOf(partial)],
    };
    recent.set(report.reportId, report);
    while (recent.size > keep) {
      const oldest = recent.keys().next().value;
      if (oldest === undefined) break;
      recent.delete(oldest);
    }
    return report;
  }

  async function exportReport(
    arg: { environmentId: string; domain?: string | undefined; reportId?: string | undefined; format: 'markdown' | 'json' },
    saveTextFile: SaveTextFile,
  ): Promise<ExportResult> {
    const cached = arg.reportId === undefined ? undefined : recent.get(arg.reportId);
    const report = cached && cached.environmentId === arg.environmentId ? cached : await build(arg);
    const fileName = domainHealthFileName(report, arg.format);
    const text = arg.format === 'markdown' ? renderDomainHealthMarkdown(report) : renderDomainHealthJson(report);
    const saved = await saveTextFile(fileName, text);
    return { saved: saved.saved, path: saved.path ?? null, fileName, format: arg.format };
  }

  return { build, export: exportReport };
}
