import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Environment } from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { type VariableInput, variableInputProblems } from '../../../shared/variables';
import { call, toAppError } from '../../bridge/client';
import { invalidateEnvironments } from './use-environments';

/**
 * The rows of the variables editor. A plain value is ordinary state; a
 * secret's typed value stays in its password field's DOM (like the API
 * key), so it never sits in React state or a query cache, and only whether
 * the field is filled is tracked.
 */
export interface VariableRow {
  readonly id: string;
  readonly name: string;
  readonly secret: boolean;
  /** The plain value; always '' for a secret. */
  readonly value: string;
  /** Whether the stored secret has a value (from main). */
  readonly isSet: boolean;
}

let nextRowId = 0;
function rowId(): string {
  nextRowId += 1;
  return `var-${nextRowId}`;
}

function rowsOf(environment: Environment | null): VariableRow[] {
  return (environment?.variables ?? []).map((variable) =>
    variable.secret
      ? { id: rowId(), name: variable.name, secret: true, value: '', isSet: variable.isSet }
      : { id: rowId(), name: variable.name, secret: false, value: variable.value, isSet: false },
  );
}

export interface VariablesInput {
  readonly rows: readonly VariableRow[];
  /** Problem per row and field (`<row id>:name` / `<row id>:value`). */
  readonly errors: ReadonlyMap<string, string>;
  readonly dirty: boolean;
  readonly storing: boolean;
  readonly failure: AppError | null;
  add(): string;
  remove(id: string): void;
  update(id: string, patch: Partial<Pick<VariableRow, 'name' | 'value' | 'secret'>>): void;
  /** Registers a secret row's password field. */
  secretRef(id: string): (element: HTMLInputElement | null) => void;
  onSecretInput(id: string): void;
  /** Saves the rows for the environment; resolves to what main stored, or null on failure. */
  store(environmentId: string): Promise<Environment | null>;
  reset(environment: Environment): void;
}

export function useVariablesInput(environment: Environment | null): VariablesInput {
  const client = useQueryClient();
  const [rows, setRows] = useState<VariableRow[]>(() => rowsOf(environment));
  const [baseline, setBaseline] = useState(() => JSON.stringify(rowsOf(environment).map(({ id: _id, ...row }) => row)));
  const [filled, setFilled] = useState<ReadonlySet<string>>(new Set());
  const [storing, setStoring] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [serverError, setServerError] = useState<{ key: string; message: string } | null>(null);
  const secretFields = useRef(new Map<string, HTMLInputElement>());

  const secretValue = useCallback((id: string) => secretFields.current.get(id)?.value ?? '', []);

  const inputs = useCallback(
    (): VariableInput[] =>
      rows.map((row) => {
        if (!row.secret) return { name: row.name.trim(), secret: false, value: row.value };
        const typed = secretValue(row.id);
        // Left empty: keep the stored secret (or, for a new one, leave it unset).
        return typed === '' ? { name: row.name.trim(), secret: true } : { name: row.name.trim(), secret: true, value: typed };
      }),
    [rows, secretValue],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `filled` changes when a secret field's DOM value does
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    for (const problem of variableInputProblems(inputs())) {
      const row = rows[problem.index];
      if (row && !map.has(`${row.id}:${problem.field}`)) map.set(`${row.id}:${problem.field}`, problem.message);
    }
    if (serverError && !map.has(serverError.key)) map.set(serverError.key, serverError.message);
    return map;
  }, [inputs, rows, filled, serverError]);

  const dirty = filled.size > 0 || JSON.stringify(rows.map(({ id: _id, ...row }) => row)) !== baseline;

  const reset = useCallback((stored: Environment) => {
    const next = rowsOf(stored);
    setRows(next);
    setBaseline(JSON.stringify(next.map(({ id: _id, ...row }) => row)));
    setFilled(new Set());
    secretFields.current.clear();
  }, []);

  return {
    rows,
    errors,
    dirty,
    storing,
    failure,
    add() {
      const id = rowId();
      setRows((current) => [...current, { id, name: '', secret: false, value: '', isSet: false }]);
      return id;
    },
    remove(id) {
      setRows((current) => current.filter((row) => row.id !== id));
      setFilled((current) => new Set([...current].filter((item) => item !== id)));
      setServerError(null);
    },
    update(id, patch) {
      setRows((current) =>
        current.map((row) => {
          if (row.id !== id) return row;
          // A plain value never lingers in state once the row turns secret; a secret is never shown as plain.
          if (patch.secret === true && !row.secret) return { ...row, ...patch, value: '' };
          if (patch.secret === false && row.secret) return { ...row, ...patch, isSet: false };
          return { ...row, ...patch };
        }),
      );
      setServerError(null);
      setFailure(null);
    },
    secretRef: (id) => (element) => {
      if (element) secretFields.current.set(id, element);
      else secretFields.current.delete(id);
    },
    onSecretInput(id) {
      setFilled((current) => {
        const has = secretValue(id) !== '';
        if (has === current.has(id)) return new Set(current);
        const next = new Set(current);
        if (has) next.add(id);
        else next.delete(id);
        return next;
      });
      setServerError(null);
    },
    async store(environmentId) {
      setStoring(true);
      setFailure(null);
      try {
        const stored = await call('saveVariables', { environmentId, variables: inputs() });
        reset(stored);
        return stored;
      } catch (caught) {
        const error = toAppError(caught);
        const match = /^variables\.(\d+)\.(name|value)$/.exec(error.field ?? '');
        const row = match ? rows[Number(match[1])] : undefined;
        if (row && match) setServerError({ key: `${row.id}:${match[2]}`, message: error.message });
        else setFailure(error);
        return null;
      } finally {
        setStoring(false);
        await invalidateEnvironments(client);
      }
    },
    reset,
  };
}
