import type { TimelineEvent } from '../support/types';

/**
 * The events of a tail kept in main, numbered in arrival order so a reader
 * asks for "everything after n". It holds at most `capacity` events; a reader
 * that fell further behind is told how many it missed rather than stalling
 * the tail.
 */

export interface NumberedEvent extends TimelineEvent {
  readonly seq: number;
}

export interface EventBuffer {
  push(events: readonly TimelineEvent[], arrivedAtMs: number): void;
  since(after: number, max: number): { events: NumberedEvent[]; missed: number; lastSeq: number };
  all(): readonly NumberedEvent[];
  clear(): void;
  /** Events that arrived in the minute before `nowMs`. */
  perMinute(nowMs: number): number;
  readonly lastSeq: number;
  readonly size: number;
}

export function createEventBuffer(capacity: number): EventBuffer {
  let items: NumberedEvent[] = [];
  let lastSeq = 0;
  // Numbers up to these are gone: dropped for room (a reader missed them) or cleared by the user (nobody misses them).
  let droppedThrough = 0;
  let clearedThrough = 0;
  // Arrival times, oldest first, for the rate; kept apart so clearing the view does not reset the rate.
  let arrivals: number[] = [];

  function trimArrivals(nowMs: number): void {
    const cutoff = nowMs - 60_000;
    let drop = 0;
    while (drop < arrivals.length && (arrivals[drop] as number) <= cutoff) drop += 1;
    if (drop > 0) arrivals = arrivals.slice(drop);
  }

  return {
    push(events, arrivedAtMs) {
      for (const event of events) {
        lastSeq += 1;
        items.push({ ...event, seq: lastSeq });
        arrivals.push(arrivedAtMs);
      }
      if (items.length > capacity) {
        items = items.slice(items.length - capacity);
        droppedThrough = (items[0]?.seq ?? lastSeq + 1) - 1;
      }
      trimArrivals(arrivedAtMs);
    },
    since(after, max) {
      const missed = Math.max(0, droppedThrough - Math.max(after, clearedThrough));
      const start = items.findIndex((item) => item.seq > after);
      const events = start < 0 ? [] : items.slice(start, start + max);
      return { events, missed, lastSeq: events.at(-1)?.seq ?? Math.max(after, lastSeq) };
    },
    all: () => items,
    clear() {
      items = [];
      clearedThrough = lastSeq;
    },
    perMinute(nowMs) {
      trimArrivals(nowMs);
      return arrivals.length;
    },
    get lastSeq() {
      return lastSeq;
    },
    get size() {
      return items.length;
    },
  };
}
