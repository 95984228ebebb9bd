import type { SandboxServer } from '../../sandbox/server';
import type { EnvironmentList } from '../../shared/bridge/environments';
import type { Environment } from '../../shared/environments/types';
import { isSandboxEnvironmentId, SANDBOX_API_KEY, SANDBOX_ENVIRONMENT_ID, SANDBOX_US_DOMAIN } from '../../shared/sandbox/constants';
import type { EnvironmentsService } from './environments';
import type { Keychain } from './keychain';

/**
 * Makes the built-in offline sandbox an ordinary environment: created (and
 * selected on first launch) whenever it is missing, pointed at the local server (started on first
 * use) and usable even where no keychain works, because its key opens only
 * that local server and is published on purpose.
 */
export interface SandboxEnvironmentDeps {
  readonly sandbox: Pick<SandboxServer, 'start'>;
  readonly environments: EnvironmentsService;
  readonly keychain: Pick<Keychain, 'getKey' | 'accessProblem'>;
  readonly logError?: (message: string, error: unknown) => void;
}

/**
 * Main's fetch, adding the sandbox's per-run header to requests bound for
 * the running sandbox (and no other host), so they pass its browser check.
 */
export function withSandboxClientHeader(
  fetchImpl: typeof globalThis.fetch,
  sandbox: Pick<SandboxServer, 'status' | 'clientHeader'>,
): typeof globalThis.fetch {
  return (input, init) => {
    const { usBaseUrl } = sandbox.status();
    const target = input instanceof Request ? input.url : String(input);
    if (usBaseUrl === undefined || !URL.canParse(target) || new URL(target).origin !== new URL(usBaseUrl).origin) {
      return fetchImpl(input, init);
    }
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(sandbox.clientHeader.name, sandbox.clientHeader.value);
    return fetchImpl(input, { ...init, headers });
  };
}

export function isSandboxEnvironment(environment: Pick<Environment, 'id'>): boolean {
  return isSandboxEnvironmentId(environment.id);
}

export function createSandboxEnvironment(deps: SandboxEnvironmentDeps) {
  const { sandbox, environments, keychain } = deps;

  async function decorate(environment: Environment): Promise<Environment> {
    if (!isSandboxEnvironment(environment)) return environment;
    const urls = await sandbox.start();
    return {
      ...environment,
      hasKey: true,
      keyLast4: environment.keyLast4 ?? SANDBOX_API_KEY.slice(-4),
      sandbox: { us: urls.usBaseUrl, eu: urls.euBaseUrl },
    };
  }

  async function decorateMaybe(environment: Environment | undefined): Promise<Environment | undefined> {
    return environment ? decorate(environment) : undefined;
  }

  /** The same service, with the sandbox environment resolved wherever an environment is handed out. */
  const service: EnvironmentsService = {
    ...environments,
    async list(): Promise<EnvironmentList> {
      const list = await environments.list();
      return { ...list, environments: await Promise.all(list.environments.map(decorate)) };
    },
    get: async (id) => decorate(await environments.get(id)),
    find: async (id) => decorateMaybe(await environments.find(id)),
    async getActive() {
      const active = await environments.getActive();
      return active ? decorate(active) : null;
    },
  };

  return {
    environments: service,

    /**
     * At every start: adds the sandbox when it is missing (first launch, a
     * damaged environments.json, or deleted last time), selected only if
     * nothing else is, with its key in the keychain when there is one. A
     * failure is logged, never thrown: the app must start regardless.
     */
    async ensure(): Promise<void> {
      try {
        if (await environments.find(SANDBOX_ENVIRONMENT_ID)) return;
        await environments.save(
          { name: 'Sandbox (offline)', region: 'us', domain: SANDBOX_US_DOMAIN, keyKind: 'primary', readOnly: false, colour: 'teal' },
          { newId: SANDBOX_ENVIRONMENT_ID },
        );
      } catch (error) {
        deps.logError?.('the sandbox environment could not be added', error);
        return;
      }
      try {
        await environments.setApiKey(SANDBOX_ENVIRONMENT_ID, SANDBOX_API_KEY);
      } catch (error) {
        deps.logError?.('the sandbox key could not be stored in the keychain; the built-in key is used instead', error);
      }
    },

    async getKey(environmentId: string): Promise<string | null> {
      if (environmentId !== SANDBOX_ENVIRONMENT_ID) {
        const key = await keychain.getKey(environmentId);
        if (key !== null || !(await environments.find(environmentId))?.hasKey) return key;
        // A key is on record but the keychain found none: say it is locked rather than "no key saved".
        const problem = await keychain.accessProblem();
        if (problem) throw problem;
        return null;
      }
      try {
        return (await keychain.getKey(environmentId)) ?? SANDBOX_API_KEY;
      } catch {
        return SANDBOX_API_KEY;
      }
    },
  };
}
