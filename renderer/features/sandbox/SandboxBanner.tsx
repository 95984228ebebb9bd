import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isSandboxEnvironmentId } from '../../../shared/sandbox/constants';
import { call, toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import './sandbox.css';
import { queryKeys } from '../../app/query-keys';
import { useActiveEnvironment } from '../workbench';

/** While the built-in sandbox is active, nobody should mistake its answers for real Mailgun's. */
export function SandboxBanner() {
  const { environment } = useActiveEnvironment();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const isSandbox = environment !== null && environment !== undefined && isSandboxEnvironmentId(environment.id);
  // Says when the sandbox's own file could not be used or saved.
  const status = useQuery({ queryKey: queryKeys.sandboxStatus(), queryFn: () => call('getSandboxStatus'), enabled: isSandbox });
  const reset = useMutation({
    mutationFn: () => call('resetSandbox'),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.history() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.sandboxStatus() });
    },
  });
  if (!environment || !isSandbox) return null;
  return (
    <section className="sandbox-banner" role="status" aria-label="Offline sandbox" data-testid="sandbox-banner">
      <strong>Offline sandbox — not real Mailgun.</strong>
      <span>
        Requests go to a simulated Mailgun on this computer ({environment.region === 'eu' ? 'EU' : 'US'} region). Nothing is sent to anyone;
        data lives in the app's data folder.
      </span>
      {confirming ? (
        <span className="sandbox-banner-confirm">
          Reset deletes everything you created in the sandbox and restores the sample data.
          <Button variant="danger" onClick={() => reset.mutate()} disabled={reset.isPending} data-testid="sandbox-reset-confirm">
            {reset.isPending ? 'Resetting…' : 'Reset sandbox'}
          </Button>
          <Button onClick={() => setConfirming(false)}>Keep it</Button>
        </span>
      ) : (
        <Button onClick={() => setConfirming(true)} data-testid="sandbox-reset">
          Reset sandbox…
        </Button>
      )}
      {status.data?.warning ? (
        <span className="sandbox-banner-warning" data-testid="sandbox-warning">
          {status.data.warning}
        </span>
      ) : null}
      {reset.isError ? <ErrorNotice error={toAppError(reset.error)} /> : null}
    </section>
  );
}
