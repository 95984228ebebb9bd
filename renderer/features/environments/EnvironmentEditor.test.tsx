// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnvironmentEditor } from './EnvironmentEditor';
import { createFakeBridge, type FakeEnvironmentsBridge, sampleEnvironment } from './testing/fake-bridge';
import { renderWithQueries } from './testing/render';

let fake: FakeEnvironmentsBridge;

beforeEach(() => {
  fake = createFakeBridge();
  fake.install();
});

afterEach(() => {
  cleanup();
  fake.uninstall();
});

function type(testId: string, value: string) {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

function typeKey(value: string) {
  const input = screen.getByTestId('env-key-input') as HTMLInputElement;
  input.value = value;
  fireEvent.input(input);
  fireEvent.blur(input);
  return input;
}

/** Everything a user or script could read back from the page. */
function pageText(): string {
  const values = [...document.querySelectorAll('input, textarea, select')].map((element) => (element as HTMLInputElement).value);
  return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
}

describe('EnvironmentEditor validation', () => {
  it('accepts an internationalised domain and shows the form Mailgun uses', async () => {
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    type('env-field-domain', 'Bücher.example');
    expect(screen.queryByTestId('env-error-domain')).toBeNull();
    expect(screen.getByTestId('env-domain-normalised').textContent).toContain('xn--bcher-kva.example');
  });

  it('shows an inline error for a bad domain after leaving the field, and clears it as the user fixes it', () => {
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    const input = type('env-field-domain', 'https://mg.example.com');
    expect(screen.getByTestId('env-error-domain').textContent).toMatch(/without https/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'mg.example.com' } });
    expect(screen.queryByTestId('env-error-domain')).toBeNull();
  });

  it('shows the base URL field only for a custom region and refuses plain http away from loopback', () => {
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    expect(screen.queryByTestId('env-field-baseUrl')).toBeNull();
    fireEvent.click(screen.getByTestId('env-region-custom'));
    type('env-field-baseUrl', 'http://proxy.example.com');
    expect(screen.getByTestId('env-error-baseUrl').textContent).toMatch(/only allowed for this computer/);
    type('env-field-baseUrl', 'http://localhost:3000');
    expect(screen.queryByTestId('env-error-baseUrl')).toBeNull();
    // The field says where the key will go.
    const described = (screen.getByTestId('env-field-baseUrl').getAttribute('aria-describedby') ?? '').split(' ');
    const hint = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(hint).toMatch(/API key is sent to localhost:3000 with every request/);
    fireEvent.click(screen.getByTestId('env-region-eu'));
    expect(screen.queryByTestId('env-field-baseUrl')).toBeNull();
  });

  it('refuses a key with whitespace inside, without repeating the key', () => {
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    typeKey('key-abc def-0123456789');
    const error = screen.getByTestId('env-key-error');
    expect(error.textContent).toMatch(/cannot contain spaces/);
    expect(error.textContent).not.toContain('abc def');
  });

  it('refuses to save with errors, shows all of them and focuses the first', async () => {
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId('env-save'));
    expect(screen.getByTestId('env-error-name')).toBeTruthy();
    expect(screen.getByTestId('env-error-domain')).toBeTruthy();
    expect(screen.getByTestId('env-save-blocked').textContent).toMatch(/highlighted fields/);
    expect(document.activeElement).toBe(screen.getByTestId('env-field-name'));
    expect(fake.calls.filter((entry) => entry.method === 'saveEnvironment')).toEqual([]);
  });

  it('maps a server-side field error onto that field', async () => {
    fake.failWith('saveEnvironment', {
      code: 'invalid-argument',
      message: 'That domain is taken here.',
      hint: 'Pick another.',
      field: 'domain',
    });
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    type('env-field-name', 'Prod');
    type('env-field-domain', 'mg.example.com');
    fireEvent.click(screen.getByTestId('env-save'));
    await waitFor(() => expect(screen.getByTestId('env-error-domain').textContent).toBe('That domain is taken here.'));
    expect(document.activeElement).toBe(screen.getByTestId('env-field-domain'));
  });
});

