import { useId } from 'react';
import { limitBounds, setRequestLimits, useRequestLimits } from './request-limits';

/** Timeout and response size cap for every request; kept between sessions. */
export function RequestLimitsControl() {
  const limits = useRequestLimits();
  const id = useId();
  return (
    <details className="request-limits" data-testid="request-limits">
      <summary title="Timeout and response size limit">
        {limits.timeoutSeconds} s · {limits.maxResponseMb} MB
      </summary>
      <div className="request-limits-body">
        <label htmlFor={`${id}-timeout`}>Timeout (seconds)</label>
        <input
          id={`${id}-timeout`}
          className="control"
          type="number"
          min={limitBounds.timeoutSeconds.min}
          max={limitBounds.timeoutSeconds.max}
          value={limits.timeoutSeconds}
          data-testid="limit-timeout"
          onChange={(event) => setRequestLimits({ timeoutSeconds: event.currentTarget.valueAsNumber })}
        />
        <label htmlFor={`${id}-size`}>Largest response (MB)</label>
        <input
          id={`${id}-size`}
          className="control"
          type="number"
          min={limitBounds.maxResponseMb.min}
          max={limitBounds.maxResponseMb.max}
          value={limits.maxResponseMb}
          data-testid="limit-size"
          onChange={(event) => setRequestLimits({ maxResponseMb: event.currentTarget.valueAsNumber })}
        />
      </div>
    </details>
  );
}
