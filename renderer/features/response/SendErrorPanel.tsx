import type { AppError, ErrorCode } from '../../../shared/errors';

const TITLES: Partial<Record<ErrorCode, string>> = {
  network: 'No connection',
  dns: 'Host not found',
  'connection-refused': 'Connection refused',
  'connection-reset': 'Connection dropped',
  tls: 'Secure connection failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  'too-large': 'Response too large',
  'forbidden-host': 'Host not allowed',
  'read-only': 'Read-only environment',
  'file-missing': 'File missing',
  'key-missing': 'No API key',
  'keychain-locked': 'Keychain locked',
  'keychain-unavailable': 'Keychain unavailable',
  'keychain-denied': 'Keychain access denied',
  'invalid-request': 'Request not sent',
  'invalid-argument': 'Request not sent',
};

/** A send that never got a response: what happened and what to do, in one clear panel. */
export function SendErrorPanel({ error }: { error: AppError }) {
  const cancelled = error.code === 'cancelled';
  return (
    <div
      className={`send-error${cancelled ? ' quiet' : ''}`}
      role={cancelled ? 'status' : 'alert'}
      data-testid="send-error"
      data-error-code={error.code}
    >
      <span className="send-error-kind">{TITLES[error.code] ?? 'Request failed'}</span>
      <strong className="send-error-message">{error.message}</strong>
      {error.hint ? <p className="send-error-hint">{error.hint}</p> : null}
      {error.field ? <p className="muted">Field: {error.field}</p> : null}
      <p className="muted send-error-note">No response was received, so there is nothing to show below.</p>
    </div>
  );
}
