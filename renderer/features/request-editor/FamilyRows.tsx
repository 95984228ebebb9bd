import { paramFamilies } from '../../../shared/catalog/families';
import type { EndpointDef } from '../../../shared/catalog/types';
import type { ParamInput } from '../../../shared/request';
import { Button, IconButton } from '../../ui';
import { ValueControl } from './controls/ValueControl';
import { type FamilyRow, familyOf, newRowId, type RowFamily } from './draft';
import { familyMembers, memberFor, rowValueType } from './family-members';
import { useFocusLater } from './use-focus-later';

export interface FamilyRowsProps {
  readonly endpoint: EndpointDef;
  readonly families: readonly RowFamily[];
  readonly rows: readonly FamilyRow[];
  readonly onChange: (rows: readonly FamilyRow[]) => void;
  /** Errors by row position in `rows`. */
  readonly errors: ReadonlyMap<number, string>;
}

/** Free name/value rows for `o:`, `h:`, `v:` and `t:` fields, typed when the name is a known member. */
export function FamilyRows({ endpoint, families, rows, onChange, errors }: FamilyRowsProps) {
  const update = (id: string, patch: Partial<Pick<FamilyRow, 'name' | 'value'>>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const remove = (id: string) => onChange(rows.filter((row) => row.id !== id));
  const focusLater = useFocusLater();
  const add = (family: RowFamily) => {
    const id = newRowId();
    focusLater(`family-name-${id}`);
    onChange([...rows, { id, name: family, value: '' }]);
  };
  const others = rows.filter((row) => familyOf(row.name) === undefined || !families.includes(familyOf(row.name) as RowFamily));

  return (
    <div className="families" data-testid="family-rows">
      {families.map((family) => {
        const info = paramFamilies[family];
        const members = familyMembers(endpoint, family);
        const listId = `family-suggestions-${family.replace(':', '')}`;
        const familyRows = rows.filter((row) => familyOf(row.name) === family);
        return (
          <section key={family} className="family" data-testid={`family-${family.replace(':', '')}`} aria-label={info.label}>
            <header className="family-header">
              <h3>
                <code>{family}</code> {info.label}
              </h3>
              <p className="muted">{info.description}</p>
            </header>
            <datalist id={listId}>
              {members.map((m) => (
                <option key={m.name} value={m.name.slice(family.length)}>
                  {m.description}
                </option>
              ))}
            </datalist>
            {familyRows.map((row) => (
              <Row
                key={row.id}
                endpoint={endpoint}
                family={family}
                row={row}
                listId={listId}
                error={errors.get(rows.indexOf(row))}
                onName={(suffix) => update(row.id, { name: `${family}${suffix}` })}
                onValue={(value) => update(row.id, { value })}
                onRemove={() => remove(row.id)}
              />
            ))}
            <Button size="small" data-testid={`family-add-${family.replace(':', '')}`} onClick={() => add(family)}>
              + Add {family} field
            </Button>
          </section>
        );
      })}
      {others.length > 0 ? (
        <section className="family" data-testid="family-other" aria-label="Other fields">
          <header className="family-header">
            <h3>Other fields</h3>
          </header>
          {others.map((row) => (
            <Row
              key={row.id}
              endpoint={endpoint}
              family={undefined}
              row={row}
              error={errors.get(rows.indexOf(row))}
              onName={(name) => update(row.id, { name })}
              onValue={(value) => update(row.id, { value })}
              onRemove={() => remove(row.id)}
            />
          ))}
        </section>
      ) : null}
    </div>
  );
}

interface RowProps {
  readonly endpoint: EndpointDef;
  readonly family: RowFamily | undefined;
  readonly row: FamilyRow;
  readonly listId?: string;
  readonly error?: string;
  readonly onName: (name: string) => void;
  readonly onValue: (value: ParamInput | undefined) => void;
  readonly onRemove: () => void;
}

function Row({ endpoint, family, row, listId, error, onName, onValue, onRemove }: RowProps) {
  const prefix = family ?? '';
  const suffix = row.name.slice(prefix.length);
  const member = memberFor(endpoint, family, row.name);
  const type = rowValueType(endpoint, family, row.name);
  const nameId = `family-name-${row.id}`;
  const errorId = `family-error-${row.id}`;
  return (
    <div className={`family-row${error ? ' has-error' : ''}`} data-testid="family-row" data-name={row.name}>
      <div className="family-name">
        {prefix ? (
          <span className="family-prefix" aria-hidden="true">
            {prefix}
          </span>
        ) : null}
        <input
          id={nameId}
          className="control control-mono"
          data-testid="family-row-name"
          aria-label={prefix ? `Field name after ${prefix}` : 'Field name'}
          list={listId}
          autoComplete="off"
          spellCheck={false}
          placeholder={family === 'h:' ? 'Header-Name' : 'name'}
          value={suffix}
          onChange={(e) => onName(e.target.value)}
        />
      </div>
      <div className="family-value">
        <ValueControl
          type={type}
          id={`family-value-${row.id}`}
          testId="family-row-value"
          value={row.value}
          onChange={onValue}
          invalid={Boolean(error)}
          describedBy={error ? errorId : undefined}
          ariaLabel={`Value of ${row.name}`}
        />
        {member ? <p className="param-description">{member.description}</p> : null}
        {error ? (
          <p id={errorId} className="field-error" role="alert" data-testid="family-row-error">
            {error}
          </p>
        ) : null}
      </div>
      <IconButton label={`Remove ${row.name}`} data-testid="family-row-remove" onClick={onRemove}>
        ×
      </IconButton>
    </div>
  );
}
