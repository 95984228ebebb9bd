import { forwardRef, type KeyboardEvent, useEffect, useState } from 'react';
import { Button } from '../../../ui';
import { formatCount } from '../format';
import type { MatchState } from './search-types';

const DEBOUNCE_MS = 250;

/** The search box's typed text, settled: searching 50 MB on every keystroke would only queue work. */
export function useDebounced(value: string, delay = DEBOUNCE_MS): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), value === '' ? 0 : delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export interface BodySearchProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly state: MatchState;
  readonly matchIndex: number;
  readonly onStep: (step: 1 | -1) => void;
  readonly disabled?: boolean;
}

function summary(value: string, state: MatchState, matchIndex: number): string {
  if (value === '') return '';
  if (state.count === 0) return state.done ? 'No matches' : 'Searching…';
  const total = `${formatCount(state.count)}${state.capped ? '+' : ''}${state.done ? '' : '…'}`;
  return `${formatCount(matchIndex + 1)} of ${total}`;
}

/** Search box with a match counter and previous/next; Enter and Shift+Enter step through matches. */
export const BodySearch = forwardRef<HTMLInputElement, BodySearchProps>(function BodySearch(
  { value, onChange, state, matchIndex, onStep, disabled },
  ref,
) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && value !== '') {
      event.preventDefault();
      onChange('');
    }
  };
  const canStep = state.count > 0;
  return (
    <div className="body-search">
      <input
        ref={ref}
        type="search"
        aria-label="Search the response body"
        placeholder="Search body (Ctrl+F)"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="body-search"
      />
      <span className="body-search-count muted" aria-live="polite" data-testid="body-search-count">
        {summary(value, state, matchIndex)}
      </span>
      <Button
        size="small"
        onClick={() => onStep(-1)}
        disabled={!canStep}
        aria-label="Previous match (Shift+Enter)"
        title="Previous match (Shift+Enter)"
        data-testid="body-search-prev"
      >
        ↑
      </Button>
      <Button
        size="small"
        onClick={() => onStep(1)}
        disabled={!canStep}
        aria-label="Next match (Enter)"
        title="Next match (Enter)"
        data-testid="body-search-next"
      >
        ↓
      </Button>
    </div>
  );
});
