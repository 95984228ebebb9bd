import { useSyncExternalStore } from 'react';

/**
 * Where the support tools take their input from when something elsewhere in
 * the app asks for an investigation ("Investigate recipient" on a value), and
 * the trail of those investigations so the support panel can go back and
 * forward through them. Memory only: a trail is for one sitting.
 */

export type InvestigateTool = 'recipient' | 'trace' | 'health';

export interface Investigation {
  readonly tool: InvestigateTool;
  readonly address?: string;
  readonly messageId?: string;
  readonly domain?: string;
}

export interface InvestigateState {
  readonly trail: readonly Investigation[];
  /** The entry shown; -1 before the first investigation. */
  readonly index: number;
  /** Grows with every request, back and forward included, so a tool runs again even for an input it has seen. */
  readonly seq: number;
}

const MAX_TRAIL = 50;

function same(a: Investigation | undefined, b: Investigation): boolean {
  return a !== undefined && a.tool === b.tool && a.address === b.address && a.messageId === b.messageId && a.domain === b.domain;
}

export function createInvestigateStore() {
  let state: InvestigateState = { trail: [], index: -1, seq: 0 };
  const listeners = new Set<() => void>();
  const set = (next: InvestigateState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** A new investigation drops whatever lay ahead of the current one, like a browser's history. */
    investigate(next: Investigation) {
      if (same(state.trail[state.index], next)) return set({ ...state, seq: state.seq + 1 });
      const trail = [...state.trail.slice(0, state.index + 1), next].slice(-MAX_TRAIL);
      set({ trail, index: trail.length - 1, seq: state.seq + 1 });
    },
    back() {
      if (state.index > 0) set({ ...state, index: state.index - 1, seq: state.seq + 1 });
    },
    forward() {
      if (state.index < state.trail.length - 1) set({ ...state, index: state.index + 1, seq: state.seq + 1 });
    },
    /** Empties the trail; `seq` keeps counting, so nothing mistakes a later request for one already handled. */
    reset() {
      set({ trail: [], index: -1, seq: state.seq });
    },
  };
}

export const investigateStore = createInvestigateStore();

export function investigate(next: Investigation): void {
  investigateStore.investigate(next);
}

export function useInvestigateState(): InvestigateState {
  return useSyncExternalStore(investigateStore.subscribe, investigateStore.get);
}

/** The investigation shown now, or null. */
export function currentInvestigation(state: InvestigateState): Investigation | null {
  return state.trail[state.index] ?? null;
}
