import { useId, useState } from 'react';
import { explainStatus } from '../../../shared/status';

export function statusClass(status: number): string {
  if (status >= 500) return 'status-5xx';
  if (status >= 400) return 'status-4xx';
  if (status >= 300) return 'status-3xx';
  if (status >= 200) return 'status-2xx';
  return 'status-1xx';
}

/** The status code as a coloured chip; pressing it explains what the code means from Mailgun. */
export function StatusSummary({ status, statusText }: { status: number; statusText: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const explanation = explainStatus(status);
  return (
    <>
      <button
        type="button"
        className={`status-chip ${statusClass(status)}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        title="What this status means"
        data-testid="status-chip"
      >
        <span className="status-code">{status}</span> {statusText || explanation.title}
      </button>
      {open ? (
        <section id={panelId} className="status-explanation" aria-label={`About status ${status}`} data-testid="status-explanation">
          <h3>
            {status} {explanation.title}
          </h3>
          <p>{explanation.meaning}</p>
          {explanation.causes.length > 0 ? (
            <>
              <h4>Usual causes</h4>
              <ul>
                {explanation.causes.map((cause) => (
                  <li key={cause}>{cause}</li>
                ))}
              </ul>
            </>
          ) : null}
          {explanation.actions.length > 0 ? (
            <>
              <h4>What to do</h4>
              <ul>
                {explanation.actions.map((action) => (
                  <li key={action}>{action}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
