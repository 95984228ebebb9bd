import { bridgeGlobalName } from '../../shared/bridge/channels';
import type { ArgsOf, Bridge, MethodName, ResultOf } from '../../shared/bridge/contract';
import type { AppError } from '../../shared/errors';

/** A failed bridge call, carrying the typed error main sent. */
export class BridgeError extends Error {
  readonly error: AppError;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'BridgeError';
    this.error = error;
  }
}

function bridge(): Bridge {
  const installed = (window as unknown as Record<string, Bridge | undefined>)[bridgeGlobalName];
  if (!installed)
    throw new BridgeError({
      code: 'internal',
      message: 'The app bridge is missing.',
      hint: 'Start the app through Electron or the test harness.',
    });
  return installed;
}

/** Calls main and unwraps the result, so react-query sees failures as errors. */
export async function call<M extends MethodName>(
  method: M,
  ...arg: undefined extends ArgsOf<M> ? [ArgsOf<M>?] : [ArgsOf<M>]
): Promise<ResultOf<M>> {
  const fn = bridge()[method] as (value?: unknown) => Promise<{ ok: true; value: ResultOf<M> } | { ok: false; error: AppError }>;
  const result = await fn(arg[0]);
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}

/** The typed error behind any thrown value, for showing it to the user. */
export function toAppError(error: unknown): AppError {
  if (error instanceof BridgeError) return error.error;
  return { code: 'internal', message: error instanceof Error ? error.message : 'Something went wrong.', hint: 'Try again.' };
}
