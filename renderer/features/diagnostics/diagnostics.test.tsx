// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../bridge/client';
import { AppErrorBoundary } from './AppErrorBoundary';
import { reportUncaughtErrors } from './report-error';

vi.mock('../../bridge/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../bridge/client')>()),
  call: vi.fn(async () => ({ logged: true })),
}));
const callMock = vi.mocked(call);

afterEach(() => {
  cleanup();
  callMock.mockClear();
});

function Broken(): never {
  throw new Error('tab state is broken');
}

describe('renderer errors', () => {
  it('a render error shows a Reload action and goes to main’s log with its component stack', () => {
    const onReload = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <AppErrorBoundary onReload={onReload}>
        <Broken />
      </AppErrorBoundary>,
    );
    expect(screen.getByTestId('app-error-boundary').textContent).toContain('tab state is broken');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
    const report = callMock.mock.calls.find(([method]) => method === 'reportRendererError')?.[1] as Record<string, string>;
    expect(report).toMatchObject({ kind: 'render', message: 'Error: tab state is broken' });
    expect(report.source).toContain('Broken');
  });

  it('window errors and unhandled rejections are reported until stopped', () => {
    const stop = reportUncaughtErrors(window);
    window.dispatchEvent(
      new ErrorEvent('error', { error: new TypeError('x is undefined'), filename: 'app://mailgun-explorer/a.js', lineno: 3, colno: 7 }),
    );
    const rejection = new Event('unhandledrejection') as Event & { reason?: unknown };
    rejection.reason = 'no answer';
    window.dispatchEvent(rejection);
    stop();
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('after stop') }));
    const reports = callMock.mock.calls.filter(([method]) => method === 'reportRendererError').map(([, report]) => report);
    expect(reports).toEqual([
      expect.objectContaining({ kind: 'error', message: 'TypeError: x is undefined', source: 'app://mailgun-explorer/a.js:3:7' }),
      { kind: 'unhandled-rejection', message: 'no answer' },
    ]);
  });
});
