export interface Figure {
  readonly name: string;
  readonly unit: 'ms' | 'MB' | 'kB' | 'x';
  readonly median: number;
  readonly p95: number;
  readonly samples: number;
  /** The target this figure must stay under (or at). */
  readonly target?: number;
  /** A note printed beside the figure, e.g. what the ratio compares. */
  readonly note?: string;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function figure(name: string, unit: Figure['unit'], samples: readonly number[], target?: number, note?: string): Figure {
  return {
    name,
    unit,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    samples: samples.length,
    ...(target === undefined ? {} : { target }),
    ...(note === undefined ? {} : { note }),
  };
}
