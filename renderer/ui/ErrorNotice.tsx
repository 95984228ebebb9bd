import type { AppError } from '../../shared/errors';

/** The one way an error is shown: what happened, then what to do. */
export function ErrorNotice({ error, testId }: { error: AppError; testId?: string }) {
  return (
    <div className="error-notice" role="alert" data-testid={testId ?? 'error-notice'} data-error-code={error.code}>
      <strong>{error.message}</strong>
      {error.hint ? <p>{error.hint}</p> : null}
    </div>
  );
}
