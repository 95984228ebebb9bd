import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnvironmentInput } from './types';
import {
  isLoopbackHostname,
  keyLast4,
  normaliseDomain,
  validateApiKey,
  validateBaseUrl,
  validateEnvironmentInput,
  validateSubaccountId,
} from './validate';

const good: EnvironmentInput = {
  name: 'Production',
  region: 'us',
  domain: 'mg.example.com',
  keyKind: 'primary',
  readOnly: false,
  colour: 'blue',
};

describe('normaliseDomain', () => {
  it.each([
    ['mg.example.com', 'mg.example.com'],
    ['  MG.Example.COM  ', 'mg.example.com'],
    ['mg.example.com.', 'mg.example.com'],
    ['Bücher.example', 'xn--bcher-kva.example'],
    ['mail.例え.jp', 'mail.xn--r8jz45g.jp'],
    ['ＭＧ．ｅｘａｍｐｌｅ．ｃｏｍ', 'mg.example.com'],
    ['sandbox0123abc.mailgun.org', 'sandbox0123abc.mailgun.org'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseDomain(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /Enter a domain/],
    ['https://mg.example.com', /without https/],
    ['mg.example.com/path', /only letters/],
    ['mg.example.com:443', /only letters/],
    ['user@mg.example.com', /only letters/],
    ['mg example.com', /only letters/],
    ['localhost', /full domain/],
    ['192.168.1.1', /not an IP/],
    ['0x7f.1', /not an IP/],
    ['a..b', /not empty/],
    ['-bad.example.com', /inner hyphens/],
    ['under_score.example.com', /inner hyphens/],
    [`${'a'.repeat(64)}.com`, /63/],
    ['example.123', /not a valid domain/],
    ['mg.example.com%2f', /only letters/],
  ])('refuses %j', (input, message) => {
    const result = normaliseDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('is idempotent and only ever yields lower-case ASCII hostnames', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const first = normaliseDomain(input);
        if (!first.ok) return;
        expect(first.value).toMatch(/^[a-z0-9.-]+$/);
        expect(normaliseDomain(first.value)).toEqual(first);
      }),
    );
  });
});

describe('validateBaseUrl', () => {
  it.each([
    ['https://proxy.example.com', 'https://proxy.example.com'],
    ['https://proxy.example.com/', 'https://proxy.example.com'],
    ['https://proxy.example.com/mailgun/', 'https://proxy.example.com/mailgun'],
    ['https://proxy.example.com:8443', 'https://proxy.example.com:8443'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['HTTPS://Proxy.Example.com', 'https://proxy.example.com'],
  ])('accepts %s', (input, expected) => {
    expect(validateBaseUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /Enter the base URL/],
    ['proxy.example.com', /full URL/],
    ['http://proxy.example.com', /only allowed for this computer/],
    ['http://10.0.0.1', /only allowed for this computer/],
    ['http://localhost.evil.com', /only allowed for this computer/],
    ['ftp://proxy.example.com', /Only https/],
    ['https://user:pass@proxy.example.com', /passwords/],
    ['https://proxy.example.com/#x', /fragments/],
    ['https://proxy.example.com/?a=1', /query string/],
    ['https://proxy.example.com/a b', /spaces/],
    [`https://proxy.example.com/${'a'.repeat(2100)}`, /too long/],
  ])('refuses %j', (input, message) => {
    const result = validateBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('knows the loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.9', '[::1]'].every(isLoopbackHostname)).toBe(true);
    expect(['128.0.0.1', 'localhost.example', '[::2]', '0.0.0.0'].some(isLoopbackHostname)).toBe(false);
  });
});

describe('validateApiKey', () => {
  it('trims a pasted line break and accepts printable ASCII', () => {
    expect(validateApiKey('  key-0123456789abcdef\n')).toEqual({ ok: true, value: 'key-0123456789abcdef' });
  });

  it.each([
    ['', /Enter the API key/],
    ['key with space', /spaces/],
    ['key\u0000nul', /control/],
    ['kéy-123', /ASCII/],
    ['k'.repeat(513), /at most 512/],
  ])('refuses %j without echoing it', (input, message) => {
    const result = validateApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      if (input.length > 3) expect(result.message).not.toContain(input);
    }
  });

  it('keeps the last four characters only for keys long enough to spare them', () => {
    expect(keyLast4('key-0123456789abcdef')).toBe('cdef');
    expect(keyLast4('short-key')).toBeNull();
  });
});

describe('validateEnvironmentInput', () => {
  it('normalises every field', () => {
    const result = validateEnvironmentInput({ ...good, name: '  Prod ', domain: 'MG.Example.com', subaccountId: '  ', baseUrl: 'ignored' });
    expect(result).toEqual({ ok: true, value: { ...good, name: 'Prod' } });
  });

  it('requires and normalises a base URL only for the custom region', () => {
    expect(validateEnvironmentInput({ ...good, region: 'custom', baseUrl: 'https://p.example.com/' })).toEqual({
      ok: true,
      value: { ...good, region: 'custom', baseUrl: 'https://p.example.com' },
    });
    expect(validateEnvironmentInput({ ...good, region: 'custom' })).toMatchObject({ ok: false, errors: [{ field: 'baseUrl' }] });
  });

  it('reports every bad field at once, for inline form errors', () => {
    const result = validateEnvironmentInput({
      ...good,
      name: '',
      domain: 'not a domain',
      subaccountId: 'bad id!',
      region: 'custom',
      baseUrl: 'http://x.example',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.field).sort()).toEqual(['baseUrl', 'domain', 'name', 'subaccountId']);
  });

  it('refuses values outside the enums', () => {
    const result = validateEnvironmentInput({ ...good, region: 'asia' as never, keyKind: 'admin' as never, colour: 'beige' as never });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.field).sort()).toEqual(['colour', 'keyKind', 'region']);
  });

  it('accepts subaccount ids as the control panel shows them', () => {
    expect(validateSubaccountId(' 646d00a1b32c35364a2ad34f ')).toEqual({ ok: true, value: '646d00a1b32c35364a2ad34f' });
    expect(validateSubaccountId('a/b').ok).toBe(false);
  });
});
