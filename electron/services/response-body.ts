import { TextDecoder } from 'node:util';
import type { ResponseBody, ResponseNotice } from '../../shared/requests/types';

/** Above this, checking that a JSON body parses costs more than it tells; the renderer finds out anyway. */
export const JSON_CHECK_LIMIT = 5 * 1024 * 1024;

export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function isJsonType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || type.endsWith('+json');
}

export function isTextType(contentType: string): boolean {
  const type = mediaType(contentType);
  return (
    type.startsWith('text/') ||
    isJsonType(contentType) ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/javascript' ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'message/rfc822'
  );
}

function charsetOf(contentType: string): string {
  const match = /;\s*charset="?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

function decoderFor(contentType: string, fatal: boolean): TextDecoder {
  try {
    return new TextDecoder(charsetOf(contentType), { fatal });
  } catch {
    // An unknown charset label: UTF-8 is the best guess for an API.
    return new TextDecoder('utf-8', { fatal });
  }
}

/** A decoder for a body that arrives in chunks: a character split between two chunks waits for the second. */
export function streamingDecoderFor(contentType: string): TextDecoder {
  return decoderFor(contentType, false);
}

export function decodeText(bytes: Uint8Array, contentType: string): string {
  return decoderFor(contentType, false).decode(bytes);
}

/** Text when the type says so, or when an untyped body happens to be valid UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType: string): ResponseBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  if (isTextType(contentType)) return { kind: 'text', text: decodeText(bytes, contentType) };
  if (mediaType(contentType) === '') {
    try {
      return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { kind: 'binary', bytes };
    }
  }
  return { kind: 'binary', bytes };
}

/** Points out answers that look wrong for an API call, without hiding them. */
export function noticeFor(
  status: number,
  method: string,
  contentType: string,
  body: ResponseBody,
  /** The body is too big to check here (a streamed one): only the status and type are looked at. */
  unchecked = false,
): ResponseNotice | undefined {
  const type = mediaType(contentType);
  if (status >= 400 && type === 'text/html') {
    return {
      kind: 'html-error-page',
      message: `The server answered ${status} with a web page instead of an API response.`,
      hint:
        status >= 500
          ? 'Mailgun or a proxy in between is having trouble; try again in a minute.'
          : 'Check the base URL and path: this may not be the Mailgun API.',
    };
  }
  if (!isJsonType(contentType)) return undefined;
  if (body.kind === 'empty') {
    if (status === 204 || status === 304 || method === 'HEAD') return undefined;
    return {
      kind: 'empty-json',
      message: 'The response says it is JSON but has no body.',
      hint: 'Look at the status code and headers; try again if you expected data.',
    };
  }
  if (!unchecked && body.kind === 'text' && body.text.length <= JSON_CHECK_LIMIT) {
    try {
      JSON.parse(body.text);
    } catch {
      return {
        kind: 'invalid-json',
        message: 'The response says it is JSON but is not valid JSON; it is shown as plain text.',
        hint: 'It may be cut short or come from a proxy rather than Mailgun; try again.',
      };
    }
  }
  return undefined;
}
