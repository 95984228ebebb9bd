import type { TimelineEvent } from '../support/types';

/**
 * Which slice of time a live tail asks for next, and which of the answers are
 * new. Mailgun stores an event up to `settleSeconds` after it happened (about
 * 30 s on the real service), so each poll reaches back that far past the last
 * complete one and drops the ids already passed on: nothing is missed within
 * the settle time, and nothing is shown twice.
 */

export interface TailWindowOptions {
  /** Epoch seconds: events from here on are new. */
  readonly from: number;
  readonly settleSeconds: number;
}

export interface TailQuery {
  /** Epoch seconds, whole (RFC 2822 dates carry no fractions); answers before `from` are dropped here. */
  readonly start: number;
}

export interface TailWindow {
  query(): TailQuery;
  /**
   * Takes one poll's events (oldest first) and returns those not passed on before.
   * `complete` says every page up to `now` was read; otherwise the next poll continues after the last event.
   */
  accept(events: readonly TimelineEvent[], poll: { readonly now: number; readonly complete: boolean }): TimelineEvent[];
  /** Epoch seconds from which the next poll counts events as new. */
  readonly from: number;
  /** How many event ids are remembered for de-duplication. */
  readonly remembered: number;
}

export function createTailWindow(options: TailWindowOptions): TailWindow {
  let from = options.from;
  // id -> timestamp; ids older than `from` can no longer come back, so they are forgotten.
  const seen = new Map<string, number>();

  function accept(events: readonly TimelineEvent[], poll: { now: number; complete: boolean }): TimelineEvent[] {
    const fresh: TimelineEvent[] = [];
    let lastRead = from;
    for (const event of events) {
      lastRead = Math.max(lastRead, event.timestamp);
      if (event.timestamp < from || seen.has(event.id)) continue;
      seen.set(event.id, event.timestamp);
      fresh.push(event);
    }
    if (poll.complete) from = Math.max(from, poll.now - options.settleSeconds);
    // A cut-short poll resumes at the last event it read; the settle time is behind it by then.
    else from = lastRead;
    for (const [id, timestamp] of seen) if (timestamp < from) seen.delete(id);
    return fresh.sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
  }

  return {
    query: () => ({ start: Math.floor(from) }),
    accept,
    get from() {
      return from;
    },
    get remembered() {
      return seen.size;
    },
  };
}
