/**
 * The message's HTML as a document for a sandboxed frame: its own policy
 * forbids scripts and every load except inline images, on top of the app's
 * policy, which the frame inherits (so inline styles stay blocked too).
 */
export const FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function frameDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_self"></head><body>${html}</body></html>`;
}

/** True when the HTML carries styles of its own, which the preview cannot apply. */
export function hasOwnStyles(html: string): boolean {
  return /<style[\s>]|\sstyle\s*=/i.test(html);
}
