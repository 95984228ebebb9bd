/** True when pasted text is a curl command rather than a URL. Kept apart so the page can ask without loading the catalog. */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(?:\$\s+)?curl(?:\.exe)?\s/i.test(text);
}
