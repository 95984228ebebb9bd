// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry, HistoryPage, HistorySummary } from '../../../shared/requests/types';
import { call } from '../../bridge/client';
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
