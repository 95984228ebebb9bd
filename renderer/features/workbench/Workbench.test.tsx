// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Environment } from '../../../shared/environments/types';
import type { ResponseRecord } from '../../../shared/requests/types';
import { createWorkbenchStore } from '../../app/workbench-store';
import { BridgeError, call } from '../../bridge/client';
import { environmentList, renderWithProviders, testEnvironment } from './test-support';
import { type ResponseSlotState, Workbench } from './Workbench';

vi.mock('../../bridge/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../bridge/client')>()),
  call: vi.fn(),
}));
const callMock = vi.mocked(call);

function response(requestId: string): ResponseRecord {
  return {
    requestId,
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    timings: { startedAt: 0, ttfbMs: 5, totalMs: 9 },
    sizeBytes: 20,
    contentType: 'application/json',
    body: { kind: 'text', text: '{"message":"Queued"}' },
    historyId: 'h1',
    request: { method: 'POST', url: 'https://api.mailgun.net/v3/mg.example.com/messages', headerNames: [], authSent: true },
  };
}

let environments: Environment[];
let sendImpl: (arg: { requestId: string }) => Promise<unknown>;

beforeEach(() => {
  environments = [testEnvironment()];
  sendImpl = async (arg) => response(arg.requestId);
  callMock.mockImplementation((async (method: string, arg: { requestId: string }) => {
    if (method === 'listEnvironments') return environmentList(environments);
    if (method === 'sendRequest') return sendImpl(arg);
    if (method === 'cancelRequest') return { cancelled: true };
    throw new Error(`unexpected ${method}`);
  }) as unknown as typeof call);
});

afterEach(() => {
  cleanup();
  callMock.mockReset();
});

const sendCalls = () => callMock.mock.calls.filter(([method]) => method === 'sendRequest');

const slot = (state: ResponseSlotState) => (
  <div data-testid="slot" data-pending={String(state.pending)}>
    {state.response ? `status ${state.response.status}` : state.error ? `error ${state.error.code}` : 'nothing'}
  </div>
);

async function openWorkbench(endpointId: string) {
  const store = createWorkbenchStore();
  store.openEndpoint(endpointId);
  const rendered = renderWithProviders(<Workbench renderResponse={slot} />, { store });
  await screen.findByTestId('endpoint-workbench', {}, { timeout: 10_000 });
  return rendered;
}

