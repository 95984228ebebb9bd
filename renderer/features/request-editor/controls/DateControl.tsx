import { useState } from 'react';
import { Button } from '../../../ui';
import { type ControlProps, inputA11y } from './control-props';
import { composeRfc2822, epochToLocal, isValidOffset, localOffset, localToEpoch, nowParts, splitRfc2822 } from './date-parts';

export interface DateControlProps extends ControlProps<string> {
  readonly format: 'rfc2822' | 'epoch' | 'either';
}

/**
 * A date picker plus the exact text that will be sent. RFC 2822 dates carry a
 * numeric offset the user chooses; epoch dates are picked in UTC.
 */
export function DateControl(props: DateControlProps) {
  return props.format === 'epoch' ? <EpochDate {...props} /> : <Rfc2822Date {...props} />;
}

function Rfc2822Date(props: DateControlProps) {
  const { value, onChange, id, testId } = props;
  const derived = splitRfc2822(value);
  const [preferredOffset, setPreferredOffset] = useState(() => localOffset(new Date()));
  const [offsetDraft, setOffsetDraft] = useState<string | null>(null);
  const offset = offsetDraft ?? derived?.offset ?? preferredOffset;

  const setLocal = (local: string) => {
    if (local === '') onChange('');
    else onChange(composeRfc2822({ local, offset: isValidOffset(offset) ? offset : preferredOffset }) ?? value);
  };
  const setOffset = (text: string) => {
    if (!isValidOffset(text)) {
      setOffsetDraft(text);
      return;
    }
    setOffsetDraft(null);
    setPreferredOffset(text);
    if (derived) onChange(composeRfc2822({ local: derived.local, offset: text }) ?? value);
  };

  return (
    <div className="date-control">
      <div className="date-picker-row">
        <input
          id={id}
          data-testid={`${testId}-picker`}
          className="control control-datetime"
          type="datetime-local"
          aria-label={props.ariaLabel ? `${props.ariaLabel} (date and time)` : undefined}
          aria-describedby={props.describedBy}
          value={derived?.local ?? ''}
          onChange={(e) => setLocal(e.target.value)}
        />
        <label className="date-offset">
          <span className="muted">UTC offset</span>
          <input
            data-testid={`${testId}-offset`}
            className="control control-offset"
            type="text"
            inputMode="numeric"
            maxLength={5}
            pattern="[+\-][0-9]{4}"
            aria-invalid={isValidOffset(offset) ? undefined : true}
            title="Numeric offset such as +0000, +0200 or -0500"
            value={offset}
            onChange={(e) => setOffset(e.target.value.trim())}
          />
        </label>
        <Button
          size="small"
          data-testid={`${testId}-now`}
          onClick={() => onChange(composeRfc2822(nowParts(new Date(), isValidOffset(offset) ? offset : preferredOffset)) ?? value)}
        >
          Now
        </Button>
      </div>
      <input
        {...inputA11y({ ...props, id: `${id}-text`, ariaLabel: `${props.ariaLabel ?? 'Date'} as sent` })}
        className="control control-mono"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder={props.placeholder ?? 'Thu, 13 Oct 2011 18:02:00 +0000'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function EpochDate(props: DateControlProps) {
  const { value, onChange, id, testId } = props;
  const seconds = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
  return (
    <div className="date-control">
      <div className="date-picker-row">
        <input
          id={id}
          data-testid={`${testId}-picker`}
          className="control control-datetime"
          type="datetime-local"
          aria-label={props.ariaLabel ? `${props.ariaLabel} (UTC date and time)` : undefined}
          aria-describedby={props.describedBy}
          value={seconds === undefined ? '' : epochToLocal(seconds)}
          onChange={(e) => {
            const next = localToEpoch(e.target.value);
            onChange(next === undefined ? '' : String(next));
          }}
        />
        <span className="muted">UTC</span>
        <Button size="small" data-testid={`${testId}-now`} onClick={() => onChange(String(Math.floor(Date.now() / 1000)))}>
          Now
        </Button>
      </div>
      <input
        {...inputA11y({ ...props, id: `${id}-text`, ariaLabel: `${props.ariaLabel ?? 'Date'} in epoch seconds` })}
        className="control control-mono"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={props.placeholder ?? 'Epoch seconds'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
