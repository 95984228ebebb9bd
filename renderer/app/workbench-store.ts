import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CustomRequest, SavedRequest } from '../../shared/bridge/collections';
import type { AppError } from '../../shared/errors';
import type { RequestValues } from '../../shared/request';
import type { ResponseRecord } from '../../shared/requests/types';
import type { EditorDraft } from '../features/request-editor';

/** The last outcome of a send, kept per tab and environment like the draft. */
export interface SendOutcome {
  readonly response?: ResponseRecord;
  readonly error?: AppError;
  /** What was sent; paging derives the next request from it. */
  readonly values?: RequestValues;
}

/** What a tab shows: nothing yet (a new tab), a catalog endpoint, or a free-form request. */
export type TabTarget =
  | { readonly kind: 'blank' }
  | { readonly kind: 'endpoint'; readonly endpointId: string }
  | { readonly kind: 'custom'; readonly request: CustomRequest };

/** The saved request a tab was opened from, so Ctrl/Cmd+S saves over it and closing can tell unsaved changes. */
export interface SavedLink {
  readonly id: string;
  readonly collectionId: string;
  readonly name: string;
  /** The values as saved (catalog targets), compared with the draft to tell unsaved changes. */
  readonly values?: RequestValues;
}

export interface WorkbenchTab {
  readonly id: string;
  readonly target: TabTarget;
  /** Custom and saved tabs carry their own title; endpoint tabs take the catalog's summary. */
  readonly title?: string;
  /** A preview tab (italic title) is replaced by the next single-click open; editing or double-clicking keeps it. */
  readonly preview: boolean;
  readonly saved?: SavedLink;
  /** Files the restored draft carried; picked files are never kept, so they must be picked again. */
  readonly missingFiles?: readonly string[];
}

/** Values handed to a tab (history, a paging link, a restored draft), applied once the editor has the endpoint. */
export interface Incoming {
  readonly tabId: string;
  readonly endpointId: string;
  readonly values: RequestValues;
  readonly send?: boolean;
}

export interface ClosedTab {
  readonly tab: WorkbenchTab;
  readonly index: number;
  readonly drafts: readonly (readonly [string, EditorDraft])[];
}

export interface WorkbenchState {
  readonly tabs: readonly WorkbenchTab[];
  readonly activeTabId: string | null;
  /** The active tab's endpoint, for the catalog's highlight. */
  readonly selectedEndpointId: string | null;
  readonly incoming: Incoming | null;
  /** Drafts kept from the last session, by draft key, turned into editor drafts when their tab is drawn. */
  readonly restored: ReadonlyMap<string, RequestValues>;
  /** Most recently closed last; Ctrl/Cmd+Shift+T reopens them. */
  readonly closed: readonly ClosedTab[];
  /** How many times something was opened, so the app can show the workbench on each one. */
  readonly openCount: number;
  /** The tab whose form should take focus once drawn (opened from the palette). */
  readonly focusFormFor: string | null;
  /** Scroll offsets of each tab's panes, restored when the tab is shown again. */
  readonly scroll: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** Drafts by draft key (environment and tab); main keeps them between sessions, without responses or files. */
  readonly drafts: ReadonlyMap<string, EditorDraft>;
  readonly outcomes: ReadonlyMap<string, SendOutcome>;
  /** Request ids in flight, by draft key. */
  readonly pending: ReadonlyMap<string, string>;
  /** Draft keys where a send was attempted, so every error shows, not only touched fields. */
  readonly attempted: ReadonlySet<string>;
}

export interface OpenOptions {
  /** Send the values at once (a page fetched through another endpoint). */
  readonly send?: boolean;
  /** Move focus into the form, to the first required field still empty. */
  readonly focusForm?: boolean;
  /** False keeps the tab (a double click); a plain open is a preview that the next open replaces. */
  readonly preview?: boolean;
  /** Opens beside the current tabs even when one already shows this endpoint. */
  readonly newTab?: boolean;
}

