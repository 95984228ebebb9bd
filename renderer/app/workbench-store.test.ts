import { describe, expect, it } from 'vitest';
import type { SavedRequest } from '../../shared/bridge/collections';
import type { EditorDraft } from '../features/request-editor';
import { createWorkbenchStore, draftKey } from './workbench-store';

const draft = (value: string): EditorDraft => ({ params: { name: value }, extra: [], headers: [] });
const endpoints = (store: ReturnType<typeof createWorkbenchStore>) =>
  store.getState().tabs.map((tab) => (tab.target.kind === 'endpoint' ? tab.target.endpointId : tab.target.kind));
const active = (store: ReturnType<typeof createWorkbenchStore>) => store.getState().selectedEndpointId;

describe('workbench tabs', () => {
  it('replaces the preview tab on the next open, and keeps it once edited or opened to keep', () => {
    const store = createWorkbenchStore();
    store.openEndpoint('domains.list');
    store.openEndpoint('domains.get');
    expect(endpoints(store)).toEqual(['domains.get']);
    expect(store.getState().tabs[0]?.preview).toBe(true);

    const tabId = store.getState().activeTabId ?? '';
    store.setDraft(draftKey('env', tabId), draft('a'));
    store.keepTab(tabId);
    store.openEndpoint('messages.send');
    expect(endpoints(store)).toEqual(['domains.get', 'messages.send']);

    store.openEndpoint('bounces.list', undefined, { preview: false });
    store.openEndpoint('tags.list');
    expect(endpoints(store)).toEqual(['domains.get', 'bounces.list', 'tags.list']);
    expect(active(store)).toBe('tags.list');
  });

  it('goes back to the tab already showing an endpoint, with its draft', () => {
    const store = createWorkbenchStore();
    store.openEndpoint('domains.get', undefined, { preview: false });
    const first = store.getState().activeTabId ?? '';
    store.setDraft(draftKey('env', first), draft('one.example.com'));
    store.openEndpoint('messages.send');
    store.openEndpoint('domains.get');
    expect(store.getState().activeTabId).toBe(first);
    expect(store.getState().drafts.get(draftKey('env', first))).toEqual(draft('one.example.com'));
  });

  it('closes a tab, selecting its right-hand neighbour, and reopens it with its draft', () => {
    const store = createWorkbenchStore();
    for (const id of ['a', 'b', 'c']) store.openEndpoint(id, undefined, { preview: false });
    store.selectTab(store.getState().tabs[1]?.id ?? '');
    const middle = store.getState().activeTabId ?? '';
    store.setDraft(draftKey(null, middle), draft('kept'));
    store.closeTab(middle);
    expect(endpoints(store)).toEqual(['a', 'c']);
    expect(active(store)).toBe('c');
    expect(store.getState().drafts.has(draftKey(null, middle))).toBe(false);

    store.reopenClosedTab();
    expect(endpoints(store)).toEqual(['a', 'b', 'c']);
    expect(active(store)).toBe('b');
    expect(store.getState().drafts.get(draftKey(null, middle))).toEqual(draft('kept'));
  });

  it('closes the others and those to the right, moves and duplicates tabs', () => {
    const store = createWorkbenchStore();
    for (const id of ['a', 'b', 'c', 'd']) store.openEndpoint(id, undefined, { preview: false });
    const [a, b] = store.getState().tabs;
    store.closeTabsToTheRight(b?.id ?? '');
    expect(endpoints(store)).toEqual(['a', 'b']);
    expect(active(store)).toBe('b');

    store.moveTab(b?.id ?? '', 0);
    expect(endpoints(store)).toEqual(['b', 'a']);

    store.setDraft(draftKey('env', a?.id ?? ''), draft('x'));
    store.duplicateTab(a?.id ?? '');
    const copy = store.getState().tabs[2];
    expect(endpoints(store)).toEqual(['b', 'a', 'a']);
    expect(store.getState().activeTabId).toBe(copy?.id);
    expect(store.getState().drafts.get(draftKey('env', copy?.id ?? ''))).toEqual(draft('x'));

    store.closeOtherTabs(b?.id ?? '');
    expect(endpoints(store)).toEqual(['b']);
    expect(active(store)).toBe('b');
  });

  it('fills a new blank tab with the next open, and hands values to the tab they are for', () => {
    const store = createWorkbenchStore();
    store.openEndpoint('a', undefined, { preview: false });
    store.newTab();
    expect(endpoints(store)).toEqual(['a', 'blank']);
    store.openEndpoint('b', { params: { x: '1' } });
    expect(endpoints(store)).toEqual(['a', 'b']);
    expect(store.getState().tabs[1]?.preview).toBe(false);

    const tabId = store.getState().activeTabId ?? '';
    expect(store.takeIncoming('other')).toBeNull();
    expect(store.takeIncoming(tabId)).toMatchObject({ endpointId: 'b', values: { params: { x: '1' } } });
    expect(store.takeIncoming(tabId)).toBeNull();

    // Even an endpoint open elsewhere goes into the new tab.
    store.newTab();
    store.openEndpoint('a');
    expect(endpoints(store)).toEqual(['a', 'b', 'a']);
  });

  it('opens a saved request linked to it, once, and custom requests in their own tabs', () => {
    const store = createWorkbenchStore();
    const saved: SavedRequest = {
      id: 's1',
      collectionId: 'c1',
      name: 'Weekly bounces',
      target: { kind: 'catalog', endpointId: 'bounces.list', values: { params: { limit: 10 } } },
      missingFiles: [],
      createdAt: '',
      updatedAt: '',
    };
    store.openSaved(saved);
    store.keepTab(store.getState().activeTabId ?? '');
    store.openEndpoint('tags.list');
    store.openSaved(saved);
    expect(endpoints(store)).toEqual(['bounces.list', 'tags.list']);
    expect(store.getState().tabs[0]?.saved).toMatchObject({ id: 's1', collectionId: 'c1', values: { params: { limit: 10 } } });

    // Like any open, a custom request takes the preview tab's place.
    store.openCustom({ method: 'GET', path: '/v3/things', query: [], headers: [], body: { kind: 'none' } });
    expect(endpoints(store)).toEqual(['bounces.list', 'custom']);
    expect(store.getState().tabs[1]?.title).toBe('GET /v3/things');
    expect(store.getState().tabs[1]?.preview).toBe(false);
  });
});
