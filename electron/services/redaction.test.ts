import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createRedactor, keyForms, REDACTED } from './redaction';

const KEY = 'key-redaction-0a1b2c3d4e5f+/=';
const BASIC = Buffer.from(`api:${KEY}`).toString('base64');

describe('redactor', () => {
  it('knows the key as typed, URL-encoded and as Basic credentials', () => {
    expect(keyForms(KEY)).toEqual([KEY, encodeURIComponent(KEY), BASIC]);
  });

  it('scrubs every form in text, bytes, object keys and errors, and leaves other data untouched', () => {
    const redactor = createRedactor([KEY]);
    expect(redactor.text(`Authorization: Basic ${BASIC}; key=${encodeURIComponent(KEY)}`)).toBe(
      `Authorization: Basic ${REDACTED}; key=${REDACTED}`,
    );
    const bytes = new Uint8Array([0xff, ...Buffer.from(`x${KEY}y`), 0x00]);
    expect([...redactor.bytes(bytes)]).toEqual([0xff, ...Buffer.from(`x${REDACTED}y`), 0x00]);
    const plain = { a: ['one', { b: 2 }], when: new Date(0) };
    expect(redactor.deep(plain)).toBe(plain);
    expect(redactor.deep({ [KEY]: [`is ${KEY}`] })).toEqual({ [REDACTED]: [`is ${REDACTED}`] });
    const failure = redactor.error(new AppFailure('invalid-request', `bad ${KEY}`, `hint ${BASIC}`, 'path'));
    expect(failure).toMatchObject({ code: 'invalid-request', message: `bad ${REDACTED}`, hint: `hint ${REDACTED}`, field: 'path' });
    expect((redactor.error(new Error(`boom ${KEY}`)) as Error).message).toBe(`boom ${REDACTED}`);
  });

  it('learns keys as main meets them, and knows nothing before', () => {
    const redactor = createRedactor();
    expect(redactor.contains(KEY)).toBe(false);
    redactor.learn(KEY);
    redactor.learn(null);
    expect(redactor.contains({ nested: [KEY] })).toBe(true);
    expect(redactor.secrets()).toHaveLength(3);
  });
});
