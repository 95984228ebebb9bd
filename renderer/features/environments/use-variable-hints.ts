import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { VariablePreview, VariablePreviewEntry } from '../../../shared/bridge/variables';
import { referencesIn, resolveText, undefinedVariableMessage } from '../../../shared/variables';
import { queryKeys } from '../../app/query-keys';
import { call } from '../../bridge/client';
import { activeEnvironmentOf, environmentsKey } from './use-environments';

/** What a value with `{{name}}` in it becomes, for a tooltip, and the problem to flag when it cannot be sent. */
export interface VariableHint {
  readonly title?: string;
  readonly problem?: string;
}

function textsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (depth < 16 && typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const inner of Object.values(value)) textsOf(inner, out, depth + 1);
  }
  return out;
}

function shown(entry: VariablePreviewEntry | undefined, name: string): string {
  if (entry === undefined) return `{{${name}}}: not defined`;
  if (entry.kind === 'secret') return `{{${name}}}: ${entry.isSet ? 'secret, set' : 'secret, not set'}`;
  return `{{${name}}} = ${entry.value === '' ? '(empty)' : entry.value}`;
}

/** Builds the hint from main's preview; a secret's value is never in it, so never in the hint. */
export function variableHint(value: unknown, preview: VariablePreview | undefined): VariableHint {
  const texts = textsOf(value);
  const names = [...new Set(texts.flatMap(referencesIn))];
  if (names.length === 0 || preview === undefined) return {};
  const byName = new Map(preview.variables.map((entry) => [entry.name, entry]));
  const lines = names.map((name) => shown(byName.get(name), name));
  const plain = (name: string) => {
    const entry = byName.get(name);
    return entry && entry.kind !== 'secret' ? entry.value : undefined;
  };
  const [single] = texts;
  if (texts.length === 1 && single !== undefined && names.every((name) => plain(name) !== undefined)) {
    const resolved = resolveText(single, plain);
    if (resolved.ok) lines.unshift(`Sent as: ${resolved.value}`);
  }
  const missing = names.find((name) => !byName.has(name));
  const unsetSecret = names.find((name) => {
    const entry = byName.get(name);
    return entry?.kind === 'secret' && !entry.isSet;
  });
  const problem =
    missing !== undefined
      ? undefinedVariableMessage(missing, preview.environmentName)
      : unsetSecret !== undefined
        ? `{{${unsetSecret}}} is a secret with no value in ${preview.environmentName}: set it in Environments → Variables.`
        : undefined;
  return { title: lines.join('\n'), ...(problem ? { problem } : {}) };
}

/** Whether any text in the value refers to a variable (escaped ones aside). */
export function mentionsVariable(value: unknown): boolean {
  return textsOf(value).some((text) => referencesIn(text).length > 0);
}

/**
 * For request fields: `hint(value)` says what the active environment fills
 * in. It reads the environment list others fetch (never fetching it
 * itself), and asks main for a preview only once `needed`, i.e. once a
 * field mentions a variable.
 */
export function useVariableHints(needed: boolean): (value: unknown) => VariableHint {
  const list = useQuery({ queryKey: environmentsKey, queryFn: () => call('listEnvironments'), enabled: false });
  const id = activeEnvironmentOf(list.data)?.id ?? '';
  const preview = useQuery({
    queryKey: queryKeys.variablePreview(id),
    queryFn: () => call('previewVariables', { environmentId: id }),
    enabled: needed && id !== '',
  });
  const data = preview.data;
  return useCallback((value: unknown) => variableHint(value, data), [data]);
}
