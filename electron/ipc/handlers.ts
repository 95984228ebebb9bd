import type { Services } from '../services';
import type { Handlers } from './dispatcher';
import { createAppHandlers } from './handlers/app';
import { createEnvironmentHandlers } from './handlers/environments';
import { createRequestHandlers } from './handlers/requests';
import { createSandboxHandlers } from './handlers/sandbox';

export function createHandlers(services: Services): Handlers {
  return {
    ...createAppHandlers({ appInfo: services.appInfo, openExternal: services.openExternal }),
    ...createEnvironmentHandlers({ environments: services.environments, connectionTest: services.connectionTest, dialogs: services.dialogs }),
    ...createRequestHandlers({ sender: services.sender, files: services.files, history: services.history, dialogs: services.dialogs }),
    ...createSandboxHandlers({ sandbox: services.sandbox }),
  };
}
