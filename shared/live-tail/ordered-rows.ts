/**
 * A tail's rows ordered by when the event happened, newest first. Mailgun
 * stores some events late, so a later poll can bring an event older than rows
 * already shown; it goes in at its place instead of on top. Ties on the
 * timestamp are broken by id so the order is the same however events arrive,
 * and an id already present sits exactly where the search lands, so it is
 * never shown twice.
 */

interface Ordered {
  readonly timestamp: number;
  readonly id: string;
}

/** Negative when `a` goes above `b`. */
function compareNewestFirst(a: Ordered, b: Ordered): number {
  return b.timestamp - a.timestamp || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The first index whose row does not go above `event`. */
function placeOf(rows: readonly Ordered[], event: Ordered): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(rows[mid] as Ordered, event) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `rows` (newest first) with `incoming` put in their places, at most `max`
 * kept (the oldest go). Binary search keeps a busy tail cheap: each event
 * costs a search and one splice, never a sort of every row.
 */
export function insertNewestFirst<T extends Ordered>(rows: readonly T[], incoming: readonly T[], max: number): T[] {
  const next = rows.slice();
  for (const event of incoming) {
    const at = placeOf(next, event);
    if (next[at]?.id === event.id) continue;
    next.splice(at, 0, event);
  }
  if (next.length > max) next.length = max;
  return next;
}

/** Any events in the rows' order, for an export that reads like the view. */
export function sortNewestFirst<T extends Ordered>(events: readonly T[]): T[] {
  return events.slice().sort(compareNewestFirst);
}
