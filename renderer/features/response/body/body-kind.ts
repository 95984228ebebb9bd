import type { StreamedBody } from '../../../../shared/bridge/body-stream';
import type { ResponseBody } from '../../../../shared/requests/types';

export type BodyShape = 'json' | 'text' | 'html' | 'binary' | 'empty' | 'none';

export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function isJsonType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || type.endsWith('+json');
}

/** What a body most likely is, from its content type and, when that is vague, its first characters. */
export function bodyShape(body: ResponseBody | StreamedBody | { readonly kind: 'none' }, contentType: string): BodyShape {
  // Only text types are streamed (main decides), so a streamed body is JSON or text by its type alone.
  if (body.kind === 'stream') return isJsonType(contentType) ? 'json' : 'text';
  if (body.kind !== 'text') return body.kind;
  const type = mediaType(contentType);
  if (isJsonType(contentType)) return 'json';
  const start = body.text.slice(0, 200).trimStart();
  if (type === 'text/html' || /^<(!doctype html|html)/i.test(start)) return 'html';
  if ((type === '' || type === 'text/plain' || type === 'application/octet-stream') && /^[[{]/.test(start)) return 'json';
  return 'text';
}

/** The plain greeting Mailgun answers at its API root, i.e. when a path misses every endpoint. */
export function isApiRootGreeting(text: string): boolean {
  // Checked on every render, so never touch more than a short body.
  return text.length < 100 && text.trim().toLowerCase() === 'mailgun magnificent api';
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/json': 'json',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'message/rfc822': 'eml',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** A file name for saving the body, e.g. `events.list-200.json`. */
export function suggestedFileName(base: string, status: number | undefined, contentType: string): string {
  const type = mediaType(contentType);
  const extension = EXTENSIONS[type] ?? (type.endsWith('+json') ? 'json' : type.startsWith('text/') ? 'txt' : 'bin');
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'response';
  return `${safe}${status === undefined ? '' : `-${status}`}.${extension}`;
}
