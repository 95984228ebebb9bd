import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { MessageTrace } from '../../../shared/support/types';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { investigate } from '../investigate';
import { CallList } from './CallList';
import { ExportButtons } from './ExportButtons';
import { GapList } from './GapList';
import type { ToolProps } from './RecipientTool';
import { RunningNotice } from './RunningNotice';
import { callSupport, useSupportOperation } from './support-client';
import { Timeline } from './Timeline';
import { type Incoming, useIncoming } from './use-incoming';

export interface TraceInput {
  readonly messageId: string;
  readonly recipient: string;
  readonly domain: string;
}

const verdictTone: Record<MessageTrace['status'], string> = {
  delivered: 'clear',
  failed: 'blocked',
  retrying: 'unknown',
  accepted: 'unknown',
  mixed: 'unknown',
  'not-found': 'unknown',
};

export function TraceTool({ environment, onOpenRequest, incoming }: ToolProps & { readonly incoming?: Incoming<TraceInput> | undefined }) {
  const [messageId, setMessageId] = useState('');
  const [recipient, setRecipient] = useState('');
  const [subject, setSubject] = useState('');
  const [begin, setBegin] = useState('');
  const [end, setEnd] = useState('');
  const [domain, setDomain] = useState('');
  const id = useId();

  const operation = useSupportOperation();
  const trace = useMutation({
    mutationFn: (form: TraceInput & { subject: string; begin: string; end: string }) =>
      callSupport('traceMessage', {
        environmentId: environment.id,
        ...(form.messageId.trim() ? { messageId: form.messageId.trim() } : {}),
        ...(form.recipient.trim() ? { recipient: form.recipient.trim() } : {}),
        ...(form.subject.trim() ? { subject: form.subject.trim() } : {}),
        ...(form.begin.trim() ? { begin: form.begin.trim() } : {}),
        ...(form.end.trim() ? { end: form.end.trim() } : {}),
        ...(form.domain.trim() ? { domain: form.domain.trim() } : {}),
        operationId: operation.next(),
      }),
  });
  useIncoming('trace', incoming, (value) => {
    setMessageId(value.messageId);
    setRecipient(value.recipient);
    setDomain(value.domain);
    setSubject('');
    setBegin('');
    setEnd('');
    trace.mutate({ ...value, subject: '', begin: '', end: '' });
  });
  const result = trace.data;
  const canRun = messageId.trim() !== '' || recipient.trim() !== '' || subject.trim() !== '';

  return (
    <section className="support-tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="support-tool-title">
        Message trace
      </h2>
      <p className="support-intro">
        Follow one message from acceptance to delivery or failure. Give its Message-Id, or a recipient and/or a subject and a time range.
        Each server answer is explained in words.
      </p>
      <form
        className="support-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canRun) trace.mutate({ messageId, recipient, subject, domain, begin, end });
        }}
      >
        <label htmlFor={`${id}-mid`}>Message-Id</label>
        <input
          id={`${id}-mid`}
          className="support-input support-mono"
          value={messageId}
          onChange={(e) => setMessageId(e.target.value)}
          placeholder="<20240611101530.8c2e41d9a7f3b5e6@mg.example.com>"
          data-testid="support-trace-message-id"
        />
        <label htmlFor={`${id}-rcpt`}>or recipient</label>
        <input
          id={`${id}-rcpt`}
          className="support-input"
          type="email"
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
          placeholder="alice@example.com"
          data-testid="support-trace-recipient"
        />
        <label htmlFor={`${id}-subject`}>or subject</label>
        <input
          id={`${id}-subject`}
          className="support-input"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          placeholder="Order confirmation"
          data-testid="support-trace-subject"
        />
        <label htmlFor={`${id}-begin`}>From</label>
        <input
          id={`${id}-begin`}
          className="support-input"
          value={begin}
          onChange={(e) => setBegin(e.target.value)}
          placeholder="30 days ago (Message-Id) or 3 days ago"
          aria-describedby={`${id}-dates`}
          data-testid="support-trace-begin"
        />
        <label htmlFor={`${id}-end`}>To</label>
        <input
          id={`${id}-end`}
          className="support-input"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          placeholder="now"
          aria-describedby={`${id}-dates`}
          data-testid="support-trace-end"
        />
        <label htmlFor={`${id}-domain`}>Domain</label>
        <input
          id={`${id}-domain`}
          className="support-input"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          placeholder={environment.domain || 'sending domain'}
          data-testid="support-trace-domain"
        />
        <p id={`${id}-dates`} className="support-hint">
          Dates: epoch seconds, ISO 8601 or RFC 2822 with a numeric offset.
        </p>
        <Button type="submit" variant="primary" disabled={!canRun || trace.isPending} data-testid="support-trace-submit">
          {trace.isPending ? 'Tracing…' : 'Trace'}
        </Button>
      </form>
      {trace.isPending ? <RunningNotice label="Reading events…" onCancel={operation.cancel} testId="support-trace-cancel" /> : null}
      {trace.isError ? <ErrorNotice error={toAppError(trace.error)} testId="support-trace-error" /> : null}
      {result ? (
        <div className="support-result" data-testid="support-trace-result" data-status={result.status}>
          <p className={`support-verdict support-verdict-${verdictTone[result.status]}`} role="status" data-testid="support-trace-status">
            {result.message}
          </p>
          <p className="support-muted">
            From the {result.source === 'events' ? 'Events' : 'Logs'} API, {result.query.domain}, {result.query.beginIso} to{' '}
            {result.query.endIso}
            {result.messageIds.length > 1 ? ` · ${result.messageIds.length} messages` : ''}
          </p>
          <p className="support-actions" data-testid="support-trace-links">
            {[...new Set(result.events.map((e) => e.recipient).filter((r) => r !== ''))].slice(0, 5).map((r) => (
              <Button
                key={r}
                size="small"
                onClick={() => investigate({ tool: 'recipient', address: r })}
                data-testid="support-trace-verdict"
              >
                Recipient verdict: {r}
              </Button>
            ))}
            <Button
              size="small"
              onClick={() => investigate({ tool: 'health', domain: result.query.domain })}
              data-testid="support-trace-health"
            >
              Domain health: {result.query.domain}
            </Button>
          </p>
          {result.classification ? (
            <p
              className={`support-classification support-classification-${result.classification.state}`}
              data-testid="support-trace-classification"
              data-state={result.classification.state}
            >
              <strong>Bounce classification:</strong> {result.classification.message}
            </p>
          ) : null}
          <Timeline events={result.events} showMessage={result.messageIds.length > 1} classification={result.classification} />
          <GapList gaps={result.gaps} />
          <ExportButtons environmentId={environment.id} reportId={result.reportId} testId="support-trace-export" />
          <CallList calls={result.calls} onOpenRequest={onOpenRequest} />
        </div>
      ) : null}
    </section>
  );
}
