/**
 * Parses only the start of a long JSON text, closing whatever is still open
 * after the last complete nested value, so the first screen of a huge body can
 * be shown while the whole text is still being parsed. Returns undefined when
 * the start holds no complete nested value (or the text is short anyway).
 */
export function parsePrefix(text: string, maxChars: number): unknown {
  if (text.length <= maxChars) return undefined;
  const closers: number[] = [];
  let inString = false;
  let escaped = false;
  let safeEnd = -1;
  let safeDepth = 0;
  for (let i = 0; i < maxChars; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) closers.push(125);
    else if (c === 91) closers.push(93);
    else if (c === 125 || c === 93) {
      closers.pop();
      // Containers below this depth are untouched until they close, which records a new safe point.
      safeEnd = i + 1;
      safeDepth = closers.length;
    }
  }
  if (safeEnd < 0 || safeDepth === 0) return undefined;
  const tail = closers
    .slice(0, safeDepth)
    .reverse()
    .map((code) => String.fromCharCode(code))
    .join('');
  try {
    return JSON.parse(text.slice(0, safeEnd) + tail);
  } catch {
    return undefined;
  }
}
