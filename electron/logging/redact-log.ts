import { inspect } from 'node:util';
import { createRedactor, REDACTED as redacted } from '../services/redaction';

/**
 * Shapes of credentials that must never reach the log file even when main has
 * not seen the key (a key pasted into an error text, a header echoed back).
 */
const credentialPatterns: readonly RegExp[] = [
  // The value of any Basic or Bearer credential.
  /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{16,}/gi,
  // Authorization headers in any spelling, whatever their scheme.
  /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  // user:password@ in URLs (proxy URLs carry them).
  /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi,
  // Mailgun's key formats: `key-` and `pubkey-` keys, and the newer hex-hex-hex keys.
  /\b(?:pub)?key-[0-9a-z]{20,}\b/gi,
  /\b[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}\b/gi,
];

export interface LogRedactor {
  /** Registers a secret (an API key, a proxy password) so every later log line is scrubbed of it. */
  remember(secret: string | null | undefined): void;
  redactText(text: string): string;
  /** Turns any logged value into redacted text; errors keep their stack. */
  redactValue(value: unknown): string;
}

export function createLogRedactor(): LogRedactor {
  // The secrets themselves are scrubbed as everywhere else in main; the patterns add what no one registered.
  const known = createRedactor();

  function redactText(text: string): string {
    let out = known.text(text);
    out = out.replace(credentialPatterns[0] as RegExp, `$1 ${redacted}`);
    out = out.replace(credentialPatterns[1] as RegExp, `$1$2${redacted}`);
    out = out.replace(credentialPatterns[2] as RegExp, `$1${redacted}@`);
    for (const pattern of credentialPatterns.slice(3)) out = out.replace(pattern, redacted);
    return out;
  }

  return {
    remember(secret) {
      // Very short values would scrub ordinary words; no real key is that short.
      if (!secret || secret.length < 6) return;
      known.learn(secret);
    },
    redactText,
    redactValue(value) {
      if (typeof value === 'string') return redactText(value);
      if (value instanceof Error) return redactText(value.stack ?? `${value.name}: ${value.message}`);
      return redactText(inspect(value, { depth: 6, breakLength: Number.POSITIVE_INFINITY }));
    },
  };
}
