import type { Environment } from '../../../shared/environments/types';
import { toAppError } from '../../bridge/client';
import { useKeyStatus } from './use-environments';

export interface KeyHealth {
  /** A sentence saying what is wrong with the keychain and what to do, or null when all is well. */
  readonly problem: string | null;
}

/** Combines what the list remembers about a key with what the keychain says now. */
export function useKeyHealth(environment: Environment | null): KeyHealth {
  const status = useKeyStatus(environment);
  if (environment === null || !environment.hasKey) return { problem: null };
  if (status.isError) {
    const error = toAppError(status.error);
    return { problem: `${error.message} ${error.hint}`.trim() };
  }
  return { problem: status.data?.warning ?? null };
}
