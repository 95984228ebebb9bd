import { type ControlProps, inputA11y } from './control-props';

export interface EnumControlProps extends ControlProps<string> {
  readonly options: readonly string[];
}

/** An empty choice means "not sent", so optional enums can fall back to Mailgun's default. */
export function EnumControl(props: EnumControlProps) {
  const known = props.value === '' || props.options.includes(props.value);
  return (
    <select {...inputA11y(props)} className="control control-select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.required ? 'Choose…' : 'Not sent'}</option>
      {known ? null : <option value={props.value}>{props.value} (not allowed)</option>}
      {props.options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}
