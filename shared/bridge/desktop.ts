import { z } from 'zod';
import { method } from './define';

/** An error the renderer could not handle, sent to main's log. Bounded so a loop cannot fill the disk. */
export const rendererErrorSchema = z
  .object({
    kind: z.enum(['error', 'unhandled-rejection', 'render']),
    message: z.string().max(4000),
    stack: z.string().max(20_000).optional(),
    /** The component stack of a render error, or the script and line of a window error. */
    source: z.string().max(8000).optional(),
  })
  .strict();

export type RendererErrorReport = z.infer<typeof rendererErrorSchema>;

export const proxyModes = ['system', 'none', 'manual'] as const;
export type ProxyMode = (typeof proxyModes)[number];
export const themeSettings = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof themeSettings)[number];

const proxySchemes = new Set(['http:', 'https:', 'socks4:', 'socks5:']);

/** A proxy address: scheme, host and port only. Credentials go in their own fields, the password into the keychain. */
export const proxyUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (
      proxySchemes.has(url.protocol) &&
      url.hostname !== '' &&
      !url.username &&
      !url.password &&
      (url.pathname === '/' || url.pathname === '')
    );
  }, 'Enter the proxy as scheme://host:port (http, https, socks4 or socks5), without a user name or path');

export const desktopSettingsInputSchema = z
  .object({
    proxy: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('system') }).strict(),
      z.object({ mode: z.literal('none') }).strict(),
      z
        .object({
          mode: z.literal('manual'),
          url: proxyUrlSchema,
          username: z
            .string()
            .max(256)
            .regex(/^[^\p{Cc}]*$/u, 'No control characters'),
        })
        .strict(),
    ]),
    theme: z.enum(themeSettings),
    checkForUpdates: z.boolean(),
  })
  .strict();

export type DesktopSettingsInput = z.infer<typeof desktopSettingsInputSchema>;

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly validTo: string;
  readonly fingerprint256: string;
  readonly fileName: string;
}

/** What the settings screen shows; the proxy password itself never crosses the bridge, only whether one is stored. */
export interface DesktopSettingsView {
  readonly proxy: { readonly mode: ProxyMode; readonly url: string; readonly username: string; readonly hasPassword: boolean };
  readonly theme: ThemeSetting;
  readonly checkForUpdates: boolean;
  /** False in development and in the test harness, where there is nothing to update. */
  readonly updatesSupported: boolean;
  readonly certificates: readonly CertificateSummary[];
}

export interface ResolvedProxy {
  readonly url: string;
  /** Chromium's answer, such as `DIRECT` or `PROXY proxy.corp:3128`. */
  readonly rule: string;
  readonly description: string;
}

const httpUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'Enter an http or https URL');

export const desktopSettingsMethods = {
  getDesktopSettings: method<DesktopSettingsView>()(z.undefined()),
  saveDesktopSettings: method<DesktopSettingsView>()(desktopSettingsInputSchema),
  setProxyPassword: method<DesktopSettingsView>()(z.object({ password: z.string().min(1).max(1024) }).strict()),
  deleteProxyPassword: method<DesktopSettingsView>()(z.undefined()),
  /** Main opens the file picker; `added` is 0 when the user cancelled. */
  addCaCertificateFromFile: method<{ settings: DesktopSettingsView; added: number }>()(z.undefined()),
  removeCaCertificate: method<DesktopSettingsView>()(z.object({ fingerprint256: z.string().regex(/^[0-9A-F:]{95}$/) }).strict()),
  resolveProxy: method<ResolvedProxy>()(z.object({ url: httpUrlSchema }).strict()),
};

export const desktopMethods = {
  /** `logged` is false once the renderer has reported too many errors in a short time. */
  reportRendererError: method<{ logged: boolean }>()(rendererErrorSchema),
  ...desktopSettingsMethods,
};
