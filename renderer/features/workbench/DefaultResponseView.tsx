import { ErrorNotice } from '../../ui';
import type { ResponseSlotState } from './Workbench';

/** A plain stand-in used until the full response viewer is plugged in through `renderResponse`. */
export function DefaultResponseView({ response, error, pending }: ResponseSlotState) {
  if (pending) {
    return (
      <p className="response-placeholder muted" role="status" data-testid="response-pending">
        Waiting for Mailgun… (Esc cancels)
      </p>
    );
  }
  if (error) return <ErrorNotice error={error} testId="response-error" />;
  if (!response) {
    return (
      <p className="response-placeholder muted" data-testid="response-empty">
        The response appears here once you send the request.
      </p>
    );
  }
  return (
    <div className="default-response" data-testid="response-simple">
      <p>
        <strong>
          {response.status} {response.statusText}
        </strong>{' '}
        <span className="muted">{response.timings.totalMs} ms</span>
      </p>
      {response.body.kind === 'text' ? <pre className="docs-example">{response.body.text}</pre> : null}
    </div>
  );
}
