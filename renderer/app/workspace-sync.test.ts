import { describe, expect, it } from 'vitest';
import { createWorkbenchStore, draftKey } from './workbench-store';
import { restoredFrom, snapshotOf } from './workspace-sync';

describe('workspace snapshot', () => {
  it('keeps tabs, drafts per environment and the active tab, and restores them into a new store', () => {
    const store = createWorkbenchStore();
    store.openEndpoint('domains.get', undefined, { preview: false });
    const first = store.getState().activeTabId ?? '';
    store.setDraft(draftKey('env-1', first), {
      params: { name: 'one.example.com' },
      extra: [],
      headers: [{ id: 'r', name: 'X-A', value: '1' }],
    });
    store.setDraft(draftKey(null, first), { params: { name: 'none.example.com' }, extra: [], headers: [] });
    store.openCustom({ method: 'GET', path: '/v3/things', query: [], headers: [], body: { kind: 'none' } });
    store.selectTab(first);
    store.setOutcome(draftKey('env-1', first), { error: { code: 'timeout', message: 'Slow.', hint: '' } });

    const snapshot = snapshotOf(store.getState());
    expect(snapshot.activeTabId).toBe(first);
    expect(snapshot.tabs[0]?.drafts).toEqual([
      { environmentId: 'env-1', values: { params: { name: 'one.example.com' }, extra: [], headers: [{ name: 'X-A', value: '1' }] } },
      { environmentId: null, values: { params: { name: 'none.example.com' }, extra: [], headers: [] } },
    ]);
    // Responses and errors are not kept.
    expect(JSON.stringify(snapshot)).not.toContain('Slow.');

    const next = createWorkbenchStore();
    const kept = restoredFrom(JSON.parse(JSON.stringify(snapshot)));
    next.restore(kept.tabs, kept.activeTabId, kept.drafts);
    expect(next.getState().tabs.map((tab) => tab.target.kind)).toEqual(['endpoint', 'custom']);
    expect(next.getState().selectedEndpointId).toBe('domains.get');
    expect(next.getState().restored.get(draftKey('env-1', first))?.params).toEqual({ name: 'one.example.com' });
    // A restored draft that was never edited is kept again as it came.
    expect(snapshotOf(next.getState())).toEqual(snapshot);
  });
});
