import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { renderDomainHealthMarkdown } from '../../../shared/support/domain-health-markdown';
import type { DomainHealthReport } from '../../../shared/support/types';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { CallList } from './CallList';
import { GapList } from './GapList';
import type { ToolProps } from './RecipientTool';
import { RunningNotice } from './RunningNotice';
import { callSupport, useSupportOperation } from './support-client';
import { type Incoming, useIncoming } from './use-incoming';

function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

function Section({ title, missing, wide = false, children }: { title: string; missing: boolean; wide?: boolean; children: ReactNode }) {
  return (
    <section
      className={wide ? 'support-card support-card-wide' : 'support-card'}
      data-testid="support-health-section"
      data-missing={missing}
    >
      <h3 className="support-subtitle">{title}</h3>
      {missing ? <p className="support-muted">Not available; see “Partial result”.</p> : children}
    </section>
  );
}

function Report({ report }: { report: DomainHealthReport }) {
  return (
    <div className="support-health-grid">
      <Section title="DNS records" missing={report.dns === null} wide>
        {report.dns ? (
          <>
            <p data-testid="support-dns-summary">{report.dns.summary}</p>
            <table className="support-table">
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {report.dns.records.map((record) => (
                  <tr
                    key={`${record.purpose}|${record.recordType}|${record.name}|${record.expected}`}
                    data-testid="support-dns-record"
                    data-verdict={record.verdict}
                  >
                    <td>{record.recordType}</td>
                    <td>
                      <code title={record.expected}>{record.name}</code>
                      {record.verdict === 'valid' ? null : <div className="support-hint">{record.advice}</div>}
                    </td>
                    <td>
                      <span
                        className={`support-tag support-tag-${record.verdict === 'valid' ? 'ok' : record.verdict === 'unknown' ? 'warn' : 'danger'}`}
                      >
                        {record.verdict}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </Section>
      <Section title="Overview" missing={report.overview === null}>
        {report.overview ? (
          <dl className="support-facts">
            <dt>State</dt>
            <dd>
              <span className={`support-tag support-tag-${report.overview.state === 'active' ? 'ok' : 'danger'}`}>
                {report.overview.state}
              </span>
            </dd>
            <dt>Type</dt>
            <dd>{report.overview.type}</dd>
            <dt>Spam action</dt>
            <dd>{report.overview.spamAction}</dd>
            <dt>Require TLS</dt>
            <dd>{report.overview.requireTls === null ? 'unknown' : report.overview.requireTls ? 'yes' : 'no'}</dd>
          </dl>
        ) : null}
      </Section>
      <Section title="Tracking" missing={report.tracking === null}>
        {report.tracking ? (
          <dl className="support-facts">
            <dt>Opens</dt>
            <dd>{report.tracking.open ? 'on' : 'off'}</dd>
            <dt>Clicks</dt>
            <dd>{report.tracking.click}</dd>
            <dt>Unsubscribe links</dt>
            <dd>{report.tracking.unsubscribe ? 'on' : 'off'}</dd>
            <dt>Link scheme</dt>
            <dd>{report.tracking.webScheme}</dd>
          </dl>
        ) : null}
      </Section>
      <Section title="Recent delivery" missing={report.stats === null}>
        {report.stats ? (
          <dl className="support-facts">
            <dt>Period</dt>
            <dd>{report.stats.period}</dd>
            <dt>Accepted</dt>
            <dd>{report.stats.accepted}</dd>
            <dt>Delivered</dt>
            <dd>{report.stats.delivered}</dd>
            <dt>Failed permanently</dt>
            <dd>
              {report.stats.failedPermanent} ({percent(report.stats.permanentFailureRate)})
            </dd>
            <dt>Failed temporarily</dt>
            <dd>
              {report.stats.failedTemporary} ({percent(report.stats.temporaryFailureRate)})
            </dd>
          </dl>
        ) : null}
      </Section>
      <Section title="Sending queue" missing={report.queue === null}>
        {report.queue ? (
          <dl className="support-facts">
            {(['regular', 'scheduled'] as const).map((kind) => {
              const q = report.queue?.[kind];
              return q ? (
                <div key={kind} className="support-fact-row">
                  <dt>{kind === 'regular' ? 'Regular' : 'Scheduled'}</dt>
                  <dd>
                    {q.disabled ? (
                      <span className="support-tag support-tag-danger">paused</span>
                    ) : (
                      <span className="support-tag support-tag-ok">accepting</span>
                    )}
                    {q.disabled && q.reason ? ` ${q.reason}` : ''}
                    {q.disabled && q.until ? ` (until ${q.until})` : ''}
                  </dd>
                </div>
              ) : null;
            })}
          </dl>
        ) : null}
      </Section>
      <Section title="Webhooks" missing={report.webhooks === null}>
        {report.webhooks && report.webhooks.length === 0 ? <p className="support-muted">None set.</p> : null}
        <ul className="support-plain-list">
          {(report.webhooks ?? []).map((hook) => (
            <li key={hook.event}>
              <strong>{hook.event}</strong> <code>{hook.urls.join(', ')}</code>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Suppressions" missing={report.suppressions === null}>
        <dl className="support-facts">
          {(report.suppressions ?? []).map((s) => (
            <div key={s.list} className="support-fact-row">
              <dt>{s.list}</dt>
              <dd>
                {s.atLeast ? 'at least ' : ''}
                {s.count}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
    </div>
  );
}

export function DomainHealthTool({
  environment,
  onOpenRequest,
  incoming,
}: ToolProps & { readonly incoming?: Incoming<string> | undefined }) {
  const [domain, setDomain] = useState('');
  const [copied, setCopied] = useState(false);
  const id = useId();
  const operation = useSupportOperation();
  const health = useMutation({
    mutationFn: (name: string) =>
      callSupport('domainHealth', { environmentId: environment.id, ...(name ? { domain: name } : {}), operationId: operation.next() }),
  });
  const exporter = useMutation({
    mutationFn: (format: 'markdown' | 'json') =>
      callSupport('exportDomainHealth', {
        environmentId: environment.id,
        format,
        ...(health.data ? { reportId: health.data.reportId, domain: health.data.domain } : {}),
      }),
  });
  useIncoming('health', incoming, (name) => {
    setDomain(name);
    setCopied(false);
    exporter.reset();
    health.mutate(name);
  });
  const report = health.data;

  return (
    <section className="support-tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="support-tool-title">
        Domain health
      </h2>
      <p className="support-intro">
        State, DNS, tracking, webhooks, sending queue, recent failures and suppressions of one domain, ready to attach to a ticket.
      </p>
      <form
        className="support-form support-form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          setCopied(false);
          exporter.reset();
          health.mutate(domain.trim());
        }}
      >
        <label htmlFor={`${id}-domain`}>Domain</label>
        <input
          id={`${id}-domain`}
          className="support-input"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          placeholder={environment.domain || 'mg.example.com'}
          data-testid="support-health-domain"
        />
        <Button type="submit" variant="primary" disabled={health.isPending} data-testid="support-health-submit">
          {health.isPending ? 'Checking…' : 'Check domain'}
        </Button>
      </form>
      {health.isPending ? <RunningNotice label="Gathering the report…" onCancel={operation.cancel} testId="support-health-cancel" /> : null}
      {health.isError ? <ErrorNotice error={toAppError(health.error)} testId="support-health-error" /> : null}
      {report ? (
        <div className="support-result" data-testid="support-health-result">
          <div className="support-result-head">
            <h3 className="support-subtitle">
              {report.domain} <span className="support-muted">· {report.generatedAt}</span>
            </h3>
            <div className="support-actions">
              <Button onClick={() => exporter.mutate('markdown')} disabled={exporter.isPending} data-testid="support-export-markdown">
                Export Markdown
              </Button>
              <Button onClick={() => exporter.mutate('json')} disabled={exporter.isPending} data-testid="support-export-json">
                Export JSON
              </Button>
              <Button
                data-testid="support-copy-markdown"
                onClick={() => {
                  void navigator.clipboard?.writeText(renderDomainHealthMarkdown(report)).then(() => setCopied(true));
                }}
              >
                {copied ? 'Copied' : 'Copy Markdown'}
              </Button>
            </div>
          </div>
          {exporter.isSuccess ? (
            <p className="support-muted" role="status" data-testid="support-export-status">
              {exporter.data.saved ? `Saved ${exporter.data.path ?? exporter.data.fileName}.` : 'Export cancelled.'}
            </p>
          ) : null}
          {exporter.isError ? <ErrorNotice error={toAppError(exporter.error)} testId="support-export-error" /> : null}
          {report.findings.length > 0 ? (
            <ul className="support-findings" data-testid="support-findings">
              {report.findings.map((finding) => (
                <li key={finding.text} className={`support-finding support-finding-${finding.level}`}>
                  <span
                    className={`support-tag support-tag-${finding.level === 'error' ? 'danger' : finding.level === 'warning' ? 'warn' : 'info'}`}
                  >
                    {finding.level}
                  </span>{' '}
                  {finding.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="support-verdict support-verdict-clear">No problems found.</p>
          )}
          <Report report={report} />
          <GapList gaps={report.gaps} />
          <CallList calls={report.calls} onOpenRequest={onOpenRequest} />
        </div>
      ) : null}
    </section>
  );
}
