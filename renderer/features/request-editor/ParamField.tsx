import type { ReactNode } from 'react';
import type { EndpointDef, ParamDef } from '../../../shared/catalog/types';
import { type FileRef, isFileRef, type ParamInput, paramKey } from '../../../shared/request';
import { isTemplateSource } from '../../../shared/variables';
import { mentionsVariable, useVariableHints } from '../environments';
import { FilePicker } from './controls/FilePicker';
import { typeHint, ValueControl } from './controls/ValueControl';
import { filePurpose } from './file-purpose';
import { RepeatableRows } from './RepeatableRows';

export interface ParamFieldProps {
  readonly endpoint: EndpointDef;
  readonly param: ParamDef;
  readonly value: ParamInput | undefined;
  readonly onChange: (value: ParamInput | undefined) => void;
  readonly onBlur: () => void;
  /** Shown only once the field was touched or a send was attempted. */
  readonly error?: string;
  /** Placeholder override, e.g. the environment's default domain. */
  readonly placeholder?: string;
  readonly note?: string;
}

function exampleText(param: ParamDef): string | undefined {
  const ex = param.example;
  if (param.type.kind === 'file' || param.type.kind === 'boolean') return undefined;
  if (Array.isArray(ex)) return ex.map(String).join(', ');
  return typeof ex === 'object' && ex !== null ? JSON.stringify(ex) : String(ex);
}

function filesOf(value: ParamInput | undefined): FileRef[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter(isFileRef);
}

export function ParamField({ endpoint, param, value, onChange, onBlur, error: formError, placeholder, note }: ParamFieldProps) {
  // The builder's key, not the name: an endpoint may take the same name in the path and the query.
  const key = paramKey(endpoint, param);
  // `{{name}}` shows what it becomes on hover; a name the environment lacks is flagged at once.
  const resolvable = param.type.kind !== 'file' && !isTemplateSource(endpoint, param.name);
  const hints = useVariableHints(resolvable && mentionsVariable(value));
  const variables = resolvable ? hints(value) : {};
  const error = formError ?? variables.problem;
  const baseId = `param-${endpoint.id}-${key}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const testId = `input-${key}`;
  const shownPlaceholder = placeholder ?? exampleText(param);
  const { type } = param;

  let control: ReactNode;
  if (type.kind === 'file') {
    const files = filesOf(value);
    control = (
      <FilePicker
        id={baseId}
        testId={testId}
        files={files}
        multiple={param.repeatable}
        purpose={filePurpose(endpoint, param)}
        describedBy={describedBy}
        invalid={Boolean(error)}
        onChange={(next) => {
          onChange(param.repeatable ? next : next[0]);
          onBlur();
        }}
      />
    );
  } else if (param.repeatable) {
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    control = (
      <RepeatableRows
        id={baseId}
        testId={testId}
        label={param.name}
        type={type}
        values={values}
        onChange={onChange}
        onBlur={onBlur}
        invalid={Boolean(error)}
        describedBy={describedBy}
        placeholder={shownPlaceholder}
        required={param.required}
      />
    );
  } else {
    control = (
      <ValueControl
        type={type}
        id={baseId}
        testId={testId}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        required={param.required}
        invalid={Boolean(error)}
        describedBy={describedBy}
        placeholder={shownPlaceholder}
      />
    );
  }

  return (
    <div className={`param-field${error ? ' has-error' : ''}`} data-testid={`param-${key}`} data-kind={type.kind}>
      <div className="param-label-row">
        <label htmlFor={baseId} className="param-name">
          {param.name}
          {param.required ? (
            <span className="required-mark" title="Required" data-testid={`required-${key}`}>
              {' '}
              *<span className="visually-hidden"> (required)</span>
            </span>
          ) : null}
        </label>
        <span className="param-type">{typeHint(type)}</span>
        {param.in !== 'body' ? <span className="param-location">{param.in}</span> : null}
        {param.repeatable && type.kind !== 'file' ? <span className="param-location">repeatable</span> : null}
      </div>
      <div className="param-control" title={variables.title} data-testid={`variables-${key}`}>
        {control}
      </div>
      <p id={hintId} className="param-description">
        {param.description}
        {note ? <span className="param-note"> {note}</span> : null}
      </p>
      {error ? (
        <p id={errorId} className="field-error" role="alert" data-testid={`error-${key}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
