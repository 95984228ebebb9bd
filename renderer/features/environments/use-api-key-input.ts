import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useRef, useState } from 'react';
import { validateApiKey } from '../../../shared/environments/validate';
import type { AppError } from '../../../shared/errors';
import { call, toAppError } from '../../bridge/client';
import { invalidateEnvironments } from './use-environments';

/**
 * The API key input is uncontrolled: the key lives only in the password
 * field's DOM value until it is handed to main, and never in React state,
 * a react-query cache (a mutation would keep its variables) or storage.
 * Only whether the field is filled and the validation message are state.
 */
export interface ApiKeyInput {
  readonly ref: RefObject<HTMLInputElement | null>;
  readonly filled: boolean;
  /** Validation message; never contains the key. */
  readonly error: string | null;
  /** Keychain or bridge failure from the last attempt to store. */
  readonly failure: AppError | null;
  readonly storing: boolean;
  readonly onInput: () => void;
  readonly onBlur: () => void;
  /** Shows the validation message now; true when the field is empty or valid. */
  check(): boolean;
  /** Stores what was typed; clears the field on success and keeps it on failure so the user can retry. */
  store(environmentId: string): Promise<boolean>;
  setServerError(message: string): void;
  clear(): void;
}

export function useApiKeyInput(): ApiKeyInput {
  const client = useQueryClient();
  const ref = useRef<HTMLInputElement | null>(null);
  const [filled, setFilled] = useState(false);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [storing, setStoring] = useState(false);

  const messageFor = useCallback((): string | null => {
    const raw = ref.current?.value ?? '';
    if (raw === '') return null;
    const checked = validateApiKey(raw);
    return checked.ok ? null : checked.message;
  }, []);

  const clear = useCallback(() => {
    if (ref.current) ref.current.value = '';
    setFilled(false);
    setTouched(false);
    setError(null);
  }, []);

  const onInput = useCallback(() => {
    setFilled((ref.current?.value ?? '') !== '');
    setFailure(null);
    if (touched) setError(messageFor());
  }, [touched, messageFor]);

  const onBlur = useCallback(() => {
    setTouched(true);
    setError(messageFor());
  }, [messageFor]);

  const check = useCallback(() => {
    setTouched(true);
    const message = messageFor();
    setError(message);
    return message === null;
  }, [messageFor]);

  const store = useCallback(
    async (environmentId: string) => {
      const checked = validateApiKey(ref.current?.value ?? '');
      if (!checked.ok) {
        setTouched(true);
        setError(checked.message);
        return false;
      }
      setStoring(true);
      setFailure(null);
      try {
        await call('setApiKey', { environmentId, key: checked.value });
        clear();
        return true;
      } catch (caught) {
        const appError = toAppError(caught);
        if (appError.field === 'key') setError(appError.message);
        else setFailure(appError);
        return false;
      } finally {
        setStoring(false);
        await invalidateEnvironments(client);
      }
    },
    [clear, client],
  );

  return {
    ref,
    filled,
    error,
    failure,
    storing,
    onInput,
    onBlur,
    check,
    store,
    setServerError: setError,
    clear,
  };
}
