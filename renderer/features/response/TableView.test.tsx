// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentInvestigation, investigateStore } from '../investigate';
import { ResponseViewer } from './ResponseViewer';
import { testEndpoint, testResponse, US_ENVIRONMENT } from './test-helpers';

vi.mock('../../bridge/client', () => ({
  call: vi.fn(),
  toAppError: (error: unknown) => ({ code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' }),
}));

const body = JSON.stringify({
  items: [
    { address: 'bob@example.com', code: '550', error: 'No such user', domain: 'mg.example.com' },
    { address: 'ann@example.org', code: '421', error: 'Try later', domain: 'mg.example.org' },
  ],
  total_count: 2,
});

async function openTable() {
  render(
    <ResponseViewer
      pending={false}
      endpoint={testEndpoint()}
      environment={US_ENVIRONMENT}
      onPage={vi.fn()}
      response={testResponse({ text: body })}
    />,
  );
  fireEvent.click(await screen.findByTestId('tab-table'));
  const table = await screen.findByTestId('table-view');
  await waitFor(() => expect(within(table).getAllByTestId('table-cell').length).toBe(8));
  const cell = (text: string) => {
    const found = within(table)
      .getAllByTestId('table-cell')
      .find((candidate) => candidate.textContent === text);
    if (!found) throw new Error(`no cell ${text}`);
    return found;
  };
  return { table, cell };
}

const labels = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);

beforeEach(() => investigateStore.reset());
afterEach(() => cleanup());

describe('table view context menu', () => {
  it('offers the investigations for an address cell and carries the address into the recipient tool in one click', async () => {
    const { cell } = await openTable();
    fireEvent.contextMenu(cell('bob@example.com'));
    const menu = await screen.findByRole('menu', { name: 'Investigate bob@example.com' });
    expect(labels(menu)).toEqual(['Investigate recipient', 'Trace message', 'Open in workbench']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Investigate recipient' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'recipient', address: 'bob@example.com' });
  });

  it('offers domain health for a domain cell, and nothing for a cell the tools do not know', async () => {
    const { cell } = await openTable();
    fireEvent.contextMenu(cell('mg.example.org'));
    const menu = await screen.findByRole('menu', { name: 'Investigate mg.example.org' });
    expect(labels(menu)).toEqual(['Domain health', 'Open in workbench']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Domain health' }));
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'health', domain: 'mg.example.org' });
    fireEvent.contextMenu(cell('No such user'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('moves an active cell with the arrows and opens its menu with Shift+F10 or the Menu key', async () => {
    const { table, cell } = await openTable();
    expect(table.getAttribute('role')).toBe('grid');
    table.focus();
    expect(table.getAttribute('aria-activedescendant')).toBe(cell('bob@example.com').id);
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    expect(table.getAttribute('aria-activedescendant')).toBe(cell('ann@example.org').id);
    expect(cell('ann@example.org').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(table, { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu', { name: 'Investigate ann@example.org' });
    expect(document.activeElement).toBe(within(menu).getAllByRole('menuitem')[0]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    fireEvent.click(document.activeElement as HTMLElement);
    expect(currentInvestigation(investigateStore.get())).toEqual({ tool: 'trace', address: 'ann@example.org' });

    // "code" holds nothing the tools know: the keys open no menu there.
    fireEvent.keyDown(table, { key: 'ArrowRight' });
    fireEvent.keyDown(table, { key: 'ContextMenu' });
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.keyDown(table, { key: 'End' });
    expect(table.getAttribute('aria-activedescendant')).toBe(cell('mg.example.org').id);
    fireEvent.keyDown(table, { key: 'ContextMenu' });
    expect(await screen.findByRole('menu', { name: 'Investigate mg.example.org' })).toBeTruthy();
  });
});
