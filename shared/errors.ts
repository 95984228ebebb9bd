/**
 * Failures cross process boundaries as plain values: a stable code the UI can
 * branch on, a sentence saying what happened, and a hint saying what to do.
 * Stack traces stay in main.
 */
export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'conflict'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'keychain-denied'
  | 'key-missing'
  | 'storage-failed'
  | 'storage-recovered'
  | 'network'
  | 'dns'
  | 'connection-refused'
  | 'connection-reset'
  | 'tls'
  | 'proxy'
  | 'timeout'
  | 'cancelled'
  | 'too-large'
  | 'forbidden-host'
  | 'read-only'
  | 'file-missing'
  | 'invalid-request'
  | 'import-failed'
  | 'unsupported'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  /** The form field or parameter the error is about, when there is one. */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Thrown by services; the dispatcher turns it into a failed Result. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, hint: string, field?: string) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.hint = hint;
    this.field = field;
  }

  toValue(): AppError {
    return this.field === undefined
      ? { code: this.code, message: this.message, hint: this.hint }
      : { code: this.code, message: this.message, hint: this.hint, field: this.field };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: AppError): Result<never> {
  return { ok: false, error };
}
