// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyKindWarning, keyKindWarningFor } from './KeyKindWarning';
import { createFakeBridge, sampleEnvironment } from './testing/fake-bridge';
import { renderWithQueries } from './testing/render';

afterEach(cleanup);

describe('key kind warning', () => {
  const sending = { keyKind: 'sending', domain: 'mg.example.com' } as const;

  it('fills domain placeholders from the environment before checking', () => {
    expect(keyKindWarningFor(sending, { method: 'POST', path: '/v3/{domain_name}/messages' })).toEqual({ warn: false });
    expect(keyKindWarningFor(sending, { method: 'GET', path: '/v3/{domain}/events' })).toMatchObject({ warn: true, reason: 'not-sending' });
    expect(keyKindWarningFor(null, { method: 'GET', path: '/v3/domains' })).toEqual({ warn: false });
  });

  it('renders only when the active environment has a sending key the request cannot use', async () => {
    const fake = createFakeBridge({ environments: [sampleEnvironment({ keyKind: 'sending' })] });
    fake.install();
    try {
      const { rerender } = renderWithQueries(<KeyKindWarning method="GET" path="/v3/domains" />);
      expect((await screen.findByTestId('key-kind-warning')).textContent).toMatch(/domain sending key/);
      rerender(<KeyKindWarning method="POST" path="/v3/mg.example.com/messages" />);
      await waitFor(() => expect(screen.queryByTestId('key-kind-warning')).toBeNull());
    } finally {
      fake.uninstall();
    }
  });
});
