import type {
  ConnectionTestResult,
  EnvironmentList,
  ImportFromFileResult,
  LeftoverKey,
  RecoveryNotice,
} from '../../../../shared/bridge/environments';
import type { Environment, EnvironmentInput } from '../../../../shared/environments/types';
import { keyLast4, validateApiKey, validateEnvironmentInput } from '../../../../shared/environments/validate';
import type { AppError, Result } from '../../../../shared/errors';
import { type EnvironmentVariable, type VariableInput, variableInputProblems } from '../../../../shared/variables';

/**
 * An in-memory stand-in for main's environments handlers, installed where
 * the real bridge would be, so component tests run the real client and
 * react-query code. Keys are kept apart, as the keychain would.
 */
export interface FakeEnvironmentsBridge {
  readonly environments: Environment[];
  activeId: string | null;
  recovery: RecoveryNotice[];
  leftoverKeys: LeftoverKey[];
  /** Behaves as main does with a locked keyring: keys cannot be removed. */
  keychainLocked: boolean;
  /** Keys "in the keychain", by environment id. */
  readonly keys: Map<string, string>;
  /** Secret variable values "in the keychain", by `<environment id>:<name>`. */
  readonly secrets: Map<string, string>;
  readonly calls: { method: string; arg: unknown; result: Result<unknown> }[];
  /** Makes the next calls of a method fail with this error. */
  failWith(method: string, error: AppError | null): void;
  testResult: ConnectionTestResult | null;
  /** Keeps "Test connection" waiting until `cancelRequest` is called, like a server that never answers. */
  holdConnectionTest: boolean;
  importResult: ImportFromFileResult;
  install(): void;
  uninstall(): void;
}

let counter = 0;

