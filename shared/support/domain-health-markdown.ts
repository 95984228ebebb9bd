import { markdownTable } from './markdown-table';
import type { DomainHealthReport, QueueState } from './types';

/**
 * The domain health report as Markdown, for pasting into a ticket.
 */

function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

function queueText(state: QueueState): string {
  if (!state.disabled) return 'accepting';
  return ['paused', state.until === '' ? '' : `until ${state.until}`, state.reason === '' ? '' : `(${state.reason})`]
    .filter((s) => s !== '')
    .join(' ');
}

function notAvailable(report: DomainHealthReport, section: string): string {
  const gap = report.gaps.find((g) => g.section === section);
  return gap ? `_Not available: ${gap.reason}_` : '_Not available._';
}

export function renderDomainHealthMarkdown(report: DomainHealthReport): string {
  const out: string[] = [
    `# Domain health: ${report.domain}`,
    '',
    `Environment: ${report.environmentName} · generated ${report.generatedAt}`,
    '',
  ];

  if (report.findings.length > 0) {
    out.push('## Findings', '');
    for (const finding of report.findings) out.push(`- **${finding.level}**: ${finding.text}`);
    out.push('');
  }

  out.push('## Overview', '');
  if (report.overview) {
    const o = report.overview;
    out.push(
      ...markdownTable(
        ['Setting', 'Value'],
        [
          ['State', o.state],
          ['Type', o.type],
          ['Created', o.createdAt],
          ['Spam action', o.spamAction],
          ['Require TLS', o.requireTls === null ? 'unknown' : o.requireTls ? 'yes' : 'no'],
          ['Web scheme', o.webScheme],
        ],
      ),
    );
  } else out.push(notAvailable(report, 'Overview'));
  out.push('');

  out.push('## DNS records', '');
  if (report.dns) {
    out.push(report.dns.summary, '');
    out.push(
      ...markdownTable(
        ['Purpose', 'Type', 'Name', 'Expected', 'Found', 'Status'],
        report.dns.records.map((r) => [r.purpose, r.recordType, r.name, r.expected, r.found.join(', ') || '—', r.verdict]),
      ),
    );
    const advice = report.dns.records.filter((r) => r.verdict !== 'valid');
    if (advice.length > 0) {
      out.push('');
      for (const r of advice) out.push(`- ${r.advice}`);
    }
  } else out.push(notAvailable(report, 'DNS records'));
  out.push('');

  out.push('## Tracking', '');
  if (report.tracking) {
    const t = report.tracking;
    out.push(
      ...markdownTable(
        ['Kind', 'Setting'],
        [
          ['Opens', t.open ? 'on' : 'off'],
          ['Clicks', t.click],
          ['Unsubscribe links', t.unsubscribe ? 'on' : 'off'],
          ['Link scheme', t.webScheme],
        ],
      ),
    );
  } else out.push(notAvailable(report, 'Tracking'));
  out.push('');

  out.push('## Webhooks', '');
  if (report.webhooks) {
    if (report.webhooks.length === 0) out.push('No webhooks are set.');
    else
      out.push(
        ...markdownTable(
          ['Event', 'URLs'],
          report.webhooks.map((w) => [w.event, w.urls.join(', ')]),
        ),
      );
  } else out.push(notAvailable(report, 'Webhooks'));
  out.push('');

  out.push('## Sending queue', '');
  if (report.queue) out.push(`- Regular: ${queueText(report.queue.regular)}`, `- Scheduled: ${queueText(report.queue.scheduled)}`);
  else out.push(notAvailable(report, 'Sending queue'));
  out.push('');

  out.push('## Delivery (recent)', '');
  if (report.stats) {
    const s = report.stats;
    out.push(
      ...markdownTable(
        ['Measure', 'Value'],
        [
          ['Period', s.period],
          ['Accepted', String(s.accepted)],
          ['Delivered', String(s.delivered)],
          ['Failed permanently', `${s.failedPermanent} (${percent(s.permanentFailureRate)})`],
          ['Failed temporarily', `${s.failedTemporary} (${percent(s.temporaryFailureRate)})`],
        ],
      ),
    );
  } else out.push(notAvailable(report, 'Delivery'));
  out.push('');

  out.push('## Suppressions', '');
  if (report.suppressions) {
    out.push(
      ...markdownTable(
        ['List', 'Entries'],
        report.suppressions.map((s) => [s.list, `${s.atLeast ? 'at least ' : ''}${s.count}`]),
      ),
    );
  } else out.push(notAvailable(report, 'Suppressions'));
  out.push('');

  if (report.gaps.length > 0) {
    out.push('## Not included', '');
    for (const gap of report.gaps) out.push(`- ${gap.section}: ${gap.reason}${gap.status === null ? '' : ` (HTTP ${gap.status})`}`);
    out.push('');
  }

  out.push('## Requests made', '');
  out.push(
    ...markdownTable(
      ['Request', 'Status'],
      report.calls.map((c) => [
        `${c.method} ${c.path} — ${c.label}`,
        c.status === null ? (c.error?.message ?? 'no response') : String(c.status),
      ]),
    ),
  );
  out.push('');
  return out.join('\n');
}

/** The report as pretty JSON; the same data, for tools. */
export function renderDomainHealthJson(report: DomainHealthReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function domainHealthFileName(report: Pick<DomainHealthReport, 'domain' | 'generatedAt'>, format: 'markdown' | 'json'): string {
  const stamp = report.generatedAt.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  const safeDomain = report.domain.replace(/[^a-z0-9.-]/gi, '_');
  return `domain-health-${safeDomain}-${stamp}.${format === 'markdown' ? 'md' : 'json'}`;
}
