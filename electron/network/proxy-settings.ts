import type { DesktopSettingsInput } from '../../shared/bridge/desktop';

/** The shape Electron's session.setProxy takes, for the three modes the app offers. */
export type ProxyApplication =
  | { readonly mode: 'system' }
  | { readonly mode: 'direct' }
  | { readonly mode: 'fixed_servers'; readonly proxyRules: string; readonly proxyBypassRules: string };

export function proxyApplicationFor(proxy: DesktopSettingsInput['proxy']): ProxyApplication {
  if (proxy.mode === 'system') return { mode: 'system' };
  if (proxy.mode === 'none') return { mode: 'direct' };
  const url = new URL(proxy.url);
  // Chromium reads `scheme://host:port` as "this kind of proxy at this address"; loopback (the sandbox) stays direct.
  return { mode: 'fixed_servers', proxyRules: `${url.protocol}//${url.host}`, proxyBypassRules: '<local>' };
}

const kinds: Record<string, string> = {
  PROXY: 'HTTP proxy',
  HTTPS: 'HTTPS proxy',
  SOCKS: 'SOCKS proxy',
  SOCKS4: 'SOCKS4 proxy',
  SOCKS5: 'SOCKS5 proxy',
};

const schemes: Record<string, string> = { PROXY: 'http', HTTPS: 'https', SOCKS: 'socks4', SOCKS4: 'socks4', SOCKS5: 'socks5' };

/** A PAC script may return `user:secret@host:port`; what is shown to the user keeps the host and port only. */
function withoutCredentials(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

function ruleEntries(rule: string): { kind: string; address: string }[] {
  return rule
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [kind = '', address = ''] = part.split(/\s+/);
      return { kind, address: withoutCredentials(address) };
    });
}

/** Chromium's PAC-style answer (`PROXY a:1; DIRECT`) in words. */
export function describeProxyRule(rule: string): string {
  const parts = ruleEntries(rule).map(({ kind, address }) =>
    kind === 'DIRECT' ? 'a direct connection (no proxy)' : `${kinds[kind] ?? kind} ${address}`.trim(),
  );
  if (parts.length === 0) return 'a direct connection (no proxy)';
  return parts.length === 1 ? (parts[0] as string) : `${parts[0]}, then ${parts.slice(1).join(', then ')}`;
}

/**
 * The short form the connection test's result line shows: `direct connection`
 * or `via proxy http://proxy:8080`, with Chromium's fallbacks after it.
 */
export function describeProxyRoute(rule: string): string {
  const parts = ruleEntries(rule).map(({ kind, address }) =>
    kind === 'DIRECT' ? 'direct connection' : `via proxy ${schemes[kind] ?? kind.toLowerCase()}://${address}`,
  );
  if (parts.length === 0) return 'direct connection';
  return parts.length === 1 ? (parts[0] as string) : `${parts[0]}, then ${parts.slice(1).join(', then ')}`;
}

export interface ProxyAuthInfo {
  readonly isProxy: boolean;
  readonly host: string;
  readonly port: number;
}

/**
 * Answers a proxy's 407 with the stored user name and keychain password, once
 * per request: when the proxy refuses them, the request fails with a plain
 * "proxy asked for credentials" message instead of asking in a loop. Server
 * (non-proxy) challenges are never answered with these credentials.
 */
export function createProxyLogin(credentials: () => Promise<{ username: string; password: string } | null>) {
  return async (authInfo: ProxyAuthInfo, attempt: number): Promise<{ username: string; password: string } | null> => {
    if (!authInfo.isProxy || attempt > 1) return null;
    return credentials();
  };
}
