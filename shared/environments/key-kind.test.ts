import { describe, expect, it } from 'vitest';
import { keyKindWarning } from './key-kind';

const sending = { keyKind: 'sending', domain: 'mg.example.com' } as const;

describe('keyKindWarning', () => {
  it('never warns for a primary key', () => {
    expect(keyKindWarning({ keyKind: 'primary', domain: 'mg.example.com' }, 'DELETE', '/v3/domains/x')).toEqual({ warn: false });
  });

  it.each([
    ['POST', '/v3/mg.example.com/messages'],
    ['post', '/v3/mg.example.com/messages.mime'],
    ['POST', '/v3/MG.Example.com/messages/'],
    ['POST', 'https://api.eu.mailgun.net/v3/mg.example.com/messages?x=1'],
    ['POST', '/v3/mg.example.com%2E/messages'],
  ])('allows a sending key for %s %s', (method, path) => {
    expect(keyKindWarning(sending, method, path)).toEqual({ warn: false });
  });

  it.each([
    ['GET', '/v3/mg.example.com/messages'],
    ['POST', '/v3/mg.example.com/events'],
    ['GET', '/v4/domains/mg.example.com'],
    ['POST', '/v3/lists'],
    ['POST', '/v3/mg.example.com/messages/extra'],
  ])('warns that %s %s is not a send', (method, path) => {
    expect(keyKindWarning(sending, method, path)).toMatchObject({ warn: true, reason: 'not-sending' });
  });

  it('warns when sending through another domain', () => {
    const result = keyKindWarning(sending, 'POST', '/v3/other.example.com/messages');
    expect(result).toMatchObject({ warn: true, reason: 'other-domain' });
    if (result.warn) expect(result.message).toContain('mg.example.com');
  });

  it('compares internationalised domains in their ASCII form', () => {
    expect(keyKindWarning({ keyKind: 'sending', domain: 'Bücher.example' }, 'POST', '/v3/xn--bcher-kva.example/messages')).toEqual({
      warn: false,
    });
  });
});
