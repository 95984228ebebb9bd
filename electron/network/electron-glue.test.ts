import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { answerProxyLogins, createElectronGlue, type LoginSource, type NetworkSession } from './electron-glue';
import { certAuthorityInvalid, type VerifyRequest, verifyAccept, verifyUseChromium } from './extra-certificates';
import { createProxyLogin } from './proxy-settings';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

function fakeSession() {
  let proc: ((request: VerifyRequest, callback: (result: number) => void) => void) | null = null;
  const calls: string[] = [];
  const session: NetworkSession = {
    setProxy: async (config) => void calls.push(`setProxy ${JSON.stringify(config)}`),
    resolveProxy: async (url) => `PROXY for ${url}`,
    closeAllConnections: async () => void calls.push('closeAllConnections'),
    setCertificateVerifyProc: (next) => {
      proc = next;
      calls.push(next ? 'verify proc set' : 'verify proc cleared');
    },
  };
  const verify = (request: VerifyRequest) => {
    let result: number | undefined;
    proc?.(request, (value) => {
      result = value;
    });
    return result;
  };
  return { session, calls, verify, hasProc: () => proc !== null };
}

describe('Electron network glue', () => {
  it('applies the proxy with session.setProxy and drops sockets opened through the old one', async () => {
    const { session, calls } = fakeSession();
    const glue = createElectronGlue({ session, nativeTheme: { themeSource: 'system' }, updatesSupported: false });
    await glue.applyProxy({ mode: 'fixed_servers', proxyRules: 'http://proxy:3128', proxyBypassRules: '<local>' });
    expect(calls).toEqual([
      'setProxy {"mode":"fixed_servers","proxyRules":"http://proxy:3128","proxyBypassRules":"<local>"}',
      'closeAllConnections',
    ]);
    expect(await glue.resolveProxy('https://api.mailgun.net/')).toBe('PROXY for https://api.mailgun.net/');
  });

  it('sets nativeTheme.themeSource', () => {
    const nativeTheme = { themeSource: 'system' as const } as { themeSource: 'system' | 'light' | 'dark' };
    createElectronGlue({ session: fakeSession().session, nativeTheme, updatesSupported: false }).applyTheme('light');
    expect(nativeTheme.themeSource).toBe('light');
  });

  it('checks certificates against the added CAs only while there are some', () => {
    const { session, verify, hasProc } = fakeSession();
    const glue = createElectronGlue({ session, nativeTheme: { themeSource: 'system' }, updatesSupported: false });
    glue.trustCertificates([fixture('ca.pem')]);
    const request = { hostname: 'api.corp-test.example', certificate: { data: fixture('leaf.pem') }, errorCode: certAuthorityInvalid };
    expect(verify(request)).toBe(verifyAccept);
    expect(verify({ ...request, hostname: 'other.example' })).toBe(verifyUseChromium);
    glue.trustCertificates([]);
    expect(hasProc()).toBe(false);
  });

  it('answers a proxy’s 407 once per request with the stored credentials, and leaves server logins alone', async () => {
    const emitter = new EventEmitter();
    const credentials = vi.fn(async () => ({ username: 'support', password: 'pw' }));
    answerProxyLogins(emitter as unknown as LoginSource, createProxyLogin(credentials));
    const challenge = (isProxy: boolean) => {
      const preventDefault = vi.fn();
      const callback = vi.fn();
      emitter.emit(
        'login',
        { preventDefault },
        null,
        { url: 'https://api.mailgun.net/v3/domains' },
        { isProxy, host: 'proxy', port: 3128 },
        callback,
      );
      return { preventDefault, callback };
    };
    const first = challenge(true);
    await vi.waitFor(() => expect(first.callback).toHaveBeenCalledWith('support', 'pw'));
    expect(first.preventDefault).toHaveBeenCalled();
    const second = challenge(true);
    await vi.waitFor(() => expect(second.callback).toHaveBeenCalledWith());
    const server = challenge(false);
    expect(server.preventDefault).not.toHaveBeenCalled();
    expect(server.callback).not.toHaveBeenCalled();
    expect(credentials).toHaveBeenCalledTimes(1);
  });
});
