/**
 * Where each display row of a text starts. Lines longer than `maxChars` are
 * split into several rows so a minified body is not one endless line.
 */
export interface RowIndex {
  readonly count: number;
  /** Offset of row i's first character; `starts[count]` is the text length. */
  readonly starts: Uint32Array;
  /** Whether row i continues the line of row i - 1. */
  continues(row: number): boolean;
  /** The 1-based line number of row i. */
  lineOf(row: number): number;
}

/**
 * Builds the index a slice at a time: each `step` call works for about
 * `budgetMs` and returns the index once the whole text is covered.
 */
export function rowIndexBuilder(text: string, maxChars: number): { step(budgetMs: number): RowIndex | undefined } {
  let starts = new Uint32Array(Math.max(16, Math.ceil(text.length / 40)));
  let lines = new Uint32Array(starts.length);
  let count = 0;
  let line = 0;
  let lineStart = 0;
  const push = (offset: number) => {
    if (count + 1 >= starts.length) {
      const grown = new Uint32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
      const grownLines = new Uint32Array(lines.length * 2);
      grownLines.set(lines);
      lines = grownLines;
    }
    lines[count] = line;
    starts[count++] = offset;
  };
  const finish = (): RowIndex => {
    const final = starts.slice(0, count + 1);
    final[count] = text.length;
    const finalLines = lines.slice(0, count);
    return {
      count,
      starts: final,
      continues: (row) => row > 0 && text.charCodeAt((final[row] as number) - 1) !== 10,
      lineOf: (row) => (finalLines[row] ?? 0) + 1,
    };
  };
  let done: RowIndex | undefined;
  return {
    step(budgetMs) {
      if (done) return done;
      const until = performance.now() + budgetMs;
      let scanned = 0;
      for (;;) {
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.length;
        for (let at = lineStart; at < lineEnd || at === lineStart; at += maxChars) push(at);
        if (lineEnd >= text.length) {
          done = finish();
          return done;
        }
        lineStart = lineEnd + 1;
        line += 1;
        if ((++scanned & 4095) === 0 && performance.now() > until) return undefined;
      }
    },
  };
}

export function buildRowIndex(text: string, maxChars: number): RowIndex {
  return rowIndexBuilder(text, maxChars).step(Number.POSITIVE_INFINITY) as RowIndex;
}

/** The row holding `offset`. */
export function rowOfOffset(index: RowIndex, offset: number): number {
  let low = 0;
  let high = index.count - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((index.starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The text of row `row`, without its line break. */
export function rowText(text: string, index: RowIndex, row: number): string {
  const start = index.starts[row] as number;
  let end = index.starts[row + 1] as number;
  if (end > start && text.charCodeAt(end - 1) === 10) end -= 1;
  if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
  return text.slice(start, end);
}
