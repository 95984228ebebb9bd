import type { Services } from '../services';
import type { Handlers } from './dispatcher';
import { createAppHandlers } from './handlers/app';

export function createHandlers(services: Services): Handlers {
  return {
    ...createAppHandlers({ appInfo: services.appInfo, openExternal: services.openExternal }),
  };
}
