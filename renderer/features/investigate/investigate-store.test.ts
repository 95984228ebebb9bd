import { describe, expect, it } from 'vitest';
import { createInvestigateStore, currentInvestigation } from './investigate-store';

describe('the investigation trail', () => {
  it('goes back and forward, and a new investigation drops what lay ahead', () => {
    const store = createInvestigateStore();
    store.back();
    expect(store.get()).toEqual({ trail: [], index: -1, seq: 0 });
    store.investigate({ tool: 'recipient', address: 'bob@example.com' });
    store.investigate({ tool: 'trace', address: 'bob@example.com' });
    store.investigate({ tool: 'health', domain: 'mg.example.com' });
    store.back();
    store.back();
    expect(currentInvestigation(store.get())).toEqual({ tool: 'recipient', address: 'bob@example.com' });
    store.forward();
    expect(currentInvestigation(store.get())?.tool).toBe('trace');
    store.investigate({ tool: 'recipient', address: 'bob@example.org' });
    expect(store.get().trail.map((e) => e.address ?? e.domain)).toEqual(['bob@example.com', 'bob@example.com', 'bob@example.org']);
    store.forward();
    expect(store.get().index).toBe(2);
  });

  it('asks again for the same investigation without growing the trail', () => {
    const store = createInvestigateStore();
    store.investigate({ tool: 'recipient', address: 'a@x.com' });
    const before = store.get().seq;
    store.investigate({ tool: 'recipient', address: 'a@x.com' });
    expect(store.get().trail).toHaveLength(1);
    expect(store.get().seq).toBe(before + 1);
  });
});
