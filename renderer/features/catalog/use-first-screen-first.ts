import { startTransition, useEffect, useState } from 'react';

/** About what the sidebar shows without scrolling. */
export const firstScreenRows = 28;

/**
 * Draws a new list's first screenful at once and the rest in the next
 * (interruptible) render, so a keystroke that matches many endpoints still
 * shows its results within a frame.
 */
export function useFirstScreenFirst<T>(rows: readonly T[]): readonly T[] {
  const [source, setSource] = useState(rows);
  const [complete, setComplete] = useState(true);
  if (source !== rows) {
    setSource(rows);
    setComplete(rows.length <= firstScreenRows);
  }
  useEffect(() => {
    if (!complete) startTransition(() => setComplete(true));
  }, [complete]);
  return complete ? rows : rows.slice(0, firstScreenRows);
}
