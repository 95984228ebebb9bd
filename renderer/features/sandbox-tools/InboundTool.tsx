import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { RouteActionOutcome, SandboxRegionName } from '../../../shared/bridge/sandbox-tools';
import { SANDBOX_US_DOMAIN } from '../../../shared/sandbox/constants';
import { call, toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';

const outcomeTone: Record<RouteActionOutcome, 'ok' | 'danger' | 'warn'> = {
  forwarded: 'ok',
  stored: 'ok',
  stop: 'ok',
  'forward-failed': 'danger',
  'not-called': 'warn',
  unsupported: 'warn',
};

/** Runs the sandbox account's routes over a message as if Mailgun had received it. */
export function InboundTool() {
  const id = useId();
  const [region, setRegion] = useState<SandboxRegionName>('us');
  const [from, setFrom] = useState('Ann Customer <ann@example.com>');
  const [to, setTo] = useState(`support@${SANDBOX_US_DOMAIN}`);
  const [subject, setSubject] = useState('Help with my order');
  const [body, setBody] = useState('Hello, my order has not arrived.');
  const simulate = useMutation({ mutationFn: () => call('simulateInboundMessage', { region, from, to, subject, body }) });
  const result = simulate.data;
  return (
    <section className="st-tool" aria-label="Simulate an inbound message">
      <p className="st-intro">
        Runs the sandbox's routes over a message as if it had been received: each route's filter in priority order, then its actions.
        forward() posts the parsed message, signed, to URLs on this computer only; other URLs and e-mail addresses are never called.
      </p>
      <form
        className="st-form st-grid"
        onSubmit={(event) => {
          event.preventDefault();
          simulate.mutate();
        }}
      >
        <label htmlFor={`${id}-region`}>Region</label>
        <select
          id={`${id}-region`}
          className="st-input"
          value={region}
          onChange={(event) => setRegion(event.target.value === 'eu' ? 'eu' : 'us')}
        >
          <option value="us">US</option>
          <option value="eu">EU</option>
        </select>
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          className="st-input"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          data-testid="inbound-from"
        />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} className="st-input" value={to} onChange={(event) => setTo(event.target.value)} data-testid="inbound-to" />
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input
          id={`${id}-subject`}
          className="st-input"
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          data-testid="inbound-subject"
        />
        <label htmlFor={`${id}-body`}>Body</label>
        <textarea
          id={`${id}-body`}
          className="st-input st-textarea"
          value={body}
          onChange={(event) => setBody(event.target.value)}
          data-testid="inbound-body"
        />
        <span />
        <Button type="submit" variant="primary" disabled={!from.trim() || !to.trim() || simulate.isPending} data-testid="inbound-submit">
          {simulate.isPending ? 'Running routes…' : 'Simulate inbound message'}
        </Button>
      </form>
      {simulate.isError ? <ErrorNotice error={toAppError(simulate.error)} /> : null}
      {result ? (
        <div className="st-routes" data-testid="inbound-result">
          <p role="status" className="st-verdict st-verdict-ok" data-testid="inbound-summary">
            {result.summary}
          </p>
          <ol className="st-route-list">
            {result.routes.map((route) => (
              <li key={route.id} className="st-route" data-testid="inbound-route" data-matched={route.matched}>
                <div>
                  <span className={`st-tag st-tag-${route.matched ? 'ok' : 'warn'}`}>{route.matched ? 'matched' : 'no match'}</span>{' '}
                  <code>{route.expression}</code> <span className="st-muted">priority {route.priority}</span>
                  {route.description ? <span className="st-muted"> · {route.description}</span> : null}
                </div>
                <div className="st-muted st-hint">{route.reason}</div>
                {route.actions.length > 0 ? (
                  <ul className="st-actions">
                    {route.actions.map((action, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: actions run in this order and may repeat.
                      <li key={index} data-testid="inbound-action" data-outcome={action.outcome}>
                        <code>{action.action}</code>{' '}
                        <span className={`st-tag st-tag-${outcomeTone[action.outcome]}`}>{action.outcome}</span> {action.detail}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
