import { externalUrlSchema } from '../shared/bridge/app';
import { previewScheme } from './services/message-preview';

const pageDirectives = (previewSource: string) => [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-src ${previewSource}`,
];

/**
 * The Content-Security-Policy of the app page: no remote or inline code, no
 * network from the renderer, and frames only from the one origin that serves
 * message previews (`previewSource`; the browser harness passes its loopback one).
 */
export function pageContentSecurityPolicy(previewSource: string): string {
  return [...pageDirectives(previewSource), "frame-ancestors 'none'"].join('; ');
}

/** The same policy as index.html's <meta> carries it (a meta cannot hold frame-ancestors); a test keeps the file equal to it. */
export function pageMetaContentSecurityPolicy(previewSource: string): string {
  return pageDirectives(previewSource).join('; ');
}

/** In the app, message previews come from their own privileged scheme. */
export const appPreviewSource = `${previewScheme}:`;
export const contentSecurityPolicy = pageContentSecurityPolicy(appPreviewSource);

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

/** What Electron tells a permission handler about who is asking. */
export interface PermissionDetails {
  readonly requestingUrl?: string;
  readonly securityOrigin?: string;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionDetails) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: PermissionDetails) => boolean,
  ): void;
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

/** The renderer's Copy buttons use navigator.clipboard.writeText, which Chromium gates behind this permission. */
const clipboardWrite = 'clipboard-sanitized-write';

/** True when an origin or URL belongs to the app's own scheme and host (app:// origins are opaque to WHATWG URL). */
export function isAppOrigin(originOrUrl: string | undefined, appIndexUrl: string): boolean {
  if (!originOrUrl || !URL.canParse(originOrUrl) || !URL.canParse(appIndexUrl)) return false;
  const target = new URL(originOrUrl);
  const app = new URL(appIndexUrl);
  return target.protocol === app.protocol && target.host === app.host;
}

/** Permission decision: clipboard writes for the app's own page, nothing for anyone else. */
export function isPermissionGranted(permission: string, origin: string | undefined, appIndexUrl: string): boolean {
  return permission === clipboardWrite && isAppOrigin(origin, appIndexUrl);
}

export function restrictPermissions(session: HardenableSession, appIndexUrl: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details?.requestingUrl, appIndexUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, requestingOrigin || details?.requestingUrl, appIndexUrl),
  );
}
