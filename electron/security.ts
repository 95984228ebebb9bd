import { externalUrlSchema } from '../shared/bridge/app';

/** The Content-Security-Policy of the app page: no remote or inline code, and no network from the renderer. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True only for the app's own page, loaded from the packaged renderer folder. */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  if (!URL.canParse(url) || !URL.canParse(appIndexUrl)) return false;
  const target = new URL(url);
  const app = new URL(appIndexUrl);
  return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
}

export function isSafeExternalUrl(url: string): boolean {
  return externalUrlSchema.safeParse(url).success;
}

/** The subset of Electron objects the hardening needs, so it can be tested without Electron. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/**
 * Navigation away from the app and new windows are refused. A link to Mailgun's
 * documentation opens in the OS browser instead.
 */
export function hardenContents(contents: HardenableContents, appIndexUrl: string, openExternal: (url: string) => void): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appIndexUrl)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
