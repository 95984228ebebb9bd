import type { ParamType } from '../../../../shared/catalog/types';
import { formatRfc2822, isFileRef, type ParamInput } from '../../../../shared/request';
import { DateControl } from './DateControl';
import { EnumControl } from './EnumControl';
import { JsonEditor } from './JsonEditor';
import { NumberControl } from './NumberControl';
import { SwitchControl } from './SwitchControl';
import { TextControl } from './TextControl';

export interface ValueControlProps {
  readonly type: ParamType;
  readonly id: string;
  readonly testId: string;
  readonly value: ParamInput | undefined;
  readonly onChange: (value: ParamInput | undefined) => void;
  readonly onBlur?: () => void;
  readonly required?: boolean;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly placeholder?: string;
  readonly ariaLabel?: string;
}

/** Text for a text-like control, whatever shape the value arrived in (history, examples, paging). */
export function asText(value: ParamInput | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatRfc2822(value);
  if (isFileRef(value)) return value.name;
  return JSON.stringify(value, null, 2);
}

function asBoolean(value: ParamInput | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'yes' || t === 'true') return true;
    if (t === 'no' || t === 'false') return false;
  }
  return undefined;
}

/** The right control for one value of a parameter type (files have their own picker). */
export function ValueControl(props: ValueControlProps) {
  const { type } = props;
  const common = {
    id: props.id,
    testId: props.testId,
    onBlur: props.onBlur,
    required: props.required,
    invalid: props.invalid,
    describedBy: props.describedBy,
    placeholder: props.placeholder,
    ariaLabel: props.ariaLabel,
  };
  const text = asText(props.value);
  const setText = (next: string) => props.onChange(next);
  switch (type.kind) {
    case 'boolean':
      return (
        <SwitchControl
          {...common}
          value={asBoolean(props.value)}
          onChange={props.onChange}
          words={type.style === 'yes-no' ? ['yes', 'no'] : ['true', 'false']}
        />
      );
    case 'enum':
      return <EnumControl {...common} value={text} onChange={setText} options={type.values} />;
    case 'integer':
    case 'number':
      return <NumberControl {...common} value={text} onChange={setText} integer={type.kind === 'integer'} min={type.min} max={type.max} />;
    case 'date':
      return <DateControl {...common} value={text} onChange={setText} format={type.format} />;
    case 'json':
      return <JsonEditor {...common} value={text} onChange={setText} />;
    case 'email':
      return <TextControl {...common} value={text} onChange={setText} inputType="email" />;
    case 'url':
      return <TextControl {...common} value={text} onChange={setText} inputType="url" />;
    case 'string':
      return <TextControl {...common} value={text} onChange={setText} multiline={type.format === 'text'} maxLength={type.maxLength} />;
    case 'file':
      return null;
  }
}

/** A short description of a type for the field's label line. */
export function typeHint(type: ParamType): string {
  switch (type.kind) {
    case 'string':
      return type.format && type.format !== 'text' ? type.format : type.maxLength ? `text, ≤ ${type.maxLength} chars` : 'text';
    case 'integer':
    case 'number': {
      const range = [type.min !== undefined ? `≥ ${type.min}` : '', type.max !== undefined ? `≤ ${type.max}` : '']
        .filter(Boolean)
        .join(', ');
      return range ? `${type.kind} ${range}` : type.kind;
    }
    case 'boolean':
      return type.style === 'yes-no' ? 'yes/no' : 'true/false';
    case 'enum':
      return 'one of';
    case 'date':
      return type.format === 'epoch' ? 'epoch seconds' : type.format === 'rfc2822' ? 'RFC 2822 date' : 'date';
    case 'email':
      return 'address';
    case 'url':
      return 'URL';
    case 'file':
      return 'file';
    case 'json':
      return 'JSON';
  }
}
