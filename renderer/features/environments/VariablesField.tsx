import { useId } from 'react';
import { variableLimits } from '../../../shared/variables';
import { Button, ErrorNotice, IconButton } from '../../ui';
import type { VariablesInput } from './use-variables-input';

export interface VariablesFieldProps {
  readonly input: VariablesInput;
  /** Shown in the hint, so people see which value `{{domain}}` takes. */
  readonly domain: string;
}

/**
 * `{{name}}` variables of the environment. A secret's value is write-only:
 * once saved the field says only that it is set, and typing replaces it.
 */
export function VariablesField({ input, domain }: VariablesFieldProps) {
  const hintId = useId();
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  return (
    <fieldset className="env-fieldset env-variables" data-testid="env-variables" aria-describedby={hintId}>
      <legend className="env-label">Variables</legend>
      <p className="env-hint" id={hintId}>
        Write <code>{'{{name}}'}</code> in any value, path segment or header; it is filled in when the request is sent.{' '}
        <code>{'{{domain}}'}</code> is built in{domain.trim() ? ` (${domain.trim()})` : ''}, and so is <code>{'{{region}}'}</code>. Secret
        values go to the system keychain and are never shown again. Write <code>{'\\{{name}}'}</code> to send the braces as they are.
      </p>
      {input.rows.length > 0 ? (
        <div className="env-variable-rows">
          {input.rows.map((row, index) => {
            const nameError = input.errors.get(`${row.id}:name`);
            const valueError = input.errors.get(`${row.id}:value`);
            const nameId = `env-variable-name-${row.id}`;
            const valueId = `env-variable-value-${row.id}`;
            const errorId = `env-variable-error-${row.id}`;
            const label = row.name.trim() || `variable ${index + 1}`;
            return (
              <div key={row.id} className="env-variable-row" data-testid="env-variable-row">
                <input
                  id={nameId}
                  className="env-input env-input-mono"
                  aria-label={`Variable ${index + 1} name`}
                  data-testid="env-variable-name"
                  value={row.name}
                  maxLength={variableLimits.nameMax * 2}
                  placeholder="name"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? errorId : undefined}
                  onChange={(event) => input.update(row.id, { name: event.target.value })}
                />
                {row.secret ? (
                  <input
                    key={`${row.id}-secret`}
                    id={valueId}
                    ref={input.secretRef(row.id)}
                    type="password"
                    className="env-input env-input-mono"
                    aria-label={`Value of ${label} (secret, write-only)`}
                    data-testid="env-variable-value"
                    defaultValue=""
                    placeholder={row.isSet ? 'Secret, set: type to replace' : 'Secret value'}
                    autoComplete="new-password"
                    spellCheck={false}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? errorId : undefined}
                    onInput={() => input.onSecretInput(row.id)}
                  />
                ) : (
                  <input
                    key={`${row.id}-plain`}
                    id={valueId}
                    className="env-input env-input-mono"
                    aria-label={`Value of ${label}`}
                    data-testid="env-variable-value"
                    value={row.value}
                    placeholder="value"
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? errorId : undefined}
                    onChange={(event) => input.update(row.id, { value: event.target.value })}
                  />
                )}
                <label className="env-variable-secret">
                  <input
                    type="checkbox"
                    checked={row.secret}
                    data-testid="env-variable-secret"
                    onChange={(event) => input.update(row.id, { secret: event.target.checked })}
                  />
                  Secret
                </label>
                <IconButton label={`Remove ${label}`} data-testid="env-variable-remove" onClick={() => input.remove(row.id)}>
                  ×
                </IconButton>
                {nameError || valueError ? (
                  <p id={errorId} className="env-error env-variable-error" data-testid="env-variable-error">
                    {nameError ?? valueError}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
      <div>
        <Button
          size="small"
          data-testid="env-variable-add"
          disabled={input.rows.length >= variableLimits.maxPerEnvironment}
          onClick={() => focusLater(`env-variable-name-${input.add()}`)}
        >
          + Add variable
        </Button>
      </div>
      {input.failure ? <ErrorNotice error={input.failure} testId="env-variables-error" /> : null}
    </fieldset>
  );
}
