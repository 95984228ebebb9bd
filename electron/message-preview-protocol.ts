import { type PreviewRef, previewRefOf, previewResponse, previewScheme } from './services/message-preview';

/** Registered before the app is ready: a standard, secure scheme, so the app's secure page may frame it. */
export const previewSchemePrivileges = { scheme: previewScheme, privileges: { standard: true, secure: true } } as const;

/** The part of Electron's `protocol` this needs, so tests pass their own. */
export interface PreviewProtocol {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Answers `mailgun-preview://message/<region>/<domain>/<key>` with that sandbox message's preview, found by `lookup`. */
export function servePreviews(protocol: PreviewProtocol, lookup: (ref: PreviewRef) => Promise<string | null>): void {
  protocol.handle(previewScheme, async (request) => {
    const url = URL.canParse(request.url) ? new URL(request.url) : null;
    const ref = url && url.host === 'message' && request.method === 'GET' ? previewRefOf(url.pathname) : null;
    const { status, headers, body } = previewResponse(ref ? await lookup(ref) : null);
    return new Response(body, { status, headers });
  });
}
