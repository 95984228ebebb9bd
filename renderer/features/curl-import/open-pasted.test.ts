import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../../app/workbench-store';
import { openPasted } from './open-pasted';

const KEY = 'key-0123456789abcdef0123456789abcdef';

describe('openPasted', () => {
  it('opens a pasted send as messages.send with both recipients, and keeps the key out of the store', async () => {
    const store = createWorkbenchStore();
    const result = await openPasted(
      `curl -s --user 'api:${KEY}' https://api.mailgun.net/v3/mg.example.org/messages -F to=a@x.example -F to=b@x.example -F subject=Hi`,
      store,
    );
    expect(result).toEqual({ ok: true });
    const state = store.getState();
    expect(state.selectedEndpointId).toBe('messages.send');
    expect(state.incoming?.values.params.to).toEqual(['a@x.example', 'b@x.example']);
    expect(JSON.stringify(state.incoming)).not.toContain(KEY);
  });

  it('edits the open endpoint’s URL without losing its body fields', async () => {
    const store = createWorkbenchStore();
    await openPasted('https://api.mailgun.net/v3/new.example/messages', store, {
      endpointId: 'messages.send',
      method: 'POST',
      values: { params: { domain_name: 'old.example', to: ['a@x.example'] }, headers: [{ name: 'X-A', value: '1' }] },
    });
    expect(store.getState().incoming?.values).toEqual({
      params: { domain_name: 'new.example', to: ['a@x.example'] },
      extra: [],
      headers: [{ name: 'X-A', value: '1' }],
    });
  });

  it('opens anything else as an unsaved custom request, and reports what it could not read', async () => {
    const store = createWorkbenchStore();
    expect(await openPasted('/v3/not-in-the-catalog?x=1', store)).toEqual({ ok: true });
    const { tabs, activeTabId } = store.getState();
    expect(tabs.find((tab) => tab.id === activeTabId)?.target).toEqual({
      kind: 'custom',
      request: { method: 'GET', path: '/v3/not-in-the-catalog', query: [{ name: 'x', value: '1' }], headers: [], body: { kind: 'none' } },
    });
    expect(await openPasted('curl --nope https://api.mailgun.net/v4/domains', store)).toMatchObject({ ok: false });
  });
});
