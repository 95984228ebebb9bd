import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedArgsOf, type ResultOf } from '../../shared/bridge/contract';
import { type AppError, AppFailure, type Result } from '../../shared/errors';
import { checkArgumentBounds } from './argument-bounds';

export type Handlers = {
  readonly [M in MethodName]: (arg: ParsedArgsOf<M>) => Promise<ResultOf<M>> | ResultOf<M>;
};

export type Dispatch = (method: string, rawArg: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected failures are reported; never receives secrets, only the error. */
  readonly logError?: (method: string, error: unknown) => void;
}

function describeIssues(error: z.ZodError): { message: string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'The argument is not valid.' };
  const field = first.path.length > 0 ? first.path.join('.') : undefined;
  const message = field ? `${field}: ${first.message}` : first.message;
  return field ? { message, field } : { message };
}

/**
 * Bounds and then validates every argument against the contract before any
 * service sees it, and turns whatever a service throws into a typed error value.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, rawArg) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: {
          code: 'invalid-argument',
          message: `Unknown bridge method "${String(method).slice(0, 64)}".`,
          hint: 'This is a bug in the app; please report it.',
        },
      };
    }
    const outOfBounds = checkArgumentBounds(rawArg);
    if (outOfBounds) return { ok: false, error: outOfBounds };
    let parsed: ReturnType<(typeof contract)[typeof method]['args']['safeParse']>;
    try {
      parsed = contract[method].args.safeParse(rawArg);
    } catch (error) {
      // A value no schema expects (a typed array where zod freezes a copy, say) can make validation itself throw.
      options.logError?.(method, error);
      return {
        ok: false,
        error: { code: 'invalid-argument', message: 'The argument could not be checked.', hint: 'Check the value and try again.' },
      };
    }
    if (!parsed.success) {
      const { message, field } = describeIssues(parsed.error);
      const error: AppError = {
        code: 'invalid-argument',
        message,
        hint: 'Check the value and try again.',
        ...(field ? { field } : {}),
      };
      return { ok: false, error };
    }
    try {
      const handler = handlers[method] as (arg: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.toValue() };
      options.logError?.(method, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong inside the app.',
          hint: 'Try again; if it keeps happening, restart the app and report the problem.',
        },
      };
    }
  };
}
