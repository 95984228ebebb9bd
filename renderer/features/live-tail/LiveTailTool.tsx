import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState } from 'react';
import type { Environment } from '../../../shared/environments/types';
import { type NumberedEvent, type TailStatus, tailEventNames } from '../../../shared/live-tail/types';
import { Button, ErrorNotice } from '../../ui';
import { useLiveTail } from './use-live-tail';
import './live-tail.css';

export interface LiveTailToolProps {
  readonly environment: Environment;
}

const ROW_HEIGHT = 28;

const stateText: Record<TailStatus['state'], string> = {
  running: 'Live',
  paused: 'Paused',
  hidden: 'Stopped while the window is hidden',
  'backing-off': 'Waiting',
  stopped: 'Stopped',
};

function tone(event: string): string {
  if (event === 'delivered') return 'ok';
  if (event === 'failed' || event === 'rejected' || event === 'complained') return 'danger';
  if (event === 'unsubscribed') return 'warn';
  return 'info';
}

function detailOf(row: NumberedEvent): string {
  const smtp = row.smtp ? [row.smtp.code ?? '', row.smtp.message].filter((p) => p !== '').join(' ') : '';
  return [row.severity, row.reason, smtp].filter((p) => p !== null && p !== '').join(' · ');
}

function Row({ row, top }: { row: NumberedEvent; top: number }) {
  const time = new Date(row.timestamp * 1000).toLocaleTimeString(undefined, { hour12: false });
  return (
    <li className="tail-row" style={{ transform: `translateY(${top}px)` }} data-testid="tail-row" data-event={row.event}>
      <span className="tail-time" title={row.iso}>
        {time}
      </span>
      <span>
        <span className={`support-tag support-tag-${tone(row.event)}`}>{row.event}</span>
      </span>
      <span className="tail-recipient" title={row.recipient}>
        {row.recipient}
      </span>
      <span className="tail-subject" title={row.subject}>
        {row.subject}
      </span>
      <span className="tail-detail" title={`${row.domain} ${detailOf(row)}`}>
        <span className="support-muted">{row.domain}</span> {detailOf(row)}
      </span>
    </li>
  );
}

/**
 * Watches what Mailgun does now: new logs of one domain or all of them,
 * newest first, filtered by recipient, event or tag. The rows are
 * virtualised, so a busy tail costs the page only the rows on screen.
 */