export interface WorkbenchStore {
  getState(): WorkbenchState;
  subscribe(listener: () => void): () => void;
  /** Shows an endpoint in a tab; with values, the tab's form is filled with them, and with `send` they are sent at once. */
  openEndpoint(endpointId: string, values?: RequestValues, options?: OpenOptions): void;
  /** Shows a saved request (catalog or custom) in a tab linked to it. */
  openSaved(saved: SavedRequest): void;
  /** Opens an unsaved free-form request in a tab (cURL import, a pasted URL that matches no endpoint). */
  openCustom(request: CustomRequest, options?: OpenOptions & { readonly title?: string; readonly missingFiles?: readonly string[] }): void;
  /** A new empty tab (Ctrl/Cmd+T); the next open fills it. */
  newTab(): void;
  selectTab(tabId: string): void;
  closeTab(tabId: string): void;
  closeTabs(tabIds: readonly string[]): void;
  closeOtherTabs(tabId: string): void;
  closeTabsToTheRight(tabId: string): void;
  duplicateTab(tabId: string): void;
  reopenClosedTab(): void;
  /** Moves a tab to another position (drag, or Ctrl/Cmd+Shift+PageUp/PageDown). */
  moveTab(tabId: string, toIndex: number): void;
  /** Turns a preview tab into a kept one. */
  keepTab(tabId: string): void;
  /** After a save: the tab now belongs to that saved request, with no unsaved changes. */
  linkSaved(tabId: string, saved: SavedLink): void;
  setScroll(tabId: string, scroll: Readonly<Record<string, number>>): void;
  /** Brings back the last session's tabs, their drafts waiting for their tab to be drawn. */
  restore(tabs: readonly WorkbenchTab[], activeTabId: string | null, drafts: ReadonlyMap<string, RequestValues>): void;
  /** The values handed to this tab, once. */
  takeIncoming(tabId: string): Incoming | null;
  /** Shows a response that arrived some other way (a saved request's Run) as if this draft had sent it. */
  setOutcome(key: string, outcome: SendOutcome): void;
  /** True once for the tab that asked for focus. */
  takeFocusRequest(tabId: string): boolean;
  setDraft(key: string, draft: EditorDraft): void;
  markAttempted(key: string): void;
  beginRequest(key: string, requestId: string): void;
  /** Ignored when a newer request for the same key has started since. */
  finishRequest(key: string, requestId: string, outcome: SendOutcome): void;
}

/** How many closed tabs Ctrl/Cmd+Shift+T can bring back. */
const closedLimit = 20;

/** Drafts (and a tab's outcome) are kept apart per environment and tab, because a domain or id valid in one account means nothing in another. */
export function draftKey(environmentId: string | null, tabId: string): string {
  return `${environmentId ?? 'no-environment'}\u0000${tabId}`;
}

/** The tab a draft key belongs to. */
export function tabOfKey(key: string): string {
  return key.slice(key.indexOf('\u0000') + 1);
}

let tabCounter = 0;
function newTabId(): string {
  tabCounter += 1;
  return `tab-${Date.now().toString(36)}-${tabCounter}`;
}

function endpointOf(tab: WorkbenchTab | undefined): string | null {
  return tab?.target.kind === 'endpoint' ? tab.target.endpointId : null;
}

const initialState: WorkbenchState = {
  tabs: [],
  activeTabId: null,
  selectedEndpointId: null,
  incoming: null,
  restored: new Map(),
  closed: [],
  openCount: 0,
  focusFormFor: null,
  scroll: new Map(),
  drafts: new Map(),
  outcomes: new Map(),
  pending: new Map(),
  attempted: new Set(),
};

function withoutTabs<V>(map: ReadonlyMap<string, V>, gone: ReadonlySet<string>): ReadonlyMap<string, V> {
  let copy: Map<string, V> | undefined;
  for (const key of map.keys()) {
    if (!gone.has(tabOfKey(key)) && !gone.has(key)) continue;
    copy ??= new Map(map);
    copy.delete(key);
  }
  return copy ?? map;
}

