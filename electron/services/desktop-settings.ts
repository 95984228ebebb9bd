import type { DesktopSettingsInput, DesktopSettingsView, ProxyMode, ResolvedProxy, ThemeSetting } from '../../shared/bridge/desktop';
import { desktopSettingsInputSchema } from '../../shared/bridge/desktop';
import { AppFailure } from '../../shared/errors';
import { parseCertificateFile, type StoredCertificate } from '../network/extra-certificates';
import { describeProxyRule, type ProxyApplication, proxyApplicationFor } from '../network/proxy-settings';
import { createJsonStore } from './json-store';
import type { Keychain } from './keychain';

/**
 * What applying the settings needs from Electron: the session's proxy and
 * certificate check, and nativeTheme. The browser harness passes a recorder.
 */
export interface DesktopGlue {
  applyProxy(proxy: ProxyApplication): Promise<void>;
  resolveProxy(url: string): Promise<string>;
  applyTheme(theme: ThemeSetting): void;
  trustCertificates(pems: readonly string[]): void;
  readonly updatesSupported: boolean;
}

/**
 * Where main sends with Node's fetch (tests and the browser harness): nothing
 * to configure, every request goes direct, and there is nothing to update.
 */
export const nodeFetchGlue: DesktopGlue = {
  applyProxy: async () => undefined,
  resolveProxy: async () => 'DIRECT',
  applyTheme: () => undefined,
  trustCertificates: () => undefined,
  updatesSupported: false,
};

interface SettingsFile {
  readonly settings: DesktopSettingsInput;
  readonly certificates: readonly StoredCertificate[];
}

const defaults: SettingsFile = { settings: { proxy: { mode: 'system' }, theme: 'system', checkForUpdates: true }, certificates: [] };

/** The keychain account of the proxy password; environment ids are UUIDs or `sandbox`, so it cannot collide. */
export const proxyPasswordAccount = 'desktop:proxy-password';

function parseFile(raw: unknown): { value: SettingsFile; dropped: number } {
  const record = (raw ?? {}) as { settings?: unknown; certificates?: unknown };
  const settings = desktopSettingsInputSchema.safeParse(record.settings);
  const list = Array.isArray(record.certificates) ? record.certificates : [];
  const certificates = list.flatMap((entry) => {
    const pem = (entry as { pem?: unknown; fileName?: unknown })?.pem;
    const fileName = (entry as { fileName?: unknown })?.fileName;
    if (typeof pem !== 'string') return [];
    try {
      return parseCertificateFile(pem, typeof fileName === 'string' ? fileName : 'certificate.pem').slice(0, 1);
    } catch {
      return [];
    }
  });
  return {
    value: { settings: settings.success ? settings.data : defaults.settings, certificates },
    dropped: (settings.success || record.settings === undefined ? 0 : 1) + (list.length - certificates.length),
  };
}

const keychainWords: Partial<Record<AppFailure['code'], string>> = {
  'keychain-locked': 'The system keychain is locked, so the proxy password cannot be stored or removed.',
  'keychain-unavailable': 'No system keychain is available, so the proxy password cannot be stored.',
  'keychain-denied': 'The system keychain refused access to the proxy password.',
};

/** The keychain's own messages speak of the API key; here it is the proxy password, and the hint still applies. */
async function forProxyPassword<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const words = error instanceof AppFailure ? keychainWords[error.code] : undefined;
    if (error instanceof AppFailure && words) throw new AppFailure(error.code, words, error.hint);
    throw error;
  }
}

export interface DesktopSettingsDeps {
  readonly dir: string;
  readonly clock: () => number;
  readonly glue: DesktopGlue;
  readonly keychain: Pick<Keychain, 'getKey' | 'setKey' | 'deleteKey' | 'hasKey'>;
  readonly openTextFile: (
    filters: readonly { name: string; extensions: readonly string[] }[],
  ) => Promise<{ name: string; text: string } | null>;
}

