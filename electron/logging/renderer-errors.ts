import type { RendererErrorReport } from '../../shared/bridge/desktop';

export interface RendererErrorSinkOptions {
  readonly write: (message: string, detail: RendererErrorReport) => void;
  readonly clock?: () => number;
  /** A render loop can throw thousands of times a second; past this many a minute, reports are dropped. */
  readonly perMinute?: number;
}

export function createRendererErrorSink({ write, clock = Date.now, perMinute = 30 }: RendererErrorSinkOptions) {
  let windowStart = 0;
  let count = 0;
  let dropped = 0;
  return {
    report(report: RendererErrorReport): { logged: boolean } {
      const now = clock();
      if (now - windowStart >= 60_000) {
        if (dropped > 0) write(`renderer: ${dropped} more errors were not logged`, { kind: report.kind, message: 'rate limit' });
        windowStart = now;
        count = 0;
        dropped = 0;
      }
      if (count >= perMinute) {
        dropped += 1;
        return { logged: false };
      }
      count += 1;
      write(`renderer ${report.kind}`, report);
      return { logged: true };
    },
  };
}

export type RendererErrorSink = ReturnType<typeof createRendererErrorSink>;
