import type { ReactNode } from 'react';

/** Wraps each case-insensitive occurrence of `query` in `<mark>`. */
export function highlight(text: string, query: string): ReactNode {
  if (query === '' || text === '') return text;
  const lowerText = text.toLowerCase();
  const needle = query.toLowerCase();
  let at = lowerText.indexOf(needle);
  if (at < 0) return text;
  const parts: ReactNode[] = [];
  let from = 0;
  while (at >= 0) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
    at = lowerText.indexOf(needle, from);
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
