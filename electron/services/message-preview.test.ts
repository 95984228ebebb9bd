import { describe, expect, it } from 'vitest';
import { messagePreviewPolicy, previewDocument, previewPath, previewRefOf, previewResponse } from './message-preview';

/** The policy's directives by name, so a test reads what a browser would enforce. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('message preview document', () => {
  it('answers with the message’s HTML as it was sent, under its own policy', () => {
    const html = '<style>p { color: rgb(0, 0, 200) }</style><p style="color: rgb(200, 0, 0)">Paid</p>';
    const response = previewResponse(html);
    expect(response.status).toBe(200);
    expect(response.body).toBe(`<base target="_blank">${html}`);
    expect(response.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': messagePreviewPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('allows the message’s own inline styles and data: images, and nothing else', () => {
    expect(messagePreviewPolicy).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; sandbox",
    );
    const policy = directives(messagePreviewPolicy);
    // No script-src: <script>, on*= handlers and javascript: URLs fall back to default-src 'none'.
    expect(policy.has('script-src')).toBe(false);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    // <img src=http…> and <link rel=stylesheet href=http…> name no allowed source.
    expect(policy.get('img-src')).toEqual(['data:']);
    expect(policy.get('style-src')).toEqual(["'unsafe-inline'"]);
    // <form> cannot submit; a bare sandbox directive also refuses scripts, forms, popups and top navigation
    // (<meta http-equiv=refresh> included) even if the document were opened outside its sandboxed frame.
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('sandbox')).toEqual([]);
    expect(messagePreviewPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('serves hostile mail as it is: the policy, not a rewrite, keeps it inert', () => {
    const hostile =
      '<meta http-equiv="refresh" content="0; url=https://evil.example/"><script>alert(1)</script>' +
      '<img src="http://127.0.0.1:9/pixel.png" onerror="alert(2)"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">' +
      '<form action="https://evil.example/"><input name="q"></form>';
    const response = previewResponse(hostile);
    expect(response.body).toBe(`<base target="_blank">${hostile}`);
    expect(response.headers['Content-Security-Policy']).toBe(messagePreviewPolicy);
  });

  it('sends every link to a new window, which the sandboxed frame refuses, and keeps the mail’s doctype first', () => {
    expect(previewDocument('<a href="https://example.com/">Track</a>')).toBe(
      '<base target="_blank"><a href="https://example.com/">Track</a>',
    );
    expect(previewDocument('\n<!-- a mail tool --><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html>')).toBe(
      '\n<!-- a mail tool --><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><base target="_blank">\n<html>',
    );
    expect(previewDocument('<p>no doctype</p><!doctype html>')).toBe('<base target="_blank"><p>no doctype</p><!doctype html>');
  });

  it('answers a plain 404 page, under the same policy, for a message that is not there', () => {
    const response = previewResponse(null);
    expect(response.status).toBe(404);
    expect(response.body).toContain('no longer in the sandbox');
    expect(response.body).not.toMatch(/<script|<link|<img/i);
    expect(response.headers['Content-Security-Policy']).toBe(messagePreviewPolicy);
  });

  it('addresses a message by region, domain and key, and reads nothing else as one', () => {
    const ref = { region: 'eu', domain: 'mg.example.com', key: 'a+b/c=' } as const;
    expect(previewPath(ref)).toBe('/eu/mg.example.com/a%2Bb%2Fc%3D');
    expect(previewRefOf(previewPath(ref))).toEqual(ref);
    for (const path of ['/', '/us', '/us/mg.example.com', '/xx/mg.example.com/k', '/us/mg.example.com/k/extra', '/us/%E0%A4%A/k', '/us//k'])
      expect(previewRefOf(path), path).toBeNull();
  });
});
