import type { RendererErrorReport } from '../../../shared/bridge/desktop';
import { call } from '../../bridge/client';

const limits = { message: 4000, stack: 20_000, source: 8000 } as const;

function summarise(value: unknown): { message: string; stack?: string } {
  if (value instanceof Error) return { message: `${value.name}: ${value.message}`, ...(value.stack ? { stack: value.stack } : {}) };
  try {
    return { message: typeof value === 'string' ? value : JSON.stringify(value) };
  } catch {
    return { message: String(value) };
  }
}

/** Sends one error to main's log; a failure to report is swallowed, as there is nowhere left to send it. */
export function reportError(kind: RendererErrorReport['kind'], value: unknown, source?: string): void {
  const { message, stack } = summarise(value);
  const report: RendererErrorReport = {
    kind,
    message: message.slice(0, limits.message) || 'unknown error',
    ...(stack ? { stack: stack.slice(0, limits.stack) } : {}),
    ...(source ? { source: source.slice(0, limits.source) } : {}),
  };
  void call('reportRendererError', report).catch(() => undefined);
}

/** Window errors and unhandled rejections go to main's log; returns the function that stops it. */
export function reportUncaughtErrors(target: Window = window): () => void {
  const onError = (event: ErrorEvent) =>
    reportError('error', event.error ?? event.message, event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : undefined);
  const onRejection = (event: PromiseRejectionEvent) => reportError('unhandled-rejection', event.reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
