import { Button } from '../../../ui';
import type { ControlProps } from './control-props';

export interface SwitchControlProps extends ControlProps<boolean | undefined> {
  /** How the two states are sent, shown next to the switch. */
  readonly words: readonly [on: string, off: string];
}

/**
 * A yes/no switch. Undefined means the field is left out so Mailgun applies its
 * default; once set, "Reset" returns to that state.
 */
export function SwitchControl(props: SwitchControlProps) {
  const { value, words } = props;
  const stateText = value === undefined ? 'not sent' : value ? words[0] : words[1];
  return (
    <span className="switch-control">
      <button
        id={props.id}
        type="button"
        role="switch"
        data-testid={props.testId}
        data-state={value === undefined ? 'unset' : value ? 'on' : 'off'}
        aria-checked={value === true}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.describedBy}
        aria-label={props.ariaLabel}
        className="switch"
        onClick={() => props.onChange(!value)}
        onBlur={props.onBlur}
      >
        <span className="switch-thumb" aria-hidden="true" />
      </button>
      <span className={value === undefined ? 'muted' : 'switch-word'}>{stateText}</span>
      {value === undefined || props.required ? null : (
        <Button variant="link" data-testid={`${props.testId}-reset`} onClick={() => props.onChange(undefined)}>
          Reset
        </Button>
      )}
    </span>
  );
}