describe('API key field', () => {
  const canary = 'key-CANARY-7f3a9c1e2b5d';

  it('stores the key with a new environment, then forgets it: nothing in the DOM holds it', async () => {
    const saved: string[] = [];
    const { client } = renderWithQueries(<EnvironmentEditor environment={null} onSaved={(environment) => saved.push(environment.id)} />);
    type('env-field-name', 'Production');
    type('env-field-domain', 'mg.example.com');
    typeKey(`  ${canary}\n`);
    fireEvent.click(screen.getByTestId('env-save'));
    await waitFor(() => expect(screen.getByTestId('env-save-status').textContent).toMatch(/Saved “Production”/));
    expect(saved).toHaveLength(1);
    expect(fake.keys.get(saved[0] ?? '')).toBe(canary);
    expect(pageText()).not.toContain(canary);
    const cached = [
      ...client
        .getQueryCache()
        .getAll()
        .map((query) => query.state),
      ...client
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state),
    ];
    expect(JSON.stringify(cached)).not.toContain(canary);
    expect(JSON.stringify({ ...localStorage })).not.toContain(canary);
  });

  it('shows only the last four characters once stored, with Replace and Remove', async () => {
    const environment = sampleEnvironment({ name: 'Prod', hasKey: true, keyLast4: '2b5d' });
    fake.environments.push(environment);
    fake.keys.set(environment.id, canary);
    renderWithQueries(<EnvironmentEditor environment={environment} onSaved={() => {}} />);
    expect(screen.getByTestId('env-key-stored').textContent).toMatch(/Stored in the OS keychain\s*••••2b5d/);
    expect(screen.queryByTestId('env-key-input')).toBeNull();
    fireEvent.click(screen.getByTestId('env-key-replace'));
    const input = screen.getByTestId('env-key-input') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.value).toBe('');
    expect(pageText()).not.toContain(canary);
  });

  it('clears the input as soon as the key is stored', async () => {
    const environment = sampleEnvironment({ name: 'Prod' });
    fake.environments.push(environment);
    renderWithQueries(<EnvironmentEditor environment={environment} onSaved={() => {}} />);
    const input = typeKey(canary);
    fireEvent.click(screen.getByTestId('env-key-store'));
    await waitFor(() => expect(fake.keys.get(environment.id)).toBe(canary));
    expect(input.value).toBe('');
    expect(pageText()).not.toContain(canary);
  });

  it('keeps the typed key after a keychain failure so the user can retry, and shows the hint', async () => {
    const environment = sampleEnvironment({ name: 'Prod' });
    fake.environments.push(environment);
    fake.failWith('setApiKey', {
      code: 'keychain-locked',
      message: 'The system keychain is locked.',
      hint: 'Unlock your keyring, then try again.',
    });
    renderWithQueries(<EnvironmentEditor environment={environment} onSaved={() => {}} />);
    const input = typeKey(canary);
    fireEvent.click(screen.getByTestId('env-key-store'));
    const failure = await screen.findByTestId('env-key-failure');
    expect(failure.getAttribute('data-error-code')).toBe('keychain-locked');
    expect(failure.textContent).toContain('Unlock your keyring');
    expect(input.value).toBe(canary);
    fake.failWith('setApiKey', null);
    fireEvent.click(screen.getByTestId('env-key-store'));
    await waitFor(() => expect(fake.keys.get(environment.id)).toBe(canary));
    expect(pageText()).not.toContain(canary);
  });
});

describe('Region hosts in the editor', () => {
  it('folds the selected region’s hosts under a disclosure that follows the region select', () => {
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    const hosts = screen.getByTestId('env-region-hosts') as HTMLDetailsElement;
    expect(hosts.tagName).toBe('DETAILS');
    expect(hosts.open).toBe(false);
    expect(hosts.dataset.region).toBe('us');
    expect(hosts.textContent).toContain('api.mailgun.net');
    expect(hosts.textContent).toContain('smtp.mailgun.org');
    expect(screen.getByTestId('env-region-hosts-ports').textContent).toBe('587, 465, 2525, 25');
    expect(hosts.textContent).toContain('mxa.mailgun.org');
    expect(hosts.textContent).toContain('mxb.mailgun.org');

    fireEvent.click(screen.getByTestId('env-region-eu'));
    const eu = screen.getByTestId('env-region-hosts');
    expect(eu.dataset.region).toBe('eu');
    for (const host of ['api.eu.mailgun.net', 'smtp.eu.mailgun.org', 'mxa.eu.mailgun.org', 'mxb.eu.mailgun.org', 'eu.mailgun.org']) {
      expect(eu.textContent).toContain(host);
    }
    expect(eu.textContent).toContain('EU region only');
    expect(eu.textContent).not.toContain('smtp.mailgun.org');

    // A custom URL has no known hosts, so the form stays without them.
    fireEvent.click(screen.getByTestId('env-region-custom'));
    expect(screen.queryByTestId('env-region-hosts')).toBeNull();
  });

  it('copies a host with its own button', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithQueries(<EnvironmentEditor environment={null} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId('env-region-eu'));
    const copy = screen.getByTestId('env-region-hosts-copy-smtp.eu.mailgun.org');
    expect(copy.getAttribute('aria-label')).toBe('Copy smtp.eu.mailgun.org');
    fireEvent.click(copy);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('smtp.eu.mailgun.org'));
    expect(screen.getAllByRole('button', { name: /^Copy / }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Copy api.eu.mailgun.net',
      'Copy smtp.eu.mailgun.org',
      'Copy mxa.eu.mailgun.org',
      'Copy mxb.eu.mailgun.org',
      'Copy eu.mailgun.org',
    ]);
  });
});
