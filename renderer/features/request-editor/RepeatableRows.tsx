import type { ParamType } from '../../../shared/catalog/types';
import type { ParamInput, ParamScalar } from '../../../shared/request';
import { Button, IconButton } from '../../ui';
import { ValueControl } from './controls/ValueControl';
import { useFocusLater } from './use-focus-later';

export interface RepeatableRowsProps {
  readonly id: string;
  readonly testId: string;
  readonly label: string;
  readonly type: ParamType;
  readonly values: readonly ParamScalar[];
  readonly onChange: (values: readonly ParamScalar[]) => void;
  readonly onBlur?: () => void;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
}

/** One row per value; each is sent as its own field with the same name. There is always at least one row to type into. */
export function RepeatableRows(props: RepeatableRowsProps) {
  const rows: readonly ParamScalar[] = props.values.length > 0 ? props.values : [''];
  const update = (index: number, value: ParamInput | undefined) => {
    const next = [...rows];
    // Each row edits one scalar; controls never hand back a list.
    next[index] = (Array.isArray(value) ? '' : (value ?? '')) as ParamScalar;
    props.onChange(next);
  };
  const remove = (index: number) => props.onChange(rows.filter((_, i) => i !== index));
  const focusLater = useFocusLater();
  const add = () => {
    focusLater(`${props.id}-${rows.length}`);
    props.onChange([...rows, '']);
  };
  return (
    <div className="repeatable" data-testid={`${props.testId}-rows`}>
      {rows.map((value, index) => (
        // Rows have no identity beyond their position; values are plain text.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="repeatable-row" key={index} data-testid={`${props.testId}-row`}>
          <ValueControl
            type={props.type}
            id={index === 0 ? props.id : `${props.id}-${index}`}
            testId={`${props.testId}-${index}`}
            value={value}
            onChange={(v) => update(index, v)}
            onBlur={props.onBlur}
            invalid={props.invalid}
            describedBy={props.describedBy}
            placeholder={index === 0 ? props.placeholder : undefined}
            required={props.required && index === 0}
            ariaLabel={`${props.label} ${index + 1}`}
          />
          <IconButton
            label={`Remove ${props.label} ${index + 1}`}
            data-testid={`${props.testId}-remove-${index}`}
            disabled={rows.length === 1 && (value === '' || value === undefined)}
            onClick={() => remove(index)}
          >
            ×
          </IconButton>
        </div>
      ))}
      <Button size="small" data-testid={`${props.testId}-add`} onClick={add}>
        + Add {props.label}
      </Button>
    </div>
  );
}
