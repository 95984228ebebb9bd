import type { ReactNode } from 'react';

/** Long text (a body, a MIME source) in its own scrolling box that the keyboard can reach and scroll. */
export function ScrollText({
  label,
  testId,
  short = false,
  children,
}: {
  label: string;
  testId?: string;
  short?: boolean;
  children: ReactNode;
}) {
  return (
    <pre
      className={short ? 'st-pre st-pre-short' : 'st-pre'}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
      tabIndex={0}
      role="document"
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </pre>
  );
}
