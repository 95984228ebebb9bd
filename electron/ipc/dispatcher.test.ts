import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createRedactor } from '../services/redaction';
import { createDispatcher, type Handlers } from './dispatcher';
import { createHandlers } from './handlers';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const base = createHandlers({
    appInfo: {
      getAppInfo: () => ({
        name: 'Mailgun Explorer',
        version: '1.0.0',
        shell: 'browser-harness',
        platform: 'linux',
        versions: { node: '20' },
      }),
    },
    openExternal: async () => {},
    redactor: createRedactor(),
  } as never);
  return { ...base, ...overrides };
}

describe('bridge dispatcher', () => {
  it('answers a malformed argument with a typed error and never calls the handler', async () => {
    const openExternal = vi.fn();
    const dispatch = createDispatcher(handlersWith({ openExternal }));
    for (const bad of [
      undefined,
      null,
      'https://mailgun.com',
      { url: 42 },
      { url: 'http://mailgun.com' },
      { url: 'https://mailgun.com', extra: 1 },
    ]) {
      const result = await dispatch('openExternal', bad);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-argument');
        expect(result.error.hint).not.toBe('');
      }
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses methods that are not in the contract', async () => {
    const dispatch = createDispatcher(handlersWith({}));
    const result = await dispatch('__proto__', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('passes a valid argument through and wraps the value', async () => {
    const openExternal = vi.fn(async () => ({ opened: true as const }));
    const dispatch = createDispatcher(handlersWith({ openExternal }));
    await expect(dispatch('openExternal', { url: 'https://documentation.mailgun.com/' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(openExternal).toHaveBeenCalledWith({ url: 'https://documentation.mailgun.com/' });
  });

  it('turns service failures into values without stack traces', async () => {
    const logError = vi.fn();
    const dispatch = createDispatcher(
      handlersWith({
        getAppInfo: () => {
          throw new AppFailure('keychain-locked', 'Your keyring is locked.', 'Unlock it and try again.');
        },
      }),
      { logError },
    );
    await expect(dispatch('getAppInfo', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'keychain-locked', message: 'Your keyring is locked.', hint: 'Unlock it and try again.' },
    });

    const crashing = createDispatcher(
      handlersWith({
        getAppInfo: () => {
          throw new Error('secret internals at /home/user/file.ts:12');
        },
      }),
      { logError },
    );
    const result = await crashing('getAppInfo', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(logError).toHaveBeenCalledOnce();
  });
});
