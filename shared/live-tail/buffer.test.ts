import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../support/types';
import { createEventBuffer } from './buffer';

const ev = (id: string): TimelineEvent => ({
  id,
  event: 'accepted',
  timestamp: 1,
  iso: '',
  recipient: '',
  domain: '',
  messageId: '',
  subject: '',
  severity: null,
  reason: null,
  logLevel: null,
  smtp: null,
  tags: [],
});

describe('event buffer', () => {
  it('numbers events and hands a reader only those after its last', () => {
    const buffer = createEventBuffer(10);
    buffer.push([ev('a'), ev('b')], 0);
    expect(buffer.since(0, 100)).toMatchObject({ lastSeq: 2, missed: 0 });
    buffer.push([ev('c')], 0);
    const next = buffer.since(2, 100);
    expect(next.events.map((e) => e.id)).toEqual(['c']);
    expect(buffer.since(3, 100)).toMatchObject({ events: [], lastSeq: 3, missed: 0 });
  });

  it('keeps at most its capacity and tells a slow reader how many it missed', () => {
    const buffer = createEventBuffer(3);
    buffer.push(['a', 'b', 'c', 'd', 'e'].map(ev), 0);
    const read = buffer.since(0, 100);
    expect(read.events.map((e) => e.id)).toEqual(['c', 'd', 'e']);
    expect(read.missed).toBe(2);
    expect(buffer.since(5, 100).missed).toBe(0);
  });

  it('hands out at most `max` at a time', () => {
    const buffer = createEventBuffer(10);
    buffer.push(['a', 'b', 'c'].map(ev), 0);
    const first = buffer.since(0, 2);
    expect(first.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(buffer.since(first.lastSeq, 2).events.map((e) => e.id)).toEqual(['c']);
  });

  it('clearing is not counted as missed, and numbering carries on', () => {
    const buffer = createEventBuffer(2);
    buffer.push(['a', 'b', 'c'].map(ev), 0);
    buffer.clear();
    expect(buffer.since(0, 10)).toMatchObject({ events: [], missed: 0, lastSeq: 3 });
    buffer.push([ev('d')], 0);
    expect(buffer.since(3, 10).events.map((e) => e.seq)).toEqual([4]);
  });

  it('counts the events of the last minute', () => {
    const buffer = createEventBuffer(100);
    buffer.push([ev('a'), ev('b')], 0);
    buffer.push([ev('c')], 30_000);
    expect(buffer.perMinute(59_999)).toBe(3);
    expect(buffer.perMinute(60_001)).toBe(1);
  });
});
