import { useMemo } from 'react';
import { Button } from '../../../ui';
import { type ControlProps, inputA11y } from './control-props';

type JsonCheck = { state: 'empty' } | { state: 'valid'; formatted: string } | { state: 'invalid'; message: string };

export function checkJsonText(text: string): JsonCheck {
  if (text.trim() === '') return { state: 'empty' };
  try {
    return { state: 'valid', formatted: JSON.stringify(JSON.parse(text), null, 2) };
  } catch (error) {
    return { state: 'invalid', message: error instanceof Error ? error.message : 'Not valid JSON.' };
  }
}

/** A textarea that says as you type whether the text parses, with a button to pretty-print it. */
export function JsonEditor(props: ControlProps<string>) {
  const check = useMemo(() => checkJsonText(props.value), [props.value]);
  const statusId = `${props.id}-json-status`;
  return (
    <div className="json-editor">
      <textarea
        {...inputA11y(props)}
        aria-describedby={[props.describedBy, statusId].filter(Boolean).join(' ')}
        aria-invalid={props.invalid || check.state === 'invalid' ? true : undefined}
        className="control control-textarea control-mono"
        rows={6}
        spellCheck={false}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div className="json-editor-bar">
        <span
          id={statusId}
          data-testid={`${props.testId}-json-status`}
          className={`json-status json-status-${check.state}`}
          aria-live="polite"
        >
          {check.state === 'valid' ? 'Valid JSON' : check.state === 'invalid' ? check.message : 'Empty'}
        </span>
        <Button
          size="small"
          data-testid={`${props.testId}-format`}
          disabled={check.state !== 'valid'}
          onClick={() => {
            if (check.state === 'valid') props.onChange(check.formatted);
          }}
        >
          Format
        </Button>
      </div>
    </div>
  );
}
