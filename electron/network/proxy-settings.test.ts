import { describe, expect, it } from 'vitest';
import { createProxyLogin, describeProxyRule, proxyApplicationFor } from './proxy-settings';

describe('proxy settings', () => {
  it('map to what session.setProxy takes', () => {
    expect(proxyApplicationFor({ mode: 'system' })).toEqual({ mode: 'system' });
    expect(proxyApplicationFor({ mode: 'none' })).toEqual({ mode: 'direct' });
    expect(proxyApplicationFor({ mode: 'manual', url: 'http://proxy.corp.example:3128', username: 'me' })).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.corp.example:3128',
      proxyBypassRules: '<local>',
    });
    expect(proxyApplicationFor({ mode: 'manual', url: 'socks5://10.1.2.3:1080/', username: '' })).toMatchObject({
      proxyRules: 'socks5://10.1.2.3:1080',
    });
  });

  it('describe Chromium’s answer in words', () => {
    expect(describeProxyRule('DIRECT')).toBe('a direct connection (no proxy)');
    expect(describeProxyRule('PROXY proxy.corp.example:3128')).toBe('HTTP proxy proxy.corp.example:3128');
    expect(describeProxyRule('HTTPS a:443; SOCKS5 b:1080; DIRECT')).toBe(
      'HTTPS proxy a:443, then SOCKS5 proxy b:1080, then a direct connection (no proxy)',
    );
  });

  it('answer a proxy challenge once with the stored credentials, and never a server’s', async () => {
    const login = createProxyLogin(async () => ({ username: 'me', password: 'secret' }));
    expect(await login({ isProxy: true, host: 'proxy', port: 3128 }, 1)).toEqual({ username: 'me', password: 'secret' });
    expect(await login({ isProxy: true, host: 'proxy', port: 3128 }, 2)).toBeNull();
    expect(await login({ isProxy: false, host: 'api.mailgun.net', port: 443 }, 1)).toBeNull();
  });
});
