import { createHash, timingSafeEqual } from 'node:crypto';
import { SANDBOX_API_KEY, SANDBOX_API_USER } from '../shared/sandbox/constants';
import type { ApiKey } from './state';

export type Caller = { readonly kind: 'primary' } | { readonly kind: 'sending'; readonly domain: string };

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads `Authorization: Basic ...`; null when it is missing or unreadable. */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | null {
  if (!header || header.length > 4096) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Who is calling: the fixed sandbox key acts as the account's primary key;
 * keys made through the Keys API work too, until they expire. Only their
 * hashes are kept.
 */
export function authenticate(header: string | undefined, keys: readonly ApiKey[], nowMs: number): Caller | null {
  const credentials = parseBasicAuth(header);
  if (!credentials || credentials.user !== SANDBOX_API_USER) return null;
  if (sameText(credentials.password, SANDBOX_API_KEY)) return { kind: 'primary' };
  const hash = sha256Hex(credentials.password);
  const key = keys.find((k) => k.secret_sha256 !== null && sameText(k.secret_sha256, hash));
  if (!key || (key.expires_at !== null && key.expires_at <= nowMs)) return null;
  if (key.role === 'sending') return key.domain_name ? { kind: 'sending', domain: key.domain_name } : null;
  return { kind: 'primary' };
}
