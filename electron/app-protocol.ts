import path from 'node:path';
import { contentSecurityPolicy } from './security';

/** The renderer is served from a privileged custom scheme instead of file://, so it gets a real origin and no file access. */
export const appScheme = 'app';
export const appHost = 'mailgun-explorer';
export const appIndexUrl = `${appScheme}://${appHost}/index.html`;

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface AppAsset {
  readonly filePath: string;
  readonly contentType: string;
}

/**
 * Maps a request URL to a file inside the renderer folder, or null. Anything
 * that would leave the folder (`..`, encoded slashes, absolute paths) is refused.
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string, expectedHost = appHost): AppAsset | null {
  if (!URL.canParse(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.host !== expectedHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null;
  const contentType = contentTypes[path.extname(filePath).toLowerCase()];
  if (!contentType) return null;
  return { filePath, contentType };
}

/** `policy` is the app's own unless the browser harness, which frames previews from a loopback origin, passes its own. */
export function appResponseHeaders(contentType: string, policy = contentSecurityPolicy): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
