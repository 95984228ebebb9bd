import { z } from 'zod';
import { method } from './define';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** Where the app runs: the real Electron shell, or the browser harness used by tests. */
  readonly shell: 'electron' | 'browser-harness';
  readonly platform: string;
  readonly versions: { readonly electron?: string; readonly chrome?: string; readonly node: string };
}

/** Only documentation hosts may be opened in the OS browser. */
export const externalUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return url.protocol === 'https:' && (url.hostname === 'mailgun.com' || url.hostname.endsWith('.mailgun.com'));
  }, 'Only https links to mailgun.com documentation can be opened');

export const appMethods = {
  getAppInfo: method<AppInfo>()(z.undefined()),
  openExternal: method<{ opened: true }>()(z.object({ url: externalUrlSchema }).strict()),
};
