import type { AppInfo } from '../../shared/bridge/app';
import { createAppInfoService } from './app-info';

/**
 * Everything main needs from the outside world, passed in so the same
 * services run in Electron and, for tests, in plain Node.
 */
export interface MainDeps {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly shell: AppInfo['shell'];
  readonly platform: string;
  readonly versions: AppInfo['versions'];
  readonly openExternal: (url: string) => Promise<void>;
}

export async function createServices(deps: MainDeps) {
  const appInfo = createAppInfoService({ version: deps.appVersion, shell: deps.shell, platform: deps.platform, versions: deps.versions });
  return { appInfo, openExternal: deps.openExternal, dispose: async () => {} };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