export function LiveTailTool({ environment }: LiveTailToolProps) {
  const tail = useLiveTail(environment.id);
  const [domain, setDomain] = useState(tail.initial?.domain ?? '');
  const [recipient, setRecipient] = useState(tail.initial?.recipient ?? '');
  const [event, setEvent] = useState(tail.initial?.event ?? '');
  const [tag, setTag] = useState(tail.initial?.tag ?? '');
  const [exported, setExported] = useState<string | null>(null);
  const base = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: tail.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 900, height: 400 },
  });
  const status = tail.status;
  const paused = status?.state === 'paused';

  return (
    <section className="support-tool" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`} className="support-tool-title">
        Live tail
      </h2>
      <p className="support-intro">
        Shows new events as Mailgun records them: a customer resending while you are on the phone. Polls the Logs API every few seconds,
        reaching back {status ? status.settleSeconds : environment.sandbox ? 1 : 30} s for events Mailgun stores late, and never shows one
        twice. It stops while the window is hidden and picks up where it left off.
      </p>
      <form
        className="support-form tail-form"
        onSubmit={(e) => {
          e.preventDefault();
          setExported(null);
          void tail.start({ environmentId: environment.id, domain, recipient, event, tag });
        }}
      >
        <label htmlFor={`${base}-domain`}>Domain</label>
        <input
          id={`${base}-domain`}
          className="support-input"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          placeholder="all domains of the environment"
          data-testid="tail-domain"
        />
        <label htmlFor={`${base}-recipient`}>Recipient</label>
        <input
          id={`${base}-recipient`}
          className="support-input"
          type="email"
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
          placeholder="any"
          data-testid="tail-recipient"
        />
        <label htmlFor={`${base}-event`}>Event</label>
        <select
          id={`${base}-event`}
          className="support-input"
          value={event}
          onChange={(e) => setEvent(e.target.value)}
          data-testid="tail-event"
        >
          <option value="">any</option>
          {tailEventNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${base}-tag`}>Tag</label>
        <input
          id={`${base}-tag`}
          className="support-input"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          placeholder="any"
          data-testid="tail-tag"
        />
        <div className="support-actions tail-buttons">
          <Button type="submit" variant="primary" disabled={tail.starting} data-testid="tail-start">
            {tail.running ? 'Restart with these filters' : tail.starting ? 'Starting…' : 'Start tail'}
          </Button>
        </div>
      </form>
      {tail.error ? <ErrorNotice error={tail.error} testId="tail-error" /> : null}
      {status ? (
        <div className="support-result" data-testid="tail-result">
          <div className="tail-bar">
            <span className={`tail-state tail-state-${status.state}`} role="status" data-testid="tail-state" data-state={status.state}>
              {stateText[status.state]}
              {status.state === 'backing-off' && status.retryInMs !== null ? ` ${Math.ceil(status.retryInMs / 1000)} s` : ''}
            </span>
            <span data-testid="tail-rate" title="Events received in the last minute">
              <strong>{status.perMinute}</strong> events/min
            </span>
            <span className="support-muted" data-testid="tail-count">
              {status.received} received · {status.domains.length === 1 ? status.domains[0] : `${status.domains.length} domains`} ·{' '}
              {status.source === 'logs' ? 'Logs API' : 'events API'}
            </span>
            <span className="tail-spacer" />
            <Button size="small" disabled={!tail.running} onClick={() => void tail.pause(!paused)} data-testid="tail-pause">
              {paused ? 'Resume' : 'Pause'}
            </Button>
            <Button size="small" onClick={() => void tail.clear()} data-testid="tail-clear">
              Clear
            </Button>
            <Button
              size="small"
              disabled={status.received === 0}
              onClick={async () => {
                const result = await tail.exportCsv();
                if (result) setExported(result.saved ? `Saved ${result.rows} events to ${result.path ?? result.fileName}.` : null);
              }}
              data-testid="tail-export"
            >
              Export CSV
            </Button>
            <Button size="small" variant="danger" disabled={!tail.running} onClick={tail.stop} data-testid="tail-stop">
              Stop
            </Button>
          </div>
          {status.problem ? (
            <p className="support-verdict support-verdict-unknown" role="alert" data-testid="tail-problem">
              {status.problem.message} {status.problem.hint}
            </p>
          ) : null}
          {status.note ? <p className="support-hint">{status.note}</p> : null}
          {tail.missed > 0 ? (
            <p className="support-hint" data-testid="tail-missed">
              {tail.missed} events came faster than the page could show them; they are in the CSV export.
            </p>
          ) : null}
          {exported ? (
            <p className="support-hint" role="status" data-testid="tail-exported">
              {exported}
            </p>
          ) : null}
          <div className="tail-table">
            <div className="tail-row tail-head" aria-hidden="true">
              <span>Time</span>
              <span>Event</span>
              <span>Recipient</span>
              <span>Subject</span>
              <span>Domain and detail</span>
            </div>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling list must be reachable by keyboard. */}
            <div ref={scrollRef} className="tail-scroll" tabIndex={0} data-testid="tail-rows">
              {tail.rows.length === 0 ? (
                <p className="support-empty" data-testid="tail-empty">
                  {status.state === 'running' ? 'Waiting for new events…' : 'No events yet.'}
                </p>
              ) : (
                <ul className="tail-list" aria-label="Live events, newest first" style={{ height: virtual.getTotalSize() }}>
                  {virtual.getVirtualItems().map((item) => {
                    const row = tail.rows[item.index];
                    return row ? <Row key={row.seq} row={row} top={item.start} /> : null;
                  })}
                </ul>
              )}
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
}
