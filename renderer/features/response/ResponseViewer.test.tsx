// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BodyStreamMessage } from '../../../shared/bridge/body-stream';
import { call } from '../../bridge/client';
import { Toaster } from '../../ui';
import { TreeHost } from './body/tree-host';
import { retainResponseDocuments } from './body/use-json-document';
import { ResponseViewer, type ResponseViewerProps } from './ResponseViewer';
import { testEndpoint, testResponse, US_ENVIRONMENT } from './test-helpers';

vi.mock('../../bridge/client', () => ({
  call: vi.fn(),
  toAppError: (error: unknown) => ({ code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' }),
}));

// A streamed body's messages come from main through this; the tests deliver them by hand.
const streamFeeds = new Map<string, (message: BodyStreamMessage) => void>();
vi.mock('../../bridge/body-stream', () => ({
  openBodyStream: (streamId: string, onMessage: (message: BodyStreamMessage) => void) => {
    streamFeeds.set(streamId, onMessage);
    return () => streamFeeds.delete(streamId);
  },
}));

const callMock = vi.mocked(call);

function renderViewer(props: Partial<ResponseViewerProps>) {
  const onPage = vi.fn();
  const utils = render(
    <ResponseViewer pending={false} endpoint={testEndpoint()} environment={US_ENVIRONMENT} onPage={onPage} {...props} />,
  );
  return { ...utils, onPage };
}

function bigList(count: number): string {
  const items = Array.from({ length: count }, (_, index) => ({
    id: `ev-${index}`,
    event: index % 2 === 0 ? 'delivered' : 'opened',
    recipient: `user${index}@example.com`,
  }));
  return JSON.stringify({ items, paging: { next: 'https://api.mailgun.net/v3/mg.example.com/events/abc' } });
}

beforeEach(() => {
  callMock.mockReset();
});

afterEach(() => {
  cleanup();
});

describe('JSON tree', () => {
  it('shows a 100,000-item list with only a screenful of rows in the DOM, and expands and collapses items', async () => {
    renderViewer({ response: testResponse({ text: bigList(100_000) }) });
    const tree = await screen.findByTestId('json-tree');
    await waitFor(() => expect(within(tree).getAllByTestId('json-row').length).toBeGreaterThan(5));
    const rows = () => within(tree).getAllByTestId('json-row');
    expect(rows().length).toBeLessThan(120);
    // A body this big is indexed a slice at a time: the count grows to the full list.
    await waitFor(() => expect(tree.textContent).toContain('100,000 items'), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('tree-row-count').textContent).not.toContain('Reading'), { timeout: 10_000 });
    // Root, `items` and then the first item, collapsed with a preview.
    const firstItem = rows().find((row) => row.textContent?.startsWith('▸0: {id: "ev-0"'));
    expect(firstItem).toBeDefined();
    const childRows = () => rows().filter((row) => row.getAttribute('aria-level') === '4');
    expect(childRows()).toHaveLength(0);
    fireEvent.click(within(firstItem as HTMLElement).getByTestId('json-toggle'));
    await waitFor(() =>
      expect(childRows().map((row) => row.textContent)).toEqual(['id: "ev-0"', 'event: "delivered"', 'recipient: "user0@example.com"']),
    );
    expect(rows().length).toBeLessThan(120);
    expect(screen.getByText('100,007 rows shown')).toBeTruthy();
    const expanded = rows().find((row) => row.getAttribute('aria-level') === '3' && row.getAttribute('aria-expanded') === 'true');
    fireEvent.click(within(expanded as HTMLElement).getByTestId('json-toggle'));
    await waitFor(() => expect(childRows()).toHaveLength(0));
  });

  it('draws a body under 256 kB, parsed whole, as a tree in the render the response arrives in, with no reading step between', () => {
    const { rerender } = renderViewer({ pending: true });
    const text = bigList(3_000);
    expect(text.length).toBeGreaterThan(150_000);
    expect(text.length).toBeLessThan(256 * 1024);
    rerender(
      <ResponseViewer
        pending={false}
        endpoint={testEndpoint()}
        environment={US_ENVIRONMENT}
        onPage={vi.fn()}
        response={testResponse({ text })}
      />,
    );
    // No await: the rows are there in the same commit, not a task later.
    expect(screen.queryByTestId('body-parsing')).toBeNull();
    const rows = within(screen.getByTestId('json-tree')).getAllByTestId('json-row');
    expect(rows.map((row) => row.textContent).slice(0, 3)).toEqual([
      '▾2 keys',
      '▾items: 3,000 items',
      '▸0: {id: "ev-0", event: "delivered", recipient: "user0@example.com"}3 keys',
    ]);
  });

  it('draws a body over 256 kB from its first indexed slice in the render it arrives in, and completes it later', async () => {
    const { rerender } = renderViewer({ pending: true });
    const text = bigList(60_000);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    rerender(
      <ResponseViewer
        pending={false}
        endpoint={testEndpoint()}
        environment={US_ENVIRONMENT}
        onPage={vi.fn()}
        response={testResponse({ text })}
      />,
    );
    expect(screen.queryByTestId('body-parsing')).toBeNull();
    const rows = within(screen.getByTestId('json-tree')).getAllByTestId('json-row');
    expect(rows[2]?.textContent).toBe('▸0: {id: "ev-0", event: "delivered", recipient: "user0@example.com"}3 keys');
    expect(screen.getByTestId('tree-row-count').textContent).toContain('Reading the rest of the body');
    await waitFor(() => expect(screen.getByTestId('tree-row-count').textContent).not.toContain('Reading'), { timeout: 10_000 });
    expect(screen.getByTestId('json-tree').textContent).toContain('60,000 items');
  });

  it('collapses the whole tree and expands with the keyboard', async () => {
    renderViewer({
      response: testResponse({ text: JSON.stringify({ domain: { name: 'mg.example.com', state: 'active' }, receiving_dns_records: [] }) }),
    });
    const tree = await screen.findByTestId('json-tree');
    await waitFor(() => expect(tree.textContent).toContain('"mg.example.com"'));
    fireEvent.click(screen.getByTestId('tree-collapse-all'));
    await waitFor(() => expect(within(tree).getAllByTestId('json-row')).toHaveLength(3));
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => expect(within(tree).getAllByTestId('json-row')).toHaveLength(5));
  });
});

