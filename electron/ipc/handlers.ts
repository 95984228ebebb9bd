import type { Services } from '../services';
import type { Handlers } from './dispatcher';
import { createAppHandlers } from './handlers/app';
import { createBulkCheckHandlers } from './handlers/bulk-check';
import { createCollectionHandlers } from './handlers/collections';
import { createCurlHandlers } from './handlers/curl';
import { createDesktopHandlers } from './handlers/desktop';
import { createEnvironmentHandlers } from './handlers/environments';
import { createLiveTailHandlers } from './handlers/live-tail';
import { createRequestHandlers } from './handlers/requests';
import { createSandboxHandlers } from './handlers/sandbox';
import { createSandboxToolHandlers } from './handlers/sandbox-tools';
import { createSnippetHandlers } from './handlers/snippets';
import { createSupportHandlers } from './handlers/support';
import { createVariableHandlers } from './handlers/variables';
import { createWorkspaceHandlers } from './handlers/workspace';

/**
 * Every handler's answer and error pass through the redactor: whatever a
 * service returns, no known API key (in any form) reaches the renderer.
 */
export function createHandlers(services: Services): Handlers {
  const handlers = createRawHandlers(services);
  const { redactor } = services;
  const wrapped: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (arg: unknown) => unknown][]) {
    wrapped[name] = async (arg) => {
      try {
        return redactor.deep(await handler(arg));
      } catch (error) {
        throw redactor.error(error);
      }
    };
  }
  return wrapped as unknown as Handlers;
}

function createRawHandlers(services: Services): Handlers {
  return {
    ...createAppHandlers({ appInfo: services.appInfo, openExternal: services.openExternal }),
    ...createEnvironmentHandlers({
      environments: services.environments,
      connectionTest: services.connectionTest,
      dialogs: services.dialogs,
    }),
    ...createRequestHandlers({
      sender: services.sender,
      files: services.files,
      history: services.history,
      dialogs: services.dialogs,
      setLimits: services.setLimits,
    }),
    ...createSandboxHandlers({ sandbox: services.sandbox }),
    ...createSnippetHandlers({ snippets: services.snippets }),
    ...createCollectionHandlers({ savedRequests: services.savedRequests, customSender: services.customSender, dialogs: services.dialogs }),
    ...createSupportHandlers({
      support: services.support,
      dialogs: services.dialogs,
      operation: (id, work) => services.pipeline.operation(id, work),
    }),
    ...createDesktopHandlers({ rendererErrors: services.rendererErrors, settings: services.desktopSettings }),
    ...createWorkspaceHandlers({ workspace: services.workspace }),
    ...createSandboxToolHandlers({ inbox: services.webhookInbox, mail: services.sandboxMail, sandbox: services.sandbox }),
    ...createCurlHandlers({ environments: services.environments }),
    ...createVariableHandlers({ variables: services.variables }),
    ...createLiveTailHandlers({ liveTail: services.liveTail, dialogs: services.dialogs }),
    ...createBulkCheckHandlers({ bulkCheck: services.bulkCheck, dialogs: services.dialogs }),
  };
}
