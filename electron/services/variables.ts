import type { CustomRequest } from '../../shared/bridge/collections';
import type { ImportedVariables, VariablePreview, VariablePreviewEntry } from '../../shared/bridge/variables';
import type { EndpointDef } from '../../shared/catalog/types';
import type { Environment } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import type { RequestValues } from '../../shared/request';
import {
  type BuiltInVariable,
  describeUnresolved,
  type EnvironmentVariable,
  isBuiltInVariable,
  isTemplateSource,
  type ResolvedValues,
  referencesIn,
  resolveCustomRequest,
  resolveRequestValues,
  type UnresolvedReference,
  type VariableInput,
  variableInputProblems,
  variableLimits,
  variableValueProblem,
} from '../../shared/variables';
import type { EnvironmentsService } from './environments';
import { type Keychain, keychainFailure } from './keychain';
import { secretVariableAccount } from './variables-secrets';

/**
 * `{{name}}` variables: saving them (plain values with the environment,
 * secret ones in the keychain), a bridge-safe preview, and resolution of a
 * request's values in main just before it is built. Secret values are read
 * only here, only for names a request uses, and the keychain wrapper main
 * passes in teaches each one to the redactor as it is read or written.
 */

export interface VariablesServiceDeps {
  readonly environments: Pick<EnvironmentsService, 'get' | 'find' | 'getActive' | 'setVariables' | 'list'>;
  readonly keychain: Pick<Keychain, 'getKey' | 'setKey' | 'deleteKey' | 'accessProblem'>;
}

function builtIn(environment: Environment, name: BuiltInVariable): string {
  return name === 'domain' ? environment.domain : environment.region;
}

function previewEntry(environment: Environment, name: string): VariablePreviewEntry | undefined {
  if (isBuiltInVariable(name)) return { name, kind: 'built-in', value: builtIn(environment, name) };
  const variable = environment.variables?.find((item) => item.name === name);
  if (variable === undefined) return undefined;
  return variable.secret ? { name, kind: 'secret', isSet: variable.isSet } : { name, kind: 'plain', value: variable.value };
}

function failureFor(unresolved: readonly UnresolvedReference[], environment: Environment): AppFailure {
  const [first] = unresolved as [UnresolvedReference, ...UnresolvedReference[]];
  const others = new Set(unresolved.map((item) => item.name));
  others.delete(first.name);
  const more = others.size > 0 ? ` Also missing: ${[...others].map((name) => `{{${name}}}`).join(', ')}.` : '';
  const secret = environment.variables?.find((item) => item.name === first.name && item.secret);
  const message = secret
    ? `{{${first.name}}} is a secret of environment ${environment.name} with no value set: set it in Environments → Variables.`
    : describeUnresolved(first, environment.name);
  return new AppFailure(
    'invalid-request',
    `${message}${more} Nothing was sent.`,
    'Define the variable in the environment, or write a backslash before the braces to send them as they are.',
    first.field,
  );
}

function inputsOf(variables: readonly EnvironmentVariable[] | undefined): VariableInput[] {
  // A secret without a value keeps the one in the keychain.
  return (variables ?? []).map((item) =>
    item.secret ? { name: item.name, secret: true } : { name: item.name, secret: false, value: item.value },
  );
}

