import { describe, expect, it } from 'vitest';
import { createProxyLogin, describeProxyRoute, describeProxyRule, proxyApplicationFor } from './proxy-settings';

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

  it('describe the route for the connection test’s result line', () => {
    expect(describeProxyRoute('DIRECT')).toBe('direct connection');
    expect(describeProxyRoute('')).toBe('direct connection');
    expect(describeProxyRoute('PROXY proxy:8080')).toBe('via proxy http://proxy:8080');
    expect(describeProxyRoute('SOCKS5 10.1.2.3:1080; DIRECT')).toBe('via proxy socks5://10.1.2.3:1080, then direct connection');
  });

  it('never repeat proxy credentials a PAC script put in its answer', () => {
    const rule = 'PROXY me:s3cret-proxy-pass@proxy.corp.example:3128; HTTPS other:p%40ss@b:443';
    expect(describeProxyRoute(rule)).toBe('via proxy http://proxy.corp.example:3128, then via proxy https://b:443');
    expect(describeProxyRule(rule)).toBe('HTTP proxy proxy.corp.example:3128, then HTTPS proxy b:443');
  });

  it('answer a proxy challenge once with the stored credentials, and never a server’s', async () => {
    const login = createProxyLogin(async () => ({ username: 'me', password: 'secret' }));
    expect(await login({ isProxy: true, host: 'proxy', port: 3128 }, 1)).toEqual({ username: 'me', password: 'secret' });
    expect(await login({ isProxy: true, host: 'proxy', port: 3128 }, 2)).toBeNull();
    expect(await login({ isProxy: false, host: 'api.mailgun.net', port: 443 }, 1)).toBeNull();
  });
});
