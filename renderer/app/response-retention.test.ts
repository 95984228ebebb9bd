import { afterEach, describe, expect, it, vi } from 'vitest';
import { retainShownResponses } from '../features/response';
import { testResponse } from '../features/response/test-helpers';
import { retainTabResponses } from './response-retention';
import { createWorkbenchStore, draftKey } from './workbench-store';

vi.mock('../features/response', () => ({ retainShownResponses: vi.fn() }));

const retained = vi.mocked(retainShownResponses);
const lastRetained = () => [...(retained.mock.calls.at(-1)?.[0] ?? [])].map((response) => response.requestId).sort();

afterEach(() => {
  retained.mockReset();
});

describe('response documents kept for switching back', () => {
  it('are those of the responses an open tab shows: a closed tab or a replaced response lets its document go', () => {
    const store = createWorkbenchStore();
    const stop = retainTabResponses(store);
    store.openEndpoint('events.list', undefined, { preview: false });
    const first = store.getState().activeTabId ?? '';
    store.openEndpoint('domains.list', undefined, { preview: false });
    const second = store.getState().activeTabId ?? '';
    const one = testResponse({ requestId: 'one' });
    const two = testResponse({ requestId: 'two' });
    store.setOutcome(draftKey('env', first), { response: one });
    store.setOutcome(draftKey('env', second), { response: two });
    expect(lastRetained()).toEqual(['one', 'two']);

    // Switching tabs changes nothing.
    const calls = retained.mock.calls.length;
    store.selectTab(first);
    expect(retained.mock.calls.length).toBe(calls);

    store.beginRequest(draftKey('env', first), 'three');
    store.finishRequest(draftKey('env', first), 'three', { response: testResponse({ requestId: 'three' }) });
    expect(lastRetained()).toEqual(['three', 'two']);

    store.closeTab(second);
    expect(lastRetained()).toEqual(['three']);
    stop();
    store.closeTab(first);
    expect(lastRetained()).toEqual(['three']);
  });
});
