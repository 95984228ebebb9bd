import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CustomRequest, SavedRequest } from '../../shared/bridge/collections';
import type { AppError } from '../../shared/errors';
import type { RequestValues } from '../../shared/request';
import type { ResponseRecord } from '../../shared/requests/types';
import type { EditorDraft } from '../features/request-editor';

/** The last outcome of a send, kept per endpoint and environment like the draft. */
export interface SendOutcome {
  readonly response?: ResponseRecord;
  readonly error?: AppError;
  /** What was sent; paging derives the next request from it. */
  readonly values?: RequestValues;
}

export interface WorkbenchState {
  readonly selectedEndpointId: string | null;
  /** Values handed over by history (or a paging link), applied to the draft once the editor has the endpoint. */
  readonly incoming: { readonly endpointId: string; readonly values: RequestValues; readonly send?: boolean } | null;
  /** A saved custom request shown instead of an endpoint (it has no catalog form). */
  readonly openedSaved: SavedRequest | null;
  /** How many times an endpoint was opened, so the app can show the workbench on each one. */
  readonly openCount: number;
  /** The endpoint whose form should take focus once drawn (opened from the palette). */
  readonly focusFormFor: string | null;
  /** Everything below is memory only: never persisted, gone when the app quits. */
  readonly drafts: ReadonlyMap<string, EditorDraft>;
  readonly outcomes: ReadonlyMap<string, SendOutcome>;
  /** Request ids in flight, by draft key. */
  readonly pending: ReadonlyMap<string, string>;
  /** Draft keys where a send was attempted, so every error shows, not only touched fields. */
  readonly attempted: ReadonlySet<string>;
}

export interface WorkbenchStore {
  getState(): WorkbenchState;
  subscribe(listener: () => void): () => void;
  /** Selects an endpoint; with values, the editor is filled with them (history's "open again"), and with `send` they are sent at once (a page fetched through another endpoint). */
  openEndpoint(endpointId: string, values?: RequestValues, options?: OpenOptions): void;
  takeIncoming(): WorkbenchState['incoming'];
  /** Shows a saved custom request in the workbench area. */
  openSaved(saved: SavedRequest): void;
  /** Shows a custom request that is in no collection (a pasted URL or curl command); it runs as it is. */
  openCustom(request: CustomRequest, options?: CustomOpenOptions): void;
  /** Shows a response that arrived some other way (a saved request's Run) as if this draft had sent it. */
  setOutcome(key: string, outcome: SendOutcome): void;
  /** True once for the endpoint that asked for focus. */
  takeFocusRequest(endpointId: string): boolean;
  setDraft(key: string, draft: EditorDraft): void;
  markAttempted(key: string): void;
  beginRequest(key: string, requestId: string): void;
  /** Ignored when a newer request for the same key has started since. */
  finishRequest(key: string, requestId: string, outcome: SendOutcome): void;
}

export interface OpenOptions {
  /** Send the values at once (a page fetched through another endpoint). */
  readonly send?: boolean;
  /** Move focus into the form, to the first required field still empty. */
  readonly focusForm?: boolean;
}

export interface CustomOpenOptions {
  /** The title shown for it. */
  readonly name?: string;
  /** Files the pasted command named; the view says they are not sent. */
  readonly missingFiles?: SavedRequest['missingFiles'];
}

/** An unsaved custom request is shown as a saved one with no collection. */
export function isUnsaved(saved: SavedRequest): boolean {
  return saved.collectionId === '';
}

/** The outcome slot of a saved custom request, kept per environment like a draft. */
export function savedKey(environmentId: string | null, savedId: string): string {
  return draftKey(environmentId, `saved:${savedId}`);
}

/** Drafts are kept apart per environment, because a domain or id valid in one account means nothing in another. */
export function draftKey(environmentId: string | null, endpointId: string): string {
  return `${environmentId ?? 'no-environment'}\u0000${endpointId}`;
}

const initialState: WorkbenchState = {
  selectedEndpointId: null,
  incoming: null,
  focusFormFor: null,
  openedSaved: null,
  openCount: 0,
  drafts: new Map(),
  outcomes: new Map(),
  pending: new Map(),
  attempted: new Set(),
};

export function createWorkbenchStore(initial: Partial<WorkbenchState> = {}): WorkbenchStore {
  let state: WorkbenchState = { ...initialState, ...initial };
  const listeners = new Set<() => void>();
  const set = (next: WorkbenchState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V | undefined): ReadonlyMap<string, V> => {
    const copy = new Map(map);
    if (value === undefined) copy.delete(key);
    else copy.set(key, value);
    return copy;
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openEndpoint(endpointId, values, options) {
      const incoming = values ? { endpointId, values, ...(options?.send ? { send: true } : {}) } : state.incoming;
      set({
        ...state,
        selectedEndpointId: endpointId,
        incoming,
        focusFormFor: options?.focusForm ? endpointId : null,
        openedSaved: null,
        openCount: state.openCount + 1,
      });
    },
    openSaved(saved) {
      set({ ...state, openedSaved: saved, openCount: state.openCount + 1 });
    },
    openCustom(request, options) {
      const now = new Date().toISOString();
      const saved: SavedRequest = {
        id: `unsaved-${crypto.randomUUID()}`,
        collectionId: '',
        name: options?.name ?? `${request.method} ${request.path}`,
        target: { kind: 'custom', request },
        missingFiles: options?.missingFiles ?? [],
        createdAt: now,
        updatedAt: now,
      };
      set({ ...state, openedSaved: saved, openCount: state.openCount + 1 });
    },
    setOutcome(key, outcome) {
      set({ ...state, outcomes: withEntry(state.outcomes, key, outcome) });
    },
    takeFocusRequest(endpointId) {
      if (state.focusFormFor !== endpointId) return false;
      set({ ...state, focusFormFor: null });
      return true;
    },
    takeIncoming() {
      const { incoming } = state;
      if (incoming) set({ ...state, incoming: null });
      return incoming;
    },
    setDraft(key, draft) {
      set({ ...state, drafts: withEntry(state.drafts, key, draft) });
    },
    markAttempted(key) {
      if (state.attempted.has(key)) return;
      set({ ...state, attempted: new Set([...state.attempted, key]) });
    },
    beginRequest(key, requestId) {
      set({ ...state, pending: withEntry(state.pending, key, requestId) });
    },
    finishRequest(key, requestId, outcome) {
      if (state.pending.get(key) !== requestId) return;
      set({ ...state, pending: withEntry(state.pending, key, undefined), outcomes: withEntry(state.outcomes, key, outcome) });
    },
  };
}

/** The app's one workbench; history, the palette and the sidebar all steer it. */
export const workbenchStore: WorkbenchStore = createWorkbenchStore();

/** For history's "open again" and anything else outside React that needs to open an endpoint. */
export function openEndpoint(endpointId: string, values?: RequestValues): void {
  workbenchStore.openEndpoint(endpointId, values);
}

export const WorkbenchStoreContext = createContext<WorkbenchStore>(workbenchStore);

export function useWorkbenchStore(): WorkbenchStore {
  return useContext(WorkbenchStoreContext);
}

export function useWorkbenchState<T>(select: (state: WorkbenchState) => T): T {
  const store = useWorkbenchStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
