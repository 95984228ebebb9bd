import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThemeSetting } from '../../shared/bridge/desktop';
import { AppFailure } from '../../shared/errors';
import type { ProxyApplication } from '../network/proxy-settings';
import { createDesktopSettings, type DesktopGlue, proxyPasswordAccount } from './desktop-settings';

const ca = readFileSync(new URL('../network/__fixtures__/ca.pem', import.meta.url), 'utf8');
const otherCa = readFileSync(new URL('../network/__fixtures__/other-ca.pem', import.meta.url), 'utf8');

function recordingGlue() {
  const applied: { proxy: ProxyApplication[]; theme: ThemeSetting[]; trusted: (readonly string[])[] } = {
    proxy: [],
    theme: [],
    trusted: [],
  };
  const glue: DesktopGlue = {
    applyProxy: async (proxy) => void applied.proxy.push(proxy),
    resolveProxy: async (url) => (url.includes('mailgun') ? 'PROXY proxy.corp.example:3128' : 'DIRECT'),
    applyTheme: (theme) => void applied.theme.push(theme),
    trustCertificates: (pems) => void applied.trusted.push(pems),
    updatesSupported: true,
  };
  return { glue, applied };
}

// Stands in for the keychain service; the real keychain has its own tests against a real Secret Service.
function memoryKeychain() {
  const keys = new Map<string, string>();
  return {
    keys,
    keychain: {
      getKey: async (id: string) => keys.get(id) ?? null,
      setKey: async (id: string, key: string) => void keys.set(id, key),
      deleteKey: async (id: string) => keys.delete(id),
      hasKey: async (id: string) => keys.has(id),
    },
  };
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setUp(files: Array<{ name: string; text: string } | null> = []) {
  dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-settings-'));
  const { glue, applied } = recordingGlue();
  const { keychain, keys } = memoryKeychain();
  const settings = createDesktopSettings({ dir, clock: Date.now, glue, keychain, openTextFile: async () => files.shift() ?? null });
  await settings.start();
  return { settings, applied, keys, dir };
}

describe('desktop settings', () => {
  it('start with the system proxy and theme, and apply them before the first request', async () => {
    const { settings, applied } = await setUp();
    expect(applied.proxy).toEqual([{ mode: 'system' }]);
    expect(applied.theme).toEqual(['system']);
    expect(await settings.view()).toEqual({
      proxy: { mode: 'system', url: '', username: '', hasPassword: false },
      theme: 'system',
      checkForUpdates: true,
      updatesSupported: true,
      certificates: [],
    });
  });

  it('apply and keep a manual proxy; its password goes to the keychain and never into the view or the file', async () => {
    const { settings, applied, keys, dir } = await setUp();
    await settings.save({
      proxy: { mode: 'manual', url: 'http://proxy.corp.example:3128', username: 'support' },
      theme: 'dark',
      checkForUpdates: false,
    });
    const view = await settings.setProxyPassword('proxy-canary-password');
    expect(applied.proxy.at(-1)).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.corp.example:3128',
      proxyBypassRules: '<local>',
    });
    expect(applied.theme.at(-1)).toBe('dark');
    expect(view.proxy).toEqual({ mode: 'manual', url: 'http://proxy.corp.example:3128', username: 'support', hasPassword: true });
    expect(JSON.stringify(view)).not.toContain('proxy-canary-password');
    expect(keys.get(proxyPasswordAccount)).toBe('proxy-canary-password');
    expect(await readFile(path.join(dir, 'desktop-settings.json'), 'utf8')).not.toContain('proxy-canary-password');
    expect(await settings.proxyCredentials()).toEqual({ username: 'support', password: 'proxy-canary-password' });
    expect(await settings.summary()).toEqual({ proxy: 'manual', theme: 'dark', updateCheck: false, extraCertificates: 0 });
    expect(await settings.shouldCheckForUpdates()).toBe(false);

    expect((await settings.deleteProxyPassword()).proxy.hasPassword).toBe(false);
    expect(await settings.proxyCredentials()).toBeNull();
  });

  it('offer no proxy credentials unless the proxy is manual', async () => {
    const { settings } = await setUp();
    await settings.setProxyPassword('pw');
    expect(await settings.proxyCredentials()).toBeNull();
  });

  it('add the certificates of a picked PEM file once, trust them, and remove them', async () => {
    const { settings, applied } = await setUp([{ name: 'corp.pem', text: `${ca}\n${otherCa}` }, { name: 'again.pem', text: ca }, null]);
    const first = await settings.addCertificateFromFile();
    expect(first.added).toBe(2);
    expect(first.settings.certificates.map((certificate) => certificate.subject)).toEqual([
      'CN=Corp Inspection Test CA',
      'CN=Unrelated Test CA',
    ]);
    expect(applied.trusted.at(-1)).toHaveLength(2);
    expect((await settings.addCertificateFromFile()).added).toBe(0);
    expect((await settings.addCertificateFromFile()).added).toBe(0);
    const fingerprint = first.settings.certificates[0]?.fingerprint256 ?? '';
    const after = await settings.removeCertificate(fingerprint);
    expect(after.certificates.map((certificate) => certificate.subject)).toEqual(['CN=Unrelated Test CA']);
    expect(applied.trusted.at(-1)).toEqual([new X509Certificate(otherCa).toString()]);
  });

  it('say which proxy applies to a URL', async () => {
    const { settings } = await setUp();
    expect(await settings.resolveProxy('https://api.mailgun.net/')).toEqual({
      url: 'https://api.mailgun.net/',
      rule: 'PROXY proxy.corp.example:3128',
      description: 'HTTP proxy proxy.corp.example:3128',
    });
  });

  it('recover from a corrupt settings file with the defaults, keeping the bad file aside', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-settings-'));
    await writeFile(path.join(dir, 'desktop-settings.json'), '{ not json');
    const { glue, applied } = recordingGlue();
    const settings = createDesktopSettings({
      dir,
      clock: Date.now,
      glue,
      keychain: memoryKeychain().keychain,
      openTextFile: async () => null,
    });
    await settings.start();
    expect(applied.proxy).toEqual([{ mode: 'system' }]);
    expect((await settings.view()).theme).toBe('system');
  });

  it('say the keychain problem in terms of the proxy password', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mailgun-explorer-settings-'));
    const { keychain } = memoryKeychain();
    const locked = {
      ...keychain,
      setKey: async () => {
        throw new AppFailure(
          'keychain-locked',
          'The system keychain is locked, so the API key cannot be stored or read.',
          'Unlock your keyring.',
        );
      },
    };
    const settings = createDesktopSettings({
      dir,
      clock: Date.now,
      glue: recordingGlue().glue,
      keychain: locked,
      openTextFile: async () => null,
    });
    await expect(settings.setProxyPassword('pw')).rejects.toMatchObject({
      code: 'keychain-locked',
      message: 'The system keychain is locked, so the proxy password cannot be stored or removed.',
      hint: 'Unlock your keyring.',
    });
  });
});
