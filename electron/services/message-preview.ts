import type { SandboxRegionName } from '../../shared/bridge/sandbox-tools';

/**
 * A sandbox message's HTML as a document of its own, with its own policy.
 * A srcdoc frame would inherit the app page's policy, which (rightly) blocks
 * inline styles, and mail is styled almost entirely with them. This policy
 * allows exactly those and nothing else: no script, no load but inline data:
 * images, no form, no plugin, and `sandbox` so the document stays inert even
 * if it were ever opened outside its sandboxed frame.
 */
export const messagePreviewPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  'sandbox',
].join('; ');

/** The Electron scheme the previews are served from; the app page may frame this scheme and nothing else. */
export const previewScheme = 'mailgun-preview';
/** The base URL of previews in the app; the browser harness serves them from a loopback origin instead. */
export const appPreviewBase = `${previewScheme}://message`;

/** A preview is addressed by the same three parts the bridge uses to open the message. */
export interface PreviewRef {
  readonly region: SandboxRegionName;
  readonly domain: string;
  readonly key: string;
}

export function previewPath(ref: PreviewRef): string {
  return `/${ref.region}/${encodeURIComponent(ref.domain)}/${encodeURIComponent(ref.key)}`;
}

/** The reference in a preview URL's path, or null for anything else (a preview is only ever asked for by id). */
export function previewRefOf(pathname: string): PreviewRef | null {
  const match = /^\/(us|eu)\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  try {
    const domain = decodeURIComponent(match[2] ?? '');
    const key = decodeURIComponent(match[3] ?? '');
    if (domain === '' || key === '') return null;
    return { region: match[1] as SandboxRegionName, domain, key };
  } catch {
    return null;
  }
}

export interface PreviewResponse {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const previewHeaders: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': messagePreviewPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const notFoundPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Message not found</title></head>' +
  '<body><p>This message is no longer in the sandbox: a reset or its domain’s message retention removed it. Send it again.</p></body></html>';

/**
 * Every link of the mail targets a new window, which the frame's sandbox (no
 * allow-popups) refuses, so a click does nothing. Followed in the frame, a link
 * would replace the preview with the page's "blocked" error (its policy frames
 * nothing else). A mail's own <base> comes later and loses to this one.
 */
const inertLinks = '<base target="_blank">';

/** The message's HTML with `inertLinks` first (after its doctype, so the mail keeps its rendering mode). */
export function previewDocument(html: string): string {
  const doctype = /^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + inertLinks + html.slice(at);
}

/**
 * The answer for one preview: the message's HTML as it was sent (the policy,
 * not a rewrite, keeps it inert; only `inertLinks` is added), or a plain 404
 * page when there is no such message.
 */
export function previewResponse(html: string | null): PreviewResponse {
  if (html === null) return { status: 404, headers: previewHeaders, body: notFoundPage };
  return { status: 200, headers: previewHeaders, body: previewDocument(html) };
}
