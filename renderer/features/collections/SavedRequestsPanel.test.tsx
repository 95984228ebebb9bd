// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedRequestList } from '../../../shared/bridge/collections';
import { BridgeError, call } from '../../bridge/client';
import { SavedRequestsPanel } from './SavedRequestsPanel';
import { SaveRequestButton } from './SaveRequestButton';

vi.mock('../../bridge/client', () => {
  class BridgeError extends Error {
    constructor(readonly error: { code: string; message: string; hint: string; field?: string }) {
      super(error.message);
    }
  }
  return {
    BridgeError,
    call: vi.fn(),
    toAppError: (error: unknown) =>
      error instanceof BridgeError
        ? error.error
        : { code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' },
  };
});

const callMock = vi.mocked(call) as unknown as ReturnType<typeof vi.fn>;
let state: SavedRequestList;
let client: QueryClient;
const stamp = '2026-01-02T00:00:00.000Z';

function setup(handlers: Record<string, (arg: never) => unknown> = {}) {
  callMock.mockImplementation(async (method: string, arg: never) => {
    if (handlers[method]) return handlers[method](arg);
    if (method === 'listSavedRequests') return state;
    throw new Error(`unexpected ${method}`);
  });
}

function renderPanel(props: Partial<Parameters<typeof SavedRequestsPanel>[0]> = {}) {
  return render(
    <QueryClientProvider client={client}>
      <SavedRequestsPanel environmentId="env-1" {...props} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  callMock.mockReset();
  state = {
    collections: [{ id: 'c1', name: 'Onboarding', createdAt: stamp }],
    requests: [
      {
        id: 'r1',
        collectionId: 'c1',
        name: 'Welcome',
        target: { kind: 'catalog', endpointId: 'messages.send', values: { params: {} } },
        missingFiles: [],
        createdAt: stamp,
        updatedAt: stamp,
      },
      {
        id: 'r2',
        collectionId: 'c1',
        name: 'Drop bounce',
        target: { kind: 'custom', request: { method: 'DELETE', path: '/v3/{{domain}}/x', query: [], headers: [], body: { kind: 'none' } } },
        missingFiles: [],
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
  };
});
afterEach(cleanup);

describe('SavedRequestsPanel', () => {
  it('says when saved-requests.json had to be set aside, and what to do', async () => {
    state = {
      collections: [],
      requests: [],
      recovery: {
        id: 'n1',
        fileName: 'saved-requests.json',
        movedTo: 'saved-requests.json.corrupt-2026-12-01T10-00-00Z',
        at: stamp,
        reason: 'invalid-json',
        dropped: 0,
        message:
          'saved-requests.json was not valid JSON. The app started without the saved requests; to get them back, rename the kept file.',
      },
    };
    setup();
    renderPanel();
    const notice = await screen.findByTestId('saved-recovery');
    expect(notice.textContent).toContain('Your saved requests had to be recovered.');
    expect(notice.textContent).toContain('to get them back');
    expect(screen.getByTestId('saved-empty')).toBeTruthy();
  });

  it('shows an empty state', async () => {
    state = { collections: [], requests: [] };
    setup();
    renderPanel();
    expect((await screen.findByTestId('saved-empty')).textContent).toContain('Nothing saved yet');
  });

  it('opens catalog requests in the editor and runs custom ones after confirming a DELETE', async () => {
    const onOpen = vi.fn();
    const onResponse = vi.fn();
    let attempts = 0;
    setup({
      sendSavedRequest: (arg: { confirmedDestructive?: boolean }) => {
        attempts += 1;
        if (!arg.confirmedDestructive)
          throw new BridgeError({ code: 'invalid-request', message: 'Needs confirming.', hint: '', field: 'confirmedDestructive' });
        return { status: 200, statusText: 'OK' };
      },
    });
    renderPanel({ onOpen, onResponse });
    const welcome = await screen.findByTestId('saved-request-Welcome');
    fireEvent.click(within(welcome).getByTestId('saved-open'));
    expect(onOpen).toHaveBeenCalledWith(state.requests[0]);
    fireEvent.click(within(screen.getByTestId('saved-request-Drop bounce')).getByTestId('saved-run'));
    fireEvent.click(await screen.findByTestId('saved-run-delete-confirm'));
    await waitFor(() => expect(screen.getByTestId('saved-outcome').textContent).toContain('Drop bounce: 200 OK'));
    expect(attempts).toBe(2);
    expect(onResponse).toHaveBeenCalledTimes(1);
  });

  it('cannot run without an environment', async () => {
    setup();
    renderPanel({ environmentId: null });
    const run = within(await screen.findByTestId('saved-request-Welcome')).getByTestId('saved-run') as HTMLButtonElement;
    expect(run.disabled).toBe(true);
  });

  it('reports an import with its warnings', async () => {
    setup({
      importPostmanCollectionFromFile: () => ({
        cancelled: false,
        fileName: 'mg.postman_collection.json',
        collections: [{ id: 'c2', name: 'Sending', createdAt: stamp }],
        imported: 3,
        mapped: 2,
        custom: 1,
        warnings: ['1 pre-request or test script was ignored; the app does not run Postman scripts.'],
        environment: null,
      }),
    });
    renderPanel();
    fireEvent.click(await screen.findByTestId('saved-import'));
    const outcome = await screen.findByTestId('saved-outcome');
    expect(outcome.textContent).toContain('Imported 3 requests');
    expect(outcome.textContent).toContain('2 matched catalog endpoints, 1 kept as custom requests');
    expect(screen.getByTestId('saved-warnings').textContent).toContain('script was ignored');
  });

  it('exports with the key only after a second confirmation', async () => {
    const exported = vi.fn(() => ({
      saved: true,
      path: '/x',
      fileName: 'onboarding.postman_collection.json',
      requests: 2,
      environmentFile: { saved: true, fileName: 'e.json', keyIncluded: true },
    }));
    setup({ exportCollectionToFile: exported });
    renderPanel();
    fireEvent.click(await screen.findByTestId('saved-export'));
    fireEvent.click(screen.getByTestId('export-include-key'));
    fireEvent.click(screen.getByTestId('export-confirm'));
    expect(exported).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('export-key-confirm'));
    await waitFor(() => expect(exported).toHaveBeenCalledWith({ scope: 'saved', includeKeys: true, environmentId: 'env-1' }));
    expect((await screen.findByTestId('saved-outcome')).textContent).toContain('it contains the API key');
  });

  it('deletes a collection after confirming', async () => {
    const remove = vi.fn(() => ({ deleted: true, requestsDeleted: 2 }));
    setup({ deleteCollection: remove });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Onboarding' }));
    expect(screen.getByTestId('saved-delete-dialog').textContent).toContain('the 2 requests in it');
    fireEvent.click(screen.getByTestId('saved-delete-confirm'));
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ id: 'c1' }));
  });
});

