import type { Services } from '../services';
import type { Handlers } from './dispatcher';
import { createAppHandlers } from './handlers/app';
import { createCollectionHandlers } from './handlers/collections';
import { createDesktopHandlers } from './handlers/desktop';
import { createEnvironmentHandlers } from './handlers/environments';
import { createRequestHandlers } from './handlers/requests';
import { createSandboxHandlers } from './handlers/sandbox';
import { createSnippetHandlers } from './handlers/snippets';
import { createSupportHandlers } from './handlers/support';

export function createHandlers(services: Services): Handlers {
  return {
    ...createAppHandlers({ appInfo: services.appInfo, openExternal: services.openExternal }),
    ...createEnvironmentHandlers({
      environments: services.environments,
      connectionTest: services.connectionTest,
      dialogs: services.dialogs,
    }),
    ...createRequestHandlers({ sender: services.sender, files: services.files, history: services.history, dialogs: services.dialogs }),
    ...createSandboxHandlers({ sandbox: services.sandbox }),
    ...createSnippetHandlers({ snippets: services.snippets }),
    ...createCollectionHandlers({ savedRequests: services.savedRequests, customSender: services.customSender, dialogs: services.dialogs }),
    ...createSupportHandlers({ support: services.support, dialogs: services.dialogs }),
    ...createDesktopHandlers({ rendererErrors: services.rendererErrors, settings: services.desktopSettings }),
  };
}
