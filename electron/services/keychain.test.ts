import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createKeychain, type KeytarLike, keychainFailure, keychainServiceName } from './keychain';

function memoryKeytar(): KeytarLike & { calls: string[] } {
  const items = new Map<string, string>();
  const calls: string[] = [];
  return {
    calls,
    async getPassword(service, account) {
      calls.push(`get ${service}/${account}`);
      return items.get(`${service}/${account}`) ?? null;
    },
    async setPassword(service, account, password) {
      calls.push(`set ${service}/${account}`);
      items.set(`${service}/${account}`, password);
    },
    async deletePassword(service, account) {
      calls.push(`delete ${service}/${account}`);
      return items.delete(`${service}/${account}`);
    },
  };
}

function failingKeytar(message: string): KeytarLike {
  const fail = async () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

describe('createKeychain', () => {
  it('stores keys under the app service name with the environment id as account', async () => {
    const keytar = memoryKeytar();
    const keychain = createKeychain({ keytar });
    await keychain.setKey('env-1', 'key-secret-1234');
    expect(await keychain.hasKey('env-1')).toBe(true);
    expect(await keychain.getKey('env-1')).toBe('key-secret-1234');
    expect(await keychain.deleteKey('env-1')).toBe(true);
    expect(await keychain.deleteKey('env-1')).toBe(false);
    expect(await keychain.hasKey('env-1')).toBe(false);
    expect(keytar.calls[0]).toBe(`set ${keychainServiceName}/env-1`);
    expect(keychainServiceName).toBe('Mailgun Explorer');
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain-unavailable', /gnome-keyring/],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'keychain-unavailable', /Secret Service/],
    ['Cannot create an item in a locked collection', 'keychain-locked', /Unlock your keyring/],
    ['Collection is locked', 'keychain-locked', /Unlock/],
    ['Access denied', 'keychain-denied', /allow Mailgun Explorer/],
    ['User interaction is not allowed.', 'keychain-denied', /allow/],
    ['The user canceled the operation.', 'keychain-denied', /allow/],
    ['Prompt dismissed', 'keychain-denied', /allow/],
    ['Something odd happened', 'keychain-unavailable', /never written to disk/],
  ])('maps keytar error %j to %s on every operation', async (message, code, hint) => {
    const keychain = createKeychain({ keytar: failingKeytar(message), platform: 'linux' });
    for (const operation of [
      () => keychain.setKey('e', 'k'),
      () => keychain.getKey('e'),
      () => keychain.deleteKey('e'),
      () => keychain.hasKey('e'),
    ]) {
      const error = await operation().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).code).toBe(code);
      expect((error as AppFailure).hint).toMatch(hint);
    }
  });

  it('gives platform-specific hints when no keychain is available', () => {
    expect(keychainFailure(new Error('Cannot autolaunch D-Bus'), 'darwin').hint).toMatch(/Keychain Access/);
    expect(keychainFailure(new Error('Cannot autolaunch D-Bus'), 'win32').hint).toMatch(/Credential Manager/);
    expect(keychainFailure('not even an Error', 'linux').code).toBe('keychain-unavailable');
  });

  it('offers no way to list credentials', () => {
    expect(Object.keys(createKeychain({ keytar: memoryKeytar() })).sort()).toEqual([
      'accessProblem',
      'deleteKey',
      'getKey',
      'hasKey',
      'setKey',
    ]);
  });
});