export function createDesktopSettings(deps: DesktopSettingsDeps) {
  const store = createJsonStore<SettingsFile>({
    dir: deps.dir,
    fileName: 'desktop-settings.json',
    version: 1,
    clock: deps.clock,
    empty: () => defaults,
    parse: parseFile,
  });

  async function view(): Promise<DesktopSettingsView> {
    const { settings, certificates } = await store.read();
    const proxy = settings.proxy;
    return {
      proxy: {
        mode: proxy.mode,
        url: proxy.mode === 'manual' ? proxy.url : '',
        username: proxy.mode === 'manual' ? proxy.username : '',
        // A missing or locked keychain must not hide the rest of the settings; storing a password says what is wrong.
        hasPassword: await deps.keychain.hasKey(proxyPasswordAccount).catch(() => false),
      },
      theme: settings.theme,
      checkForUpdates: settings.checkForUpdates,
      updatesSupported: deps.glue.updatesSupported,
      certificates: certificates.map(({ pem: _pem, ...summary }) => summary),
    };
  }

  async function apply(file: SettingsFile): Promise<void> {
    deps.glue.applyTheme(file.settings.theme);
    deps.glue.trustCertificates(file.certificates.map((certificate) => certificate.pem));
    await deps.glue.applyProxy(proxyApplicationFor(file.settings.proxy));
  }

  return {
    /** Applies what was saved; called once at start-up, before the first request. */
    async start(): Promise<void> {
      await apply((await store.load()).value);
    },
    view,
    async save(input: DesktopSettingsInput): Promise<DesktopSettingsView> {
      const next = await store.update((current) => ({ ...current, settings: input }));
      await apply(next);
      return view();
    },
    async setProxyPassword(password: string): Promise<DesktopSettingsView> {
      await forProxyPassword(() => deps.keychain.setKey(proxyPasswordAccount, password));
      return view();
    },
    async deleteProxyPassword(): Promise<DesktopSettingsView> {
      await forProxyPassword(() => deps.keychain.deleteKey(proxyPasswordAccount));
      return view();
    },
    async addCertificateFromFile(): Promise<{ settings: DesktopSettingsView; added: number }> {
      const file = await deps.openTextFile([
        { name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] },
        { name: 'All files', extensions: ['*'] },
      ]);
      if (!file) return { settings: await view(), added: 0 };
      const found = parseCertificateFile(file.text, file.name);
      let added = 0;
      const next = await store.update((current) => {
        const known = new Set(current.certificates.map((certificate) => certificate.fingerprint256));
        const fresh = found.filter((certificate) => !known.has(certificate.fingerprint256));
        added = fresh.length;
        return { ...current, certificates: [...current.certificates, ...fresh] };
      });
      await apply(next);
      return { settings: await view(), added };
    },
    async removeCertificate(fingerprint256: string): Promise<DesktopSettingsView> {
      const next = await store.update((current) => ({
        ...current,
        certificates: current.certificates.filter((certificate) => certificate.fingerprint256 !== fingerprint256),
      }));
      await apply(next);
      return view();
    },
    async resolveProxy(url: string): Promise<ResolvedProxy> {
      const rule = await deps.glue.resolveProxy(url);
      return { url, rule, description: describeProxyRule(rule) };
    },
    /** For the proxy's 407 only; never reachable from the bridge. */
    async proxyCredentials(): Promise<{ username: string; password: string } | null> {
      const { proxy } = (await store.read()).settings;
      if (proxy.mode !== 'manual' || !proxy.username) return null;
      const password = await deps.keychain.getKey(proxyPasswordAccount);
      return password ? { username: proxy.username, password } : null;
    },
    /** For "Copy diagnostics": modes and counts, never an address or a credential. */
    async summary(): Promise<Record<string, string | boolean | number>> {
      const { settings, certificates } = await store.read();
      const mode: ProxyMode = settings.proxy.mode;
      return { proxy: mode, theme: settings.theme, updateCheck: settings.checkForUpdates, extraCertificates: certificates.length };
    },
    async shouldCheckForUpdates(): Promise<boolean> {
      return deps.glue.updatesSupported && (await store.read()).settings.checkForUpdates;
    },
  };
}

export type DesktopSettingsService = ReturnType<typeof createDesktopSettings>;
