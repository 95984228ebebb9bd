import { describe, expect, it } from 'vitest';
import { createLogRedactor } from './redact-log';
import { rememberSecrets } from './remember-secrets';

describe('secrets the keychain handles', () => {
  it('are redacted from the log once stored or read', async () => {
    const stored = new Map<string, string>([['Mailgun Explorer/env-1', 'stored-canary-key-0001']]);
    const keytar = {
      getPassword: async (service: string, account: string) => stored.get(`${service}/${account}`) ?? null,
      setPassword: async (service: string, account: string, password: string) => void stored.set(`${service}/${account}`, password),
      deletePassword: async (service: string, account: string) => stored.delete(`${service}/${account}`),
    };
    const redactor = createLogRedactor();
    const wrapped = rememberSecrets(keytar, (secret) => redactor.remember(secret));
    await wrapped.setPassword('Mailgun Explorer', 'env-2', 'typed-canary-key-0002');
    expect(await wrapped.getPassword('Mailgun Explorer', 'env-1')).toBe('stored-canary-key-0001');
    expect(await wrapped.getPassword('Mailgun Explorer', 'missing')).toBeNull();
    expect(redactor.redactText('a stored-canary-key-0001 b typed-canary-key-0002')).toBe('a [redacted] b [redacted]');
    expect(await wrapped.deletePassword('Mailgun Explorer', 'env-2')).toBe(true);
  });
});
