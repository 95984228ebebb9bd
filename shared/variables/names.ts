/**
 * User-defined `{{name}}` variables of an environment. Plain values are
 * stored with the environment; secret ones only in the OS keychain, so an
 * environment as the renderer sees it says of a secret only whether it is set.
 */
export type EnvironmentVariable =
  | { readonly name: string; readonly secret: false; readonly value: string }
  | { readonly name: string; readonly secret: true; readonly isSet: boolean };

/** What the editor sends to save: a secret's `value` is write-only, and absent means "keep the one stored". */
export interface VariableInput {
  readonly name: string;
  readonly secret: boolean;
  readonly value?: string | undefined;
}

export const variableLimits = {
  maxPerEnvironment: 100,
  nameMax: 64,
  valueMax: 8_192,
  /** Shorter secrets would be redacted everywhere their text happens to appear in an answer. */
  secretMin: 8,
} as const;

/** Filled in from the environment itself; they cannot be defined again. */
export const builtInVariables = ['domain', 'region'] as const;
export type BuiltInVariable = (typeof builtInVariables)[number];

export function isBuiltInVariable(name: string): name is BuiltInVariable {
  return (builtInVariables as readonly string[]).includes(name);
}

export const variableNamePattern = /^[A-Za-z0-9_.-]+$/;

/** A problem with a name, written for the person typing it; null when it is fine. */
export function variableNameProblem(name: string): string | null {
  if (name === '') return 'Give the variable a name.';
  if (name.length > variableLimits.nameMax) return `A variable name can be at most ${variableLimits.nameMax} characters long.`;
  if (!variableNamePattern.test(name)) return 'A variable name holds only letters, digits, "_", "-" and ".".';
  if (isBuiltInVariable(name)) return `{{${name}}} is built in: it is the environment’s ${name}.`;
  return null;
}

export function variableValueProblem(value: string, secret: boolean): string | null {
  if (value.length > variableLimits.valueMax) return `A value can be at most ${variableLimits.valueMax} characters long.`;
  if (secret && value.length < variableLimits.secretMin) {
    return `A secret needs at least ${variableLimits.secretMin} characters: it is hidden wherever its text appears in an answer.`;
  }
  return null;
}

export interface VariableProblem {
  readonly index: number;
  readonly field: 'name' | 'value';
  readonly message: string;
}

/** Every problem of a list of variables at once, for inline form errors; main checks the same before storing. */
export function variableInputProblems(inputs: readonly VariableInput[]): VariableProblem[] {
  const problems: VariableProblem[] = [];
  if (inputs.length > variableLimits.maxPerEnvironment) {
    problems.push({
      index: variableLimits.maxPerEnvironment,
      field: 'name',
      message: `At most ${variableLimits.maxPerEnvironment} variables.`,
    });
  }
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const nameProblem = variableNameProblem(input.name);
    if (nameProblem) problems.push({ index, field: 'name', message: nameProblem });
    else if (seen.has(input.name)) problems.push({ index, field: 'name', message: `{{${input.name}}} is defined twice.` });
    seen.add(input.name);
    if (input.value !== undefined) {
      const valueProblem = variableValueProblem(input.value, input.secret);
      if (valueProblem) problems.push({ index, field: 'value', message: valueProblem });
    }
  });
  return problems;
}