export function sampleEnvironment(fields: Partial<Environment> = {}): Environment {
  counter += 1;
  return {
    id: `env-${counter}`,
    name: `Environment ${counter}`,
    region: 'us',
    domain: 'mg.example.com',
    keyKind: 'primary',
    readOnly: false,
    colour: 'blue',
    hasKey: false,
    keyLast4: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

class Failure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

const lockedError: AppError = {
  code: 'keychain-locked',
  message: 'The system keychain is locked, so the API key cannot be stored or read.',
  hint: 'Unlock your keyring, then try again.',
};

function notFound(): Failure {
  return new Failure({ code: 'not-found', message: 'This environment no longer exists.', hint: 'Reload.' });
}

export function createFakeBridge(initial: { environments?: Environment[]; activeId?: string | null; recovery?: RecoveryNotice[] } = {}) {
  const failures = new Map<string, AppError>();
  const fake: FakeEnvironmentsBridge = {
    environments: [...(initial.environments ?? [])],
    activeId: initial.activeId ?? initial.environments?.[0]?.id ?? null,
    recovery: [...(initial.recovery ?? [])],
    leftoverKeys: [],
    keychainLocked: false,
    keys: new Map(),
    secrets: new Map(),
    calls: [],
    testResult: null,
    holdConnectionTest: false,
    importResult: { cancelled: true },
    failWith(method, error) {
      if (error === null) failures.delete(method);
      else failures.set(method, error);
    },
    install() {
      (window as unknown as Record<string, unknown>).mailgun = bridge;
    },
    uninstall() {
      delete (window as unknown as Record<string, unknown>).mailgun;
    },
  };

  const find = (id: string) => {
    const environment = fake.environments.find((item) => item.id === id);
    if (!environment) throw notFound();
    return environment;
  };
  const replace = (next: Environment) => {
    const index = fake.environments.findIndex((item) => item.id === next.id);
    fake.environments[index] = next;
    return next;
  };
  let releaseHeldTest: (() => void) | null = null;
  const list = (): EnvironmentList => ({
    environments: [...fake.environments],
    activeId: fake.activeId,
    recovery: [...fake.recovery],
    leftoverKeys: [...fake.leftoverKeys],
  });

  const handlers: Record<string, (arg: never) => unknown> = {
    listEnvironments: () => list(),
    saveEnvironment: (input: EnvironmentInput) => {
      const checked = validateEnvironmentInput(input);
      if (!checked.ok) {
        const [first] = checked.errors;
        throw new Failure({
          code: 'invalid-argument',
          message: first?.message ?? 'Invalid.',
          hint: 'Fix it.',
          field: first?.field ?? 'name',
        });
      }
      const { id, ...fields } = checked.value;
      if (id !== undefined) {
        const current = find(id);
        const { baseUrl: _b, subaccountId: _s, ...rest } = current;
        return replace({ ...rest, ...fields, id });
      }
      const created = sampleEnvironment({ ...fields, hasKey: false, keyLast4: null });
      fake.environments.push(created);
      fake.activeId ??= created.id;
      return created;
    },
    setApiKey: ({ environmentId, key }: { environmentId: string; key: string }) => {
      const checked = validateApiKey(key);
      if (!checked.ok) throw new Failure({ code: 'invalid-argument', message: checked.message, hint: 'Paste it again.', field: 'key' });
      const environment = find(environmentId);
      fake.keys.set(environmentId, checked.value);
      replace({ ...environment, hasKey: true, keyLast4: keyLast4(checked.value) });
      return { hasKey: true, keyLast4: keyLast4(checked.value) };
    },
    saveVariables: ({ environmentId, variables }: { environmentId: string; variables: VariableInput[] }) => {
      const [problem] = variableInputProblems(variables);
      if (problem) {
        throw new Failure({
          code: 'invalid-argument',
          message: problem.message,
          hint: 'Fix it.',
          field: `variables.${problem.index}.${problem.field}`,
        });
      }
      const environment = find(environmentId);
      const stored: EnvironmentVariable[] = variables.map((input) => {
        if (!input.secret) return { name: input.name, secret: false, value: input.value ?? '' };
        if (input.value) fake.secrets.set(`${environmentId}:${input.name}`, input.value);
        return { name: input.name, secret: true, isSet: fake.secrets.has(`${environmentId}:${input.name}`) };
      });
      return replace({ ...environment, variables: stored });
    },
    deleteApiKey: ({ environmentId }: { environmentId: string }) => {
      const environment = find(environmentId);
      const deleted = fake.keys.delete(environmentId);
      replace({ ...environment, hasKey: false, keyLast4: null });
      return { hasKey: false, deleted };
    },
    hasApiKey: ({ environmentId }: { environmentId: string }) => {
      const environment = find(environmentId);
      return { hasKey: environment.hasKey, keyLast4: environment.keyLast4, warning: null };
    },
    setActiveEnvironment: ({ id }: { id: string | null }) => {
      if (id !== null) find(id);
      fake.activeId = id;
      return { activeId: id };
    },
    retryKeyDeletion: () => {
      if (fake.keychainLocked) return { remaining: fake.leftoverKeys.length, error: lockedError };
      for (const leftover of fake.leftoverKeys) fake.keys.delete(leftover.id);
      fake.leftoverKeys = [];
      return { remaining: 0, error: null };
    },
    deleteEnvironment: ({ id, force }: { id: string; force?: boolean }) => {
      const environment = find(id);
      if (fake.keychainLocked && environment.hasKey) {
        if (force !== true) throw new Failure(lockedError);
        fake.leftoverKeys.push({ id, name: environment.name });
        fake.environments.splice(fake.environments.indexOf(environment), 1);
        if (fake.activeId === id) fake.activeId = fake.environments[0]?.id ?? null;
        return { deleted: true, keyDeleted: false, activeId: fake.activeId, keyError: lockedError };
      }
      const keyDeleted = fake.keys.delete(id);
      fake.environments.splice(
        fake.environments.findIndex((item) => item.id === id),
        1,
      );
      if (fake.activeId === id) fake.activeId = fake.environments[0]?.id ?? null;
      return { deleted: true, keyDeleted, activeId: fake.activeId };
    },
    reorderEnvironments: ({ ids }: { ids: string[] }) => {
      const reordered = ids.map(find);
      fake.environments.splice(0, fake.environments.length, ...reordered);
      return list();
    },
    duplicateEnvironment: ({ id }: { id: string }) => {
      const source = find(id);
      const { id: _source, ...fields } = source;
      const copy = sampleEnvironment({ ...fields, name: `${source.name} (copy)`, hasKey: false, keyLast4: null });
      fake.environments.splice(fake.environments.indexOf(source) + 1, 0, copy);
      return { environment: copy, keyCopied: false, warning: null };
    },
    acknowledgeRecovery: ({ ids }: { ids?: string[] }) => {
      fake.recovery = fake.recovery.filter((notice) => ids !== undefined && !ids.includes(notice.id));
      return { remaining: fake.recovery.length };
    },
    cancelRequest: () => {
      const held = releaseHeldTest;
      releaseHeldTest = null;
      held?.();
      return { cancelled: held !== null };
    },
    testConnection: ({ environmentId }: { environmentId: string }) => {
      const environment = find(environmentId);
      if (fake.holdConnectionTest) {
        return new Promise((_resolve, reject) => {
          releaseHeldTest = () =>
            reject(new Failure({ code: 'cancelled', message: 'The request was cancelled.', hint: 'Send it again when you are ready.' }));
        });
      }
      return (
        fake.testResult ?? {
          ok: true,
          checked: true,
          status: 200,
          region: environment.region,
          baseUrl: 'https://api.mailgun.net',
          message: 'Connected.',
          hint: '',
        }
      );
    },
    exportEnvironmentsToFile: ({ includeKeys }: { includeKeys: boolean }) => ({
      saved: true,
      path: '/tmp/export.json',
      fileName: 'export.json',
      count: fake.environments.length,
      keysIncluded: includeKeys ? fake.keys.size : 0,
    }),
    importEnvironmentsFromFile: () => fake.importResult,
  };

  const bridge = new Proxy(
    {},
    {
      get: (_target, method: string) => async (arg: unknown) => {
        let result: Result<unknown>;
        const failure = failures.get(method);
        const handler = handlers[method];
        if (failure) result = { ok: false, error: failure };
        else if (!handler) result = { ok: false, error: { code: 'internal', message: `No fake for ${method}`, hint: '' } };
        else {
          try {
            result = { ok: true, value: structuredClone(await handler(arg as never)) };
          } catch (error) {
            if (!(error instanceof Failure)) throw error;
            result = { ok: false, error: error.error };
          }
        }
        fake.calls.push({ method, arg, result });
        return result;
      },
    },
  );
  return fake;
}
