import { classRowWords } from './bounce-classification';
import { markdownTable } from './markdown-table';
import type { MessageTrace, RecipientLookup, UnderlyingCall } from './types';

/**
 * A recipient verdict or a message trace as a ticket-ready file: the answer,
 * the evidence, and every call made (method, URL, status, when and how long).
 * Main passes the text through its redactor before it is written, so no key
 * reaches the file whatever a server echoed.
 */

export type Investigation =
  | { readonly kind: 'recipient'; readonly report: RecipientLookup }
  | { readonly kind: 'trace'; readonly report: MessageTrace };

export interface ReportCall {
  readonly label: string;
  readonly method: string;
  readonly url: string;
  readonly status: number | null;
  readonly at: string | null;
  readonly durationMs: number | null;
}

/** A URL without any user-info part, whatever it came with. */
function withoutUserInfo(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return url;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`;
}

export function reportCalls(calls: readonly UnderlyingCall[]): ReportCall[] {
  return calls.map((c) => ({
    label: c.label,
    method: c.method,
    url: withoutUserInfo(c.url ?? `${c.baseUrl ?? ''}${c.path}`),
    status: c.status,
    at: c.startedAt === undefined ? null : new Date(c.startedAt).toISOString(),
    durationMs: c.durationMs ?? null,
  }));
}

function callsSection(calls: readonly UnderlyingCall[]): string[] {
  return [
    `## Calls made (${calls.length})`,
    '',
    ...markdownTable(
      ['When', 'Method', 'URL', 'Status', 'Time'],
      reportCalls(calls).map((c) => [
        c.at ?? '',
        c.method,
        c.url,
        c.status === null ? 'no answer' : String(c.status),
        c.durationMs === null ? '' : `${c.durationMs} ms`,
      ]),
    ),
  ];
}

function gapsSection(report: RecipientLookup | MessageTrace): string[] {
  if (report.gaps.length === 0) return [];
  return [
    '## Not available',
    '',
    ...report.gaps.map((g) => `- ${g.section}: ${g.reason}${g.status === null ? '' : ` (HTTP ${g.status})`}`),
    '',
  ];
}

function recipientMarkdown(r: RecipientLookup, generatedAt: string): string[] {
  return [
    `# Recipient verdict: ${r.address}`,
    '',
    `Generated ${generatedAt}; sending history of the last ${r.periodDays} days.`,
    '',
    `**${r.message}**`,
    '',
    '## Searched',
    '',
    ...r.searched.map(
      (s) =>
        `- ${s.scope.regionLabel}${s.scope.subaccountName ? `, subaccount ${s.scope.subaccountName}` : ''}: ${s.domains} domains, history from ${s.source === 'none' ? 'nowhere' : `the ${s.source === 'logs' ? 'Logs' : 'Events'} API`}`,
    ),
    '',
    '## Suppressions',
    '',
    ...(r.blocks.length === 0
      ? ['None found.']
      : r.blocks.map((b) => `- ${b.domain} (${b.scope.regionLabel}): ${b.summary}${b.effective ? '' : ' — overridden by the allowlist'}`)),
    '',
    '## Messages sent',
    '',
    ...(r.messages.length === 0
      ? ['None in the period.']
      : markdownTable(
          ['Last event', 'Outcome', 'Subject', 'Domain', 'Message-ID', 'Server said'],
          r.messages.map((m) => [m.lastIso, m.outcome, m.subject, m.domain, m.messageId, m.smtp || (m.reason ?? '')]),
        )),
    '',
    ...(r.similar.length === 0
      ? []
      : ['## Similar addresses that got mail', '', ...r.similar.map((s) => `- ${s.address}: ${s.delivered} delivered`), '']),
  ];
}

function traceMarkdown(t: MessageTrace, generatedAt: string): string[] {
  const q = t.query;
  const asked = [
    q.messageId ? `Message-ID ${q.messageId}` : '',
    q.recipient ? `recipient ${q.recipient}` : '',
    q.subject ? `subject “${q.subject}”` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  return [
    `# Message trace: ${asked}`,
    '',
    `Generated ${generatedAt}; ${q.domain}, ${q.beginIso} to ${q.endIso}, from the ${t.source === 'logs' ? 'Logs' : 'Events'} API.`,
    '',
    `**${t.message}**`,
    '',
    '## Timeline',
    '',
    ...(t.events.length === 0
      ? ['No events.']
      : markdownTable(
          ['Time', 'Event', 'Recipient', 'Server said', 'Reason'],
          t.events.map((e) => [
            e.iso,
            `${e.event}${e.severity ? ` (${e.severity})` : ''}`,
            e.recipient,
            e.smtp ? `${e.smtp.code ?? ''} ${e.smtp.message}`.trim() : '',
            e.reason ?? '',
          ]),
        )),
    '',
    ...(t.classification === null
      ? []
      : [
          '## Bounce classification',
          '',
          t.classification.message,
          '',
          ...(t.classification.rows.length === 0
            ? []
            : [
                ...markdownTable(
                  ['Recipient domain', 'Classification', 'Failures'],
                  t.classification.rows.map((r) => [r.recipientDomain, classRowWords(r), String(r.failures)]),
                ),
                '',
              ]),
        ]),
  ];
}

export function renderInvestigationMarkdown(investigation: Investigation, generatedAt: string): string {
  const head =
    investigation.kind === 'recipient'
      ? recipientMarkdown(investigation.report, generatedAt)
      : traceMarkdown(investigation.report, generatedAt);
  return [...head, ...gapsSection(investigation.report), ...callsSection(investigation.report.calls), ''].join('\n');
}

/** The report as data, with the calls in the same redacted shape as the Markdown (and without the values kept for reopening them). */
export function renderInvestigationJson(investigation: Investigation, generatedAt: string): string {
  const { calls, ...rest } = investigation.report;
  return `${JSON.stringify({ kind: investigation.kind, generatedAt, ...rest, calls: reportCalls(calls) }, null, 2)}\n`;
}

export function investigationFileName(investigation: Investigation, format: 'markdown' | 'json', generatedAt: string): string {
  const what =
    investigation.kind === 'recipient'
      ? investigation.report.address
      : (investigation.report.query.messageId ?? investigation.report.query.recipient ?? investigation.report.query.subject ?? 'trace');
  const safe = what.replace(/[^a-z0-9@._-]+/gi, '-').slice(0, 80);
  return `${investigation.kind === 'recipient' ? 'recipient' : 'trace'}-${safe}-${generatedAt.slice(0, 10)}.${format === 'markdown' ? 'md' : 'json'}`;
}