describe('tree context menu', () => {
  const body = { domain: { name: 'mg.example.com', state: 'active' }, records: [1, 2] };

  async function treeWithClipboard() {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Toaster />);
    renderViewer({ response: testResponse({ text: JSON.stringify(body) }) });
    const tree = await screen.findByTestId('json-tree');
    await waitFor(() => expect(tree.textContent).toContain('"mg.example.com"'));
    const row = (text: string) => {
      const found = within(tree)
        .getAllByTestId('json-row')
        .find((candidate) => candidate.textContent?.startsWith(text));
      if (!found) throw new Error(`no row ${text}`);
      return found;
    };
    return { writeText, tree, row };
  }

  it('copies a string’s own text and a container as JSON from a right-click, and says so', async () => {
    const { writeText, row } = await treeWithClipboard();
    fireEvent.contextMenu(row('name: '));
    const menu = await screen.findByRole('menu', { name: 'Actions for this value' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
      // A domain also offers the investigations (features/investigate).
    ).toEqual(['Copy value', 'Copy path', 'Domain health', 'Open in workbench']);
    fireEvent.click(within(menu).getByTestId('tree-menu-copy-value'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('mg.example.com'));
    await waitFor(() => expect(screen.getByTestId('toaster').textContent).toContain('Value copied.'));
    expect(screen.queryByRole('menu')).toBeNull();

    fireEvent.contextMenu(row('▾domain: '));
    fireEvent.click(await screen.findByTestId('tree-menu-copy-value'));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(JSON.stringify(body.domain, null, 2)));

    fireEvent.contextMenu(row('1: 2'));
    fireEvent.click(await screen.findByTestId('tree-menu-copy-path'));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith('records[1]'));
  });

  it('copies a container of a big indexed body as the text the server sent', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const text = bigList(40_000);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    renderViewer({ response: testResponse({ text }) });
    const tree = await screen.findByTestId('json-tree');
    await waitFor(() => expect(screen.getByTestId('tree-row-count').textContent).not.toContain('Reading'), { timeout: 10_000 });
    const items = within(tree)
      .getAllByTestId('json-row')
      .find((row) => row.textContent?.startsWith('▾items: '));
    fireEvent.contextMenu(items as HTMLElement);
    fireEvent.click(await screen.findByTestId('tree-menu-copy-value'));
    // Not re-indented: the slice of the body, which needs neither a parse nor a stringify of 40,000 events.
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(JSON.stringify((JSON.parse(text) as { items: unknown }).items)));
  });

  it('opens from the keyboard on the selected row, and gives focus back to the tree', async () => {
    const { writeText, tree, row } = await treeWithClipboard();
    tree.focus();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(row('name: ').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree, { key: 'F10', shiftKey: true });
    const copyValue = await screen.findByTestId('tree-menu-copy-value');
    expect(document.activeElement).toBe(copyValue);
    fireEvent.keyDown(copyValue, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(tree);

    fireEvent.keyDown(tree, { key: 'ContextMenu' });
    fireEvent.click(await screen.findByTestId('tree-menu-copy-value'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('mg.example.com'));
  });

  it('says so when the clipboard refuses', async () => {
    const { writeText, row } = await treeWithClipboard();
    writeText.mockRejectedValue(new Error('denied'));
    fireEvent.contextMenu(row('state: '));
    fireEvent.click(await screen.findByTestId('tree-menu-copy-value'));
    await waitFor(() => expect(screen.getByTestId('toaster').textContent).toContain('The clipboard refused the value'));
  });
});

