// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../workbench/test-support';
import { CatalogSidebar } from './CatalogSidebar';
import { MethodBadge } from './MethodBadge';
import { FAVOURITES_KEY } from './use-favourites';

// Counts how many endpoint rows are drawn: each draws its method badge once.
vi.mock('./MethodBadge', async (original) => {
  const actual = await original<typeof import('./MethodBadge')>();
  return { ...actual, MethodBadge: vi.fn(actual.MethodBadge) };
});

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

async function renderSidebar() {
  const rendered = renderWithProviders(<CatalogSidebar />);
  expect(screen.getByTestId('catalog-loading')).toBeTruthy();
  await screen.findAllByTestId('catalog-group', {}, { timeout: 10_000 });
  return rendered;
}

const group = (id: string) => screen.getAllByTestId('catalog-group').find((g) => g.getAttribute('data-group-id') === id) as HTMLElement;

describe('CatalogSidebar', () => {
  it('lists groups, expands them and opens an endpoint with its method badge', async () => {
    const { store } = await renderSidebar();
    expect(group('messages').getAttribute('aria-expanded')).toBe('true');
    expect(group('domains').getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(group('domains'));
    const row = screen
      .getAllByTestId('catalog-endpoint')
      .find((r) => r.getAttribute('data-endpoint-id') === 'domains.delete') as HTMLElement;
    expect(row.querySelector('.method-badge')?.getAttribute('data-method')).toBe('DELETE');
    fireEvent.click(within(row).getAllByRole('button')[0] as HTMLElement);
    expect(store.getState().selectedEndpointId).toBe('domains.delete');
  });

  it('redraws only the rows whose selection changed when another tab shows another endpoint', async () => {
    const { store } = await renderSidebar();
    act(() => store.openEndpoint('messages.send', undefined, { preview: false }));
    act(() => store.openEndpoint('domains.list', undefined, { preview: false }));
    const domainsTab = store.getState().activeTabId ?? '';
    const messagesTab = store.getState().tabs[0]?.id ?? '';
    await waitFor(() =>
      expect(document.querySelector('.catalog-endpoint.is-selected')?.getAttribute('data-endpoint-id')).toBe('domains.list'),
    );
    const drawn = vi.mocked(MethodBadge);
    drawn.mockClear();
    act(() => store.selectTab(messagesTab));
    expect(document.querySelector('.catalog-endpoint.is-selected')?.getAttribute('data-endpoint-id')).toBe('messages.send');
    // The row that lost the selection and the one that gained it.
    expect(drawn.mock.calls.length).toBe(2);
    drawn.mockClear();
    act(() => store.selectTab(domainsTab));
    expect(drawn.mock.calls.length).toBe(2);
  });

  it('opens a context menu on an endpoint with the keyboard or a right click, and pins from it', async () => {
    await renderSidebar();
    const row = screen.getAllByTestId('catalog-endpoint')[0] as HTMLElement;
    const openButton = within(row).getAllByRole('button')[0] as HTMLElement;
    openButton.focus();
    fireEvent.keyDown(openButton, { key: 'F10', shiftKey: true });
    const menu = screen.getByTestId('endpoint-menu');
    expect(menu.getAttribute('role')).toBe('menu');
    expect(document.activeElement).toBe(screen.getByTestId('endpoint-menu-open'));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    expect(screen.queryByTestId('endpoint-menu')).toBeNull();
    expect(document.activeElement).toBe(openButton);

    fireEvent.contextMenu(openButton, { clientX: 40, clientY: 60 });
    fireEvent.click(screen.getByTestId('endpoint-menu-pin'));
    expect(screen.queryByTestId('endpoint-menu')).toBeNull();
    expect(await screen.findAllByTestId('catalog-pinned')).toHaveLength(1);
  });

  it('marks deprecated endpoints', async () => {
    await renderSidebar();
    // Deprecated groups come last, so they arrive with the rows drawn after the first screenful.
    const deprecatedGroup = await waitFor(() => {
      const group = screen.getAllByTestId('catalog-group').find((g) => g.textContent?.includes('deprecated'));
      if (!group) throw new Error('no deprecated group yet');
      return group;
    });
    fireEvent.click(deprecatedGroup);
    expect(screen.getAllByTestId('deprecated-tag').length).toBeGreaterThan(0);
  });

  it('filters with the catalog search as you type', async () => {
    await renderSidebar();
    fireEvent.change(screen.getByTestId('catalog-filter'), { target: { value: 'unsubscribe' } });
    await waitFor(() => expect(screen.getByTestId('catalog-result-count').textContent).toMatch(/match/));
    // Groups follow their best match, so the unsubscribes group leads.
    expect(screen.getAllByTestId('catalog-group')[0]?.getAttribute('data-group-id')).toBe('unsubscribes');
    expect(screen.getAllByTestId('catalog-endpoint')[0]?.getAttribute('data-endpoint-id')).toMatch(/^unsubscribes\./);
    expect(screen.queryByTestId('catalog-pinned')).toBeNull();
    fireEvent.keyDown(screen.getByTestId('catalog-filter'), { key: 'Escape' });
    expect((screen.getByTestId('catalog-filter') as HTMLInputElement).value).toBe('');
  });

  it('pins favourites on top and keeps them in localStorage', async () => {
    await renderSidebar();
    const row = screen
      .getAllByTestId('catalog-endpoint')
      .find((r) => r.getAttribute('data-endpoint-id') === 'messages.send') as HTMLElement;
    fireEvent.click(within(row).getByTestId('favourite-toggle'));
    const pinned = screen.getAllByTestId('catalog-pinned');
    expect(pinned.map((p) => p.getAttribute('data-pinned-id'))).toEqual(['messages.send']);
    expect(JSON.parse(localStorage.getItem(FAVOURITES_KEY) ?? '[]')).toEqual(['messages.send']);
    cleanup();
    await renderSidebar();
    expect(screen.getAllByTestId('catalog-pinned')).toHaveLength(1);
    fireEvent.click(within(screen.getByTestId('catalog-pinned')).getByTestId('favourite-toggle'));
    expect(screen.queryByTestId('catalog-pinned')).toBeNull();
  });

  it('focuses the filter with / unless the user is typing', async () => {
    await renderSidebar();
    const filter = screen.getByTestId('catalog-filter');
    act(() => {
      fireEvent.keyDown(document.body, { key: '/' });
    });
    expect(document.activeElement).toBe(filter);
  });
});
