import { type ControlProps, inputA11y } from './control-props';

export interface NumberControlProps extends ControlProps<string> {
  readonly integer: boolean;
  readonly min?: number;
  readonly max?: number;
}

/** Kept as text so a half-typed value is neither lost nor silently coerced; validation reports what is wrong. */
export function NumberControl(props: NumberControlProps) {
  return (
    <input
      {...inputA11y(props)}
      className="control control-number"
      type="text"
      inputMode={props.integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={props.value}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        const current = Number(props.value.trim() === '' ? (props.min ?? 0) : props.value);
        if (!Number.isFinite(current)) return;
        e.preventDefault();
        let next = current + (e.key === 'ArrowUp' ? 1 : -1);
        if (props.min !== undefined) next = Math.max(props.min, next);
        if (props.max !== undefined) next = Math.min(props.max, next);
        props.onChange(String(next));
      }}
    />
  );
}
