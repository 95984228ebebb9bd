/** What every value control takes; `id` ties it to its `<label>`, `describedBy` to its hint and error. */
export interface ControlProps<V> {
  readonly id: string;
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly onBlur?: () => void;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly testId: string;
  /** For controls without a visible `<label>`, such as repeated rows. */
  readonly ariaLabel?: string;
}

/** Props shared by native inputs, so each control spreads the same accessibility wiring. */
export function inputA11y<V>(props: ControlProps<V>) {
  return {
    id: props.id,
    'data-testid': props.testId,
    'aria-invalid': props.invalid ? true : undefined,
    'aria-describedby': props.describedBy,
    'aria-required': props.required ? true : undefined,
    'aria-label': props.ariaLabel,
    onBlur: props.onBlur,
  } as const;
}
