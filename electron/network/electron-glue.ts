import type { ThemeSetting } from '../../shared/bridge/desktop';
import type { DesktopGlue } from '../services/desktop-settings';
import { type VerifyRequest, verifyWithExtraCertificates } from './extra-certificates';
import type { ProxyApplication, ProxyAuthInfo } from './proxy-settings';

/** The part of an Electron session the network settings drive. */
export interface NetworkSession {
  setProxy(config: ProxyApplication): Promise<void>;
  resolveProxy(url: string): Promise<string>;
  closeAllConnections(): Promise<void>;
  setCertificateVerifyProc(proc: ((request: VerifyRequest, callback: (result: number) => void) => void) | null): void;
}

export interface ThemeSource {
  themeSource: ThemeSetting;
}

export function createElectronGlue({
  session,
  nativeTheme,
  updatesSupported,
  clock = Date.now,
}: {
  session: NetworkSession;
  nativeTheme: ThemeSource;
  updatesSupported: boolean;
  clock?: () => number;
}): DesktopGlue {
  let trusted: readonly string[] = [];
  return {
    async applyProxy(proxy) {
      await session.setProxy(proxy);
      // Sockets opened through the old proxy would otherwise keep being reused.
      await session.closeAllConnections();
    },
    resolveProxy: (url) => session.resolveProxy(url),
    applyTheme(theme) {
      nativeTheme.themeSource = theme;
    },
    trustCertificates(pems) {
      trusted = pems;
      // Without extra certificates Chromium's own verification stays untouched.
      session.setCertificateVerifyProc(
        pems.length === 0 ? null : (request, callback) => callback(verifyWithExtraCertificates(request, trusted, clock())),
      );
    },
    updatesSupported,
  };
}

/** Electron's `login` event, as far as proxy authentication needs it. */
export interface LoginSource {
  on(
    event: 'login',
    listener: (
      event: { preventDefault(): void },
      webContents: unknown,
      details: { url: string },
      authInfo: ProxyAuthInfo,
      callback: (username?: string, password?: string) => void,
    ) => void,
  ): void;
}

/**
 * Supplies the stored proxy credentials when a proxy asks (407). Each request
 * gets one try: a second challenge for the same request means they were
 * refused, and the request then fails with the proxy message.
 */
export function answerProxyLogins(
  app: LoginSource,
  login: (authInfo: ProxyAuthInfo, attempt: number) => Promise<{ username: string; password: string } | null>,
): void {
  const attempts = new Map<string, number>();
  app.on('login', (event, _contents, details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    event.preventDefault();
    const key = `${authInfo.host}:${authInfo.port} ${details.url}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    setTimeout(() => attempts.delete(key), 30_000).unref?.();
    void login(authInfo, attempt).then(
      (credentials) => (credentials ? callback(credentials.username, credentials.password) : callback()),
      () => callback(),
    );
  });
}
