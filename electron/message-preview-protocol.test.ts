import { describe, expect, it } from 'vitest';
import { previewSchemePrivileges, servePreviews } from './message-preview-protocol';
import type { PreviewRef } from './services/message-preview';
import { messagePreviewPolicy } from './services/message-preview';

function served(lookup: (ref: PreviewRef) => Promise<string | null>) {
  const handlers = new Map<string, (request: Request) => Promise<Response>>();
  servePreviews({ handle: (scheme, handler) => handlers.set(scheme, handler) }, lookup);
  return {
    schemes: [...handlers.keys()],
    get: (url: string, method = 'GET') => {
      const handler = handlers.get('mailgun-preview');
      if (!handler) throw new Error('no handler');
      return handler(new Request(url, { method }));
    },
  };
}

describe('the message preview protocol', () => {
  it('is a standard, secure scheme of its own', () => {
    expect(previewSchemePrivileges).toEqual({ scheme: 'mailgun-preview', privileges: { standard: true, secure: true } });
  });

  it('answers a message’s path with its HTML under the preview policy', async () => {
    const asked: PreviewRef[] = [];
    const { schemes, get } = served(async (ref) => {
      asked.push(ref);
      return '<p style="color: red">Hi</p>';
    });
    expect(schemes).toEqual(['mailgun-preview']);
    const response = await get('mailgun-preview://message/us/mg.example.com/k1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(messagePreviewPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<base target="_blank"><p style="color: red">Hi</p>');
    expect(asked).toEqual([{ region: 'us', domain: 'mg.example.com', key: 'k1' }]);
  });

  it('answers 404 for an unknown message, another host, another path or another method, without asking for anything else', async () => {
    const asked: PreviewRef[] = [];
    const { get } = served(async (ref) => {
      asked.push(ref);
      return null;
    });
    const unknown = await get('mailgun-preview://message/eu/mg.example.com/gone');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no longer in the sandbox');
    expect(unknown.headers.get('content-security-policy')).toBe(messagePreviewPolicy);
    for (const [url, method] of [
      ['mailgun-preview://other/us/mg.example.com/k1', 'GET'],
      ['mailgun-preview://message/index.html', 'GET'],
      ['mailgun-preview://message/us/mg.example.com/k1', 'POST'],
    ] as const) {
      expect((await get(url, method)).status, `${method} ${url}`).toBe(404);
    }
    expect(asked).toEqual([{ region: 'eu', domain: 'mg.example.com', key: 'gone' }]);
  });
});
