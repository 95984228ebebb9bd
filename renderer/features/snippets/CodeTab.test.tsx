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
const KEY = 'key-revealed-123';

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
    if (method === 'revealSnippetWithKey') return { code: `auth=("api", "${KEY}") ${arg.language}\n` };
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

  it('reveals the key only after confirming, never caches it, and drops it on a change', async () => {
    const view = renderTab();
    await screen.findByTestId('snippet-code');
    fireEvent.click(screen.getByTestId('snippet-tab-python'));
    fireEvent.click(screen.getByTestId('snippet-reveal-key'));
    expect(callMock).not.toHaveBeenCalledWith('revealSnippetWithKey', expect.anything());
    fireEvent.click(screen.getByTestId('snippet-reveal-cancel'));
    expect(screen.queryByTestId('snippet-reveal-dialog')).toBeNull();

    fireEvent.click(screen.getByTestId('snippet-reveal-key'));
    fireEvent.click(screen.getByTestId('snippet-reveal-confirm'));
    await waitFor(() => expect(screen.getByTestId('snippet-code').textContent).toContain(KEY));
    expect(callMock).toHaveBeenCalledWith('revealSnippetWithKey', expect.objectContaining({ language: 'python', confirmed: true }));
    expect(
      JSON.stringify(
        client
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain(KEY);

    fireEvent.click(screen.getByTestId('snippet-tab-curl'));
    await waitFor(() => expect(screen.getByTestId('snippet-code').textContent).not.toContain(KEY));
    view.unmount();
    expect(
      JSON.stringify(
        client
          .getMutationCache()
          .getAll()
          .map((m) => m.state.data ?? null),
      ),
    ).not.toContain(KEY);
  });

  it('shows why no code could be made', async () => {
    callMock.mockRejectedValue(new Error('Parameter "to": Required.'));
    renderTab();
    expect((await screen.findByTestId('snippets-error')).textContent).toContain('Required');
  });
});
