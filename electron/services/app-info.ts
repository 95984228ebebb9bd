import type { AppInfo } from '../../shared/bridge/app';

export interface AppInfoDeps {
  readonly version: string;
  readonly shell: AppInfo['shell'];
  readonly platform: string;
  readonly versions: AppInfo['versions'];
}

export function createAppInfoService(deps: AppInfoDeps) {
  const info: AppInfo = { name: 'Mailgun Explorer', ...deps };
  return { getAppInfo: (): AppInfo => info };
}

export type AppInfoService = ReturnType<typeof createAppInfoService>;