describe('search', () => {
  it('counts matches and steps through them with next and previous', async () => {
    const text = JSON.stringify({ items: [{ note: 'needle one' }, { note: 'hay' }, { note: 'needle two' }, { needle: 3 }] });
    renderViewer({ response: testResponse({ text }) });
    await screen.findByTestId('json-tree');
    fireEvent.change(screen.getByTestId('body-search'), { target: { value: 'needle' } });
    const count = screen.getByTestId('body-search-count');
    await waitFor(() => expect(count.textContent).toBe('1 of 3'));
    await waitFor(() => expect(document.querySelector('.jt-row.current-match')?.textContent).toContain('needle one'));
    fireEvent.click(screen.getByTestId('body-search-next'));
    await waitFor(() => expect(count.textContent).toBe('2 of 3'));
    await waitFor(() => expect(document.querySelector('.jt-row.current-match')?.textContent).toContain('needle two'));
    fireEvent.click(screen.getByTestId('body-search-prev'));
    fireEvent.click(screen.getByTestId('body-search-prev'));
    await waitFor(() => expect(count.textContent).toBe('3 of 3'));
    await waitFor(() => expect(document.querySelector('.jt-row.current-match')?.textContent).toContain('needle: 3'));
    expect(document.querySelectorAll('.jt-row mark').length).toBeGreaterThan(0);
  });

  it('searches the raw text too, and says when nothing matches', async () => {
    renderViewer({ response: testResponse({ text: 'line one\nline two\nthird line', contentType: 'text/plain' }) });
    await screen.findByTestId('raw-view');
    fireEvent.change(screen.getByTestId('body-search'), { target: { value: 'LINE' } });
    await waitFor(() => expect(screen.getByTestId('body-search-count').textContent).toBe('1 of 3'));
    fireEvent.keyDown(screen.getByTestId('body-search'), { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(screen.getByTestId('body-search-count').textContent).toBe('3 of 3'));
    fireEvent.change(screen.getByTestId('body-search'), { target: { value: 'absent' } });
    await waitFor(() => expect(screen.getByTestId('body-search-count').textContent).toBe('No matches'));
  });
});

describe('table view', () => {
  it('takes its columns from the union of keys of the items', async () => {
    const text = JSON.stringify({
      items: [
        { address: 'a@example.com', code: 550 },
        { address: 'b@example.com', error: 'No such user' },
      ],
      total_count: 2,
    });
    renderViewer({ response: testResponse({ text }) });
    fireEvent.click(await screen.findByTestId('tab-table'));
    const table = await screen.findByTestId('table-view');
    expect(
      within(table)
        .getAllByTestId('table-column')
        .map((cell) => cell.textContent),
    ).toEqual(['address', 'code', 'error']);
    await waitFor(() => expect(within(table).getAllByTestId('table-row')[1]?.textContent).toContain('No such user'));
  });

  it('is not offered when there is no list of objects', async () => {
    renderViewer({ response: testResponse({ text: '{"message":"Queued. Thank you.","id":"<x@mg.example.com>"}' }) });
    await screen.findByTestId('json-tree');
    expect(screen.queryByTestId('tab-table')).toBeNull();
  });
});

describe('headers, copy and save', () => {
  it('lists headers and copies and saves the body', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    callMock.mockResolvedValue({ saved: true, truncated: false });
    const response = testResponse({ text: '{"a":1}' });
    renderViewer({ response });
    fireEvent.click(screen.getByTestId('tab-headers'));
    expect(screen.getAllByTestId('header-row').map((row) => row.textContent)).toEqual([
      'content-typeapplication/json',
      'x-mailgun-request-idabc123',
    ]);
    fireEvent.click(screen.getByTestId('copy-body'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('{"a":1}'));
    expect(await screen.findByText('Body copied.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('save-body'));
    await waitFor(() =>
      expect(callMock).toHaveBeenCalledWith('saveResponseBody', { requestId: response.requestId, suggestedName: 'events.list-200.json' }),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });
});

describe('errors and odd bodies', () => {
  it('shows a failed send with its message and hint', () => {
    renderViewer({
      error: { code: 'timeout', message: 'Mailgun did not answer within 60 seconds.', hint: 'Try again, or raise the timeout.' },
    });
    const panel = screen.getByTestId('send-error');
    expect(panel.getAttribute('data-error-code')).toBe('timeout');
    expect(panel.textContent).toContain('Timed out');
    expect(panel.textContent).toContain('Mailgun did not answer within 60 seconds.');
    expect(panel.textContent).toContain('Try again, or raise the timeout.');
  });

  it('shows pending and empty states', () => {
    const { rerender } = renderViewer({ pending: true });
    expect(screen.getByTestId('response-pending')).toBeTruthy();
    rerender(<ResponseViewer pending={false} endpoint={testEndpoint()} environment={US_ENVIRONMENT} onPage={() => undefined} />);
    expect(screen.getByTestId('response-empty')).toBeTruthy();
  });

  it('shows invalid or cut-short JSON as text with a note', async () => {
    renderViewer({ response: testResponse({ text: '{"items": [{"id": "a"}, {"id": ' }) });
    expect(await screen.findByTestId('raw-view')).toBeTruthy();
    expect(screen.getByTestId('body-note').textContent).toContain('not valid JSON');
    expect(screen.queryByTestId('tab-tree')).toBeNull();
  });

  it('explains an empty body that claims to be JSON', () => {
    renderViewer({ response: testResponse({ body: { kind: 'empty' } }) });
    expect(screen.getByTestId('empty-body')).toBeTruthy();
    expect(screen.getByTestId('body-note').textContent).toContain('no body');
  });

  it('shows a 5xx HTML page as raw text with the notice and a diagnosis', async () => {
    const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    renderViewer({
      response: testResponse({
        status: 502,
        statusText: 'Bad Gateway',
        contentType: 'text/html',
        text: html,
        notice: {
          kind: 'html-error-page',
          message: 'The server answered 502 with a web page instead of an API response.',
          hint: 'Try again in a minute.',
        },
      }),
    });
    expect(await screen.findByTestId('raw-view')).toBeTruthy();
    expect(screen.getByTestId('status-chip').className).toContain('status-5xx');
    expect(screen.getByTestId('body-note').textContent).toContain('web page');
    expect(screen.getByTestId('diagnosis-panel')).toBeTruthy();
  });

  it('points out the API-root greeting', async () => {
    renderViewer({ response: testResponse({ contentType: 'text/html; charset=utf-8', text: 'Mailgun Magnificent API' }) });
    expect(await screen.findByTestId('raw-view')).toBeTruthy();
    const diagnosis = screen.getAllByTestId('diagnosis').find((item) => item.getAttribute('data-diagnosis-id') === 'wrong-path');
    expect(diagnosis).toBeDefined();
  });

  it('offers a binary body for saving instead of showing it', async () => {
    callMock.mockResolvedValue({ saved: false, truncated: false });
    renderViewer({
      response: testResponse({ contentType: 'application/pdf', sizeBytes: 2048, body: { kind: 'binary', bytes: new Uint8Array(2048) } }),
    });
    const panel = screen.getByTestId('binary-body');
    expect(panel.textContent).toContain('application/pdf');
    expect(panel.textContent).toContain('2.0 KB');
    fireEvent.click(within(panel).getByRole('button', { name: 'Save to file…' }));
    await waitFor(() =>
      expect(callMock).toHaveBeenCalledWith('saveResponseBody', expect.objectContaining({ suggestedName: 'events.list-200.pdf' })),
    );
  });

  it('explains the status and offers a region switch on a wrong-region 401', async () => {
    const onSwitchRegion = vi.fn();
    renderViewer({
      onSwitchRegion,
      response: testResponse({
        status: 401,
        statusText: 'Unauthorized',
        contentType: 'text/plain',
        text: 'Forbidden',
        request: { method: 'GET', url: 'https://api.mailgun.net/v4/domains', headerNames: [], authSent: true },
      }),
    });
    fireEvent.click(screen.getByTestId('status-chip'));
    expect(screen.getByTestId('status-explanation').textContent).toContain('401');
    const switchButton = screen.queryAllByTestId('action-switch-region')[0];
    if (switchButton) {
      fireEvent.click(switchButton);
      expect(onSwitchRegion).toHaveBeenCalledWith('eu');
    }
  });
});

describe('region probe after a 404 for a list or route', () => {
  const listNotFound = (address: string) =>
    testResponse({
      status: 404,
      statusText: 'Not Found',
      text: `{"message":"Mailing list '${address}' not found"}`,
      request: { method: 'GET', url: `https://api.mailgun.net/v3/lists/${address}`, headerNames: [], authSent: true },
    });
  const listGet = testEndpoint('none', { id: 'mailing-lists.get', group: 'mailing-lists', path: '/v3/lists/{list_address}' });

  function renderProbed(response: ResponseViewerProps['response'], onSwitchRegion = vi.fn()) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ResponseViewer
          pending={false}
          endpoint={listGet}
          environment={{ ...US_ENVIRONMENT, id: 'env-1' }}
          onPage={vi.fn()}
          onSwitchRegion={onSwitchRegion}
          {...(response ? { response } : {})}
        />
      </QueryClientProvider>,
    );
    return onSwitchRegion;
  }

  const finding = (overrides: object) => ({
    environmentId: 'env-1',
    resource: { kind: 'mailing-list', address: 'devs@mg.net' },
    probes: [],
    foundIn: null,
    mismatch: false,
    fix: null,
    message: '',
    hint: '',
    calls: [],
    gaps: [],
    ...overrides,
  });

  it('says the list exists in the EU region and switches there', async () => {
    callMock.mockResolvedValue(
      finding({
        foundIn: 'eu',
        mismatch: true,
        fix: { region: 'eu', label: 'EU', baseUrl: 'https://api.eu.mailgun.net' },
        message: 'The mailing list devs@mg.net exists in the EU region, not in the US region.',
        hint: 'Switch the environment to the EU region to work with this list.',
      }) as never,
    );
    const onSwitchRegion = renderProbed(listNotFound('devs@mg.net'));
    const result = await screen.findByTestId('region-probe-result');
    expect(result.textContent).toContain('exists in the EU region');
    // The guess ("try the other region") gives way to the answer.
    expect(screen.queryByTestId('action-switch-region')).toBeNull();
    expect(callMock).toHaveBeenCalledWith('findResourceRegion', {
      environmentId: 'env-1',
      resource: { kind: 'mailing-list', address: 'devs@mg.net' },
    });
    fireEvent.click(screen.getByTestId('region-probe-switch'));
    expect(onSwitchRegion).toHaveBeenCalledWith('eu');
  });

  it('says when it is in neither region, without a switch', async () => {
    callMock.mockResolvedValue(finding({ message: 'The mailing list devs@mg.net was not found in either region.' }) as never);
    renderProbed(listNotFound('devs@mg.net'));
    expect((await screen.findByTestId('region-probe-result')).textContent).toContain('not found in either region');
    expect(screen.queryByTestId('region-probe-switch')).toBeNull();
    expect(screen.queryByTestId('action-switch-region')).toBeNull();
  });

  it('keeps the plain region buttons when the other region cannot be asked', async () => {
    callMock.mockRejectedValue(new Error('Refused to send the key to an unknown host.'));
    renderProbed(listNotFound('devs@mg.net'));
    expect((await screen.findByTestId('region-probe-result')).textContent).toContain('could not be asked');
    expect(screen.getByTestId('action-switch-region').textContent).toContain('EU');
  });
});

describe('pagination', () => {
  it('emits skip-based values for the next and last pages', async () => {
    const endpoint = testEndpoint('skip-limit', {
      id: 'domains.list',
      params: [
        {
          name: 'limit',
          in: 'query',
          type: { kind: 'integer' },
          required: false,
          repeatable: false,
          default: 100,
          example: 100,
          description: '',
        },
        {
          name: 'skip',
          in: 'query',
          type: { kind: 'integer' },
          required: false,
          repeatable: false,
          default: 0,
          example: 0,
          description: '',
        },
      ],
    });
    const text = JSON.stringify({ items: Array.from({ length: 10 }, (_, index) => ({ name: `d${index}.example.com` })), total_count: 35 });
    const { onPage } = renderViewer({ endpoint, requestValues: { params: { limit: 10 } }, response: testResponse({ text }) });
    const bar = await screen.findByTestId('pagination-bar');
    expect((within(bar).getByTestId('page-previous') as HTMLButtonElement).disabled).toBe(true);
    expect((within(bar).getByTestId('page-first') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(bar).getByTestId('page-next'));
    expect(onPage).toHaveBeenLastCalledWith({ params: { limit: 10, skip: 10 } });
    fireEvent.click(within(bar).getByTestId('page-last'));
    expect(onPage).toHaveBeenLastCalledWith({ params: { limit: 10, skip: 30 } });
  });

  it('is hidden for endpoints without paging', async () => {
    renderViewer({ response: testResponse({ text: '{"items":[]}' }) });
    await screen.findByTestId('json-tree');
    expect(screen.queryByTestId('pagination-bar')).toBeNull();
  });
});

describe('raw view', () => {
  it('renders only the visible lines of a long text', async () => {
    const text = Array.from({ length: 200_000 }, (_, index) => `line ${index}`).join('\n');
    renderViewer({ response: testResponse({ contentType: 'text/plain', text }) });
    const raw = await screen.findByTestId('raw-view');
    const rows = within(raw).getAllByTestId('raw-row');
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.textContent).toBe('1line 0');
  });

  it('releases the old document when a new response arrives', async () => {
    const { rerender } = renderViewer({ response: testResponse({ text: '{"first":true}' }) });
    await waitFor(() => expect(screen.getByTestId('json-tree').textContent).toContain('first'));
    await act(async () => {
      rerender(
        <ResponseViewer
          pending={false}
          endpoint={testEndpoint()}
          environment={US_ENVIRONMENT}
          onPage={() => undefined}
          response={testResponse({ text: '{"second":true}' })}
        />,
      );
    });
    await waitFor(() => expect(screen.getByTestId('json-tree').textContent).toContain('second'));
    expect(screen.getByTestId('json-tree').textContent).not.toContain('first');
  });
});

describe('a streamed body', () => {
  const encoder = new TextEncoder();

  it('shows the tree from the first chunk, then the error in place of a half tree when the body stops arriving', async () => {
    const streamId = 'stream-cut-1';
    renderViewer({ response: testResponse({ body: { kind: 'stream', streamId }, sizeBytes: 3 * 1024 * 1024 }) });
    const feed = streamFeeds.get(streamId);
    expect(feed).toBeDefined();
    act(() => feed?.({ type: 'chunk', bytes: encoder.encode(bigList(2_000).slice(0, 60_000)) }));
    const tree = await screen.findByTestId('json-tree');
    await waitFor(() => expect(within(tree).getAllByTestId('json-row').length).toBeGreaterThan(3));
    act(() =>
      feed?.({
        type: 'error',
        error: {
          code: 'too-large',
          message: 'The response is larger than the 3 MB limit, so it was not downloaded.',
          hint: 'Ask for less, or raise the response size limit in Settings.',
        },
      }),
    );
    const failed = await screen.findByTestId('body-stream-failed');
    expect(failed.getAttribute('role')).toBe('alert');
    expect(failed.textContent).toContain('The body stopped arriving');
    expect(failed.textContent).toContain('larger than the 3 MB limit');
    expect(failed.textContent).toContain('raise the response size limit in Settings');
    expect(screen.queryByTestId('json-tree')).toBeNull();
    expect(screen.queryByTestId('copy-body')).toBeNull();
    expect(screen.queryByTestId('save-body')).toBeNull();
    // One explanation, not a second one about JSON that does not parse.
    expect(screen.queryAllByTestId('body-note').map((note) => note.textContent)).toEqual([]);
  });

  it('shows the size the stream ends with, not the size known when the answer left', async () => {
    const streamId = 'stream-whole-1';
    const text = bigList(50);
    renderViewer({ response: testResponse({ body: { kind: 'stream', streamId }, sizeBytes: 2 * 1024 * 1024 + 1 }) });
    expect(screen.getByTestId('response-size').getAttribute('title')).toBe('2,097,153 bytes');
    act(() => streamFeeds.get(streamId)?.({ type: 'chunk', bytes: encoder.encode(text) }));
    act(() => streamFeeds.get(streamId)?.({ type: 'end', sizeBytes: 3_500_000 }));
    await waitFor(() => expect(screen.getByTestId('response-size').getAttribute('title')).toBe('3,500,000 bytes'));
    expect(screen.getByTestId('save-body')).toBeTruthy();
  });
});

describe('a response shown again (its tab switched back to)', () => {
  /** Every body a tree host is asked to parse or index. */
  function countLoads() {
    const handle = vi.spyOn(TreeHost.prototype, 'handle');
    return () => handle.mock.calls.filter(([envelope]) => envelope.request.type === 'load').length;
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reuses its indexed body, with the expanded item still expanded, and search and the table work on it', async () => {
    const response = testResponse({ text: bigList(60_000) });
    retainResponseDocuments(new Set([response.requestId]));
    const loads = countLoads();
    const first = renderViewer({ response });
    await waitFor(() => expect(screen.getByTestId('tree-row-count').textContent).not.toContain('Reading'), { timeout: 10_000 });
    const itemRow = () =>
      within(screen.getByTestId('json-tree'))
        .getAllByTestId('json-row')
        .find((row) => row.getAttribute('aria-level') === '3');
    fireEvent.click(within(itemRow() as HTMLElement).getByTestId('json-toggle'));
    await waitFor(() => expect(itemRow()?.getAttribute('aria-expanded')).toBe('true'));
    expect(loads()).toBe(1);

    // The tab is left (its viewer unmounted) and shown again.
    first.unmount();
    renderViewer({ response });
    // No await: the tree is drawn as it was left in the first render, from the same index.
    expect(itemRow()?.getAttribute('aria-expanded')).toBe('true');
    const children = within(screen.getByTestId('json-tree'))
      .getAllByTestId('json-row')
      .filter((row) => row.getAttribute('aria-level') === '4');
    expect(children.map((row) => row.textContent)).toEqual(['id: "ev-0"', 'event: "delivered"', 'recipient: "user0@example.com"']);
    expect(screen.getByTestId('tree-row-count').textContent).toBe('60,007 rows shown');
    expect(loads()).toBe(1);

    fireEvent.change(screen.getByTestId('body-search'), { target: { value: 'user59999@' } });
    await waitFor(() => expect(screen.getByTestId('body-search-count').textContent).toBe('1 of 1'), { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('tab-table'));
    await waitFor(() => expect(screen.getByTestId('table-view').textContent).toContain('user0@example.com'));
    await waitFor(() => expect(screen.getByTestId('body-search-count').textContent).toBe('1 of 1'), { timeout: 10_000 });
    expect(loads()).toBe(1);
  });

  it('reads the body again once its tab is closed or its response replaced', async () => {
    const response = testResponse({ text: '{"kept":false}' });
    retainResponseDocuments(new Set([response.requestId]));
    const loads = countLoads();
    const first = renderViewer({ response });
    await waitFor(() => expect(screen.getByTestId('json-tree').textContent).toContain('kept'));
    first.unmount();
    retainResponseDocuments(new Set());
    renderViewer({ response });
    await waitFor(() => expect(screen.getByTestId('json-tree').textContent).toContain('kept'));
    expect(loads()).toBe(2);
  });
});