describe('running a saved request', () => {
  it('can be cancelled while it runs, and says so', async () => {
    let rejectRun: (error: unknown) => void = () => {};
    const sent: { requestId: string }[] = [];
    const cancelled: { requestId: string }[] = [];
    setup({
      sendSavedRequest: (arg: { requestId: string }) => {
        sent.push(arg);
        return new Promise((_resolve, reject) => {
          rejectRun = reject;
        });
      },
      cancelRequest: (arg: { requestId: string }) => {
        cancelled.push(arg);
        rejectRun(new BridgeError({ code: 'cancelled', message: 'The request was cancelled.', hint: 'Send it again when you are ready.' }));
        return { cancelled: true };
      },
    });
    renderPanel();
    const row = await screen.findByTestId('saved-request-Welcome');
    fireEvent.click(within(row).getByTestId('saved-run'));
    fireEvent.click(await within(row).findByTestId('saved-run-cancel'));
    await waitFor(() => expect(cancelled).toEqual([{ requestId: sent[0]?.requestId }]));
    expect(await screen.findByText('The request was cancelled.')).toBeTruthy();
    expect(within(row).getByTestId('saved-run')).toBeTruthy();
  });
});

describe('SaveRequestButton', () => {
  it('saves the current values into a new collection', async () => {
    state = { collections: [], requests: [] };
    const save = vi.fn((arg: { name: string }) => ({ ...arg, id: 'r9' }));
    setup({ createCollection: (arg: { name: string }) => ({ id: 'c9', name: arg.name, createdAt: stamp }), saveRequest: save });
    render(
      <QueryClientProvider client={client}>
        <SaveRequestButton endpointId="domains.list" values={{ params: { limit: '5' } }} environmentId="env-1" />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('save-request'));
    fireEvent.change(screen.getByTestId('save-request-name'), { target: { value: 'Five domains' } });
    await screen.findByTestId('save-request-new-collection');
    fireEvent.change(screen.getByTestId('save-request-new-collection'), { target: { value: 'Admin' } });
    fireEvent.click(screen.getByTestId('save-request-confirm'));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith({
        collectionId: 'c9',
        name: 'Five domains',
        target: { kind: 'catalog', endpointId: 'domains.list', values: { params: { limit: '5' } } },
        environmentId: 'env-1',
      }),
    );
    expect((await screen.findByTestId('save-request-status')).textContent).toContain('Saved as “Five domains”');
  });

  it('tells the user when main took the API key out of what was saved', async () => {
    setup({ saveRequest: (arg: { name: string }) => ({ ...arg, id: 'r10', keyRemoved: true }) });
    render(
      <QueryClientProvider client={client}>
        <SaveRequestButton endpointId="domains.list" values={{ params: {} }} environmentId={null} defaultName="With key" />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('save-request'));
    await waitFor(() => expect((screen.getByTestId('save-request-collection') as HTMLSelectElement).value).toBe('c1'));
    fireEvent.click(screen.getByTestId('save-request-confirm'));
    expect((await screen.findByTestId('save-request-status')).textContent).toMatch(/Saved as “With key”\. The API key was taken out of it/);
  });

  it('shows a name clash from main', async () => {
    setup({
      saveRequest: () => {
        throw new BridgeError({ code: 'conflict', message: '"Welcome" already exists in this collection.', hint: '', field: 'name' });
      },
    });
    render(
      <QueryClientProvider client={client}>
        <SaveRequestButton endpointId="domains.list" values={{ params: {} }} environmentId={null} defaultName="Welcome" />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('save-request'));
    await waitFor(() => expect((screen.getByTestId('save-request-collection') as HTMLSelectElement).value).toBe('c1'));
    fireEvent.click(screen.getByTestId('save-request-confirm'));
    expect((await screen.findByTestId('save-request-error')).textContent).toContain('already exists');
  });
});
