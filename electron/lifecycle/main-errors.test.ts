import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { type ErrorSource, reportMainErrors } from './main-errors';

describe('main-process errors nobody caught', () => {
  it('logs an exception and shows it; logs a rejection', () => {
    const emitter = new EventEmitter();
    const logError = vi.fn();
    const showErrorBox = vi.fn();
    reportMainErrors({ source: emitter as unknown as ErrorSource, logError, showErrorBox });
    const error = new Error('handler blew up');
    emitter.emit('uncaughtException', error);
    expect(logError).toHaveBeenCalledWith('uncaught exception in main', error);
    expect(showErrorBox).toHaveBeenCalledWith('Mailgun Explorer hit an unexpected error', expect.stringContaining('handler blew up'));
    emitter.emit('unhandledRejection', 'lost');
    expect(logError).toHaveBeenCalledWith('unhandled promise rejection in main', 'lost');
    expect(showErrorBox).toHaveBeenCalledTimes(1);
  });
});
