/**
 * Addresses that look like the one a customer gave, picked from recipients
 * already seen in the account's own logs (never from a paid validation call):
 * the same mailbox at another domain, or a typo or two away.
 */

export interface SimilarAddress {
  readonly address: string;
  /** Messages delivered to it in the period searched. */
  readonly delivered: number;
  readonly why: 'other-domain' | 'typo';
}

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), which is what a typo usually is. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > cap) return cap + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

const MAX_TYPO_DISTANCE = 2;

/** The closest first (same mailbox, then by distance), then the most mail; at most `limit`. */
export function similarAddresses(address: string, deliveredCounts: ReadonlyMap<string, number>, limit = 5): SimilarAddress[] {
  const wanted = address.toLowerCase();
  const at = wanted.lastIndexOf('@');
  const local = wanted.slice(0, at);
  const scored: { readonly item: SimilarAddress; readonly distance: number }[] = [];
  for (const [candidate, delivered] of deliveredCounts) {
    const other = candidate.toLowerCase();
    if (other === wanted || delivered <= 0) continue;
    const otherLocal = other.slice(0, other.lastIndexOf('@'));
    if (otherLocal === local) {
      scored.push({ item: { address: other, delivered, why: 'other-domain' }, distance: 0 });
      continue;
    }
    const distance = editDistance(wanted, other, MAX_TYPO_DISTANCE);
    if (distance <= MAX_TYPO_DISTANCE) scored.push({ item: { address: other, delivered, why: 'typo' }, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || b.item.delivered - a.item.delivered || a.item.address.localeCompare(b.item.address))
    .slice(0, limit)
    .map((s) => s.item);
}
