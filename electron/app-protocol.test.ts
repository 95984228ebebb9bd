import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, resolveAppAsset } from './app-protocol';

describe('app protocol file mapping', () => {
  const root = path.resolve('/opt/app/renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://mailgun-explorer/index.html')).toEqual({
      filePath: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://mailgun-explorer/assets/index-abc.js')?.filePath).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppAsset(root, 'app://mailgun-explorer/')?.filePath).toBe(path.join(root, 'index.html'));
  });

  it('refuses anything that would leave the folder or has no known type', () => {
    for (const url of [
      'app://mailgun-explorer/../../etc/passwd',
      'app://mailgun-explorer/assets%2f..%2f..%2fsecret.js',
      'app://mailgun-explorer/a%5c..%5csecret.js',
      'app://mailgun-explorer/%00.js',
      'app://mailgun-explorer/%E0%A4%A.js',
      'app://other/index.html',
      'app://mailgun-explorer/data.bin',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });

  it('keeps dot segments, even encoded ones, inside the folder', () => {
    const asset = resolveAppAsset(root, 'app://mailgun-explorer/%2e%2e/%2e%2e/etc/passwd.js');
    expect(asset?.filePath.startsWith(root + path.sep)).toBe(true);
  });

  it('sends the content security policy with every asset', () => {
    expect(appResponseHeaders('text/html')['Content-Security-Policy']).toContain("script-src 'self'");
  });
});