export function createVariablesService(deps: VariablesServiceDeps) {
  const { environments, keychain } = deps;

  /** Values for the names `texts` refer to; secrets come from the keychain. Missing names are simply absent. */
  async function lookupFor(environment: Environment, names: ReadonlySet<string>): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    for (const name of names) {
      if (isBuiltInVariable(name)) {
        values.set(name, builtIn(environment, name));
        continue;
      }
      const variable = environment.variables?.find((item) => item.name === name);
      if (variable === undefined) continue;
      if (!variable.secret) {
        values.set(name, variable.value);
        continue;
      }
      if (!variable.isSet) continue;
      const secret = await keychain.getKey(secretVariableAccount(environment.id, name)).catch((error: unknown) => {
        throw keychainFailure(error);
      });
      if (secret === null) {
        const problem = await keychain.accessProblem();
        throw new AppFailure(
          problem?.code ?? 'key-missing',
          `The secret {{${name}}} of ${environment.name} could not be read from the keychain. Nothing was sent.`,
          problem?.hint ?? 'Unlock your keychain, or set the secret again in Environments → Variables.',
        );
      }
      values.set(name, secret);
    }
    return values;
  }

  async function resolveWith<T>(
    environmentId: string,
    texts: () => Iterable<string>,
    resolve: (lookup: (name: string) => string | undefined) => ResolvedValues<T>,
  ): Promise<T> {
    const names = new Set<string>();
    for (const text of texts()) for (const name of referencesIn(text)) names.add(name);
    // Without references only escapes are left to undo; that needs no environment.
    if (names.size === 0) return resolve(() => undefined).value;
    const environment = await environments.get(environmentId);
    const values = await lookupFor(environment, names);
    const resolved = resolve((name) => values.get(name));
    if (resolved.unresolved.length > 0) throw failureFor(resolved.unresolved, environment);
    return resolved.value;
  }

  async function save(environmentId: string, inputs: readonly VariableInput[]): Promise<Environment> {
    const [problem] = variableInputProblems(inputs);
    if (problem) {
      throw new AppFailure(
        'invalid-argument',
        problem.message,
        'Correct the highlighted variable and save again.',
        `variables.${problem.index}.${problem.field}`,
      );
    }
    const environment = await environments.get(environmentId);
    const before = new Map((environment.variables ?? []).map((item) => [item.name, item]));
    const next: EnvironmentVariable[] = [];
    const secretsKept = new Set<string>();
    for (const [index, input] of inputs.entries()) {
      const previous = before.get(input.name);
      if (!input.secret) {
        next.push({ name: input.name, secret: false, value: input.value ?? (previous?.secret === false ? previous.value : '') });
        continue;
      }
      // Turning a plain variable into a secret moves its value into the keychain.
      const value = input.value ?? (previous?.secret === false && previous.value !== '' ? previous.value : undefined);
      const account = secretVariableAccount(environmentId, input.name);
      if (value === undefined) {
        const isSet = previous?.secret === true && previous.isSet;
        if (isSet) secretsKept.add(input.name);
        next.push({ name: input.name, secret: true, isSet });
      } else if (value === '') {
        next.push({ name: input.name, secret: true, isSet: false });
      } else {
        const valueProblem = variableValueProblem(value, true);
        if (valueProblem) {
          throw new AppFailure(
            'invalid-argument',
            valueProblem,
            'Enter a longer secret, or keep it as a plain variable.',
            `variables.${index}.value`,
          );
        }
        await keychain.setKey(account, value);
        secretsKept.add(input.name);
        next.push({ name: input.name, secret: true, isSet: true });
      }
    }
    const saved = await environments.setVariables(environmentId, next);
    // Only once the new list is stored: a secret removed from the list goes from the keychain too.
    for (const previous of before.values()) {
      if (previous.secret && !secretsKept.has(previous.name)) {
        await keychain.deleteKey(secretVariableAccount(environmentId, previous.name)).catch(() => false);
      }
    }
    return saved;
  }

  return {
    save,

    /**
     * Adds the variables an imported file defines to the environment (the
     * given one, else the active one) where it lacks them, and names those
     * the requests use that nothing defines. Null when there is no environment.
     */
    async addImported(
      environmentId: string | undefined,
      fromFile: readonly { readonly name: string; readonly value: string }[],
      referenced: readonly string[],
    ): Promise<ImportedVariables | null> {
      const environment = environmentId === undefined ? await environments.getActive() : await environments.find(environmentId);
      if (!environment) return null;
      const own = new Set((environment.variables ?? []).map((item) => item.name));
      const room = variableLimits.maxPerEnvironment - own.size;
      const added = fromFile.filter((item) => !own.has(item.name) && !isBuiltInVariable(item.name)).slice(0, Math.max(0, room));
      const kept = fromFile.filter((item) => own.has(item.name)).map((item) => item.name);
      let stored = environment;
      if (added.length > 0) {
        stored = await save(environment.id, [
          ...inputsOf(environment.variables),
          ...added.map((item) => ({ name: item.name, secret: false, value: item.value })),
        ]);
      }
      const defined = new Set((stored.variables ?? []).map((item) => item.name));
      return {
        environmentId: stored.id,
        environmentName: stored.name,
        created: added.map((item) => item.name),
        kept,
        undefinedNames: referenced.filter((name) => !defined.has(name) && !isBuiltInVariable(name)),
      };
    },

    async preview(environmentId: string, names?: readonly string[]): Promise<VariablePreview> {
      const environment = await environments.get(environmentId);
      const wanted = names ?? ['domain', 'region', ...(environment.variables ?? []).map((item) => item.name)];
      const variables: VariablePreviewEntry[] = [];
      const undefinedNames: string[] = [];
      for (const name of new Set(wanted)) {
        const entry = previewEntry(environment, name);
        if (entry) variables.push(entry);
        else undefinedNames.push(name);
      }
      return { environmentId, environmentName: environment.name, variables, undefinedNames };
    },

    /** Catalog values with every reference filled in; throws before anything is sent when one cannot be. */
    resolveValues(environmentId: string, endpoint: Pick<EndpointDef, 'id'>, values: RequestValues): Promise<RequestValues> {
      return resolveWith(
        environmentId,
        () => textsOfValues(endpoint, values),
        (lookup) => resolveRequestValues(endpoint, values, lookup),
      );
    },

    resolveCustom(environmentId: string, request: CustomRequest): Promise<CustomRequest> {
      return resolveWith(
        environmentId,
        () => textsOfCustom(request),
        (lookup) => resolveCustomRequest(request, lookup),
      );
    },

    /**
     * Reads every stored secret once at start so the redactor knows them
     * before any request (a secret pasted into a field must be caught too).
     */
    async learnSecrets(): Promise<void> {
      const { environments: all } = await environments.list();
      for (const environment of all) {
        for (const variable of environment.variables ?? []) {
          if (variable.secret && variable.isSet)
            await keychain.getKey(secretVariableAccount(environment.id, variable.name)).catch(() => null);
        }
      }
    },
  };
}

export type VariablesService = ReturnType<typeof createVariablesService>;

function* textsOfJson(value: unknown, depth = 0): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (depth < 64 && typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const inner of Object.values(value)) yield* textsOfJson(inner, depth + 1);
  }
}

function* textsOfValues(endpoint: Pick<EndpointDef, 'id'>, values: RequestValues): Generator<string> {
  for (const [name, value] of Object.entries(values.params)) if (!isTemplateSource(endpoint, name)) yield* textsOfJson(value);
  for (const entry of values.extra ?? []) yield* textsOfJson(entry.value);
  for (const header of values.headers ?? []) yield header.value;
}

function* textsOfCustom(request: CustomRequest): Generator<string> {
  yield request.path;
  for (const pair of [...request.query, ...request.headers]) yield pair.value;
  if (request.body.kind === 'form' || request.body.kind === 'multipart') for (const field of request.body.fields) yield field.value;
  if (request.body.kind === 'json') yield request.body.text;
}
