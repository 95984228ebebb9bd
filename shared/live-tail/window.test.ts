import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../support/types';
import { createTailWindow } from './window';

function event(id: string, timestamp: number): TimelineEvent {
  return {
    id,
    event: 'delivered',
    timestamp,
    iso: new Date(timestamp * 1000).toISOString(),
    recipient: 'a@example.com',
    domain: 'mg.example.com',
    messageId: '',
    subject: '',
    severity: null,
    reason: null,
    logLevel: null,
    smtp: null,
    tags: [],
  };
}

describe('tail window', () => {
  it('reaches back by the settle time after a complete poll, and passes each id on once', () => {
    const window = createTailWindow({ from: 1000, settleSeconds: 30 });
    expect(window.query().start).toBe(1000);
    expect(window.accept([event('a', 1001), event('b', 1005)], { now: 1010, complete: true }).map((e) => e.id)).toEqual(['a', 'b']);
    // The next poll starts 30 s before the last one ended, so it sees a and b again: they are not repeated.
    expect(window.query().start).toBe(1000);
    expect(window.accept([event('a', 1001), event('b', 1005), event('c', 1011)], { now: 1020, complete: true }).map((e) => e.id)).toEqual([
      'c',
    ]);
  });

  it('catches an event stored late, within the settle time', () => {
    const window = createTailWindow({ from: 1000, settleSeconds: 30 });
    window.accept([event('a', 1040)], { now: 1050, complete: true });
    expect(window.query().start).toBe(1020);
    // Stamped 1030 but only stored after the poll at 1050: the overlap still covers it.
    expect(window.accept([event('late', 1030), event('a', 1040)], { now: 1060, complete: true }).map((e) => e.id)).toEqual(['late']);
  });

  it('continues after the last event read when a poll was cut short, without repeating or skipping', () => {
    const window = createTailWindow({ from: 0, settleSeconds: 30 });
    const first = window.accept([event('a', 100), event('b', 200), event('c', 200)], { now: 1000, complete: false });
    expect(first.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    // The rest of second 200 is on the next page: the next query starts at 200, and b and c are not repeated.
    expect(window.query().start).toBe(200);
    expect(
      window.accept([event('b', 200), event('c', 200), event('d', 200), event('e', 300)], { now: 1001, complete: true }).map((e) => e.id),
    ).toEqual(['d', 'e']);
  });

  it('drops answers from before its start that a whole-second query lets in', () => {
    const window = createTailWindow({ from: 100.5, settleSeconds: 0 });
    expect(window.query().start).toBe(100);
    expect(window.accept([event('before', 100.2), event('after', 100.7)], { now: 101, complete: true }).map((e) => e.id)).toEqual([
      'after',
    ]);
  });

  it('forgets ids it can no longer be shown, and never moves backwards', () => {
    const window = createTailWindow({ from: 0, settleSeconds: 10 });
    window.accept(
      Array.from({ length: 100 }, (_, i) => event(`e${i}`, i)),
      { now: 100, complete: true },
    );
    expect(window.from).toBe(90);
    expect(window.remembered).toBe(10);
    window.accept([], { now: 50, complete: true });
    expect(window.from).toBe(90);
  });

  it('resumes after a long pause from where it stopped, so nothing in between is lost', () => {
    const window = createTailWindow({ from: 0, settleSeconds: 5 });
    window.accept([event('a', 10)], { now: 20, complete: true });
    // Hidden for an hour: the next poll asks from 15 on.
    expect(window.query().start).toBe(15);
    const after = window.accept([event('b', 16), event('c', 3600)], { now: 3620, complete: true });
    expect(after.map((e) => e.id)).toEqual(['b', 'c']);
  });
});
