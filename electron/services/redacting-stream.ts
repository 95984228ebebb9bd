import { REDACTED } from './redaction';

/** Redacts a text that arrives in pieces; see `redactingStream`. */
export interface RedactingStream {
  /** Takes the next piece; returns the redacted text that is safe to pass on now. */
  push(piece: string): string;
  /** The redacted rest, once no more text will come. */
  end(): string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A secret may be split between two pieces, so the last (longest secret
 * length − 1) characters are held back until the next piece (or the end)
 * shows whether they start one. Secrets are matched left to right, the
 * longest first at each position, so the result does not depend on where
 * the pieces were cut.
 */
export function redactingStream(secrets: readonly string[]): RedactingStream {
  const known = [...new Set(secrets.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (known.length === 0) return { push: (piece) => piece, end: () => '' };
  const pattern = new RegExp(known.map(escapeRegExp).join('|'), 'g');
  const holdBack = (known[0] as string).length - 1;
  let carry = '';

  /** Replaces the matches starting before `until`; returns the text up to where it is safe to stop, and that offset. */
  function redactUntil(text: string, until: number): { out: string; stop: number } {
    pattern.lastIndex = 0;
    let out = '';
    let at = 0;
    for (let match = pattern.exec(text); match !== null && match.index < until; match = pattern.exec(text)) {
      out += text.slice(at, match.index) + REDACTED;
      at = match.index + match[0].length;
    }
    const stop = Math.max(at, until);
    return { out: out + text.slice(at, stop), stop };
  }

  return {
    push(piece) {
      const text = carry + piece;
      const until = text.length - holdBack;
      if (until <= 0) {
        carry = text;
        return '';
      }
      const { out, stop } = redactUntil(text, until);
      carry = text.slice(stop);
      return out;
    },
    end() {
      const { out } = redactUntil(carry, carry.length);
      carry = '';
      return out;
    },
  };
}
