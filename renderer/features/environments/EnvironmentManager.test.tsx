// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentManager } from './EnvironmentManager';
import { createFakeBridge, type FakeEnvironmentsBridge, sampleEnvironment } from './testing/fake-bridge';
import { renderWithQueries } from './testing/render';

let fake: FakeEnvironmentsBridge;
const prod = sampleEnvironment({ name: 'Production', domain: 'mg.example.com', hasKey: true, keyLast4: '9c1e' });
const staging = sampleEnvironment({ name: 'Staging', region: 'eu', domain: 'staging.example.com' });
const local = sampleEnvironment({ name: 'Local', region: 'custom', baseUrl: 'http://localhost:3000', domain: 'local.example.com' });

beforeEach(() => {
  fake = createFakeBridge({ environments: [prod, staging, local], activeId: prod.id });
  fake.keys.set(prod.id, 'key-0123456789abcdef9c1e');
  fake.install();
});

afterEach(() => {
  cleanup();
  fake.uninstall();
});

function rowNames(): string[] {
  return screen.getAllByTestId('env-row').map((row) => row.querySelector('.env-row-name')?.textContent ?? '');
}

function row(name: string): HTMLElement {
  const found = screen.getAllByTestId('env-row').find((item) => item.querySelector('.env-row-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

describe('EnvironmentManager', () => {
  it('is a labelled modal dialog that closes with Escape', async () => {
    let closed = 0;
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => (closed += 1)} />);
    const dialog = await screen.findByRole('dialog', { name: 'Environments' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await screen.findAllByTestId('env-row');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(closed).toBe(1);
  });

  it('cancels a connection test that is waiting for the server', async () => {
    fake.holdConnectionTest = true;
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('env-test-run'));
    fireEvent.click(await screen.findByTestId('env-test-cancel'));
    expect((await screen.findByTestId('env-test-error')).textContent).toContain('The request was cancelled.');
    const sent = fake.calls.find((call) => call.method === 'testConnection')?.arg as { requestId: string };
    expect(sent.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.calls.find((call) => call.method === 'cancelRequest')?.arg).toEqual({ requestId: sent.requestId });
    expect(screen.queryByTestId('env-test-cancel')).toBeNull();
  });

  it('shows in the result line which proxy applies to the base URL', async () => {
    fake.testResult = {
      ok: true,
      checked: true,
      status: 200,
      region: 'us',
      baseUrl: 'https://api.mailgun.net',
      route: 'via proxy http://proxy:8080',
      message: 'Connected.',
      hint: '',
    };
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('env-test-run'));
    expect((await screen.findByTestId('env-test-route')).textContent).toBe('https://api.mailgun.net: via proxy http://proxy:8080');
  });

  it('keeps Tab inside the dialog', async () => {
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    const dialog = await screen.findByTestId('env-manager');
    await screen.findAllByTestId('env-row');
    const close = screen.getByTestId('env-manager-close');
    const save = screen.getByTestId('env-save');
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), input, [tabindex="0"]')];
    const last = focusable[focusable.length - 1];
    last?.focus();
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(last);
    expect(close).toBeTruthy();
    expect(save).toBeTruthy();
  });

  it('reorders with the keyboard move buttons, keeps focus on the moved row and saves the order', async () => {
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    await screen.findAllByTestId('env-row');
    expect(rowNames()).toEqual(['Production', 'Staging', 'Local']);
    const down = within(row('Production')).getByRole('button', { name: 'Move Production down' });
    down.focus();
    fireEvent.click(down);
    await waitFor(() => expect(rowNames()).toEqual(['Staging', 'Production', 'Local']));
    await waitFor(() => expect(fake.environments.map((environment) => environment.name)).toEqual(['Staging', 'Production', 'Local']));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Production down'));
    expect(screen.getByTestId('env-announcement').textContent).toBe('Moved Production to position 2 of 3.');

    fireEvent.click(within(row('Production')).getByRole('button', { name: 'Move Production down' }));
    await waitFor(() => expect(fake.environments.map((environment) => environment.name)).toEqual(['Staging', 'Local', 'Production']));
    // At the bottom "down" is disabled, so focus moves to "up" on the same row.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Production up'));
    expect((within(row('Production')).getByRole('button', { name: 'Move Production down' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks before deleting, naming the environment and saying its key leaves the keychain too', async () => {
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    await screen.findAllByTestId('env-row');
    fireEvent.click(within(row('Production')).getByRole('button', { name: 'Delete Production' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Production”?' });
    expect(confirm.textContent).toMatch(/API key is deleted from the OS keychain too/);
    expect(document.activeElement).toBe(screen.getByTestId('env-delete-confirm-cancel'));

    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('env-manager')).toBeTruthy();
    expect(fake.environments).toHaveLength(3);

    fireEvent.click(within(row('Production')).getByRole('button', { name: 'Delete Production' }));
    fireEvent.click(screen.getByTestId('env-delete-confirm-confirm'));
    await waitFor(() => expect(rowNames()).toEqual(['Staging', 'Local']));
    expect(fake.keys.has(prod.id)).toBe(false);
    expect(screen.getByTestId('env-announcement').textContent).toBe('Deleted “Production” and its API key.');
  });

  it('offers to delete anyway when the keychain refuses, with the hint', async () => {
    fake.failWith('deleteEnvironment', {
      code: 'keychain-locked',
      message: 'The system keychain is locked. The environment was not deleted, so its key is not left behind.',
      hint: 'Unlock your keyring.',
    });
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    await screen.findAllByTestId('env-row');
    fireEvent.click(within(row('Production')).getByRole('button', { name: 'Delete Production' }));
    fireEvent.click(screen.getByTestId('env-delete-confirm-confirm'));
    expect((await screen.findByTestId('env-delete-error')).textContent).toContain('Unlock your keyring.');
    fake.failWith('deleteEnvironment', null);
    expect(screen.getByTestId('env-delete-confirm-confirm').textContent).toBe('Delete anyway');
    fireEvent.click(screen.getByTestId('env-delete-confirm-confirm'));
    await waitFor(() => expect(rowNames()).toEqual(['Staging', 'Local']));
    expect(fake.calls.filter((entry) => entry.method === 'deleteEnvironment').at(-1)?.arg).toEqual({ id: prod.id, force: true });
  });

  it('deletes anyway with a locked keychain, says the key stayed, and removes it on Retry once unlocked', async () => {
    fake.keychainLocked = true;
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    await screen.findAllByTestId('env-row');
    fireEvent.click(within(row('Production')).getByRole('button', { name: 'Delete Production' }));
    fireEvent.click(screen.getByTestId('env-delete-confirm-confirm'));
    expect((await screen.findByTestId('env-delete-error')).textContent).toContain('keychain is locked');
    fireEvent.click(screen.getByTestId('env-delete-confirm-confirm'));
    await waitFor(() => expect(rowNames()).toEqual(['Staging', 'Local']));
    expect(screen.getByTestId('env-announcement').textContent).toContain(
      'Its API key is still in the keychain: The system keychain is locked',
    );
    const notice = await screen.findByTestId('env-leftover-keys');
    expect(notice.textContent).toContain('“Production” is still in the system keychain');
    fireEvent.click(within(notice).getByTestId('env-leftover-retry'));
    expect((await screen.findByTestId('env-leftover-error')).textContent).toContain('Unlock your keyring');
    fake.keychainLocked = false;
    fireEvent.click(within(screen.getByTestId('env-leftover-keys')).getByTestId('env-leftover-retry'));
    await waitFor(() => expect(screen.queryByTestId('env-leftover-keys')).toBeNull());
    expect(fake.keys.has(prod.id)).toBe(false);
  });

  it('shows a call to action when there are no environments yet', async () => {
    fake.environments.splice(0);
    fake.activeId = null;
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    expect((await screen.findByTestId('env-manager-empty')).textContent).toMatch(/No environments yet/);
    expect(screen.getByRole('heading', { name: 'New environment' })).toBeTruthy();
  });

  it('requires a second, explicit confirmation before exporting keys', async () => {
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    await screen.findAllByTestId('env-row');
    fireEvent.click(screen.getByTestId('env-export'));
    fireEvent.click(screen.getByTestId('env-export-include-keys'));
    expect(screen.getByTestId('env-export-keys-warning').textContent).toMatch(/plain text/);
    fireEvent.click(screen.getByTestId('env-export-run'));
    expect(fake.calls.some((entry) => entry.method === 'exportEnvironmentsToFile')).toBe(false);
    fireEvent.click(screen.getByTestId('env-export-keys-confirm-confirm'));
    expect((await screen.findByTestId('env-export-result')).textContent).toMatch(
      /Saved 3 environments with 1 API key to \/tmp\/export\.json/,
    );
    expect(fake.calls.find((entry) => entry.method === 'exportEnvironmentsToFile')?.arg).toEqual({ format: 'json', includeKeys: true });
  });

  it('reports what an import brought in', async () => {
    fake.importResult = {
      cancelled: false,
      fileName: 'team.json',
      format: 'json',
      imported: [sampleEnvironment({ name: 'Imported' })],
      keysStored: 1,
      skipped: 1,
      warnings: ['Entry 2 was not imported: domain: Enter a domain name.'],
    };
    renderWithQueries(<EnvironmentManager request={{ mode: 'edit' }} onClose={() => {}} />);
    await screen.findAllByTestId('env-row');
    fireEvent.click(screen.getByTestId('env-import'));
    const result = await screen.findByTestId('env-import-result');
    expect(result.textContent).toMatch(/Imported 1 environment from team\.json/);
    expect(result.textContent).toMatch(/1 API key stored in the OS keychain\. 1 entry skipped\./);
    expect(result.textContent).toContain('Entry 2 was not imported');
  });
});
