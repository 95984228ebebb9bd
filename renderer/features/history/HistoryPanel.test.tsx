// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry, HistoryPage, HistorySummary } from '../../../shared/requests/types';
import { call } from '../../bridge/client';
import { currentInvestigation, investigateStore } from '../investigate';
import { HistoryPanel } from './HistoryPanel';

vi.mock('../../bridge/client', () => ({
  call: vi.fn(),
  toAppError: (error: unknown) => ({ code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' }),
}));

const callMock = vi.mocked(call);

function entry(id: string, path: string, status: number | null, body: HistoryEntry['storedBody'], truncated = false): HistoryEntry {
  return {
    id,
    requestId: `req-${id}`,
    createdAt: Date.now() - 90_000,
    environment: { id: 'env1', name: 'Production US', baseUrl: 'https://api.mailgun.net' },
    endpoint: { id: `endpoint-${id}`, method: 'GET', path },
    request: { method: 'GET', url: `https://api.mailgun.net${path}`, headers: [] },
    values: { params: { limit: 10 } },
    valuesTruncated: false,
    ...(status === null
      ? { error: { code: 'timeout', message: 'Mailgun did not answer in time.', hint: 'Try again.' } }
      : {
          response: {
            status,
            statusText: status === 200 ? 'OK' : 'Not Found',
            headers: [['content-type', 'application/json']],
            contentType: 'application/json',
            sizeBytes: 1536,
            timings: { startedAt: Date.now() - 90_000, ttfbMs: 80, totalMs: 210 },
          },
        }),
    body: { kind: body.kind, storedBytes: 100, truncated, evicted: false },
    storedBody: body,
  };
}

let store: HistoryEntry[] = [];
let recovery: HistoryPage['recovery'];

function summary({ storedBody: _body, ...rest }: HistoryEntry): HistorySummary {
  return rest;
}

beforeEach(() => {
  store = [
    entry('a', '/v4/domains', 200, { kind: 'text', text: '{"items":[{"name":"mg.example.com"}],"total_count":1}' }),
    entry('b', '/v3/lists/pages', 404, { kind: 'text', text: '{"items":[{"addr' }, true),
    entry('c', '/v3/mg.example.com/events', null, { kind: 'none' }),
  ];
  recovery = undefined;
  callMock.mockReset();
  callMock.mockImplementation((async (method: string, arg?: { query?: string; id?: string }) => {
    switch (method) {
      case 'listHistory': {
        const query = arg?.query?.toLowerCase() ?? '';
        const entries = store.filter((item) => item.request.url.toLowerCase().includes(query)).map(summary);
        return { entries, total: entries.length, ...(recovery ? { recovery } : {}) };
      }
      case 'getHistoryEntry': {
        const found = store.find((item) => item.id === arg?.id);
        if (!found) throw new Error('Not found');
        return found;
      }
      case 'deleteHistoryEntry':
        store = store.filter((item) => item.id !== arg?.id);
        return { deleted: true };
      case 'clearHistory': {
        const cleared = store.length;
        store = [];
        return { cleared };
      }
      default:
        throw new Error(`unexpected ${method}`);
    }
  }) as typeof call);
});

afterEach(() => cleanup());

function renderPanel() {
  const onOpen = vi.fn();
  const onResend = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <HistoryPanel onOpen={onOpen} onResend={onResend} />
    </QueryClientProvider>,
  );
  return { onOpen, onResend };
}

describe('HistoryPanel', () => {
  it('says when the index had to be rebuilt, and where the original went, until dismissed', async () => {
    recovery = {
      id: 'n1',
      fileName: 'index.json',
      movedTo: 'index.json.corrupt-2026-12-01T10-00-00Z',
      at: '2026-12-01T10:00:00.000Z',
      reason: 'invalid-json',
      dropped: 0,
      message: 'index.json was not valid JSON. History: 3 entries were rebuilt from the files kept beside it.',
    };
    renderPanel();
    const notice = await screen.findByTestId('history-recovery');
    expect(notice.textContent).toContain('History had to be recovered.');
    expect(notice.textContent).toContain('3 entries were rebuilt');
    fireEvent.click(within(notice).getByTestId('history-recovery-dismiss'));
    expect(screen.queryByTestId('history-recovery')).toBeNull();
  });

  it('lists entries with status, environment, time and size', async () => {
    renderPanel();
    const rows = await screen.findAllByTestId('history-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('/v4/domains');
    expect(rows[0]?.textContent).toContain('200');
    expect(rows[0]?.textContent).toContain('Production US');
    expect(rows[0]?.textContent).toContain('1 min ago');
    expect(rows[0]?.textContent).toContain('210 ms');
    expect(rows[0]?.textContent).toContain('1.5 KB');
    expect(rows[2]?.textContent).toContain('failed');
  });

  it('searches through listHistory', async () => {
    renderPanel();
    await screen.findAllByTestId('history-row');
    fireEvent.change(screen.getByTestId('history-search'), { target: { value: 'events' } });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(callMock).toHaveBeenCalledWith('listHistory', { query: 'events', limit: 200 });
    fireEvent.change(screen.getByTestId('history-search'), { target: { value: 'nothing-like-this' } });
    expect((await screen.findByTestId('history-empty')).textContent).toContain('No requests match');
  });

  it('opens an entry with its stored body, and hands it back to open or resend', async () => {
    const { onOpen, onResend } = renderPanel();
    fireEvent.click((await screen.findAllByTestId('history-row'))[0] as HTMLElement);
    const detail = await screen.findByTestId('history-detail');
    await waitFor(() => expect(within(detail).getByTestId('json-tree').textContent).toContain('"mg.example.com"'));
    fireEvent.click(within(detail).getByTestId('history-open'));
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'a', endpoint: expect.objectContaining({ id: 'endpoint-a' }), values: { params: { limit: 10 } } }),
    );
    fireEvent.click(within(detail).getByTestId('history-resend'));
    expect(onResend).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
  });

  it('shows a cut-short body as text with a note, and a failed send as an error', async () => {
    renderPanel();
    fireEvent.click((await screen.findAllByTestId('history-row'))[1] as HTMLElement);
    const detail = await screen.findByTestId('history-detail');
    expect(await within(detail).findByTestId('raw-view')).toBeTruthy();
    expect(within(detail).getByTestId('body-note').textContent).toContain('only the start');
    fireEvent.click(screen.getAllByTestId('history-row')[2] as HTMLElement);
    expect((await screen.findByTestId('send-error')).textContent).toContain('Mailgun did not answer in time.');
  });

  it('deletes one entry', async () => {
    renderPanel();
    fireEvent.click((await screen.findAllByTestId('history-row'))[0] as HTMLElement);
    fireEvent.click(await screen.findByTestId('history-delete'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    expect(callMock).toHaveBeenCalledWith('deleteHistoryEntry', { id: 'a' });
    expect(screen.queryByTestId('history-detail')).toBeNull();
  });

  it('clears everything only after confirmation', async () => {
    renderPanel();
    await screen.findAllByTestId('history-row');
    fireEvent.click(screen.getByTestId('history-clear'));
    expect(screen.getByTestId('history-confirm').textContent).toContain('Delete all 3 entries?');
    fireEvent.click(screen.getByTestId('history-cancel-clear'));
    expect(callMock).not.toHaveBeenCalledWith('clearHistory');
    fireEvent.click(screen.getByTestId('history-clear'));
    fireEvent.click(screen.getByTestId('history-confirm-clear'));
    expect(await screen.findByTestId('history-empty')).toBeTruthy();
    expect(callMock).toHaveBeenCalledWith('clearHistory');
  });
});

describe('HistoryPanel investigations', () => {
  const traced = (): HistoryEntry => ({
    ...entry('t', '/v3/mg.example.com/events', 200, {
      kind: 'text',
      text: '{"items":[{"event":"failed","recipient":"bob@example.com"}]}',
    }),
    endpoint: { id: 'events.list', method: 'GET', path: '/v3/{domain_name}/events' },
    request: { method: 'GET', url: 'https://api.mailgun.net/v3/mg.example.com/events?recipient=bob%40example.com', headers: [] },
    values: { params: { recipient: 'bob@example.com', 'message-id': '20261201.abc@mg.example.com', limit: 10 } },
  });
  const labels = (menu: HTMLElement) =>
    within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.textContent);

  beforeEach(() => {
    store = [traced(), ...store];
    investigateStore.reset();
  });

  it('offers the request’s domain, recipient and Message-ID from a row’s context menu and carries the one chosen', async () => {
    renderPanel();
    const row = (await screen.findAllByTestId('history-row'))[0] as HTMLElement;
    fireEvent.contextMenu(row);
    const menu = await screen.findByRole('menu', {
      name: 'Investigate this request (/v3/mg.example.com/events?recipient=bob%40example.com)',
    });
    expect(labels(menu)).toEqual([
      'Investigate recipient: bob@example.com',
      'Trace message: bob@example.com',
      'Open in workbench: bob@example.com',
      'Trace message: 20261201.abc@mg.example.com',
      'Domain health: mg.example.com',
      'Open in workbench: 20261201.abc@mg.example.com',
      'Open in workbench: mg.example.com',
    ]);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Investigate recipient: bob@example.com' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'recipient', address: 'bob@example.com' });
  });

  it('opens a row’s menu from the keyboard, and none on a row with nothing to investigate', async () => {
    renderPanel();
    const rows = await screen.findAllByTestId('history-row');
    const row = rows[0] as HTMLElement;
    row.focus();
    fireEvent.keyDown(row, { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu');
    expect(document.activeElement).toBe(within(menu).getAllByRole('menuitem')[0]);
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(row);
    fireEvent.keyDown(row, { key: 'ContextMenu' });
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Trace message: 20261201.abc@mg.example.com' }));
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'trace', messageId: '20261201.abc@mg.example.com' });

    fireEvent.contextMenu(rows[1] as HTMLElement);
    fireEvent.keyDown(rows[1] as HTMLElement, { key: 'ContextMenu' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows the values a request was sent with in its detail, each with the menu by mouse or keyboard', async () => {
    renderPanel();
    fireEvent.click((await screen.findAllByTestId('history-row'))[0] as HTMLElement);
    const detail = await screen.findByTestId('history-detail');
    const chips = within(detail).getAllByTestId('history-target');
    expect(chips.map((chip) => chip.textContent)).toEqual([
      'recipient bob@example.com',
      'message-id 20261201.abc@mg.example.com',
      'domain_name mg.example.com',
    ]);
    expect(chips.every((chip) => chip.tabIndex === 0)).toBe(true);
    fireEvent.contextMenu(chips[0] as HTMLElement);
    const menu = await screen.findByRole('menu', { name: 'Investigate bob@example.com' });
    expect(labels(menu)).toEqual(['Investigate recipient', 'Trace message', 'Open in workbench']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Investigate recipient' }));
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'recipient', address: 'bob@example.com' });

    (chips[2] as HTMLElement).focus();
    fireEvent.keyDown(chips[2] as HTMLElement, { key: 'F10', shiftKey: true });
    fireEvent.click(
      within(await screen.findByRole('menu', { name: 'Investigate mg.example.com' })).getByRole('menuitem', { name: 'Domain health' }),
    );
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'health', domain: 'mg.example.com' });
  });

  it('investigates a value of the stored response from its Table view', async () => {
    renderPanel();
    fireEvent.click((await screen.findAllByTestId('history-row'))[0] as HTMLElement);
    const detail = await screen.findByTestId('history-detail');
    fireEvent.click(await within(detail).findByTestId('tab-table'));
    const table = await within(detail).findByTestId('table-view');
    await waitFor(() =>
      expect(
        within(table)
          .getAllByTestId('table-cell')
          .map((cell) => cell.textContent),
      ).toEqual(['failed', 'bob@example.com']),
    );
    fireEvent.contextMenu(within(table).getAllByTestId('table-cell')[1] as HTMLElement);
    fireEvent.click(
      within(await screen.findByRole('menu', { name: 'Investigate bob@example.com' })).getByRole('menuitem', { name: 'Trace message' }),
    );
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'trace', address: 'bob@example.com' });
  });
});
