import { useEffect, useRef } from 'react';

/**
 * Moves focus to an element that the next render draws (the row "+ Add" just
 * made), so keyboard users carry on typing there instead of on the button.
 */
export function useFocusLater(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id) => {
    pending.current = id;
  };
}
