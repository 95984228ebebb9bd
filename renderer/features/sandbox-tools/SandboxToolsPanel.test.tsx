// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxDeliveryDetail, SandboxMessageDetail } from '../../../shared/bridge/sandbox-tools';
import { call } from '../../bridge/client';
import { SandboxToolsPanel } from './SandboxToolsPanel';

vi.mock('../../bridge/client', () => ({
  call: vi.fn(),
  toAppError: (error: unknown) => ({ code: 'internal', message: error instanceof Error ? error.message : 'failed', hint: '' }),
}));

const callMock = vi.mocked(call) as unknown as ReturnType<typeof vi.fn>;

const message: SandboxMessageDetail = {
  region: 'us',
  domain: 'mg.example.com',
  key: 'k1',
  messageId: '<1@mg.example.com>',
  storedAt: Date.UTC(2026, 11, 1, 12),
  from: 'shop@mg.example.com',
  to: 'ann@example.com',
  subject: 'Receipt',
  attachmentCount: 1,
  template: null,
  html: '<p style="color:red">Paid</p><script>alert(1)</script>',
  text: 'Paid',
  headers: [['X-Order', '42']],
  attachments: [{ index: 0, name: 'big.pdf', contentType: 'application/pdf', size: 3_000_000, kept: false }],
  mime: 'Subject: Receipt\r\n',
  previewUrl: 'mailgun-preview://message/us/mg.example.com/k1',
};

const delivery: InboxDeliveryDetail = {
  id: 'd1',
  receivedAt: Date.UTC(2026, 11, 1, 12),
  size: 100,
  contentType: 'application/json',
  event: 'delivered',
  recipient: 'ann@example.com',
  messageId: '1@mg.example.com',
  verdict: 'invalid',
  verdictMessage: 'The signature does not match.',
  userAgent: 'test',
  body: '{"signature": {}}',
  check: null,
};

beforeEach(() => {
  callMock.mockImplementation(async (method: string) => {
    switch (method) {
      case 'listEnvironments':
        return { environments: [], activeId: null };
      case 'listSandboxMessages':
        return [message];
      case 'getSandboxMessage':
        return message;
      case 'getWebhookInbox':
        return { url: 'http://127.0.0.1:5555/webhooks', deliveries: [delivery] };
      case 'getWebhookInboxDelivery':
        return delivery;
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
});
afterEach(() => {
  cleanup();
  callMock.mockReset();
});

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SandboxToolsPanel />
    </QueryClientProvider>,
  );
}

describe('sandbox tools', () => {
  it('shows a message’s HTML from main’s preview document in a frame that may run nothing', async () => {
    renderPanel();
    const frame = await screen.findByTestId('sandbox-message-frame');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('src')).toBe('mailgun-preview://message/us/mg.example.com/k1');
    expect(frame.hasAttribute('srcdoc')).toBe(false);
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(screen.getByTestId('sandbox-message-frame-note').textContent).toContain('links do not open');
  });

  it('offers no save for an attachment the sandbox could not keep', async () => {
    renderPanel();
    fireEvent.click(await screen.findByTestId('sandbox-message-tab-attachments'));
    const save = screen.getByTestId('sandbox-attachment-save-0') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByTestId('sandbox-message-attachments').textContent).toContain('application/pdf · 2.9 MB');
  });

  it('lists inbox deliveries with their verdict and refuses an empty replay URL', async () => {
    renderPanel();
    fireEvent.click(screen.getByTestId('sandbox-tools-tab-inbox'));
    await waitFor(() => expect(screen.getByTestId('webhook-inbox-url').textContent).toBe('http://127.0.0.1:5555/webhooks'));
    const row = await screen.findByTestId('webhook-inbox-row');
    expect(row.getAttribute('data-verdict')).toBe('invalid');
    expect(row.textContent).toContain('signature does not match');
    await waitFor(() => expect(screen.getByTestId('webhook-inbox-verdict').textContent).toContain('The signature does not match.'));
    expect((screen.getByTestId('webhook-inbox-replay') as HTMLButtonElement).disabled).toBe(true);
  });
});
