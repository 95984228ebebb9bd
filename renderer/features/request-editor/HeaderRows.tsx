import { Button, IconButton } from '../../ui';
import { mentionsVariable, useVariableHints } from '../environments';
import { type HeaderRow, newRowId } from './draft';
import { useFocusLater } from './use-focus-later';

export interface HeaderRowsProps {
  readonly rows: readonly HeaderRow[];
  readonly onChange: (rows: readonly HeaderRow[]) => void;
  readonly errors: ReadonlyMap<number, string>;
  /** Set automatically from the environment, listed so users know not to add it. */
  readonly automatic: readonly string[];
}

const SUGGESTIONS = ['Accept', 'Accept-Language', 'X-Mailgun-On-Behalf-Of', 'X-Request-Id'] as const;

/** Extra HTTP request headers. Authorization is never editable: main adds it from the keychain. */
export function HeaderRows({ rows, onChange, errors, automatic }: HeaderRowsProps) {
  const update = (id: string, patch: Partial<Pick<HeaderRow, 'name' | 'value'>>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const focusLater = useFocusLater();
  const hints = useVariableHints(rows.some((row) => mentionsVariable(row.value)));
  const add = () => {
    const id = newRowId();
    focusLater(`header-name-${id}`);
    onChange([...rows, { id, name: '', value: '' }]);
  };
  return (
    <div className="header-rows" data-testid="header-rows">
      <p className="muted">
        Authorization is added by the app from the keychain and never shown here.
        {automatic.length > 0 ? ` Also set automatically: ${automatic.join(', ')}.` : ''}
      </p>
      <datalist id="header-suggestions">
        {SUGGESTIONS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {rows.map((row, index) => {
        const variables = hints(row.value);
        const nameError = errors.get(index);
        const error = nameError ?? variables.problem;
        const errorId = `header-error-${row.id}`;
        return (
          <div key={row.id} className={`kv-row${error ? ' has-error' : ''}`} data-testid="header-row">
            <input
              id={`header-name-${row.id}`}
              className="control control-mono"
              data-testid="header-row-name"
              aria-label={`Header ${index + 1} name`}
              list="header-suggestions"
              autoComplete="off"
              spellCheck={false}
              placeholder="Header-Name"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? errorId : undefined}
              value={row.name}
              onChange={(e) => update(row.id, { name: e.target.value })}
            />
            <input
              className="control"
              data-testid="header-row-value"
              aria-label={`Header ${index + 1} value`}
              autoComplete="off"
              spellCheck={false}
              placeholder="value"
              title={variables.title}
              aria-invalid={variables.problem ? true : undefined}
              aria-describedby={variables.problem ? errorId : undefined}
              value={row.value}
              onChange={(e) => update(row.id, { value: e.target.value })}
            />
            <IconButton
              label={`Remove header ${row.name || index + 1}`}
              data-testid="header-row-remove"
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              ×
            </IconButton>
            {error ? (
              <p id={errorId} className="field-error kv-error" role="alert" data-testid="header-row-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <Button size="small" data-testid="header-add" onClick={add}>
        + Add header
      </Button>
    </div>
  );
}
