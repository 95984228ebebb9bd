import { useCallback, useState } from 'react';

const PREFIX = 'mailgun-explorer.layout.';

function read<T>(key: string, fallback: T, valid: (value: unknown) => value is T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A layout preference (pane sizes, which way the response sits) kept in the
 * renderer's localStorage: never data, never a secret, so it need not go to main.
 */
export function useStoredState<T>(key: string, fallback: T, valid: (value: unknown) => value is T): [T, (next: T) => void] {
  const [value, setValue] = useState(() => read(key, fallback, valid));
  const store = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // A full or disabled storage only means the layout is not remembered.
      }
    },
    [key],
  );
  return [value, store];
}

export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
