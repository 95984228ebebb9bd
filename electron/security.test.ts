import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { appIndexUrl } from './app-protocol';
import {
  appPreviewSource,
  contentSecurityPolicy,
  type HardenableContents,
  hardenContents,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  pageContentSecurityPolicy,
  pageMetaContentSecurityPolicy,
  restrictPermissions,
} from './security';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: HardenableContents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener);
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  } as HardenableContents;
  const navigate = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, navigate, open: (url: string) => openHandler?.({ url }) };
}

describe('window hardening', () => {
  it('keeps navigation inside the app page', () => {
    const opened: string[] = [];
    const { contents, navigate } = fakeContents();
    hardenContents(contents, appIndexUrl, (url) => opened.push(url));
    expect(navigate('will-navigate', appIndexUrl)).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'https://documentation.mailgun.com/docs/mailgun/api-reference/')).toBe(true);
    // The window may frame a message preview, but never become one.
    expect(navigate('will-navigate', 'mailgun-preview://message/us/mg.example.com/k1')).toBe(true);
    expect(navigate('will-redirect', 'mailgun-preview://message/us/mg.example.com/k1')).toBe(true);
    expect(opened).toEqual(['https://documentation.mailgun.com/docs/mailgun/api-reference/']);
  });

  it('denies every new window and hands only documentation links to the OS browser', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    hardenContents(contents, appIndexUrl, (url) => opened.push(url));
    expect(open('https://www.mailgun.com/pricing/')).toEqual({ action: 'deny' });
    expect(open('http://www.mailgun.com/')).toEqual({ action: 'deny' });
    expect(open('https://mailgun.com.evil.example/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.mailgun.com/pricing/']);
  });

  it('allows clipboard writes for the app page and nothing for any other origin', () => {
    let request: Parameters<Parameters<typeof restrictPermissions>[0]['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<Parameters<typeof restrictPermissions>[0]['setPermissionCheckHandler']>[0] | undefined;
    restrictPermissions(
      {
        setPermissionRequestHandler: (handler) => {
          request = handler;
        },
        setPermissionCheckHandler: (handler) => {
          check = handler;
        },
      },
      appIndexUrl,
    );
    const decide = (permission: string, url: string) => {
      const callback = vi.fn();
      request?.({}, permission, callback, { requestingUrl: url });
      return {
        request: callback.mock.calls[0]?.[0],
        check: check?.({}, permission, new URL(url).origin === 'null' ? url : new URL(url).origin, {}),
      };
    };
    expect(decide('clipboard-sanitized-write', appIndexUrl)).toEqual({ request: true, check: true });
    expect(check?.({}, 'clipboard-sanitized-write', 'app://mailgun-explorer', {})).toBe(true);
    for (const other of ['https://evil.example/', 'app://other-host/index.html', 'file:///index.html', 'http://127.0.0.1:5173/']) {
      expect(decide('clipboard-sanitized-write', other)).toEqual({ request: false, check: false });
    }
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(decide(permission, appIndexUrl)).toEqual({ request: false, check: false });
    }
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, appIndexUrl)).toBe(false);
  });

  it('recognises only the app page as the app', () => {
    expect(isAppUrl(appIndexUrl, appIndexUrl)).toBe(true);
    expect(isAppUrl('app://other-host/index.html', appIndexUrl)).toBe(false);
    expect(isAppUrl('app://mailgun-explorer/other.html', appIndexUrl)).toBe(false);
    expect(isAppUrl('not a url', appIndexUrl)).toBe(false);
  });

  it('allows only https mailgun.com links outside the app', () => {
    expect(isSafeExternalUrl('https://documentation.mailgun.com/')).toBe(true);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://example.com/')).toBe(false);
  });

  it('forbids inline and remote scripts and any network from the page', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('lets the page frame message previews from their own scheme and from nowhere else', () => {
    expect(appPreviewSource).toBe('mailgun-preview:');
    const frameSources = (policy: string) =>
      policy
        .split('; ')
        .filter((d) => d.startsWith('frame-src ') || d.startsWith('child-src '))
        .map((d) => d.split(' ').slice(1));
    expect(frameSources(contentSecurityPolicy)).toEqual([['mailgun-preview:']]);
    expect(frameSources(pageContentSecurityPolicy('http://127.0.0.1:4321'))).toEqual([['http://127.0.0.1:4321']]);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('is the policy index.html carries in its meta, so the page is held to it before any header applies', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toEqual([pageMetaContentSecurityPolicy(appPreviewSource)]);
    expect(contentSecurityPolicy.startsWith(pageMetaContentSecurityPolicy(appPreviewSource))).toBe(true);
  });
});
