import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Environment } from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, ErrorNotice } from '../../ui';
import { LockIcon } from './icons';
import { useKeyHealth } from './key-health';
import type { ApiKeyInput } from './use-api-key-input';
import { invalidateEnvironments } from './use-environments';

export interface ApiKeyFieldProps {
  /** Null while the environment is being created: the key is stored right after the first save. */
  readonly environment: Environment | null;
  readonly input: ApiKeyInput;
}

const keychainCodes = new Set(['keychain-unavailable', 'keychain-locked', 'keychain-denied']);

export function isKeychainError(error: AppError): boolean {
  return keychainCodes.has(error.code);
}

/**
 * Write-only: the key can be typed in, replaced or removed, but nothing ever
 * shows it again; only its last four characters come back from main.
 */
export function ApiKeyField({ environment, input }: ApiKeyFieldProps) {
  const client = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [replacing, setReplacing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removeError, setRemoveError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState(false);
  const health = useKeyHealth(environment);
  const stored = environment?.hasKey === true;
  const showInput = !stored || replacing;

  const remove = async () => {
    if (!environment) return;
    setRemoving(true);
    setRemoveError(null);
    try {
      await call('deleteApiKey', { environmentId: environment.id });
      setConfirmRemove(false);
    } catch (caught) {
      setRemoveError(toAppError(caught));
      setConfirmRemove(false);
    } finally {
      setRemoving(false);
      await invalidateEnvironments(client);
    }
  };

  const storeNow = async () => {
    if (!environment) return;
    if (await input.store(environment.id)) setReplacing(false);
  };

  return (
    <div className="env-field env-key-field" data-testid="env-key-field">
      <span className="env-label" id={`${inputId}-label`}>
        API key
      </span>
      {stored && !replacing ? (
        <div className="env-key-stored" data-testid="env-key-stored">
          <span className="env-key-lock">
            <LockIcon />
          </span>
          <span>
            Stored in the OS keychain
            {environment?.keyLast4 ? (
              <>
                {' '}
                <code className="env-key-last4">••••{environment.keyLast4}</code>
              </>
            ) : null}
          </span>
          <span className="env-key-actions">
            <Button data-testid="env-key-replace" onClick={() => setReplacing(true)}>
              Replace
            </Button>
            <Button className="env-danger-text" data-testid="env-key-remove" onClick={() => setConfirmRemove(true)}>
              Remove
            </Button>
          </span>
        </div>
      ) : null}
      {health.problem ? (
        <p className="env-key-problem" role="alert" data-testid="env-key-problem">
          {health.problem}
        </p>
      ) : null}
      {showInput ? (
        <div className="env-key-entry">
          <div className="env-key-row">
            <input
              ref={input.ref}
              id={inputId}
              type="password"
              className="env-input env-input-mono"
              aria-labelledby={`${inputId}-label`}
              aria-describedby={`${hintId}${input.error ? ` ${errorId}` : ''}`}
              aria-invalid={input.error ? true : undefined}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              placeholder={replacing ? 'Paste the new key' : 'Paste the key from the Mailgun control panel'}
              data-testid="env-key-input"
              onInput={input.onInput}
              onBlur={input.onBlur}
            />
            {environment ? (
              <Button data-testid="env-key-store" disabled={!input.filled || input.storing} onClick={storeNow}>
                {input.storing ? 'Storing…' : 'Store key'}
              </Button>
            ) : null}
            {replacing ? (
              <Button
                data-testid="env-key-cancel-replace"
                onClick={() => {
                  input.clear();
                  setReplacing(false);
                }}
              >
                Cancel
              </Button>
            ) : null}
          </div>
          {input.error ? (
            <p className="env-error" id={errorId} data-testid="env-key-error">
              {input.error}
            </p>
          ) : null}
          <p className="env-hint" id={hintId}>
            {environment
              ? 'Goes straight to the OS keychain; the app never shows it again.'
              : 'Goes straight to the OS keychain when you save; the app never shows it again.'}
          </p>
        </div>
      ) : null}
      {input.failure ? <KeychainNotice error={input.failure} testId="env-key-failure" /> : null}
      {removeError ? <KeychainNotice error={removeError} testId="env-key-remove-error" /> : null}
      {confirmRemove && environment ? (
        <ConfirmDialog
          title={`Remove the API key of “${environment.name}”?`}
          confirmLabel="Remove key"
          onConfirm={remove}
          onCancel={() => setConfirmRemove(false)}
          busy={removing}
          testId="env-key-remove-confirm"
        >
          <p>The key is deleted from the OS keychain. Requests from this environment will fail until you enter a key again.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** Keychain trouble affects only stored keys; saying so stops people thinking the whole app is broken. */
export function KeychainNotice({ error, testId }: { error: AppError; testId: string }) {
  return (
    <div className="env-keychain-notice">
      <ErrorNotice error={error} testId={testId} />
      {isKeychainError(error) ? (
        <p className="env-hint">Everything else keeps working; only storing and using API keys waits for the keychain.</p>
      ) : null}
    </div>
  );
}
