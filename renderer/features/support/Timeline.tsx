import { explainSmtp } from '../../../shared/status';
import { classificationFor, classRowWords } from '../../../shared/support/bounce-classification';
import type { BounceClassification, TimelineEvent } from '../../../shared/support/types';
import { ValueMenu } from '../investigate';

function tone(event: TimelineEvent): 'ok' | 'danger' | 'warn' | 'info' {
  if (event.event === 'delivered') return 'ok';
  if (event.event === 'failed' || event.event === 'rejected' || event.event === 'complained') {
    return event.severity === 'temporary' ? 'warn' : 'danger';
  }
  if (event.event === 'unsubscribed') return 'warn';
  return 'info';
}

function smtpLine(event: TimelineEvent): string {
  if (event.smtp === null) return '';
  const parts = [event.smtp.code === null ? '' : String(event.smtp.code), event.smtp.message].filter((p) => p !== '');
  const attempt = event.smtp.attempt === null ? '' : ` (attempt ${event.smtp.attempt})`;
  return parts.length === 0 ? '' : `${parts.join(' ')}${attempt}`;
}

export interface TimelineProps {
  readonly events: readonly TimelineEvent[];
  readonly showMessage?: boolean;
  /** Mailgun's classification of the failures, shown beside each failed attempt it describes. */
  readonly classification?: BounceClassification | null;
}

/** Events in time order, with what the receiving server said. */
export function Timeline({ events, showMessage = false, classification = null }: TimelineProps) {
  if (events.length === 0) return <p className="support-empty">No events.</p>;
  return (
    <ol className="support-timeline" data-testid="support-timeline">
      {events.map((event) => {
        const smtp = smtpLine(event);
        // A delivery's "250 OK" needs no words; failures and deferrals do.
        const meaning = event.smtp && event.event !== 'delivered' ? explainSmtp(event.smtp.code, event.smtp.message) : null;
        const classes = classificationFor(classification, event);
        return (
          <li key={event.id} className={`support-event support-event-${tone(event)}`} data-testid="support-event" data-event={event.event}>
            <time dateTime={event.iso} className="support-event-time">
              {event.iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}
            </time>
            <span className={`support-tag support-tag-${tone(event)}`}>{event.event}</span>
            {event.severity ? <span className="support-tag">{event.severity}</span> : null}
            <ValueMenu value={event.recipient} className="support-event-recipient" focusable>
              {event.recipient}
            </ValueMenu>
            {event.reason ? <span className="support-event-detail">reason: {event.reason}</span> : null}
            {smtp ? <code className="support-event-smtp">{smtp}</code> : null}
            {meaning ? (
              <span className="support-event-meaning" data-testid="support-event-meaning">
                {meaning.code}: {meaning.text}
              </span>
            ) : null}
            {classes.length > 0 ? (
              <span className="support-event-classification" data-testid="support-event-classification">
                Mailgun classifies:{' '}
                {classes.map((row, index) => (
                  <span key={classRowWords(row)}>
                    {index > 0 ? '; ' : ''}
                    <strong>{row.entity}</strong>
                    {[row.category, row.severity, row.criticality]
                      .filter((part): part is string => part !== null)
                      .map((part) => ` · ${part}`)
                      .join('')}{' '}
                    <span className="support-muted">
                      ({row.failures} {row.failures === 1 ? 'failure' : 'failures'} to {row.recipientDomain} in the period)
                    </span>
                  </span>
                ))}
              </span>
            ) : null}
            {showMessage && event.subject ? <span className="support-event-detail">“{event.subject}”</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
