// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCommandPalette } from '../../app/palette-store';
import { renderWithProviders } from '../workbench/test-support';
import { CommandPalette } from './CommandPalette';

afterEach(() => {
  act(() => closeCommandPalette());
  cleanup();
});

const selected = () => screen.getAllByTestId('palette-option').findIndex((o) => o.getAttribute('aria-selected') === 'true');

describe('CommandPalette', () => {
  it('opens with Ctrl+K, moves through results with the arrow keys and opens the chosen endpoint', async () => {
    const { store } = renderWithProviders(<CommandPalette />);
    expect(screen.queryByTestId('command-palette')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const input = await screen.findByTestId('palette-input');
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: 'bounce' } });
    await screen.findAllByTestId('palette-option', {}, { timeout: 10_000 });
    const options = screen.getAllByTestId('palette-option');
    expect(options.length).toBeGreaterThan(2);
    expect(selected()).toBe(0);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toBe(2);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()).toBe(1);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    // Wraps round to the last result.
    expect(selected()).toBe(options.length - 1);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toBe(0);
    fireEvent.keyDown(input, { key: 'ArrowDown' });

    const chosen = screen.getAllByTestId('palette-option')[1]?.getAttribute('data-endpoint-id');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(store.getState().selectedEndpointId).toBe(chosen);
    expect(screen.queryByTestId('command-palette')).toBeNull();
  });

  it('finds an endpoint by path and by parameter name', async () => {
    renderWithProviders(<CommandPalette />);
    fireEvent.keyDown(document.body, { key: 'k', metaKey: true });
    const input = await screen.findByTestId('palette-input');
    fireEvent.change(input, { target: { value: '/v3/domains' } });
    const byPath = await screen.findAllByTestId('palette-option', {}, { timeout: 10_000 });
    expect(byPath[0]?.textContent).toContain('/v3/domains');

    fireEvent.change(input, { target: { value: 'recipient-variables' } });
    const byParam = await screen.findAllByTestId('palette-option');
    expect(byParam.map((o) => o.getAttribute('data-endpoint-id'))).toContain('messages.send');
  });

  it('closes with Escape and says when nothing matches', async () => {
    renderWithProviders(<CommandPalette />);
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const input = await screen.findByTestId('palette-input');
    fireEvent.change(input, { target: { value: 'zzzzqqqq' } });
    expect((await screen.findByTestId('palette-empty')).textContent).toContain('zzzzqqqq');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('command-palette')).toBeNull();
  });
});

describe('CommandPalette commands', () => {
  it('lists the commands that match above the endpoints, and Enter runs the active one', async () => {
    const ran: string[] = [];
    const commands = [
      { id: 'import-curl', label: 'Import cURL command or URL…', keywords: ['paste'], run: () => ran.push('import-curl') },
      { id: 'view-support', label: 'Show the support tools', run: () => ran.push('view-support') },
    ];
    renderWithProviders(<CommandPalette commands={commands} />);
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const input = await screen.findByTestId('palette-input');
    await screen.findAllByTestId('palette-option', {}, { timeout: 10_000 });
    expect(screen.getAllByTestId('palette-command')).toHaveLength(2);

    fireEvent.change(input, { target: { value: 'curl' } });
    const [command] = screen.getAllByTestId('palette-command');
    expect(command?.textContent).toContain('Import cURL');
    expect(command?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(command?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(ran).toEqual(['import-curl']);
    expect(screen.queryByTestId('command-palette')).toBeNull();
  });

  it('moves from the last command to the first endpoint with the arrow key', async () => {
    const { store } = renderWithProviders(
      <CommandPalette commands={[{ id: 'view-support', label: 'Show the support tools', keywords: ['bounce'], run: () => {} }]} />,
    );
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const input = await screen.findByTestId('palette-input');
    fireEvent.change(input, { target: { value: 'bounce' } });
    await screen.findAllByTestId('palette-option', {}, { timeout: 10_000 });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const first = screen.getAllByTestId('palette-option')[0];
    expect(first?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(store.getState().selectedEndpointId).toBe(first?.getAttribute('data-endpoint-id'));
  });
});
