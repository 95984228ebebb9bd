// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../bridge/client';
import { CodeTab } from './CodeTab';

vi.mock('../../bridge/client', () => ({
  call: vi.fn(),
  toAppError: (error: unknown) => ({ code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' }),
}));

const callMock = vi.mocked(call) as unknown as ReturnType<typeof vi.fn>;

const generated = [
  { language: 'curl', label: 'cURL', code: 'curl --user "api:$MAILGUN_API_KEY" https://api.mailgun.net/v4/domains\n' },
  { language: 'python', label: 'Python (requests)', code: 'auth=("api", os.environ["MAILGUN_API_KEY"])\n' },
];

let client: QueryClient;

function renderTab(values = { params: { limit: '10' } }) {
  return render(
    <QueryClientProvider client={client}>
      <CodeTab environmentId="env-1" endpointId="domains.list" values={values} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  callMock.mockReset();
  callMock.mockImplementation(async (method: string, arg: { language?: string }) => {
    if (method === 'generateSnippets') return generated;
    if (method === 'copySnippetWithKey') return arg.language === 'python' ? { copied: true, clearAfterSeconds: 60 } : { copied: false };
    throw new Error(`unexpected ${method}`);
  });
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => undefined) }, configurable: true });
});

afterEach(cleanup);

describe('CodeTab', () => {
  it('shows each language with the key as an environment variable, and copies', async () => {
    renderTab();
    expect((await screen.findByTestId('snippet-code')).textContent).toContain('$MAILGUN_API_KEY');
    fireEvent.click(screen.getByTestId('snippet-tab-python'));
    expect(screen.getByTestId('snippet-code').textContent).toContain('os.environ["MAILGUN_API_KEY"]');
    fireEvent.click(screen.getByTestId('snippet-copy'));
    await waitFor(() => expect(screen.getByTestId('snippet-copy-status').textContent).toContain('Copied'));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(generated[1]?.code);
  });

  it('moves between languages with the arrow keys', async () => {
    renderTab();
    const curl = await screen.findByTestId('snippet-tab-curl');
    fireEvent.keyDown(curl, { key: 'ArrowRight' });
    expect(screen.getByTestId('snippet-tab-python').getAttribute('aria-selected')).toBe('true');
  });

  it('leaves "Copy with key" to main: it sends no key, shows none, and says what main did', async () => {
    renderTab();
    await screen.findByTestId('snippet-code');
    fireEvent.click(screen.getByTestId('snippet-tab-python'));
    fireEvent.click(screen.getByTestId('snippet-copy-with-key'));
    await waitFor(() => expect(screen.getByTestId('snippet-key-note').textContent).toMatch(/Copied with the API key.*60 seconds/));
    expect(callMock).toHaveBeenCalledWith('copySnippetWithKey', {
      environmentId: 'env-1',
      endpointId: 'domains.list',
      values: { params: { limit: '10' } },
      language: 'python',
    });
    // The page never touches the clipboard for this: main wrote it.
    expect(navigator.clipboard.writeText).not.toHaveBeenCalled();
    expect(screen.getByTestId('snippet-code').textContent).toContain('os.environ["MAILGUN_API_KEY"]');

    fireEvent.click(screen.getByTestId('snippet-tab-curl'));
    await waitFor(() => expect(screen.getByTestId('snippet-key-note').textContent).toContain('MAILGUN_API_KEY environment variable'));
    fireEvent.click(screen.getByTestId('snippet-copy-with-key'));
    await waitFor(() => expect(screen.getByTestId('snippet-copy-status').textContent).toBe('Not copied'));
  });

  it('shows why no code could be made', async () => {
    callMock.mockRejectedValue(new Error('Parameter "to": Required.'));
    renderTab();
    expect((await screen.findByTestId('snippets-error')).textContent).toContain('Required');
  });
});
