import type { FieldError } from '../../../shared/request';

export type EditorTab = 'params' | 'options' | 'headers' | 'code' | 'docs';

export interface SortedErrors {
  readonly params: ReadonlyMap<string, string>;
  readonly extra: ReadonlyMap<number, string>;
  readonly headers: ReadonlyMap<number, string>;
  readonly target: readonly FieldError[];
}

/** Splits validation errors by where the editor shows them; the first message per field wins. */
export function sortErrors(errors: readonly FieldError[]): SortedErrors {
  const params = new Map<string, string>();
  const extra = new Map<number, string>();
  const headers = new Map<number, string>();
  const target: FieldError[] = [];
  for (const error of errors) {
    if (error.source === 'param' && !params.has(error.param)) params.set(error.param, error.message);
    else if (error.source === 'extra' && error.index !== undefined && !extra.has(error.index)) extra.set(error.index, error.message);
    else if (error.source === 'header' && error.index !== undefined && !headers.has(error.index)) headers.set(error.index, error.message);
    else if (error.source === 'target') target.push(error);
  }
  return { params, extra, headers, target };
}

/** The tab holding the first problem, so a blocked send can take the user straight to it. */
export function tabOfFirstError(errors: SortedErrors, formParamNames: ReadonlySet<string>): EditorTab | undefined {
  for (const name of errors.params.keys()) if (formParamNames.has(name)) return 'params';
  if (errors.params.size > 0 || errors.extra.size > 0) return 'options';
  if (errors.headers.size > 0) return 'headers';
  return undefined;
}
