// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecoveryBanner } from './RecoveryBanner';
import { createFakeBridge, type FakeEnvironmentsBridge } from './testing/fake-bridge';
import { renderWithQueries } from './testing/render';

let fake: FakeEnvironmentsBridge;

beforeEach(() => {
  fake = createFakeBridge({
    recovery: [
      {
        id: 'notice-1',
        fileName: 'environments.json',
        movedTo: 'environments.corrupt-2026-01-01.json',
        at: '2026-01-01T10:00:00.000Z',
        reason: 'invalid-json',
        dropped: 0,
        message: 'environments.json was not valid JSON. The app started without the saved environments.',
      },
    ],
  });
  fake.install();
});

afterEach(() => {
  cleanup();
  fake.uninstall();
});

describe('RecoveryBanner', () => {
  it('says what happened and where the original was kept, until dismissed', async () => {
    renderWithQueries(<RecoveryBanner />);
    const banner = await screen.findByTestId('env-recovery-banner');
    expect(banner.textContent).toContain('was not valid JSON');
    expect(screen.getByTestId('env-recovery-moved-to').textContent).toBe('environments.corrupt-2026-01-01.json');
    fireEvent.click(screen.getByTestId('env-recovery-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('env-recovery-banner')).toBeNull());
    expect(fake.calls.find((entry) => entry.method === 'acknowledgeRecovery')?.arg).toEqual({ ids: ['notice-1'] });
  });

  it('shows nothing when there is nothing to report', async () => {
    fake.recovery = [];
    renderWithQueries(<RecoveryBanner />);
    await waitFor(() => expect(fake.calls.some((entry) => entry.method === 'listEnvironments')).toBe(true));
    expect(screen.queryByTestId('env-recovery-banner')).toBeNull();
  });
});
