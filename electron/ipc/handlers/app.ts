import type { AppInfoService } from '../../services/app-info';
import type { Handlers } from '../dispatcher';

export interface AppHandlerDeps {
  readonly appInfo: AppInfoService;
  /** Opens an already validated https documentation URL in the OS browser. */
  readonly openExternal: (url: string) => Promise<void>;
}

export function createAppHandlers(deps: AppHandlerDeps): Pick<Handlers, 'getAppInfo' | 'openExternal'> {
  return {
    getAppInfo: () => deps.appInfo.getAppInfo(),
    openExternal: async ({ url }) => {
      await deps.openExternal(url);
      return { opened: true };
    },
  };
}
