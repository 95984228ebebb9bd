/**
 * `{{name}}` references inside a value. `\{{name}}` is the escape for text
 * that must reach Mailgun as written (a Handlebars placeholder, say): the
 * backslash goes and the braces stay.
 */
const reference = /(\\?)\{\{([A-Za-z0-9_.-]{1,64})\}\}/g;

/** The value of a name, or undefined when the environment has none. */
export type VariableLookup = (name: string) => string | undefined;

export function hasReference(text: string): boolean {
  return text.includes('{{');
}

/** Every name the text refers to (escaped ones excluded), in order of first use. */
export function referencesIn(text: string): string[] {
  if (!hasReference(text)) return [];
  const names = new Set<string>();
  for (const match of text.matchAll(reference)) if (match[1] === '' && match[2] !== undefined) names.add(match[2]);
  return [...names];
}

export type Resolved = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly missing: readonly string[] };

/**
 * Replaces each reference with its value, passed through `encode` (for a
 * path segment or JSON text). Values are inserted as they are, never
 * resolved again, so a value that itself holds `{{x}}` stays literal.
 */
export function resolveText(text: string, lookup: VariableLookup, encode: (value: string) => string = (value) => value): Resolved {
  if (!hasReference(text)) return { ok: true, value: text };
  const missing = new Set<string>();
  const value = text.replace(reference, (_whole, backslash: string, name: string) => {
    if (backslash !== '') return `{{${name}}}`;
    const found = lookup(name);
    if (found === undefined) {
      missing.add(name);
      return '';
    }
    return encode(found);
  });
  return missing.size > 0 ? { ok: false, missing: [...missing] } : { ok: true, value };
}

/** The inside of a JSON string literal, so a value with quotes or line breaks keeps JSON text valid. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