describe('Workbench', () => {
  it('shows the live URL with the environment domain filled in', async () => {
    await openWorkbench('messages.send');
    expect(screen.getByTestId('resolved-url').textContent).toBe('https://api.mailgun.net/v3/mg.example.com/messages');
    fireEvent.change(screen.getByTestId('input-domain_name'), { target: { value: 'other.example.com' } });
    expect(screen.getByTestId('resolved-url').textContent).toBe('https://api.mailgun.net/v3/other.example.com/messages');
  });

  it('blocks a send with invalid values, shows every error and focuses the first', async () => {
    await openWorkbench('messages.send');
    fireEvent.change(screen.getByTestId('input-from'), { target: { value: 'not an address' } });
    fireEvent.click(screen.getByTestId('send-button'));
    expect(sendCalls()).toHaveLength(0);
    expect(screen.getByTestId('validation-summary').textContent).toMatch(/problems/);
    expect(screen.getByTestId('error-from').textContent).toContain('not an email address');
    expect(screen.getByTestId('error-subject').textContent).toBe('Required.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('input-from')));
  });

  it('sends valid values with Ctrl+Enter and hands the response to the slot', async () => {
    await openWorkbench('messages.send');
    fireEvent.change(screen.getByTestId('input-from'), { target: { value: 'me@mg.example.com' } });
    fireEvent.change(screen.getByTestId('input-to-0'), { target: { value: 'you@example.com' } });
    fireEvent.change(screen.getByTestId('input-subject'), { target: { value: 'Hi' } });
    fireEvent.change(screen.getByTestId('input-text'), { target: { value: 'Hello' } });
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    });
    await waitFor(() => expect(screen.getByTestId('slot').textContent).toBe('status 200'));
    const [, arg] = sendCalls()[0] ?? [];
    expect(arg).toMatchObject({
      environmentId: 'env-1',
      endpointId: 'messages.send',
      values: { params: { from: 'me@mg.example.com', to: ['you@example.com'], subject: 'Hi', text: 'Hello' } },
    });
    expect(arg).not.toHaveProperty('confirmedDestructive');
    expect((arg as { requestId: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps values per endpoint and environment across switches and a failed send', async () => {
    sendImpl = async () => {
      throw new BridgeError({ code: 'timeout', message: 'Mailgun did not answer in time.', hint: 'Try again.' });
    };
    const { store, queryClient } = await openWorkbench('domains.get');
    fireEvent.change(screen.getByTestId('input-name'), { target: { value: 'one.example.com' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('send-button'));
    });
    await waitFor(() => expect(screen.getByTestId('slot').textContent).toBe('error timeout'));
    expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('one.example.com');

    act(() => store.openEndpoint('messages.send'));
    await screen.findByTestId('input-from');
    act(() => store.openEndpoint('domains.get'));
    expect(((await screen.findByTestId('input-name')) as HTMLInputElement).value).toBe('one.example.com');
    expect(screen.getByTestId('slot').textContent).toBe('error timeout');

    const production = testEnvironment({ id: 'env-2', name: 'Production', domain: 'mg.example.org' });
    act(() => queryClient.setQueryData(['environments'], environmentList([environments[0] as Environment, production], 'env-2')));
    await waitFor(() => expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe(''));
    expect(screen.getByTestId('slot').textContent).toBe('nothing');
    act(() => queryClient.setQueryData(['environments'], environmentList([environments[0] as Environment, production], 'env-1')));
    await waitFor(() => expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('one.example.com'));
  });

  it('blocks changing endpoints in a read-only environment but not reads', async () => {
    environments = [testEnvironment({ readOnly: true, name: 'Production' })];
    const { store } = await openWorkbench('messages.send');
    const block = screen.getByTestId('send-blocked');
    expect(block.getAttribute('data-reason')).toBe('read-only');
    expect(block.textContent).toContain('“Production” is read-only');
    expect((screen.getByTestId('send-button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    expect(sendCalls()).toHaveLength(0);

    act(() => store.openEndpoint('domains.list'));
    await waitFor(() => expect(screen.getByTestId('endpoint-workbench').getAttribute('data-endpoint-id')).toBe('domains.list'));
    expect(screen.queryByTestId('send-blocked')).toBeNull();
    expect((screen.getByTestId('send-button') as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks before a DELETE, naming the resource, then sends with confirmedDestructive', async () => {
    await openWorkbench('bounces.delete-one');
    fireEvent.change(screen.getByTestId('input-address'), { target: { value: 'alice@example.com' } });
    fireEvent.click(screen.getByTestId('send-button'));
    expect(screen.getByTestId('delete-confirm-title').textContent).toBe('Delete bounce for alice@example.com on mg.example.com?');
    expect(document.activeElement).toBe(screen.getByTestId('delete-confirm-cancel'));
    fireEvent.click(screen.getByTestId('delete-confirm-cancel'));
    expect(screen.queryByTestId('delete-confirm')).toBeNull();
    expect(sendCalls()).toHaveLength(0);

    fireEvent.click(screen.getByTestId('send-button'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('delete-confirm-confirm'));
    });
    expect(sendCalls()).toHaveLength(1);
    expect(sendCalls()[0]?.[1]).toMatchObject({ endpointId: 'bounces.delete-one', confirmedDestructive: true });
  });

  it('warns when a domain sending key is used for anything but sending', async () => {
    environments = [testEnvironment({ keyKind: 'sending' })];
    const { store } = await openWorkbench('domains.list');
    expect(screen.getByTestId('key-kind-warning').getAttribute('data-reason')).toBe('not-sending');
    act(() => store.openEndpoint('messages.send'));
    await waitFor(() => expect(screen.queryByTestId('key-kind-warning')).toBeNull());
  });

  it('cancels an in-flight request with Escape', async () => {
    let reject: (e: unknown) => void = () => undefined;
    sendImpl = () =>
      new Promise((_, r) => {
        reject = r;
      });
    await openWorkbench('domains.list');
    await act(async () => {
      fireEvent.click(screen.getByTestId('send-button'));
    });
    expect(screen.getByTestId('slot').getAttribute('data-pending')).toBe('true');
    const requestId = (sendCalls()[0]?.[1] as { requestId: string } | undefined)?.requestId;
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    expect(callMock).toHaveBeenCalledWith('cancelRequest', { requestId });
    await act(async () => reject(new BridgeError({ code: 'cancelled', message: 'Cancelled.', hint: '' })));
    await waitFor(() => expect(screen.getByTestId('slot').textContent).toBe('error cancelled'));
  });

  it('opens an endpoint again with values from history', async () => {
    const { store } = await openWorkbench('domains.list');
    act(() =>
      store.openEndpoint('messages.send', {
        params: { from: 'me@mg.example.com', 'o:tag': ['a', 'b'] },
        extra: [{ name: 'v:x', value: '1' }],
      }),
    );
    expect(((await screen.findByTestId('input-from')) as HTMLInputElement).value).toBe('me@mg.example.com');
    fireEvent.click(screen.getByTestId('tab-options'));
    expect(screen.getAllByTestId('family-row').map((r) => r.getAttribute('data-name'))).toEqual(['o:tag', 'o:tag', 'v:x']);
  });

  it('still shows the form when environments cannot be read, with sending blocked', async () => {
    callMock.mockImplementation((async (method: string) => {
      if (method === 'listEnvironments')
        throw new BridgeError({ code: 'storage-failed', message: 'Could not read environments.', hint: 'Check the data folder.' });
      throw new Error(`unexpected ${method}`);
    }) as unknown as typeof call);
    await openWorkbench('domains.list');
    expect(screen.getByTestId('workbench-environment-error').textContent).toContain('Could not read environments.');
    expect(screen.getByTestId('send-blocked').getAttribute('data-reason')).toBe('no-environment');
    expect((screen.getByTestId('send-button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('invites the user to pick an endpoint when none is selected', async () => {
    renderWithProviders(<Workbench renderResponse={slot} />);
    expect(await screen.findByTestId('workbench-empty')).toBeTruthy();
  });
});
