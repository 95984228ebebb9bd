// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentSwitcher } from './EnvironmentSwitcher';
import { closeEnvironmentManager } from './manager-store';
import { createFakeBridge, type FakeEnvironmentsBridge, sampleEnvironment } from './testing/fake-bridge';
import { renderWithQueries } from './testing/render';

let fake: FakeEnvironmentsBridge;
const prod = sampleEnvironment({ name: 'Production', domain: 'mg.example.com', hasKey: true, keyLast4: '2b5d', readOnly: true });
const staging = sampleEnvironment({ name: 'Staging', region: 'eu', domain: 'staging.example.com' });
const sandbox = sampleEnvironment({ name: 'Sandbox', region: 'custom', baseUrl: 'http://localhost:3000', domain: 'sandbox.example.com' });

beforeEach(() => {
  fake = createFakeBridge({ environments: [prod, staging, sandbox], activeId: prod.id });
  fake.install();
});

afterEach(() => {
  cleanup();
  closeEnvironmentManager();
  fake.uninstall();
});

const activeName = () => screen.getByTestId('env-active-name').textContent;

describe('EnvironmentSwitcher', () => {
  it('shows the active environment: name, region, domain, key status and read-only', async () => {
    renderWithQueries(<EnvironmentSwitcher />);
    const active = await screen.findByTestId('env-active');
    expect(active.textContent).toContain('Production');
    expect(active.textContent).toContain('US');
    expect(active.textContent).toContain('mg.example.com');
    expect(screen.getByTestId('env-key-status').textContent).toBe('••••2b5d');
    expect(screen.getByTestId('env-readonly-badge')).toBeTruthy();
  });

  it('opens a listbox that arrows, Enter and Escape drive', async () => {
    renderWithQueries(<EnvironmentSwitcher />);
    fireEvent.click(await screen.findByTestId('env-switcher-trigger'));
    const listbox = screen.getByRole('listbox', { name: 'Environments' });
    expect(document.activeElement).toBe(listbox);
    const highlighted = () => document.getElementById(listbox.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '';
    expect(highlighted()).toContain('Production');
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    expect(highlighted()).toContain('Staging');
    fireEvent.keyDown(listbox, { key: 'Enter' });
    await waitFor(() => expect(activeName()).toBe('Staging'));
    expect(fake.activeId).toBe(staging.id);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('env-switcher-trigger'));

    fireEvent.click(screen.getByTestId('env-switcher-trigger'));
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('jumps by typing the start of a name', async () => {
    renderWithQueries(<EnvironmentSwitcher />);
    fireEvent.click(await screen.findByTestId('env-switcher-trigger'));
    const listbox = screen.getByRole('listbox');
    fireEvent.keyDown(listbox, { key: 's' });
    fireEvent.keyDown(listbox, { key: 'a' });
    fireEvent.keyDown(listbox, { key: 'Enter' });
    await waitFor(() => expect(activeName()).toBe('Sandbox'));
    expect(screen.getByTestId('env-region-badge').textContent).toBe('localhost:3000');
  });

  it('switches with Ctrl+number and opens with Ctrl+E', async () => {
    renderWithQueries(<EnvironmentSwitcher />);
    await screen.findByTestId('env-active');
    fireEvent.keyDown(document.body, { key: '2', code: 'Digit2', ctrlKey: true, altKey: true });
    await waitFor(() => expect(activeName()).toBe('Staging'));
    expect(fake.calls.find((entry) => entry.method === 'setActiveEnvironment')?.arg).toEqual({ id: staging.id });
    fireEvent.keyDown(document.body, { key: 'e', ctrlKey: true });
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('invites the user to add an environment when there are none', async () => {
    fake.environments.splice(0);
    fake.activeId = null;
    renderWithQueries(<EnvironmentSwitcher />);
    fireEvent.click(await screen.findByTestId('env-switcher-empty'));
    expect(await screen.findByRole('dialog', { name: 'Environments' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'New environment' })).toBeTruthy();
  });

  it('flags a key the keychain cannot return, and keeps working', async () => {
    fake.failWith('hasApiKey', { code: 'keychain-locked', message: 'The system keychain is locked.', hint: 'Unlock your keyring.' });
    renderWithQueries(<EnvironmentSwitcher />);
    await waitFor(() => expect(screen.getByTestId('env-key-status').textContent).toBe('keychain problem'));
    expect(screen.getByTestId('env-key-status').getAttribute('title')).toContain('Unlock your keyring.');
    fireEvent.keyDown(document.body, { key: '2', code: 'Digit2', ctrlKey: true, altKey: true });
    await waitFor(() => expect(activeName()).toBe('Staging'));
    expect(screen.getByTestId('env-key-status').textContent).toBe('no key');
  });

  it('shows the recovery banner', async () => {
    fake.recovery = [
      {
        id: 'n1',
        fileName: 'environments.json',
        movedTo: 'environments.bad.json',
        at: '',
        reason: 'invalid-json',
        dropped: 0,
        message: 'Not valid JSON.',
      },
    ];
    renderWithQueries(<EnvironmentSwitcher />);
    expect((await screen.findByTestId('env-recovery-banner')).textContent).toContain('environments.bad.json');
  });
});
