import type { CallValues, UnderlyingCall } from '../../../shared/support/types';
import { Button } from '../../ui';

export interface CallListProps {
  readonly calls: readonly UnderlyingCall[];
  readonly onOpenRequest: (endpointId: string, values: CallValues) => void;
}

function statusText(call: UnderlyingCall): string {
  if (call.status !== null) return String(call.status);
  return call.error?.code === 'read-only' ? 'not sent' : 'no answer';
}

/** The requests behind a result, each one reopenable in the workbench. */
export function CallList({ calls, onOpenRequest }: CallListProps) {
  if (calls.length === 0) return null;
  return (
    <details className="support-calls" data-testid="support-calls">
      <summary>
        Requests made <span className="support-count">{calls.length}</span>
      </summary>
      <ul>
        {calls.map((call) => (
          <li
            key={`${call.label}|${call.endpointId}|${call.baseUrl ?? ''}|${JSON.stringify(call.values)}|${call.historyId ?? ''}`}
            className="support-call"
            data-testid="support-call"
            data-outcome={call.outcome}
          >
            <span className={`support-method support-method-${call.method.toLowerCase()}`}>{call.method}</span>
            <span className="support-call-text">
              <span className="support-call-label">{call.label}</span>
              <code className="support-call-path">
                {call.baseUrl ? `${call.baseUrl} ` : ''}
                {call.path}
              </code>
              {call.error ? <span className="support-call-error">{call.error.message}</span> : null}
            </span>
            <span
              className={`support-status support-status-${call.outcome}`}
              title={call.historyId ? 'Saved in history' : 'Not in history'}
            >
              {statusText(call)}
            </span>
            <Button
              size="small"
              data-testid="support-open-request"
              aria-label={`Open “${call.label}” in the workbench`}
              onClick={() => onOpenRequest(call.endpointId, call.values)}
            >
              Open in workbench
            </Button>
          </li>
        ))}
      </ul>
    </details>
  );
}