export function createWorkbenchStore(initial: Partial<WorkbenchState> = {}): WorkbenchStore {
  let state: WorkbenchState = { ...initialState, ...initial };
  const listeners = new Set<() => void>();
  const set = (next: WorkbenchState) => {
    const active = next.tabs.find((tab) => tab.id === next.activeTabId);
    state = { ...next, selectedEndpointId: endpointOf(active) };
    for (const listener of listeners) listener();
  };
  const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V | undefined): ReadonlyMap<string, V> => {
    const copy = new Map(map);
    if (value === undefined) copy.delete(key);
    else copy.set(key, value);
    return copy;
  };

  /**
   * Where an open goes: into the active tab when it is blank, over the preview tab, else a new tab after the active
   * one. The replaced tab's drafts and outcomes go with it.
   */
  function place(tab: WorkbenchTab, options: OpenOptions | undefined, extra: Partial<WorkbenchState> = {}): void {
    const activeIndex = state.tabs.findIndex((t) => t.id === state.activeTabId);
    const active = state.tabs[activeIndex];
    let tabs: WorkbenchTab[];
    let gone: string | undefined;
    if (active?.target.kind === 'blank') {
      gone = active.id;
      tabs = state.tabs.map((t) => (t.id === active.id ? tab : t));
    } else {
      const previewIndex = options?.newTab ? -1 : state.tabs.findIndex((t) => t.preview);
      if (previewIndex >= 0) {
        gone = state.tabs[previewIndex]?.id;
        tabs = state.tabs.map((t, i) => (i === previewIndex ? tab : t));
      } else {
        tabs = [...state.tabs];
        tabs.splice(activeIndex + 1, 0, tab);
      }
    }
    const dropped = new Set(gone ? [gone] : []);
    set({
      ...state,
      ...extra,
      tabs,
      activeTabId: tab.id,
      drafts: withoutTabs(state.drafts, dropped),
      outcomes: withoutTabs(state.outcomes, dropped),
      attempted: new Set([...state.attempted].filter((key) => !dropped.has(tabOfKey(key)))),
      scroll: withoutTabs(state.scroll, dropped),
      openCount: state.openCount + 1,
    });
  }

  function close(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const closing = state.tabs.map((tab, index) => ({ tab, index })).filter(({ tab }) => ids.has(tab.id));
    const closed = [
      ...state.closed,
      ...closing
        .filter(({ tab }) => tab.target.kind !== 'blank')
        .map(({ tab, index }) => ({
          tab,
          index,
          drafts: [...state.drafts].filter(([key]) => tabOfKey(key) === tab.id),
        })),
    ].slice(-closedLimit);
    const tabs = state.tabs.filter((tab) => !ids.has(tab.id));
    let activeTabId = state.activeTabId;
    if (activeTabId && ids.has(activeTabId)) {
      // Like a browser: the tab to the right of the closed one, else the one to its left.
      const index = state.tabs.findIndex((tab) => tab.id === activeTabId);
      const after = state.tabs.slice(index + 1).find((tab) => !ids.has(tab.id));
      const before = state.tabs
        .slice(0, index)
        .reverse()
        .find((tab) => !ids.has(tab.id));
      activeTabId = (after ?? before)?.id ?? null;
    }
    set({
      ...state,
      tabs,
      activeTabId,
      closed,
      drafts: withoutTabs(state.drafts, ids),
      outcomes: withoutTabs(state.outcomes, ids),
      restored: withoutTabs(state.restored, ids),
      scroll: withoutTabs(state.scroll, ids),
      attempted: new Set([...state.attempted].filter((key) => !ids.has(tabOfKey(key)))),
    });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openEndpoint(endpointId, values, options) {
      // A new tab (Ctrl/Cmd+T) is filled by the next open and kept, whatever else is open.
      const intoBlank = activeTab(state)?.target.kind === 'blank';
      const preview = options?.preview !== false && !intoBlank;
      const focusFormFor = (id: string) => (options?.focusForm ? id : null);
      // Opening what a tab already shows goes to that tab, unless values were handed over for a fresh form.
      const existing =
        values || options?.newTab || intoBlank ? undefined : state.tabs.find((tab) => endpointOf(tab) === endpointId && !tab.saved);
      if (existing) {
        set({
          ...state,
          tabs: preview ? state.tabs : state.tabs.map((tab) => (tab.id === existing.id ? { ...tab, preview: false } : tab)),
          activeTabId: existing.id,
          focusFormFor: focusFormFor(existing.id),
          openCount: state.openCount + 1,
        });
        return;
      }
      const tab: WorkbenchTab = { id: newTabId(), target: { kind: 'endpoint', endpointId }, preview };
      place(tab, options, {
        incoming: values ? { tabId: tab.id, endpointId, values, ...(options?.send ? { send: true } : {}) } : state.incoming,
        focusFormFor: focusFormFor(tab.id),
      });
    },
    openSaved(saved) {
      const existing = state.tabs.find((tab) => tab.saved?.id === saved.id);
      if (existing) {
        set({ ...state, activeTabId: existing.id, openCount: state.openCount + 1 });
        return;
      }
      const link: SavedLink = {
        id: saved.id,
        collectionId: saved.collectionId,
        name: saved.name,
        ...(saved.target.kind === 'catalog' ? { values: saved.target.values } : {}),
      };
      const target: TabTarget =
        saved.target.kind === 'catalog'
          ? { kind: 'endpoint', endpointId: saved.target.endpointId }
          : { kind: 'custom', request: saved.target.request };
      const tab: WorkbenchTab = {
        id: newTabId(),
        target,
        title: saved.name,
        preview: true,
        saved: link,
        ...(saved.missingFiles.length > 0 ? { missingFiles: saved.missingFiles.map((file) => file.name) } : {}),
      };
      const incoming =
        saved.target.kind === 'catalog'
          ? { tabId: tab.id, endpointId: saved.target.endpointId, values: saved.target.values }
          : state.incoming;
      place(tab, undefined, { incoming });
    },
    openCustom(request, options) {
      const tab: WorkbenchTab = {
        id: newTabId(),
        target: { kind: 'custom', request },
        title: options?.title ?? `${request.method} ${request.path}`,
        preview: options?.preview === true,
        ...(options?.missingFiles && options.missingFiles.length > 0 ? { missingFiles: options.missingFiles } : {}),
      };
      place(tab, options);
    },
    newTab() {
      const blank = state.tabs.find((tab) => tab.target.kind === 'blank');
      if (blank) {
        set({ ...state, activeTabId: blank.id });
        return;
      }
      const index = state.tabs.findIndex((tab) => tab.id === state.activeTabId);
      const tabs = [...state.tabs];
      const tab: WorkbenchTab = { id: newTabId(), target: { kind: 'blank' }, preview: false };
      tabs.splice(index + 1, 0, tab);
      set({ ...state, tabs, activeTabId: tab.id, openCount: state.openCount + 1 });
    },
    selectTab(tabId) {
      if (state.activeTabId === tabId || !state.tabs.some((tab) => tab.id === tabId)) return;
      set({ ...state, activeTabId: tabId });
    },
    closeTab(tabId) {
      close(new Set([tabId]));
    },
    closeTabs(tabIds) {
      close(new Set(tabIds));
    },
    closeOtherTabs(tabId) {
      close(new Set(state.tabs.filter((tab) => tab.id !== tabId).map((tab) => tab.id)));
      if (state.activeTabId !== tabId) set({ ...state, activeTabId: tabId });
    },
    closeTabsToTheRight(tabId) {
      const index = state.tabs.findIndex((tab) => tab.id === tabId);
      if (index < 0) return;
      close(new Set(state.tabs.slice(index + 1).map((tab) => tab.id)));
    },
    duplicateTab(tabId) {
      const index = state.tabs.findIndex((tab) => tab.id === tabId);
      const source = state.tabs[index];
      if (!source) return;
      // A copy is a new request: it is not linked to the saved one it came from.
      const { saved: _saved, ...rest } = source;
      const copy: WorkbenchTab = {
        ...rest,
        id: newTabId(),
        preview: false,
        ...(source.saved ? { title: `${source.saved.name} (copy)` } : {}),
      };
      const drafts = new Map(state.drafts);
      for (const [key, draft] of state.drafts) {
        if (tabOfKey(key) === tabId) drafts.set(`${key.slice(0, key.indexOf('\u0000'))}\u0000${copy.id}`, draft);
      }
      const tabs = [...state.tabs];
      tabs.splice(index + 1, 0, copy);
      set({ ...state, tabs, drafts, activeTabId: copy.id });
    },
    reopenClosedTab() {
      const last = state.closed.at(-1);
      if (!last) return;
      const tabs = [...state.tabs];
      tabs.splice(Math.min(last.index, tabs.length), 0, { ...last.tab, preview: false });
      set({
        ...state,
        tabs,
        activeTabId: last.tab.id,
        closed: state.closed.slice(0, -1),
        drafts: new Map([...state.drafts, ...last.drafts]),
      });
    },
    moveTab(tabId, toIndex) {
      const from = state.tabs.findIndex((tab) => tab.id === tabId);
      const to = Math.max(0, Math.min(state.tabs.length - 1, toIndex));
      if (from < 0 || from === to) return;
      const tabs = [...state.tabs];
      const [tab] = tabs.splice(from, 1);
      if (tab) tabs.splice(to, 0, tab);
      set({ ...state, tabs });
    },
    keepTab(tabId) {
      if (!state.tabs.some((tab) => tab.id === tabId && tab.preview)) return;
      set({ ...state, tabs: state.tabs.map((tab) => (tab.id === tabId ? { ...tab, preview: false } : tab)) });
    },
    linkSaved(tabId, saved) {
      set({
        ...state,
        tabs: state.tabs.map((tab) => (tab.id === tabId ? { ...tab, saved, title: saved.name, preview: false } : tab)),
      });
    },
    setScroll(tabId, scroll) {
      set({ ...state, scroll: withEntry(state.scroll, tabId, scroll) });
    },
    restore(tabs, activeTabId, drafts) {
      // Anything opened before the kept tabs arrived stays, after them, and keeps the focus.
      const known = new Set(tabs.map((tab) => tab.id));
      const merged = [...tabs, ...state.tabs.filter((tab) => !known.has(tab.id))];
      const wanted = state.activeTabId ?? activeTabId;
      set({
        ...state,
        tabs: merged,
        activeTabId: merged.some((tab) => tab.id === wanted) ? wanted : (merged[0]?.id ?? null),
        restored: new Map([...drafts, ...state.restored]),
      });
    },
    takeIncoming(tabId) {
      const { incoming } = state;
      if (incoming?.tabId !== tabId) return null;
      set({ ...state, incoming: null });
      return incoming;
    },
    setOutcome(key, outcome) {
      set({ ...state, outcomes: withEntry(state.outcomes, key, outcome) });
    },
    takeFocusRequest(tabId) {
      if (state.focusFormFor !== tabId) return false;
      set({ ...state, focusFormFor: null });
      return true;
    },
    setDraft(key, draft) {
      set({ ...state, drafts: withEntry(state.drafts, key, draft), restored: withEntry(state.restored, key, undefined) });
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
export function openEndpoint(endpointId: string, values?: RequestValues, options?: OpenOptions): void {
  workbenchStore.openEndpoint(endpointId, values, options);
}

/** For the cURL import and the URL bar: an unsaved free-form request in a tab. */
export function openCustom(request: CustomRequest, options?: Parameters<WorkbenchStore['openCustom']>[1]): void {
  workbenchStore.openCustom(request, options);
}

export const WorkbenchStoreContext = createContext<WorkbenchStore>(workbenchStore);

export function useWorkbenchStore(): WorkbenchStore {
  return useContext(WorkbenchStoreContext);
}

export function useWorkbenchState<T>(select: (state: WorkbenchState) => T): T {
  const store = useWorkbenchStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** The active tab, or undefined when none is open. */
export function activeTab(state: WorkbenchState): WorkbenchTab | undefined {
  return state.tabs.find((tab) => tab.id === state.activeTabId);
}
