import { type ControlProps, inputA11y } from './control-props';

export interface TextControlProps extends ControlProps<string> {
  readonly multiline?: boolean;
  readonly inputType?: 'text' | 'url' | 'email';
  readonly maxLength?: number;
}

/** Plain text, URLs and addresses. Addresses use a text input because `Name <a@b>` lists are valid here but not for type=email. */
export function TextControl(props: TextControlProps) {
  const common = { ...inputA11y(props), value: props.value, placeholder: props.placeholder, maxLength: props.maxLength, spellCheck: false };
  if (props.multiline) {
    return <textarea {...common} className="control control-textarea" rows={4} onChange={(e) => props.onChange(e.target.value)} />;
  }
  return (
    <input
      {...common}
      className="control"
      type={props.inputType === 'url' ? 'url' : 'text'}
      inputMode={props.inputType === 'email' ? 'email' : undefined}
      autoComplete="off"
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
