import type { Environment } from './types';
import { normaliseDomain } from './validate';

/**
 * A domain sending key is accepted only for sending mail through its own
 * domain. Calling anything else with it fails with 401 or 403, which looks
 * like a broken key; warning before the request saves that confusion.
 */
export type KeyKindWarning =
  | { readonly warn: false }
  | { readonly warn: true; readonly reason: 'not-sending' | 'other-domain'; readonly message: string };

const sendPath = /^\/v3\/([^/]+)\/(messages|messages\.mime)$/;

function pathOnly(path: string): string {
  const withoutOrigin = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const end = withoutOrigin.search(/[?#]/);
  const bare = end === -1 ? withoutOrigin : withoutOrigin.slice(0, end);
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

function decodedDomain(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const checked = normaliseDomain(decoded);
  return checked.ok ? checked.value : null;
}

/** `path` is the request path (a full URL or a query string is tolerated). */
export function keyKindWarning(env: Pick<Environment, 'keyKind' | 'domain'>, method: string, path: string): KeyKindWarning {
  if (env.keyKind !== 'sending') return { warn: false };
  const match = sendPath.exec(pathOnly(path));
  if (method.toUpperCase() !== 'POST' || match === null) {
    return {
      warn: true,
      reason: 'not-sending',
      message:
        'This environment uses a domain sending key, which only works for POST …/messages and …/messages.mime. Expect 401 or 403; use a primary account key for other requests.',
    };
  }
  const ownDomain = decodedDomain(env.domain) ?? env.domain;
  if (decodedDomain(match[1] ?? '') !== ownDomain) {
    return {
      warn: true,
      reason: 'other-domain',
      message: `This domain sending key belongs to ${ownDomain}, so sending through another domain will be refused.`,
    };
  }
  return { warn: false };
}
