import type { SandboxServer } from '../../../sandbox/server';
import type { Handlers } from '../dispatcher';

export interface SandboxHandlerDeps {
  readonly sandbox: Pick<SandboxServer, 'status' | 'reset'>;
}

export function createSandboxHandlers({ sandbox }: SandboxHandlerDeps): Pick<Handlers, 'getSandboxStatus' | 'resetSandbox'> {
  return {
    getSandboxStatus: () => sandbox.status(),
    resetSandbox: async () => {
      await sandbox.reset();
      return { ok: true };
    },
  };
}
